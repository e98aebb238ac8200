// Browser mode computes its first card before the service (zod, the contract,
// the templates) has loaded (service/earlyCard.ts). Its reply must be App's
// nextCard reply, whatever the profile holds: new and due cards, drills,
// problem cards, changed settings, FSRS with fitted weights, a card whose
// template is gone. And its module graph must really leave zod and the
// templates out, or it saves nothing.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { EarlyCard } from '../../../service/earlyCard.ts';
import { defaultDeckPath } from '../../../service/deck.ts';
import { GeneratorNotLoadedError, ReviewService } from '../../../service/review.ts';
import { saveWeights } from '../../../service/fsrs/config.ts';
import { DEFAULT_WEIGHTS } from '../../../srs/fsrs/config.ts';
import { fakeClock } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';
import { moduleGraph } from '../../helpers/staticGraph.ts';

const DAY = 86_400_000;

describe('the early first card', () => {
  it('imports the bundled deck on a fresh profile, and App then finds it there', async () => {
    const store = Store.open(path.join(tmpDir(), 'fresh.db'), { create: true });
    const clock = fakeClock();
    const early = new EarlyCard(store, clock);
    await early.prepare(defaultDeckPath);
    const cards = store.db.prepare('SELECT count(*) FROM cards').pluck().get() as number;
    expect(cards).toBeGreaterThan(100);
    const app = new App(store, clock);
    await app.ensureDefaultDeck();
    expect(store.db.prepare('SELECT count(*) FROM cards').pluck().get()).toBe(cards);
    expect(await early.nextCard()).toStrictEqual(await app.dispatch('nextCard', {}));
    store.close();
  });

  it('equals App’s nextCard at every step of a long session: due cards, drills, problems, new settings, FSRS, a lost template', async () => {
    const store = Store.open(path.join(tmpDir(), 'walk.db'), { create: true });
    const clock = fakeClock();
    const early = new EarlyCard(store, clock);
    await early.prepare(defaultDeckPath);
    const app = new App(store, clock);
    const api = app.client();
    await api.updateSettings({ newPerDay: 1000, rolloverHour: 11 }); // 10:00 local: the study day depends on it
    const grades = [5, 4, 2, 5, 3, 1, 4, 5] as const;
    let problems = 0;
    let drills = 0;
    for (let i = 0; i < 260; i++) {
      if (i === 60) clock.advance(2 * DAY); // reviews come due
      if (i === 120) {
        // FSRS with fitted weights (stored beside the settings, read by both paths)
        await api.switchScheduler({ scheduler: 'fsrs' });
        saveWeights(store, { weights: DEFAULT_WEIGHTS.map((w, k) => (k === 0 ? w * 1.5 : w)), fittedAt: clock.now(), answers: 900 });
        await api.updateSettings({ desiredRetention: 0.85 });
      }
      if (i === 180) {
        // Templates lost by an upgrade: half the problem cards are skipped by both from here on.
        expect(store.db.prepare("UPDATE cards SET template_id = 'gone' WHERE kind = 'problem' AND rowid % 2 = 0").run().changes).toBeGreaterThan(5);
        app.review.forgetTemplates();
        clock.advance(DAY);
      }
      const expected = (await app.dispatch('nextCard', {})) as Awaited<ReturnType<typeof api.nextCard>>;
      expect(await early.nextCard()).toStrictEqual(expected);
      const card = expected.card;
      if (!card) break;
      if (card.problem) problems++;
      if (card.tag === 'drill') drills++;
      await api.answer({ cardId: card.id, quality: grades[i % grades.length]!, elapsedMs: 1000 });
      clock.advance(20_000);
    }
    // The walk met what it set out to compare.
    expect(problems).toBeGreaterThan(3);
    expect(drills).toBeGreaterThan(3);
    store.close();
  });

  it('a ReviewService made without the generator says so on a problem card instead of guessing', async () => {
    const store = Store.open(path.join(tmpDir(), 'nogen.db'), { create: true });
    const clock = fakeClock();
    const app = new App(store, clock);
    await app.ensureDefaultDeck();
    const problem = store.db.prepare("SELECT id FROM cards WHERE kind = 'problem' LIMIT 1").pluck().get() as string;
    const bare = new ReviewService(store, clock, () => app.library.getSettings());
    expect(() => bare.reveal(problem)).toThrow(GeneratorNotLoadedError);
    store.close();
  });

  it('loads neither zod, nor the argument schemas, nor the problem templates', async () => {
    const { static: inputs } = await moduleGraph('service/earlyCard.ts');
    expect(inputs.filter((f) => /node_modules\/zod\/|service\/contract\/(index|common|review)\.ts|cards\/problems\/(templates\/|catalogue|generate)/.test(f))).toEqual([]);
    expect(inputs.some((f) => f.endsWith('service/review.ts'))).toBe(true);
  });
});
