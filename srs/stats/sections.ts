// Per-section mastery, weakest first. Mastery is the mean of whichever of
// these the section has data for: share of cards learned, retention, problem
// accuracy (auto-graded answers), mock accuracy (quality ≥ 3 in mocks).
// Sections studied at all come first: in a young profile most sections are
// untouched (mastery 0) and would bury the ones actually going badly.
import { add, rate, zero } from './counters.ts';
import type { CardClassRow, Counters, SectionCounters, SectionMastery } from './types.ts';

export function mastery(
  sections: readonly { id: number; path: string[] }[],
  cls: readonly CardClassRow[],
  answers: readonly SectionCounters[],
): SectionMastery[] {
  const acc = new Map<number, { cards: number; learned: number; easeSum: number; all: Counters; mockN: number; mockPass: number }>();
  const get = (id: number) => {
    let a = acc.get(id);
    if (!a) acc.set(id, (a = { cards: 0, learned: 0, easeSum: 0, all: zero(), mockN: 0, mockPass: 0 }));
    return a;
  };
  for (const r of cls) {
    if (r.cls === 5) continue; // retired cards are no longer studied
    const a = get(r.sectionId);
    a.cards += r.n;
    if (r.cls >= 1 && r.cls <= 3) {
      a.learned += r.n;
      a.easeSum += r.easeSum;
    }
  }
  for (const r of answers) {
    const a = get(r.sectionId);
    add(a.all, r.c);
    a.mockN += r.mockN;
    a.mockPass += r.mockPass;
  }
  const paths = new Map(sections.map((s) => [s.id, s.path]));
  const out: SectionMastery[] = [];
  for (const [id, a] of acc) {
    if (a.cards === 0 && a.all.n === 0) continue;
    const retention = rate(a.all.youngN, a.all.youngPass);
    const problems = rate(a.all.graded, a.all.correct);
    const mock = rate(a.mockN, a.mockPass);
    const parts = [a.cards > 0 ? a.learned / a.cards : null, retention.rate, problems.rate, mock.rate].filter((x): x is number => x !== null);
    out.push({
      section: paths.get(id) ?? [],
      cards: a.cards,
      learned: a.learned,
      avgEase: a.learned > 0 ? a.easeSum / a.learned : null,
      reviews: a.all.n,
      retention,
      problems,
      mock,
      mastery: parts.length ? parts.reduce((s, x) => s + x, 0) / parts.length : 0,
    });
  }
  const studied = (m: SectionMastery) => (m.learned > 0 || m.reviews > 0 ? 0 : 1);
  return out.sort(
    (x, y) => studied(x) - studied(y) || x.mastery - y.mastery || y.cards - x.cards || x.section.join('\u0000').localeCompare(y.section.join('\u0000')),
  );
}
