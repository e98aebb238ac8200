// The prompt and the worked solution of a variant are built on first read only:
// grading (checkAnswer, answer, reveal, the CLI's grade, the bench) regenerates
// a variant for its answer and must not pay for its text.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getTemplate } from '../../../cards/problems/catalogue.ts';
import { generate } from '../../../cards/problems/generate.ts';
import type { Template } from '../../../cards/problems/types.ts';

const template = (id: string): Template => {
  const t = getTemplate(id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
};

describe('lazy prompt and solution', () => {
  afterEach(() => vi.restoreAllMocks());

  it('builds neither while generating, each once when read', () => {
    const t = template('dec.beam.best');
    const prompt = vi.spyOn(t, 'prompt');
    const solution = vi.spyOn(t, 'solution');
    const p = generate(t.id, 7);
    expect(prompt).not.toHaveBeenCalled();
    expect(solution).not.toHaveBeenCalled();
    const en = p.prompt.en;
    expect(en).toContain('Beam search with width');
    expect(p.prompt.en).toBe(en);
    expect(prompt).toHaveBeenCalledTimes(1);
    expect(solution).not.toHaveBeenCalled();
    void p.solution.zh;
    void p.solution.en;
    expect(solution).toHaveBeenCalledTimes(1);
  });

  it('reads as plain data and takes an assigned text', () => {
    const p = generate('attn.mha.params', 3);
    const plain = JSON.parse(JSON.stringify(p)) as Record<string, unknown>;
    expect(plain.prompt).toEqual(p.prompt);
    expect({ ...p }.prompt).toEqual(p.prompt);
    expect(structuredClone(p).prompt).toEqual(p.prompt);
    p.prompt = { zh: '题', en: 'question' };
    expect(p.prompt.en).toBe('question');
    expect(JSON.parse(JSON.stringify(p)).prompt.en).toBe('question');
  });
});
