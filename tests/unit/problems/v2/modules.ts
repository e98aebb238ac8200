// Model definitions as data: every weight tensor of a GPT-2 or Llama model
// with its PyTorch/Hugging Face name and shape. The tests count parameters by
// summing these shapes, never with the templates' closed formulas.

export interface Tensor {
  name: string;
  shape: number[];
}

const linear = (name: string, inF: number, outF: number, bias: boolean): Tensor[] => [
  { name: `${name}.weight`, shape: [outF, inF] },
  ...(bias ? [{ name: `${name}.bias`, shape: [outF] }] : []),
];
const layerNorm = (name: string, d: number): Tensor[] => [
  { name: `${name}.weight`, shape: [d] },
  { name: `${name}.bias`, shape: [d] },
];
const rmsNorm = (name: string, d: number): Tensor[] => [{ name: `${name}.weight`, shape: [d] }];

export const numel = (t: Tensor): number => t.shape.reduce((a, b) => a * b, 1);
export const total = (ts: readonly Tensor[]): number => ts.reduce((s, t) => s + numel(t), 0);

/** torch.nn.MultiheadAttention(d, h, bias): packed in_proj (3d×d) + out_proj; h does not appear in any shape. */
export function multiheadAttention(d: number, _h: number, bias: boolean): Tensor[] {
  return [
    { name: 'in_proj_weight', shape: [3 * d, d] },
    ...(bias ? [{ name: 'in_proj_bias', shape: [3 * d] }] : []),
    ...linear('out_proj', d, d, bias),
  ];
}

/** Hugging Face GPT2Model (+ lm_head when untied): Conv1D c_attn/c_proj/c_fc with bias. */
export function gpt2(c: { V: number; n_ctx: number; d: number; L: number; tied: boolean }): Tensor[] {
  const out: Tensor[] = [
    { name: 'wte.weight', shape: [c.V, c.d] },
    { name: 'wpe.weight', shape: [c.n_ctx, c.d] },
  ];
  for (let l = 0; l < c.L; l++) {
    const p = `h.${l}`;
    out.push(
      ...layerNorm(`${p}.ln_1`, c.d),
      ...linear(`${p}.attn.c_attn`, c.d, 3 * c.d, true),
      ...linear(`${p}.attn.c_proj`, c.d, c.d, true),
      ...layerNorm(`${p}.ln_2`, c.d),
      ...linear(`${p}.mlp.c_fc`, c.d, 4 * c.d, true),
      ...linear(`${p}.mlp.c_proj`, 4 * c.d, c.d, true),
    );
  }
  out.push(...layerNorm('ln_f', c.d));
  if (!c.tied) out.push({ name: 'lm_head.weight', shape: [c.V, c.d] });
  return out;
}

/** One Llama attention block's projections (LlamaAttention, no bias). */
export function llamaAttention(p: string, d: number, h: number, nKv: number): Tensor[] {
  const dh = d / h;
  return [
    ...linear(`${p}.q_proj`, d, h * dh, false),
    ...linear(`${p}.k_proj`, d, nKv * dh, false),
    ...linear(`${p}.v_proj`, d, nKv * dh, false),
    ...linear(`${p}.o_proj`, h * dh, d, false),
  ];
}

/** Hugging Face LlamaForCausalLM. */
export function llama(c: { V: number; d: number; L: number; h: number; n_kv: number; f: number; tied: boolean }): Tensor[] {
  const out: Tensor[] = [{ name: 'model.embed_tokens.weight', shape: [c.V, c.d] }];
  for (let l = 0; l < c.L; l++) {
    const p = `model.layers.${l}`;
    out.push(
      ...llamaAttention(`${p}.self_attn`, c.d, c.h, c.n_kv),
      ...linear(`${p}.mlp.gate_proj`, c.d, c.f, false),
      ...linear(`${p}.mlp.up_proj`, c.d, c.f, false),
      ...linear(`${p}.mlp.down_proj`, c.f, c.d, false),
      ...rmsNorm(`${p}.input_layernorm`, c.d),
      ...rmsNorm(`${p}.post_attention_layernorm`, c.d),
    );
  }
  out.push(...rmsNorm('model.norm', c.d));
  if (!c.tied) out.push({ name: 'lm_head.weight', shape: [c.V, c.d] });
  return out;
}

/** A Mixtral-style sparse MoE block: router + E SwiGLU experts. */
export function moeBlock(d: number, f: number, E: number): Tensor[] {
  const out: Tensor[] = linear('gate', d, E, false);
  for (let e = 0; e < E; e++) out.push(...linear(`experts.${e}.w1`, d, f, false), ...linear(`experts.${e}.w3`, d, f, false), ...linear(`experts.${e}.w2`, f, d, false));
  return out;
}

/** peft LoRA on the named Linear modules: A is r×in, B is out×r. */
export function loraAdapters(model: readonly Tensor[], targetSuffixes: readonly string[], r: number): Tensor[] {
  const out: Tensor[] = [];
  for (const t of model) {
    const m = /^(.*)\.weight$/.exec(t.name);
    if (!m || t.shape.length !== 2 || !targetSuffixes.some((s) => (m[1] as string).endsWith(`.${s}`))) continue;
    const [outF, inF] = t.shape as [number, number];
    out.push({ name: `${m[1]}.lora_A`, shape: [r, inF] }, { name: `${m[1]}.lora_B`, shape: [outF, r] });
  }
  return out;
}
