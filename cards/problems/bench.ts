// A clock-free workload for `npm run bench`: generate and grade `count`
// variants round-robin over every template (the caller times it).
import { grade } from '../answer/grade.ts';
import { TEMPLATES } from './catalogue.ts';
import { generate } from './generate.ts';

const digits = (v: number): string => (Number.isInteger(v) ? String(v) : v.toPrecision(7));
const typedAs = (a: number | number[], f: (v: number) => number): string =>
  typeof a === 'number' ? digits(f(a)) : `[${a.map((v) => digits(f(v))).join(', ')}]`;

export function generateAndGrade(count: number, firstSeed = 1): { right: number; wrong: number } {
  let right = 0;
  let wrong = 0;
  for (let i = 0; i < count; i += 1) {
    const t = TEMPLATES[i % TEMPLATES.length];
    if (!t) continue;
    const p = generate(t.id, firstSeed + Math.floor(i / TEMPLATES.length));
    // Alternate the reference answer (as typed) with an off-by-a-bit one so both paths run.
    // Typed as a learner would: 7 significant digits (inside every template's tolerance),
    // not the 17 of a round-trip print.
    const typed = i % 2 === 0 ? typedAs(p.answer, (v) => v) : typedAs(p.answer, (v) => (typeof p.answer === 'number' ? v * 1.5 + 1 : v + 1));
    if (grade(p, typed, 10_000).status === 'right') right += 1;
    else wrong += 1;
  }
  return { right, wrong };
}
