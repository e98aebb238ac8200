// A task worker lowers its own thread's priority, and only where that call
// touches one thread (Linux); elsewhere it would slow the whole app.
import { describe, expect, it } from 'vitest';
import { lowerThreadPriority, lowersPriority, WORKER_NICE } from '../../../service/worker/priority.ts';

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
