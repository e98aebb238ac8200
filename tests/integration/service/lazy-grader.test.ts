// The answer parser (mathjs, ~700 kB of the CLI bundle) is not part of
// start-up: the service loads, imports the default deck and serves cards
// without it, and loads it at the first typed answer (issue 12 item 11).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { graderLoaded } from '../../../service/review.ts';
import { fakeClock } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';
import { moduleGraph } from '../../helpers/staticGraph.ts';


describe('the grader loads at the first typed answer', () => {
  it('serves cards without it, then grades a typed answer through dispatch', async () => {
    const store = Store.open(path.join(tmpDir(), 'lazy.db'), { create: true });
    const app = new App(store, fakeClock());
    const api = app.client();
    await app.ensureDefaultDeck();
    await api.updateSettings({ newPerDay: 1000 });
    // Walk the queue up to the first problem card: cards shown, revealed and self-graded.
    let problem: { id: string; seed: number } | null = null;
    for (let i = 0; i < 400 && !problem; i++) {
      const next = await api.nextCard();
      if (!next.card) break;
      if (next.card.problem) problem = { id: next.card.id, seed: next.card.problem.seed };
      else {
        await api.reveal({ cardId: next.card.id });
        await api.answer({ cardId: next.card.id, quality: 4, elapsedMs: 1 });
      }
    }
    expect(problem).not.toBeNull();
    expect(graderLoaded()).toBe(false);
    // A problem card is shown and revealed (its variant generated) without the parser.
    await api.reveal({ cardId: problem!.id, seed: problem!.seed });
    expect(graderLoaded()).toBe(false);
    const check = await api.checkAnswer({ cardId: problem!.id, typed: 'not a number', seed: problem!.seed, elapsedMs: 1000 });
    expect(graderLoaded()).toBe(true);
    expect(check.verdict.status).toBe('unparseable');
    const answered = await api.answer({ cardId: problem!.id, typed: '0', seed: problem!.seed, elapsedMs: 1000 });
    expect(answered.recorded).toBe(true);
    expect(answered.verdict?.status).toMatch(/right|wrong/);
    store.close();
  });

  it('is no static import of the service: mathjs is reachable from service/app.ts only through import()', async () => {
    const { static: inputs } = await moduleGraph('service/app.ts');
    expect(inputs.filter((f) => /node_modules\/mathjs\//.test(f))).toEqual([]);
    expect(inputs.some((f) => f.endsWith('service/review.ts'))).toBe(true);
  });
});
