// One note, one question: two cards of a Chinese note that ask the very same
// thing ("Logistic Regression的公式是什么？" under "Review" and under
// "Conclusion", "Good Results on Training Data？" in two outlines) cannot be
// told apart in review. Each gets the nearest heading of its own that the
// others do not share: "Review：Logistic Regression的公式是什么？". Cards under
// one heading (nothing tells them apart) and fronts that already hold that
// heading are left alone. Ids are untouched (they derive from keys). An open
// question repeated in a bank of questions ("面试真题") after the notes answered
// it is dropped: the answered card already asks it. Pure.
import type { CardDraft } from '../types.ts';
import { stripNumbering } from './numbering.ts';

const plain = (s: string) => stripNumbering(s).replace(/[*_`]/g, '').replace(/[:：]\s*$/, '').trim();

/** A bank of questions ("面试十问", "面试真题", "问答"): the same question in two of them is one question. */
const BANK = /面试|真题|问答|十问|题目|问题|questions?$/i;
const OPEN = /^(?:（开放问题|\(Open question)/;

/**
 * Rewrites, in place, the fronts of Chinese cards that repeat another card's front in the same
 * note, and drops unanswered repeats of an answered question; returns the dropped cards.
 */
export function distinguishDuplicates(cards: CardDraft[]): CardDraft[] {
  const groups = new Map<string, CardDraft[]>();
  for (const c of cards) {
    if (c.lang !== 'zh' || c.kind === 'reading' || c.kind === 'qa' || c.kind === 'cloze') continue;
    const g = groups.get(c.front);
    if (g) g.push(c);
    else groups.set(c.front, [c]);
  }
  const dropped = new Set<CardDraft>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const answered = group.some((c) => !OPEN.test(c.back.trim()));
    const open = group.filter((c) => c.kind === 'prompt' && OPEN.test(c.back.trim()));
    if (answered && open.length) {
      open.forEach((c) => dropped.add(c));
      continue;
    }
    // How many cards of the group sit under each heading (counted once: a note repeated a hundred times stays linear).
    const under = new Map<string, number>();
    for (const c of group) for (const crumb of new Set(c.section)) under.set(crumb, (under.get(crumb) ?? 0) + 1);
    const labels = group.map((c) => {
      // The nearest heading of this card that not every other card of the group sits under.
      for (let i = c.section.length - 1; i >= 0; i--) {
        const crumb = c.section[i]!;
        if (under.get(crumb) === group.length) continue;
        const p = plain(crumb);
        return p && !c.front.includes(p) && !BANK.test(p) ? p : undefined;
      }
      return undefined;
    });
    // Only when every card gets its own label: a half-labelled group still repeats itself.
    if (labels.some((l) => !l) || new Set(labels).size !== labels.length) continue;
    group.forEach((c, i) => (c.front = `${labels[i]}：${c.front}`));
  }
  if (!dropped.size) return [];
  const kept = cards.filter((c) => !dropped.has(c));
  cards.length = 0;
  kept.forEach((c, n) => cards.push({ ...c, order: n }));
  return [...dropped];
}
