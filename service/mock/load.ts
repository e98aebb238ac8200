// A stored mock as the service works with it: the row, its parsed config and
// questions, its finished questions, and the timing progress derived from them.
import { resolveTemplate } from '../../cards/problems/aliases.ts';
import { generate } from '../../cards/problems/generate.ts';
import type { Problem } from '../../cards/problems/types.ts';
import type { MockAnswerRow, MockRow } from '../../db/mocks.ts';
import type { Store } from '../../db/store.ts';
import type { MockConfig } from '../../srs/mock/config.ts';
import type { DrawnQuestion } from '../../srs/mock/draw.ts';
import { currentWindow, remaining, type MockProgress } from '../../srs/mock/timing.ts';
import type { MockProblemView, MockQuestionView, MockView } from '../contract/mock.ts';

/** What a mock stores per question: the draw plus the template, so the variant can be regenerated. */
export interface StoredQuestion extends DrawnQuestion {
  templateId?: string;
}

export interface LoadedMock {
  row: MockRow;
  config: MockConfig;
  questions: StoredQuestion[];
  answers: MockAnswerRow[];
  progress: MockProgress;
}

export function loadMock(store: Store, row: MockRow): LoadedMock {
  const config = JSON.parse(row.config) as MockConfig;
  const questions = JSON.parse(row.questions) as StoredQuestion[];
  const answers = store.mocks.answers(row.id);
  return {
    row,
    config,
    questions,
    answers,
    progress: {
      timing: { startedAt: row.started_at, totalMs: config.totalSeconds * 1000, perQuestionMs: config.perQuestionSeconds * 1000, count: questions.length },
      endedAt: answers.map((a) => a.ended_at),
    },
  };
}

export function problemOf(q: StoredQuestion): Problem | null {
  // A stored question whose template has since gone shows as "cannot be generated any more", not as a crash.
  if (q.kind !== 'problem' || !q.templateId || q.problemSeed === undefined || !resolveTemplate(q.templateId)) return null;
  return generate(q.templateId, q.problemSeed);
}

export function problemView(p: Problem): MockProblemView {
  return { templateId: p.template, seed: p.seed, prompt: p.prompt, answerKind: p.answerKind, targetSeconds: p.targetSeconds };
}

export function questionView(store: Store, m: LoadedMock, q: StoredQuestion): MockQuestionView {
  const card = store.cards.byId(q.cardId);
  const p = problemOf(q);
  const view: MockQuestionView = {
    index: q.index,
    cardId: q.cardId,
    kind: q.kind,
    cardKind: card?.kind ?? (q.kind === 'problem' ? 'problem' : 'section'),
    section: q.section,
    front: card?.front ?? '',
    links: q.kind === 'concept' ? [] : (card?.links ?? []), // a concept card's links can give the answer away
    revealed: null,
  };
  if (p) view.problem = problemView(p);
  if (q.kind === 'concept' && m.row.revealed_index === q.index) {
    view.revealed = { back: card?.back ?? '', links: card?.links ?? [], notes: m.row.revealed_notes };
  }
  return view;
}

/** The running question with server-measured remaining time; null when every question has an outcome. */
export function mockView(store: Store, m: LoadedMock, now: number): MockView | null {
  const w = currentWindow(m.progress);
  const left = remaining(m.progress, now);
  const q = w ? m.questions[w.index] : undefined;
  if (!w || !left || !q) return null;
  return {
    mockId: m.row.id,
    status: 'active',
    seed: m.row.seed,
    config: m.config,
    count: m.questions.length,
    index: w.index,
    done: {
      answered: m.answers.filter((a) => a.outcome === 'answered').length,
      timedOut: m.answers.filter((a) => a.outcome === 'timeout').length,
    },
    question: questionView(store, m, q),
    remainingMs: { question: left.questionMs, total: left.totalMs },
    limitsMs: { question: m.progress.timing.perQuestionMs, total: m.progress.timing.totalMs },
    serverNow: now,
  };
}
