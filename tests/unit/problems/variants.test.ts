// PrairieLearn-style "test 100 times": every template, many seeds.
import { describe, expect, it } from 'vitest';
import { grade } from '../../../cards/answer/grade.ts';
import { TEMPLATES } from '../../../cards/problems/catalogue.ts';
import { generate, withinTolerance } from '../../../cards/problems/generate.ts';
import type { Answer, Problem } from '../../../cards/problems/types.ts';
import { finalValue, nudge, SEEDS, typed } from './helpers.ts';

const same = (p: Problem, a: Answer, b: Answer): boolean =>
  p.answerKind === 'int' ? a === b : withinTolerance(a, b, p.tolerance);
const finite = (a: Answer): boolean => (Array.isArray(a) ? a.every(Number.isFinite) : Number.isFinite(a));

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('%s × 100 seeds', (id, t) => {
  const problems = SEEDS.map((s) => generate(id, s));

  it('is deterministic, plain JSON and never degenerate', () => {
    SEEDS.forEach((s, i) => {
      const p = problems[i] as Problem;
      expect(generate(id, s)).toEqual(p);
      expect(JSON.parse(JSON.stringify(p))).toEqual(p);
      expect(structuredClone(p)).toEqual(p);
      expect(Object.keys(p)).toEqual(['template', 'seed', 'params', 'prompt', 'answer', 'answerKind', 'solution', 'targetSeconds', 'tolerance']);
      expect(t.reject?.(p.params) ?? null).toBeNull();
      expect(p.answerKind).toBe(t.kind);
      if (p.answerKind === 'int') expect(Number.isInteger(p.answer)).toBe(true);
      if (p.answerKind === 'vector') expect(Array.isArray(p.answer)).toBe(true);
    });
    expect(new Set(problems.map((p) => JSON.stringify(p.params))).size).toBeGreaterThan(5);
  });

  it('grades the reference answer right, with quality by time', () => {
    for (const p of problems) {
      const target = p.targetSeconds * 1000;
      expect(grade(p, typed(p.answer), 0)).toMatchObject({ status: 'right', quality: 5 });
      expect(grade(p, typed(p.answer), target * 1.5).quality).toBe(4);
      expect(grade(p, typed(p.answer), target * 3).quality).toBe(3);
    }
  });

  it('grades a value just inside tolerance right and just outside wrong', () => {
    for (const p of problems) {
      if (p.answerKind !== 'int') expect(grade(p, typed(nudge(p, 0.5)), 0).status, JSON.stringify(p.params)).toBe('right');
      for (const f of [3, -3]) {
        const v = grade(p, typed(nudge(p, f)), 0);
        expect(v.status, JSON.stringify(p.params)).toBe('wrong');
        expect(v.quality).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('recognises every common mistake where it differs from the answer', () => {
    const seen = new Set<string>();
    for (const p of problems) {
      for (const m of t.mistakes) {
        const v = m.value(p.params);
        if (!finite(v) || same(p, v, p.answer)) continue;
        const verdict = grade(p, typed(v), 0);
        expect(verdict.status, `${m.id} ${JSON.stringify(p.params)}`).toBe('wrong');
        expect(verdict.quality).toBe(2);
        // Two mistakes may coincide on a variant; the one reported must have this value.
        const matched = t.mistakes.find((x) => x.id === verdict.mistake?.id);
        expect(matched, m.id).toBeDefined();
        expect(same(p, matched?.value(p.params) ?? NaN, v), `${m.id} reported as ${verdict.mistake?.id}`).toBe(true);
        seen.add(m.id);
      }
    }
    // No dead mistakes: each one shows up on some variant.
    expect([...t.mistakes.map((m) => m.id)].filter((x) => !seen.has(x))).toEqual([]);
  });

  it("ends the worked solution with the reference answer, in both languages", () => {
    for (const p of problems) {
      for (const text of [p.solution.zh, p.solution.en]) {
        const v = finalValue(text);
        expect(v, text).not.toBeNull();
        expect(withinTolerance(v as Answer, p.answer, { rel: Math.max(p.tolerance.rel, 1e-5), abs: Math.max(p.tolerance.abs, 1e-9) }), text).toBe(true);
      }
    }
  });

  it('writes prompts that state the parameters and ask in both languages', () => {
    for (const p of problems) {
      expect(p.prompt.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(p.prompt.en).toMatch(/[A-Za-z]{3}/);
      expect(p.prompt.zh.length).toBeLessThan(600);
    }
  });
});
