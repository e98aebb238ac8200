// A clock-free workload for `npm run bench`: generate and grade `count`
// variants round-robin over every template (the caller times it).
import { grade } from '../answer/grade.ts';
import { TEMPLATES } from './catalogue.ts';
import { generate } from './generate.ts';

export function generateAndGrade(count: number, firstSeed = 1): { right: number; wrong: number } {
  let right = 0;
  let wrong = 0;
  for (let i = 0; i < count; i += 1) {
    const t = TEMPLATES[i % TEMPLATES.length];
    if (!t) continue;
    const p = generate(t.id, firstSeed + Math.floor(i / TEMPLATES.length));
    // Alternate the reference answer (as typed) with an off-by-a-bit one so both paths run.
    const typed = i % 2 === 0 ? JSON.stringify(p.answer) : typeof p.answer === 'number' ? String(p.answer * 1.5 + 1) : JSON.stringify(p.answer.map((v) => v + 1));
    if (grade(p, typed, 10_000).status === 'right') right += 1;
    else wrong += 1;
  }
  return { right, wrong };
}
