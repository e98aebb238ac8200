// The optimizer binding is optional: with a loader that throws (another
// platform), the app says so plainly, keeps default parameters, and FSRS,
// evaluation and the simulator still work. Where it is present, its SM-2
// conversion equals ours and fitting uses the learner's history.
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { bindingModule, loadBinding } from '../../../service/fsrs/binding.ts';
import { evaluateLog } from '../../../service/fsrs/evaluate.ts';
import { DEFAULT_WEIGHTS } from '../../../srs/fsrs/config.ts';
import { sm2ToMemoryState } from '../../../srs/fsrs/convert.ts';
import { syntheticLog } from '../../../srs/eval/synthetic.ts';
import { fakeClock } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';

const missing = () => {
  throw new Error("Cannot find module '@open-spaced-repetition/binding-win32-arm64-msvc'");
};
const present = loadBinding();

describe('without the optimizer binary', () => {
  it('says so plainly and keeps defaults; switching, answering, evaluating and simulating still work', async () => {
    const store = Store.open(path.join(tmpDir(), 'nb.db'), { create: true });
    const app = new App(store, fakeClock(), { fsrsBinding: missing });
    await app.ensureDefaultDeck();
    const api = app.client();
    const st = await api.fsrsStatus();
    expect(st.optimizer.available).toBe(false);
    expect(st.optimizer.reason).toMatch(/not available on this platform.*default parameters/);
    await api.switchScheduler({ scheduler: 'fsrs' });
    const next = await api.nextCard();
    await api.answer({ cardId: next.card!.id, quality: 4, elapsedMs: 500 });
    const job = await api.fsrsJobStart({ kind: 'optimize' });
    const done = await app.fsrs.jobs.wait(job.id);
    expect(done.state).toBe('ready');
    expect(done.optimize).toMatchObject({ fitted: false, weights: null });
    expect(done.optimize!.message).toMatch(/not available/);
    expect((await api.fsrsStatus()).weights).toBe('default');
    const sim = await app.fsrs.jobs.wait((await api.fsrsJobStart({ kind: 'simulate' })).id);
    expect(sim.simulate).toHaveLength(6);
    store.close();
  });

  it('evaluation reports SM-2 and FSRS-default only', async () => {
    const r = await evaluateLog(syntheticLog({ seed: 5, cards: 200, reviews: 3000 }), loadBinding(missing));
    expect(r.models.map((m) => m.name)).toEqual(['sm2', 'fsrs-default']);
    expect(r.optimizer.fitted).toBe(false);
  });

  it('with too few answers says so and keeps defaults', async () => {
    const r = await evaluateLog(syntheticLog({ seed: 5, cards: 30, reviews: 300 }), present);
    expect(r.optimizer.fitted).toBe(false);
    expect(r.optimizer.message ?? '').toMatch(/needs about 400|not available/);
  });
});

describe.skipIf(!present.available)('with the binding' + (present.available ? '' : ` (skipped: ${present.available ? '' : present.reason})`), () => {
  it('memoryStateFromSM2 equals the documented formula', () => {
    const b = createRequire(import.meta.url)(bindingModule()) as { FSRSBinding: new () => { memoryStateFromSM2(e: number, i: number, r: number): { stability: number; difficulty: number } } };
    const f = new b.FSRSBinding();
    for (const [ease, ivl] of [[2.5, 10], [1.3, 1], [3.1, 200], [2.0, 45]] as const) {
      const ours = sm2ToMemoryState(DEFAULT_WEIGHTS, ease, ivl);
      const theirs = f.memoryStateFromSM2(ease, ivl, 0.9);
      expect(ours.stability).toBeCloseTo(theirs.stability, 3);
      expect(ours.difficulty).toBeCloseTo(theirs.difficulty, 3);
    }
  });

  it('fits parameters on the earlier part and scores all three models', async () => {
    const r = await evaluateLog(syntheticLog({ seed: 8, cards: 300, reviews: 4000 }), present);
    expect(r.models.map((m) => m.name)).toEqual(['sm2', 'fsrs-default', 'fsrs-optimized']);
    const by = Object.fromEntries(r.models.map((m) => [m.name, m]));
    expect(by['fsrs-optimized']!.logLoss).toBeLessThan(by.sm2!.logLoss);
  });
});

describe('the platform package name', () => {
  it('names the napi-rs package of each platform', () => {
    expect(bindingModule('linux', 'x64')).toBe('@open-spaced-repetition/binding-linux-x64-gnu');
    expect(bindingModule('darwin', 'arm64')).toBe('@open-spaced-repetition/binding-darwin-arm64');
    expect(bindingModule('win32', 'x64')).toBe('@open-spaced-repetition/binding-win32-x64-msvc');
  });
});
