// A task worker lowers its own thread's priority, and only where that call
// touches one thread (Linux); elsewhere it would slow the whole app.
import { describe, expect, it } from 'vitest';
import { lowerProcessPriority, lowerThreadPriority, lowersPriority, PROCESS_TASKS, WORKER_NICE } from '../../../service/worker/priority.ts';

describe('lowerThreadPriority', () => {
  it('on Linux: the calling thread (pid 0) to nice 10', () => {
    const calls: [number, number][] = [];
    expect(lowerThreadPriority('linux', (pid, nice) => calls.push([pid, nice]))).toBe(true);
    expect(calls).toEqual([[0, WORKER_NICE]]);
    expect(WORKER_NICE).toBe(10);
  });

  it('on macOS and Windows: nothing, since there the call lowers the whole process', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const calls: unknown[] = [];
      expect(lowerThreadPriority(platform, (...a) => calls.push(a))).toBe(false);
      expect(calls).toEqual([]);
    }
  });

  it('a refused renice is not an error: the worker runs at normal priority', () => {
    expect(lowerThreadPriority('linux', () => {
      throw new Error('EACCES');
    })).toBe(false);
  });

  it('every task but the reviews.csv export runs lowered: the export\'s other half is the host thread itself', () => {
    for (const kind of ['doctor', 'doctorPages', 'doctorLogic', 'evaluate', 'optimize']) expect(lowersPriority(kind)).toBe(true);
    expect(lowersPriority('reviewsCsv')).toBe(false);
  });
});

describe('lowerProcessPriority (a task\'s child process)', () => {
  it('on Linux: every thread by its id, a thread started during the first pass too, each once', () => {
    const calls: [number, number][] = [];
    const listings = [[100, 101, 102], [100, 101, 102, 103]];
    let pass = 0;
    expect(lowerProcessPriority('linux', (tid, nice) => calls.push([tid, nice]), () => listings[pass++]!)).toBe(4);
    expect(calls).toEqual([[100, 10], [101, 10], [102, 10], [103, 10]]);
  });

  it('a thread that ended between the listing and the call is skipped; the others are lowered', () => {
    const calls: number[] = [];
    const set = (tid: number) => {
      if (tid === 101) throw new Error('ESRCH');
      calls.push(tid);
    };
    expect(lowerProcessPriority('linux', set, () => [100, 101])).toBe(1);
    expect(calls).toEqual([100]);
  });

  it('elsewhere: the whole process at once (pid 0), which is what a child wants', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const calls: [number, number][] = [];
      expect(lowerProcessPriority(platform, (pid, nice) => calls.push([pid, nice]), () => [])).toBe(1);
      expect(calls).toEqual([[0, WORKER_NICE]]);
    }
  });

  it('the FSRS tasks are the ones that get a process', () => {
    expect([...PROCESS_TASKS].sort()).toEqual(['evaluate', 'optimize']);
  });
});
