import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.ts';
import { tmpDir } from '../../helpers/tmp.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'deeprecall', ...argv], { out: (s) => (out += s.endsWith('\n') ? s : `${s}\n`), err: (s) => (err += s.endsWith('\n') ? s : `${s}\n`) });
  return { code, out, err };
}

describe('deeprecall CLI', () => {
  it('runs through bin/ as `npx deeprecall` would', () => {
    const out = execFileSync(process.execPath, ['bin/deeprecall.js', '--help'], { encoding: 'utf8' });
    expect(out).toMatch(/Usage: deeprecall/);
    for (const cmd of ['import', 'cards', 'due', 'stats', 'problems', 'grade', 'serve']) expect(out).toContain(cmd);
  });

  it.each(['import', 'cards', 'due', 'stats', 'problems', 'grade', 'serve'])('%s --help documents --db', async (cmd) => {
    const r = await run(cmd, '--help');
    expect(r.code).toBe(0);
    if (!['problems', 'grade'].includes(cmd)) expect(r.out).toContain('--db');
  });

  it('imports the bundled deck into a new DB, then reports due counts and stats as JSON', async () => {
    const db = path.join(tmpDir(), 'p', 'cli.db');
    const imp = await run('import', '--db', db, '--json');
    expect(imp.code).toBe(0);
    const report = JSON.parse(imp.out);
    expect(report.counts.new).toBeGreaterThan(50);
    const again = JSON.parse((await run('import', '--db', db, '--json')).out);
    expect(again.counts.new).toBe(0);
    expect(again.counts.unchanged).toBe(report.cards);
    const due = JSON.parse((await run('due', '--db', db, '--json')).out);
    expect(due).toMatchObject({ new: 20, due: 0 });
    const stats = await run('stats', '--db', db, '--json');
    expect(stats.code).toBe(0);
    expect(JSON.stringify(JSON.parse(stats.out))).toMatch(/new/);
  });

  it('bad arguments: non-zero exit and a one-line error', async () => {
    const r1 = await run('problems', '--count', 'abc', '--all');
    expect(r1.code).not.toBe(0);
    expect(r1.err).toMatch(/--count must be an integer/);
    const r2 = await run('frobnicate');
    expect(r2.code).not.toBe(0);
    expect(r2.err).toMatch(/unknown command/);
    const r3 = await run('grade', '--template', 'no.such', '--seed', '1', '--answer', '3');
    expect(r3.code).not.toBe(0);
    expect(r3.err.trim().split('\n')).toHaveLength(1);
  });

  it('a missing, corrupt or unreadable DB: one line naming the file, file untouched', async () => {
    const dir = tmpDir();
    const missing = path.join(dir, 'none.db');
    const r1 = await run('due', '--db', missing);
    expect(r1.code).not.toBe(0);
    expect(r1.err).toContain(missing);
    expect(fs.existsSync(missing)).toBe(false);

    const corrupt = path.join(dir, 'corrupt.db');
    fs.writeFileSync(corrupt, Buffer.alloc(4096, 7));
    const r2 = await run('import', '--db', corrupt);
    expect(r2.code).not.toBe(0);
    expect(r2.err).toContain(corrupt);
    expect(r2.err.trim().split('\n')).toHaveLength(1);
    expect(fs.readFileSync(corrupt).equals(Buffer.alloc(4096, 7))).toBe(true);
  });

  it('reads the DB path from $DEEPRECALL_DB', () => {
    const db = path.join(tmpDir(), 'env.db');
    const r = spawnSync(process.execPath, ['bin/deeprecall.js', 'import', '--json'], { encoding: 'utf8', env: { ...process.env, DEEPRECALL_DB: db } });
    expect(r.status).toBe(0);
    expect(fs.existsSync(db)).toBe(true);
  });
});
