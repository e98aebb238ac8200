// `npm run bench [-- --json] [-- --quick] [-- --only core,ui]`: every performance
// target of the issues in one run, one table, each measure with its floor/target
// and ratio. `--only` runs the named suites alone (a quick check while working on one
// area; the verdict on a change is always the whole bench on a quiet machine).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Store } from '../db/store.ts';
import { App } from '../service/app.ts';
import { studyDay } from '../srs/day.ts';
import { benchCore } from './core.ts';
import type { BenchRow } from './measure.ts';
import { SUITES } from './suites.ts';
import { fillStatsFixture } from './statsFixture.ts';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean)) : null;
const log = (s: string) => {
  if (!json) process.stderr.write(`${s}\n`);
};

const CARDS = quick ? 10_000 : 100_000;
const REVIEWS = quick ? 100_000 : 1_000_000;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deeprecall-bench-'));
  const rows: BenchRow[] = [];
  try {
    const file = path.join(dir, 'bench.db');
    const store = Store.open(file, { create: true });
    const nowMs = Date.parse('2026-11-27T10:00:00Z');
    const clock = { now: () => nowMs, utcOffsetMinutes: () => 0 };
    const today = studyDay(nowMs, 0, 4);
    let t = Date.now();
    fillStatsFixture(store, { cards: CARDS, reviews: REVIEWS, today });
    store.db.pragma('optimize');
    log(`fixture: ${CARDS.toLocaleString()} cards, ${REVIEWS.toLocaleString()} reviews in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const app = new App(store, clock);
    const ctx = { store, app, today, dir, file, quick, log };
    const suites = [{ name: 'core', run: () => benchCore(store, app, today) }, ...SUITES];
    const unknown = only ? [...only].filter((n) => !suites.some((s) => s.name === n)) : [];
    if (unknown.length) throw new Error(`--only: no suite named ${unknown.join(', ')} (suites: ${suites.map((s) => s.name).join(', ')})`);
    for (const suite of suites) {
      if (only && !only.has(suite.name)) continue;
      t = Date.now();
      try {
        rows.push(...(await suite.run(ctx)));
      } catch (err) {
        rows.push({ name: `${suite.name}: FAILED`, value: NaN, unit: '', pass: false, note: (err as Error).message });
      }
      log(`${suite.name} done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    store.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(rows.map(({ name, value, unit, floor, ratio, target, pass, note }) => ({ name, value, unit, floor: floor ?? null, ratio: ratio ?? null, target: target ?? null, pass: pass ?? null, note: note ?? null })), null, 2)}\n`);
  } else {
    printTable(rows);
  }
  process.exitCode = rows.some((r) => r.pass === false) ? 1 : 0;
}

function fmt(n: number | undefined, digits = 3): string {
  if (n === undefined || Number.isNaN(n)) return '';
  return n >= 100 ? n.toFixed(0) : n.toPrecision(digits);
}

function printTable(rows: BenchRow[]): void {
  const head = ['measure', 'median', 'unit', 'floor', 'ratio', 'target', 'ok'];
  const body = rows.map((r) => [r.name, fmt(r.value), r.unit, fmt(r.floor), r.ratio !== undefined ? `${r.ratio.toFixed(2)}×` : '', r.target ?? '', r.pass === undefined ? '' : r.pass ? 'yes' : 'NO']);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => [...b[i]!].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
  for (const r of rows) if (r.note) console.log(`  · ${r.name}: ${r.note}`);
}

await main();
