// Issue 3 and 4 measures: parsing the seed notes, a 2 MB notes file,
// re-importing an unchanged file, and generating + grading 100,000 variants.
import fs from 'node:fs';
import path from 'node:path';
import { parseNotes } from '../cards/notes/parse.ts';
import { generateAndGrade } from '../cards/problems/bench.ts';
import { Store } from '../db/store.ts';
import { App } from '../service/app.ts';
import { defaultDeckPath } from '../service/deck.ts';
import { median, timeMedian, type BenchRow } from './measure.ts';
import type { BenchContext } from './suites.ts';

export async function benchCards(ctx: BenchContext): Promise<BenchRow[]> {
  const seed = fs.readFileSync(defaultDeckPath(), 'utf8');
  const parseSeed = timeMedian(() => void parseNotes(seed, { deck: 'bench' }), ctx.quick ? 10 : 50, 5);
  const big = Array.from({ length: 100 }, (_, i) => seed.replace(/^# /gm, `# [${i}] `)).join('\n');
  const parseBig = timeMedian(() => void parseNotes(big, { deck: 'bench' }), 3, 1);

  // A separate small profile: the question is "does an unchanged re-import write anything".
  const store = Store.open(path.join(ctx.dir, 'reimport.db'), { create: true });
  const app = new App(store);
  await app.importDefaultDeck();
  const before = store.db.prepare('SELECT total_changes()').pluck().get() as number;
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t0 = process.hrtime.bigint();
    await app.importDefaultDeck();
    if (i > 0) times.push(Number(process.hrtime.bigint() - t0) / 1e6); // the first one loads the parser
  }
  const reimport = median(times);
  const written = (store.db.prepare('SELECT total_changes()').pluck().get() as number) - before;
  store.close();

  const n = ctx.quick ? 10_000 : 100_000;
  const t = process.hrtime.bigint();
  generateAndGrade(n);
  const gen = Number(process.hrtime.bigint() - t) / 1e6;

  return [
    { name: 'parse + extract the seed notes', value: parseSeed, unit: 'ms', target: '< 50 ms', pass: parseSeed < 50 },
    { name: `parse the seed ×100 (${(big.length / 1e6).toFixed(1)} MB)`, value: parseBig, unit: 'ms', target: '< 2000 ms', pass: parseBig < 2000 },
    { name: 're-import unchanged default deck', value: reimport, unit: 'ms', target: '0 rows written', pass: written === 0, note: `${written} rows written by 6 re-imports` },
    { name: `generate + grade ${n.toLocaleString()} variants`, value: gen, unit: 'ms', target: ctx.quick ? '< 100 ms' : '< 1000 ms', pass: gen < (ctx.quick ? 100 : 1000) },
  ];
}
