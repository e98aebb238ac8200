// KL and JS divergence between discrete distributions, in nats.
import { defineTemplate, REAL, worked } from '../define.ts';
import { fmt, lang, vec } from '../format.ts';
import { js, kl } from '../math.ts';
import { SECTIONS } from '../sections.ts';
import type { Rng } from '../rng.ts';
import { times } from '../arrays.ts';

type PQ = { p: number[]; q: number[] };

/** A random distribution on n outcomes in steps of 1/20, every outcome possible. */
function distribution(r: Rng, n: number): number[] {
  const parts = times(n, () => 1);
  for (let left = 20 - n; left > 0; left -= 1) {
    const i = r.int(0, n - 1);
    parts[i] = (parts[i] as number) + 1;
  }
  return parts.map((c) => c / 20);
}
const samplePQ = (r: Rng): PQ => {
  const n = r.int(2, 4);
  return { p: distribution(r, n), q: distribution(r, n) };
};
const rejectPQ = ({ p, q }: PQ): string | null =>
  p.length !== q.length ? 'length mismatch' : p.every((v, i) => v === q[i]) ? 'identical distributions' : [...p, ...q].some((v) => v <= 0) ? 'zero probability' : null;
const pqParams = [
  { name: 'p', type: 'vector', min: 2, max: 4, note: 'distribution' },
  { name: 'q', type: 'vector', min: 2, max: 4, note: 'distribution, same length' },
] as const;
const klTerms = (p: readonly number[], q: readonly number[]): string => p.map((pi, i) => `${fmt(pi)}\\ln\\frac{${fmt(pi)}}{${fmt(q[i] as number)}}`).join('+');
const LOG2 = lang('用自然对数（nats），不是 $\\log_2$（bits）。', 'Use the natural log (nats), not $\\log_2$ (bits).');

export const klTemplate = defineTemplate<PQ>({
  id: 'div.kl',
  section: SECTIONS.kl,
  title: lang('KL 散度', 'KL divergence'),
  formula: '$KL(P\\|Q)=\\sum_x P(x)\\ln\\frac{P(x)}{Q(x)}$',
  params: pqParams,
  kind: 'real',
  tolerance: REAL,
  targetSeconds: 90,
  sample: samplePQ,
  reject: rejectPQ,
  answer: ({ p, q }) => kl(p, q),
  prompt: ({ p, q }) => ({ zh: `$P=${vec(p)}$，$Q=${vec(q)}$。求 $KL(P\\|Q)$（自然对数）。`, en: `$P=${vec(p)}$, $Q=${vec(q)}$. What is $KL(P\\|Q)$ (natural log)?` }),
  solution: ({ p, q }) => worked('KL(P\\|Q)=\\sum_x P(x)\\ln\\frac{P(x)}{Q(x)}', [`${klTerms(p, q)}=${fmt(kl(p, q))}`]),
  mistakes: [
    { id: 'log2', hint: LOG2, value: ({ p, q }) => kl(p, q) / Math.LN2 },
    { id: 'reversed', hint: lang('KL 不对称：这是 $KL(Q\\|P)$。', 'KL is not symmetric: that is $KL(Q\\|P)$.'), value: ({ p, q }) => kl(q, p) },
    { id: 'sign-flipped', hint: lang('KL 散度非负。', 'The KL divergence is never negative.'), value: ({ p, q }) => -kl(p, q) },
    { id: 'log10', hint: lang('用自然对数，不是 $\\log_{10}$。', 'Use the natural log, not $\\log_{10}$.'), value: ({ p, q }) => kl(p, q) / Math.LN10 },
  ],
});

export const jsTemplate = defineTemplate<PQ>({
  id: 'div.js',
  section: SECTIONS.kl,
  title: lang('JS 散度', 'Jensen–Shannon divergence'),
  formula: '$JS(P\\|Q)=\\frac12KL(P\\|M)+\\frac12KL(Q\\|M),\\ M=\\frac{P+Q}{2}$；自然对数时 $0\\le JS\\le\\ln2$',
  params: pqParams,
  kind: 'real',
  tolerance: REAL,
  targetSeconds: 150,
  sample: samplePQ,
  reject: rejectPQ,
  answer: ({ p, q }) => js(p, q),
  prompt: ({ p, q }) => ({ zh: `$P=${vec(p)}$，$Q=${vec(q)}$。求 $JS(P\\|Q)$（自然对数）。`, en: `$P=${vec(p)}$, $Q=${vec(q)}$. What is $JS(P\\|Q)$ (natural log)?` }),
  solution: ({ p, q }) => {
    const m = p.map((v, i) => (v + (q[i] as number)) / 2);
    return worked('JS=\\frac12KL(P\\|M)+\\frac12KL(Q\\|M)', [
      `M=\\frac{P+Q}{2}=${vec(m)}`,
      `KL(P\\|M)=${fmt(kl(p, m))},\\ KL(Q\\|M)=${fmt(kl(q, m))}`,
      `JS=\\frac12(${fmt(kl(p, m))}+${fmt(kl(q, m))})=${fmt(js(p, q))}`,
    ]);
  },
  mistakes: [
    { id: 'log2', hint: LOG2, value: ({ p, q }) => js(p, q) / Math.LN2 },
    { id: 'kl-instead', hint: lang('这是 $KL(P\\|Q)$；JS 与混合分布 $M$ 比较。', 'That is $KL(P\\|Q)$; JS compares each side with the mixture $M$.'), value: ({ p, q }) => kl(p, q) },
    { id: 'forgot-half', hint: lang('两项各乘 $\\frac12$。', 'Each term is weighted by $\\frac12$.'), value: ({ p, q }) => 2 * js(p, q) },
    { id: 'symmetrised-kl', hint: lang('这是对称化的 KL，不是 JS。', 'That is the symmetrised KL, not JS.'), value: ({ p, q }) => (kl(p, q) + kl(q, p)) / 2 },
  ],
});
