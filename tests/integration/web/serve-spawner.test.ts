// `deeprecall serve` forks the FSRS tasks' spawner (service/worker/spawner.ts)
// a few seconds after it is ready, so a later evaluation never forks the
// server; a stopped server leaves no spawner behind.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kill9, spawnServe } from '../../helpers/serve.ts';
import { tmpDir } from '../../helpers/tmp.ts';

/** The children of `pid` whose command line has `flag` (Linux /proc). */
function childrenWith(pid: number, flag: string): number[] {
  let ids: string[] = [];
  try {
    ids = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  } catch {
    return [];
  }
  return ids.map(Number).filter((c) => {
    try {
      return fs.readFileSync(`/proc/${c}/cmdline`, 'utf8').split('\0').includes(flag);
    } catch {
      return false;
    }
  });
}

const running = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[0] !== 'Z';
  } catch {
    return false;
  }
};

describe.runIf(process.platform === 'linux')('serve and the FSRS spawner', () => {
  it('forks the spawner once after start-up, and it ends when serve stops', async () => {
    const served = spawnServe(path.join(tmpDir(), 's.db'));
    let spawner: number | undefined;
    try {
      await served.ready;
      const pid = served.child.pid!;
      for (let t = 0; t < 15_000 && spawner === undefined; t += 100) {
        spawner = childrenWith(pid, '--deeprecall-spawner')[0];
        if (spawner === undefined) await new Promise((r) => setTimeout(r, 100));
      }
      expect(spawner).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 500));
      expect(childrenWith(pid, '--deeprecall-spawner')).toEqual([spawner]); // one, not one per timer tick
      served.child.kill('SIGTERM');
      expect((await served.exited).code).toBe(0);
      let alive = true;
      for (let t = 0; t < 5000 && alive; t += 50) {
        alive = running(spawner!);
        if (alive) await new Promise((r) => setTimeout(r, 50));
      }
      expect(alive).toBe(false);
    } finally {
      if (served.child.exitCode === null) await kill9(served);
    }
  }, 30_000);
});
