// Parameter counts of the v2 templates against real module definitions
// (modules.ts) and the published totals of GPT-2 small, Llama-2-7B and Llama-3-8B.
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../../../cards/problems/catalogue.ts';
import { generate } from '../../../../cards/problems/generate.ts';
import type { Params } from '../../../../cards/problems/types.ts';
import { SEEDS } from '../helpers.ts';
import { gpt2, llama, llamaAttention, loraAdapters, moeBlock, multiheadAttention, numel, total } from './modules.ts';

const answerOf = (id: string, params: Params): number => getTemplate(id)!.answer(params) as number;
const each = (id: string, check: (params: Params, answer: number) => void) => {
  for (const s of SEEDS) {
    const p = generate(id, s);
    check(p.params, p.answer as number);
  }
};

describe('published totals', () => {
  it('GPT-2 small with tied embeddings has 124,439,808 parameters', () => {
    const c = { V: 50257, n_ctx: 1024, d: 768, h: 12, L: 12, tied: true };
    expect(total(gpt2(c))).toBe(124_439_808);
    expect(answerOf('llm.params.gpt', c)).toBe(124_439_808);
  });

  it('Llama-2-7B has 6,738,415,616 and Llama-3-8B 8,030,261,248 parameters', () => {
    const l2 = { V: 32000, d: 4096, L: 32, h: 32, n_kv: 32, f: 11008, tied: false };
    const l3 = { V: 128256, d: 4096, L: 32, h: 32, n_kv: 8, f: 14336, tied: false };
    expect(total(llama(l2))).toBe(6_738_415_616);
    expect(total(llama(l3))).toBe(8_030_261_248);
    expect(answerOf('llm.params.llama', l2)).toBe(6_738_415_616);
    expect(answerOf('llm.params.llama', l3)).toBe(8_030_261_248);
  });

  it('Mixtral-8x7B: 46.7B total and 12.9B active parameters from the per-layer MoE counts', () => {
    // 32 MoE layers + attention, embeddings and norms of a Llama-3-style GQA model (V=32000).
    const dense = total(llama({ V: 32000, d: 4096, L: 32, h: 32, n_kv: 8, f: 0, tied: false }));
    const layer = (which: string) => answerOf('llm.moe.params', { d: 4096, f: 14336, E: 8, k: 2, which });
    expect((dense + 32 * layer('total')) / 1e9).toBeCloseTo(46.7, 1);
    expect((dense + 32 * layer('active')) / 1e9).toBeCloseTo(12.9, 1);
  });
});

describe('v2 templates × 100 seeds against module definitions', () => {
  it('attn.mha.params = the tensors of nn.MultiheadAttention', () => {
    each('attn.mha.params', (p, a) => expect(a).toBe(total(multiheadAttention(p.d as number, p.h as number, p.bias as boolean))));
  });

  it('attn.gqa.params = q/k/v/o_proj of LlamaAttention', () => {
    each('attn.gqa.params', (p, a) => expect(a).toBe(total(llamaAttention('a', p.d as number, p.h as number, p.n_kv as number))));
  });

  it('llm.params.gpt = the tensors of GPT2Model (+ lm_head when untied)', () => {
    each('llm.params.gpt', (p, a) => expect(a).toBe(total(gpt2(p as never))));
  });

  it('llm.params.llama = the tensors of LlamaForCausalLM', () => {
    each('llm.params.llama', (p, a) => expect(a).toBe(total(llama(p as never))));
  });

  it('llm.lora.params = peft adapters on the named Linear modules', () => {
    const SUFFIX: Record<string, string[]> = {
      'q,v': ['q_proj', 'v_proj'],
      'q,k,v,o': ['q_proj', 'k_proj', 'v_proj', 'o_proj'],
      'gate,up,down': ['gate_proj', 'up_proj', 'down_proj'],
      all: ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj'],
    };
    const seen = new Set<string>();
    each('llm.lora.params', (p, a) => {
      const model = llama({ V: 8, d: p.d as number, L: p.L as number, h: p.h as number, n_kv: p.n_kv as number, f: p.f as number, tied: true });
      expect(a).toBe(total(loraAdapters(model, SUFFIX[p.targets as string] as string[], p.r as number)));
      seen.add(p.targets as string);
    });
    expect(seen).toEqual(new Set(Object.keys(SUFFIX)));
  });

  it('llm.moe.params = router + all experts (total) or router + k experts (active)', () => {
    each('llm.moe.params', (p, a) => {
      const block = moeBlock(p.d as number, p.f as number, p.E as number);
      const router = block.filter((t) => t.name.startsWith('gate.'));
      const experts = (n: number) => block.filter((t) => Number(/^experts\.(\d+)\./.exec(t.name)?.[1] ?? -1) < n && t.name.startsWith('experts.'));
      const n = p.which === 'total' ? (p.E as number) : (p.k as number);
      expect(a).toBe(total(router) + experts(n).reduce((s, t) => s + numel(t), 0));
    });
  });
});
