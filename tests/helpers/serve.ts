// `deeprecall serve` as its own process, the way a user runs browser mode, for
// tests and benches that must kill it, measure it, or race another process.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/deeprecall.js');

export interface ServeInfo {
  url: string;
  port: number;
  token: string;
}

export interface ApiReply {
  status: number;
  body: { result?: unknown; error?: string };
}

export interface Served {
  child: ChildProcess;
  /** Resolves on the `open: <url>` line; rejects if the process exits first. */
  ready: Promise<ServeInfo>;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
}

export function spawnServe(db: string, env: NodeJS.ProcessEnv = {}, extra: string[] = []): Served {
  const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0', ...extra], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const ready = new Promise<ServeInfo>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /open: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))/.exec(out);
      if (m) resolve({ url: m[1]!, port: Number(m[2]), token: m[3]! });
    });
    void exited.then(({ code, signal }) => reject(new Error(`deeprecall serve exited (${signal ?? code}) before it was ready: ${err.trim() || out.trim()}`)));
  });
  ready.catch(() => undefined); // a caller that kills during start-up need not await it
  return { child, ready, exited, stderr: () => err };
}

/** One AppApi call over HTTP. Rejects only when the connection fails (e.g. the server was killed). */
export async function callApi(s: ServeInfo, method: string, args: unknown = {}, token = s.token): Promise<ApiReply> {
  const res = await fetch(`http://127.0.0.1:${s.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-deeprecall-token': token },
    body: JSON.stringify(args),
  });
  return { status: res.status, body: (await res.json()) as ApiReply['body'] };
}

/** SIGKILL and wait until the process is really gone (its file handles closed). */
export async function kill9(s: Served): Promise<void> {
  if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  await s.exited;
}

/** A small seeded PRNG (mulberry32): the same seed replays the same kill moments. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Run `deeprecall <args>` as its own process (not in-process: the point is a second process on the file). */
export function runCli(args: string[], timeoutMs = 90_000): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`deeprecall ${args.join(' ')} did not finish in ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}
