// Shared setup for the mock integration tests: a real SQLite file in a temp
// folder, the bundled deck, and a fake clock the tests move by hand.
import path from 'node:path';
import { generate } from '../../../cards/problems/generate.ts';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import type { MockView } from '../../../service/contract/index.ts';
import { fakeClock } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';

export type FakeClock = ReturnType<typeof fakeClock>;

export async function setup(file = path.join(tmpDir(), 'mock.db'), clock: FakeClock = fakeClock()) {
  const store = Store.open(file, { create: true });
  const app = new App(store, clock);
  await app.ensureDefaultDeck();
  return { app, api: app.client(), store, clock, file };
}

/** The right answer to the current problem question, as a learner would type it. */
export function rightAnswer(v: MockView): string {
  const p = v.question.problem!;
  const a = generate(p.templateId, p.seed).answer;
  return Array.isArray(a) ? `[${a.join(', ')}]` : String(a);
}

/** A wrong answer of the right shape (a vector problem refuses a bare number as unreadable). */
export function wrongAnswer(v: MockView): string {
  const p = v.question.problem!;
  const a = generate(p.templateId, p.seed).answer;
  return Array.isArray(a) ? `[${a.map(() => '-12345.678').join(', ')}]` : '-12345.678';
}

export const rows = (store: Store, sql: string, ...args: unknown[]) => store.db.prepare(sql).all(...args) as Record<string, unknown>[];

/** Answer whatever the current question is: concept cards reveal then grade `q`; problems type the right answer or a wrong one. */
export async function answerCurrent(api: App['client'] extends () => infer A ? A : never, v: MockView, q: 0 | 1 | 2 | 3 | 4 | 5) {
  if (v.question.kind === 'concept') {
    await api.mockReveal({ mockId: v.mockId, index: v.index });
    return api.mockAnswer({ mockId: v.mockId, index: v.index, quality: q, elapsedMs: 1000 });
  }
  return api.mockAnswer({ mockId: v.mockId, index: v.index, typed: q >= 3 ? rightAnswer(v) : wrongAnswer(v), elapsedMs: 1000 });
}
