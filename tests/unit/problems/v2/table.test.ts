// The table, row by row for this half: its example parameters give the
// answer below (worked out by hand / in a separate Python session, not with
// the templates' code), and the mistake the table lists is recognised with its hint.
import { describe, expect, it } from 'vitest';
import { grade } from '../../../../cards/answer/grade.ts';
import { getTemplate } from '../../../../cards/problems/catalogue.ts';
import { withinTolerance } from '../../../../cards/problems/generate.ts';
import type { Answer, Params, Problem } from '../../../../cards/problems/types.ts';

interface Row {
  id: string;
  params: Params;
  answer: Answer;
  mistake: [id: string, value: Answer];
}

const ROWS: Row[] = [
  { id: 'attn.mha.params', params: { d: 2048, h: 32, bias: true }, answer: 16785408, mistake: ['forgot-wo', 12589056] },
  { id: 'attn.gqa.params', params: { d: 256, h: 4, n_kv: 1 }, answer: 163840, mistake: ['mha-formula', 262144] },
  { id: 'attn.core.flops', params: { b: 2, n: 512, d: 2048, h: 16 }, answer: 4294967296, mistake: ['half', 2147483648] },
  {
    id: 'attn.weights',
    params: { q: [-2, 2, -1], K: [[2, 0, 0], [1, -2, 0], [0, -2, 2], [-1, -2, 2]] },
    answer: [0.38018422092901033, 0.11981577907098966, 0.11981577907098966, 0.38018422092901033],
    mistake: ['no-scale', [0.4403985389889412, 0.05960146101105878, 0.05960146101105878, 0.4403985389889412]],
  },
  { id: 'pos.sinusoidal', params: { d: 64, pos: 126, j: 5 }, answer: -0.16836649136364445, mistake: ['exponent-j', 0.09670008262685845] },
  {
    id: 'pos.rope.rotate',
    params: { x: [3, 3, 3, 3, 0, 3], m: 12, base: 10000 },
    answer: [4.141280630198781, 0.9218431221961714, 0.9606470225244115, 4.132451729677551, -0.0775510091298872, 2.9989974726536426],
    mistake: ['rotate-half', [4.141280630198781, 2.546549376100981, 2.9214464635237554, 0.9218431221961714, 1.5859023535765697, 3.07654848178353]],
  },
  { id: 'dec.temperature', params: { z: [-1.7, -2.4, 0.1], T: 0.7, k: 2 }, answer: 0.9053526694497073, mistake: ['times-T', 0.6861402557233475] },
  { id: 'dec.top_p.count', params: { probs: [0.03, 0.07, 0.27, 0.05, 0.02, 0.09, 0.35, 0.12], p: 0.75 }, answer: 4, mistake: ['one-fewer', 3] }, // 0.35+0.27+0.12 = 0.74 < 0.75,
  { id: 'llm.params.gpt', params: { V: 50257, n_ctx: 1024, d: 768, h: 12, L: 12, tied: true }, answer: 124439808, mistake: ['rule-of-thumb', 123532032] },
  { id: 'llm.params.llama', params: { V: 151936, d: 1024, L: 20, h: 8, n_kv: 1, f: 1536, tied: false }, answer: 452764672, mistake: ['ignores-gqa', 489464832] },
  { id: 'llm.flops.train', params: { N: 350e6, D: 1e12, ask: 'days', gpus: 8, peak_tflops: 312, mfu: 0.5 }, answer: 19.475605413105413, mistake: ['2ND', 6.491868471035137] },
  { id: 'llm.mem.train', params: { N: 8e9, optimizer: 'adam', unit: 'GB' }, answer: 128, mistake: ['weights-only', 16] },
  { id: 'llm.mem.zero', params: { psi: 7.5e9, nd: 128, stage: 2, unit: 'GB' }, answer: 15.8203125, mistake: ['all-sharded', 0.9375] },
  { id: 'llm.mem.kv_cache', params: { L: 78, d: 8192, h: 64, n_kv: 4, seq: 32768, batch: 32, dtype: 'bf16', unit: 'GiB' }, answer: 156, mistake: ['n-heads', 2496] },
  { id: 'llm.mem.quant', params: { N: 70e9, bits: 8, group: 32, unit: 'GB' }, answer: 74.375, mistake: ['no-scales', 70] },
  { id: 'llm.lora.params', params: { L: 32, d: 2048, h: 16, n_kv: 4, f: 2560, r: 32, targets: 'all' }, answer: 27787264, mistake: ['all-dxd', 29360128] },
  { id: 'llm.moe.params', params: { d: 7168, f: 21248, E: 64, k: 8, which: 'active' }, answer: 3655794688, mistake: ['router-forgotten', 3655335936] },
];

const problemOf = (r: Row): Problem => {
  const t = getTemplate(r.id)!;
  return { template: r.id, seed: 0, params: r.params, prompt: t.prompt(r.params), answer: t.answer(r.params), answerKind: t.kind, solution: { zh: '', en: '' }, targetSeconds: t.targetSeconds, tolerance: t.tolerance };
};
const typed = (a: Answer) => (Array.isArray(a) ? `[${a.join(', ')}]` : String(a));

describe.each(ROWS.map((r) => [r.id, r] as const))("%s: the table's example", (_id, r) => {
  it('gives the hand-computed answer', () => {
    const p = problemOf(r);
    expect(withinTolerance(p.answer, r.answer, { rel: 1e-12, abs: 1e-12 }), JSON.stringify(p.answer)).toBe(true);
    expect(grade(p, typed(r.answer), 0).status).toBe('right');
  });

  it("recognises the table's common mistake", () => {
    const v = grade(problemOf(r), typed(r.mistake[1]), 0);
    expect(v).toMatchObject({ status: 'wrong', quality: 2, mistake: { id: r.mistake[0] } });
  });
});

describe('dec.beam.best: the table example', () => {
  it('beam width 2 returns (0, 2) with 0.35 × 0.94; the table lists the global optimum and greedy as mistakes', () => {
    const params = { p1: [0.35, 0.42, 0.23], p2: [[0.02, 0.04, 0.94], [0.34, 0.33, 0.33], [0.27, 0.63, 0.1]], k: 2 };
    const p = problemOf({ id: 'dec.beam.best', params, answer: 0.329, mistake: ['greedy', 0.1428] });
    expect(p.answer).toBeCloseTo(0.329, 12);
    // Greedy takes token 1 (0.42) then its best continuation 0.34: 0.1428.
    expect(grade(p, '0.1428', 0)).toMatchObject({ status: 'wrong', mistake: { id: 'greedy' } });
  });
});
