// Start-up CPU time (issue 12, item 11): `deeprecall --help` against `node -e 0`,
// `serve` ready on an existing profile, and a fresh profile's first card.
// CPU time (user+system of the child), not wall time: the bench machine is
// shared and its load swings wall times by 2–5×. Run alone: `npx tsx bench/start.ts`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, type BenchRow } from './measure.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/deeprecall.js');
// Prints the process's own CPU time when it exits (a 3-line preload, same cost for both sides).
const PRELOAD = path.join(ROOT, 'bench', 'cpu-at-exit.cjs');
const TICK_MS = 1000 / 100; // Linux USER_HZ

/** CPU ms of `node <args>` from start to exit. */
function cpuToExit(args: string[]): number {
  const r = spawnSync(process.execPath, ['--require', PRELOAD, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DEEPRECALL_BENCH_CPU: '1' } });
  const m = /@@cpu (\d+)/.exec(r.stderr);
  if (!m) throw new Error(`no CPU figure from node ${args.join(' ')}: ${r.stderr.slice(0, 300)}`);
  return Number(m[1]) / 1000;
}

/** CPU ms of a running process, from /proc (Linux only). */
function procCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * TICK_MS; // utime, stime
}

/** Start `serve` on `db`; CPU ms when it prints `open:` and, if asked, after its first nextCard answer. */
async function serveCpu(db: string, firstCard: boolean): Promise<{ ready: number; card?: number }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<URL>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /open: (\S+)/.exec(out);
        if (m) resolve(new URL(m[1]!));
      });
      child.once('exit', (code) => reject(new Error(`serve exited (${code}) before it was ready`)));
    });
    const ready = procCpuMs(child.pid!);
    if (!firstCard) return { ready };
    const res = await fetch(new URL('/api/nextCard', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-deeprecall-token': url.searchParams.get('token')! },
      body: '{}',
    });
    const body = (await res.json()) as { result?: unknown };
    if (res.status !== 200 || !body.result) throw new Error(`nextCard answered ${res.status}`);
    return { ready, card: procCpuMs(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(null)));
  }
}

export async function benchStart(runs = 5): Promise<BenchRow[]> {
  if (process.platform !== 'linux') return [{ name: 'start-up CPU', value: NaN, unit: '', note: 'skipped: reads /proc (Linux only)' }];
  const node0 = median(Array.from({ length: runs }, () => cpuToExit(['-e', '0'])));
  const help = median(Array.from({ length: runs }, () => cpuToExit([BIN, '--help'])));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deeprecall-start-'));
  try {
    const fresh: number[] = [];
    const existing: number[] = [];
    const existingCard: number[] = [];
    for (let i = 0; i < Math.max(2, runs >> 1); i++) {
      const db = path.join(dir, `p${i}.db`);
      fresh.push((await serveCpu(db, true)).card!);
      const again = await serveCpu(db, true);
      existing.push(again.ready);
      existingCard.push(again.card!);
    }
    const ratio = help / node0;
    return [
      { name: 'CLI --help CPU vs node -e 0', value: help, unit: 'ms CPU', floor: node0, ratio, target: '≤ 2× floor', pass: ratio <= 2 },
      { name: 'serve ready, existing profile', value: median(existing), unit: 'ms CPU', target: '< 300 ms', pass: median(existing) < 300, note: `CPU of the server process at its \`open:\` line (listening; the service loads after it); to its first nextCard answer ${median(existingCard).toFixed(0)} ms` },
      { name: 'fresh profile → first card (server)', value: median(fresh), unit: 'ms CPU', target: '< 1000 ms', pass: median(fresh) < 1000, note: 'start, default deck, first nextCard; page rendering is the ui suite' },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const r of await benchStart()) console.log(`${r.name}: ${r.value.toFixed(0)} ${r.unit}${r.floor ? ` (floor ${r.floor.toFixed(0)}, ${r.ratio!.toFixed(2)}×)` : ''} ${r.pass ? 'ok' : 'FAILED'}`);
}
