// The background loading after the first screen (renderer/lib/warm.ts): it
// waits for the first screen and a delay, runs one task at a time (each in its
// own idle moment), goes on past a failure, and stops when asked.
import { describe, expect, it } from 'vitest';
import { warmInTurn, type WarmTimers } from '../../../renderer/lib/warm.ts';

/** Timers run by hand: `fire()` runs what is due, in order. */
function manualTimers() {
  const queue: { id: number; kind: 'timeout' | 'idle'; ms: number; fn: () => void }[] = [];
  let next = 1;
  const timers: WarmTimers = {
    setTimeout: (fn, ms) => (queue.push({ id: next, kind: 'timeout', ms, fn }), next++),
    clearTimeout: (h) => void queue.splice(queue.findIndex((t) => t.id === h), 1),
    idle: (fn) => (queue.push({ id: next, kind: 'idle', ms: 0, fn }), next++),
    cancelIdle: (h) => void queue.splice(queue.findIndex((t) => t.id === h), 1),
  };
  return { timers, queue, fire: () => queue.shift()!.fn() };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('warmInTurn', () => {
  it('starts after the first screen and the delay, then one task per idle moment, past a failure', async () => {
    const t = manualTimers();
    const ran: string[] = [];
    let releaseFirst!: () => void;
    const first = new Promise<void>((r) => (releaseFirst = r));
    const task = (name: string, fail = false) => async () => {
      ran.push(name);
      if (fail) throw new Error(name);
    };
    warmInTurn([task('katex'), task('renderer', true), task('stats')], first, 1500, t.timers);
    await settle();
    expect(t.queue).toEqual([]); // nothing before the first card
    releaseFirst();
    await settle();
    expect(t.queue.map((q) => [q.kind, q.ms])).toEqual([['timeout', 1500]]);
    t.fire();
    expect(ran).toEqual([]);
    expect(t.queue.map((q) => q.kind)).toEqual(['idle']);
    t.fire();
    expect(ran).toEqual(['katex']);
    expect(t.queue).toEqual([]); // the next waits until this one has settled
    await settle();
    t.fire();
    await settle();
    expect(ran).toEqual(['katex', 'renderer']);
    t.fire(); // after a failure too
    await settle();
    expect(ran).toEqual(['katex', 'renderer', 'stats']);
    expect(t.queue).toEqual([]);
  });

  it('stops: a pending delay or idle callback is cancelled and nothing more runs', async () => {
    const t = manualTimers();
    const ran: string[] = [];
    const stop = warmInTurn([async () => void ran.push('a'), async () => void ran.push('b')], Promise.resolve(), 10, t.timers);
    await settle();
    t.fire();
    t.fire();
    await settle();
    expect(ran).toEqual(['a']);
    expect(t.queue.length).toBe(1);
    stop();
    expect(t.queue).toEqual([]);
    expect(ran).toEqual(['a']);
  });
});
