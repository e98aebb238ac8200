// Note formulas about sigmoid, softmax, cross-entropy and MSE, recognised by
// the bold label they sit under and the derivative they state. The notes'
// convention: i is the true class (q_i = 1), j ≠ i another class.
import { sigmoid, softmax, softmaxMseGrad, sum } from '../math.ts';
import type { Rng } from '../rng.ts';
import type { Chunk } from './chunks.ts';
import { lhsKey, type Claim, type Sample } from './claim.ts';
import type { TexEnv } from './texEval.ts';

const K = 4;
const I = 2; // the true class, 1-based as in the notes
const J = 3;

function softmaxEnv(r: Rng): { env: TexEnv; x: number[]; y: number[]; q: number[] } {
  const x = Array.from({ length: K }, () => r.next() * 6 - 3);
  const y = softmax(x);
  const q = y.map((_, m) => (m === I - 1 ? 1 : 0));
  return { env: { scalars: { K }, vectors: { x, y, q }, indices: { i: I, j: J } }, x, y, q };
}

function sigmoidEnv(c: Chunk, r: Rng): { env: TexEnv; y: number; q: number }[] {
  const x = r.next() * 8 - 4;
  const y = sigmoid(x);
  const cond = /q=([01])/.exec(c.cond.replace(/\s/g, ''));
  const qs = cond ? [Number(cond[1])] : [0, 1];
  return qs.map((q) => ({ env: { scalars: { x, y, q } }, y, q }));
}

/** Family of the chunk's label; combined labels first so 'softmax+mse' is not read as 'softmax'. */
function family(label: string): string | null {
  const l = label.replace(/crossentropy|交叉熵/g, 'ce');
  for (const f of ['sigmoid+ce', 'softmax+ce', 'sigmoid+mse', 'softmax+mse', 'sigmoid', 'softmax', 'ce', 'mse']) {
    if (l.startsWith(f) || l === f) return f;
  }
  return null;
}

type Rule = { fam: string; lhs: string; corrected: string; softmax?: (y: number[], q: number[], x: number[]) => number; sigmoid?: (y: number, q: number) => number };

const RULES: Rule[] = [
  { fam: 'sigmoid', lhs: 'y', corrected: '$y=\\frac{1}{1+e^{-x}}$', sigmoid: (y) => y },
  { fam: 'sigmoid', lhs: 'dy/dx', corrected: '$\\frac{\\partial y}{\\partial x}=y(1-y)$', sigmoid: (y) => y * (1 - y) },
  { fam: 'softmax', lhs: 'y_i', corrected: '$y_i=\\frac{e^{x_i}}{\\sum_j e^{x_j}}$', softmax: (y) => y[I - 1] as number },
  { fam: 'softmax', lhs: 'dy_i/dx_i', corrected: '$\\frac{\\partial y_i}{\\partial x_i}=y_i(1-y_i)$', softmax: (y) => (y[I - 1] as number) * (1 - (y[I - 1] as number)) },
  { fam: 'softmax', lhs: 'dy_i/dx_j', corrected: '$\\frac{\\partial y_i}{\\partial x_j}=-y_iy_j$', softmax: (y) => -(y[I - 1] as number) * (y[J - 1] as number) },
  { fam: 'ce', lhs: 'l', corrected: '$l=-\\sum_j q_j\\ln y_j$', softmax: (y, q) => -sum(q.map((qj, j) => qj * Math.log(y[j] as number))) },
  { fam: 'ce', lhs: 'dl/dy_i', corrected: '$\\frac{\\partial l}{\\partial y_i}=-\\frac{q_i}{y_i}=-\\frac{1}{y_i}$', softmax: (y, q) => -(q[I - 1] as number) / (y[I - 1] as number) },
  { fam: 'mse', lhs: 'l', corrected: '$l=\\sum_j(q_j-y_j)^2$', softmax: (y, q) => sum(y.map((yj, j) => ((q[j] as number) - yj) ** 2)) },
  { fam: 'mse', lhs: 'dl/dy_i', corrected: '$\\frac{\\partial l}{\\partial y_i}=2(y_i-1)$', softmax: (y, q) => 2 * ((y[I - 1] as number) - (q[I - 1] as number)) },
  { fam: 'mse', lhs: 'dl/dy_j', corrected: '$\\frac{\\partial l}{\\partial y_j}=2y_j$', softmax: (y, q) => 2 * ((y[J - 1] as number) - (q[J - 1] as number)) },
  { fam: 'sigmoid+ce', lhs: 'dl/dx', corrected: '$\\frac{\\partial l}{\\partial x}=y-q$（$q=1$：$y-1$；$q=0$：$y$）', sigmoid: (y, q) => y - q },
  { fam: 'softmax+ce', lhs: 'dl/dx_i', corrected: '$\\frac{\\partial l}{\\partial x_i}=y_i-1$', softmax: (y) => (y[I - 1] as number) - 1 },
  { fam: 'softmax+ce', lhs: 'dl/dx_j', corrected: '$\\frac{\\partial l}{\\partial x_j}=y_j$', softmax: (y) => y[J - 1] as number },
  { fam: 'sigmoid+mse', lhs: 'dl/dx', corrected: '$\\frac{\\partial l}{\\partial x}=2(y-q)\\,y(1-y)$', sigmoid: (y, q) => 2 * (y - q) * y * (1 - y) },
  {
    fam: 'softmax+mse',
    lhs: 'dl/dx_i',
    corrected: '$\\frac{\\partial l}{\\partial x_i}=-2y_i(1-y_i)^2-\\sum_{j\\ne i}2y_j^2y_i$（$\\frac{\\partial y_j}{\\partial x_i}=-y_jy_i$，不是 $y_i(1-y_i)$ / not $y_i(1-y_i)$）',
    softmax: (_y, _q, x) => softmaxMseGrad(x, I - 1)[I - 1] as number,
  },
  {
    fam: 'softmax+mse',
    lhs: 'dl/dx_j',
    corrected: '$\\frac{\\partial l}{\\partial x_j}=2y_iy_j(1-y_i)+2y_j^2(1-y_j)-\\sum_{k\\ne i,j}2y_k^2y_j$',
    softmax: (_y, _q, x) => softmaxMseGrad(x, I - 1)[J - 1] as number,
  },
];

export const lossClaims: Claim[] = RULES.map((rule) => ({
  id: `${rule.fam}:${rule.lhs}`,
  what: `${rule.fam} ${rule.lhs.replace(/^d(\w+)\/d(\w+)$/, '∂$1/∂$2')}`,
  corrected: rule.corrected,
  applies: (c: Chunk) => family(c.label) === rule.fam && lhsKey(c.lhs) === rule.lhs,
  samples: (c: Chunk, r: Rng): Sample[] => {
    if (rule.sigmoid) return sigmoidEnv(c, r).map((s) => ({ env: s.env, truth: (rule.sigmoid as NonNullable<Rule['sigmoid']>)(s.y, s.q) }));
    const s = softmaxEnv(r);
    return [{ env: s.env, truth: (rule.softmax as NonNullable<Rule['softmax']>)(s.y, s.q, s.x) }];
  },
}));
