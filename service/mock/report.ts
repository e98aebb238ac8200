// Turning a finished mock into its report: per-question outcomes with the
// notes' answer or the worked solution, counts, score, per-section accuracy
// and the trend against earlier mocks. The numbers come from srs/mock/score.ts.
import type { Store } from '../../db/store.ts';
import { credit, isCorrect, mockCounts, mockScore, scoreTrend, sectionAccuracy, type ScoredQuestion } from '../../srs/mock/score.ts';
import type { MockReport, MockReportQuestion, MockStatus, Verdict } from '../contract/index.ts';
import { problemOf, problemView, type LoadedMock } from './load.ts';

export const SCORE_DEFINITION =
  'score = round(100 × mean credit over all planned questions); credit 1 for quality 5, 0.85 for 4, 0.7 for 3, ' +
  '0 for quality 0–2, a time-out or a question not reached. Correct = quality ≥ 3.';

function reportQuestions(store: Store, m: LoadedMock): MockReportQuestion[] {
  const byIdx = new Map(m.answers.map((a) => [a.idx, a]));
  return m.questions.map((q) => {
    const a = byIdx.get(q.index);
    const card = store.cards.byId(q.cardId);
    const scored: ScoredQuestion = { section: q.section, outcome: a?.outcome ?? 'unreached', quality: a ? a.quality : null };
    const out: MockReportQuestion = {
      index: q.index,
      cardId: q.cardId,
      kind: q.kind,
      section: q.section,
      front: card?.front ?? '',
      back: card?.back ?? '',
      outcome: scored.outcome,
      quality: scored.quality,
      correct: isCorrect(scored),
      credit: credit(scored),
      elapsedMs: a ? a.ended_at - a.started_at : null,
      typed: a?.typed ?? null,
      notes: a?.notes ?? null,
      verdict: a?.verdict ? (JSON.parse(a.verdict) as Verdict) : null,
    };
    const p = problemOf(q);
    if (p) out.problem = { ...problemView(p), answer: p.answer, solution: p.solution };
    return out;
  });
}

/** One heading level below the chosen section when the mock covered one section, else top-level headings. */
function groupDepth(m: LoadedMock): number {
  return m.config.sections.length === 1 ? m.config.sections[0]!.length + 1 : 1;
}

export function buildReport(store: Store, m: LoadedMock, status: Exclude<MockStatus, 'active'>, finishedAt: number): MockReport {
  const questions = reportQuestions(store, m);
  const scored = questions.map((q) => ({ section: q.section, outcome: q.outcome, quality: q.quality }));
  const score = mockScore(scored);
  return {
    version: 1,
    mockId: m.row.id,
    status,
    seed: m.row.seed,
    config: m.config,
    startedAt: m.row.started_at,
    finishedAt,
    durationMs: Math.max(0, finishedAt - m.row.started_at),
    score,
    scoreDefinition: SCORE_DEFINITION,
    counts: mockCounts(scored),
    questions,
    sections: sectionAccuracy(scored, groupDepth(m)),
    misses: questions.filter((q) => q.outcome === 'timeout' || (q.outcome === 'answered' && !q.correct)),
    trend: scoreTrend(store.mocks.scores(m.row.id), score),
  };
}
