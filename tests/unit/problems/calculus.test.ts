// Gradients by central finite differences; losses, initialisation, divergences,
// batch norm and the rest by independent formulas or properties.
import { describe, expect, it } from 'vitest';
import { generate } from '../../../cards/problems/generate.ts';
import { SEEDS } from './helpers.ts';

const H = 1e-5;
const sig = (x: number): number => 1 / (1 + Math.exp(-x));
// Deliberately naive softmax (no max shift): independent of the template code.
const soft = (x: readonly number[]): number[] => {
  const e = x.map(Math.exp);
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / z);
};
const oneHot = (n: number, y: number): number[] => Array.from({ length: n }, (_, i) => (i === y ? 1 : 0));
const fd = (f: (x: number) => number, x: number): number => (f(x + H) - f(x - H)) / (2 * H);
const fdGrad = (f: (x: number[]) => number, x: readonly number[]): number[] =>
  x.map((_, i) => fd((v) => f(x.map((xj, j) => (j === i ? v : xj))), x[i] as number));
const close = (a: number | number[], b: number | number[], tol = 1e-6): void => {
  const [u, v] = [[a].flat(), [b].flat()];
  expect(u.length).toBe(v.length);
  u.forEach((x, i) => expect(Math.abs(x - (v[i] as number)), `${u} vs ${v}`).toBeLessThan(tol * Math.max(1, Math.abs(v[i] as number))));
};
const each = (id: string, check: (q: Record<string, any>, answer: any) => void) =>
  it(id, () => SEEDS.forEach((s) => { const p = generate(id, s); check(p.params, p.answer); }));

describe('gradients against finite differences', () => {
  each('act.sigmoid.grad', (q, a) => close(a, fd(sig, q.x)));
  each('act.softmax.jacobian', (q, a) => close(a, fd((v) => soft(q.x.map((xj: number, j: number) => (j === q.j ? v : xj)))[q.i] as number, q.x[q.j])));
  const ce = (x: number[], y: number) => -Math.log(soft(x)[y] as number);
  each('loss.softmax_ce.grad', (q, a) => close(a, fdGrad((x) => ce(x, q.y), q.x)));
  const bce = (x: number, t: number) => -(t * Math.log(sig(x)) + (1 - t) * Math.log(1 - sig(x)));
  each('loss.sigmoid_ce.grad', (q, a) => close(a, fd((x) => bce(x, q.q), q.x)));
  const mse = (x: number[], y: number) => soft(x).reduce((acc, p, j) => acc + ((j === y ? 1 : 0) - p) ** 2, 0);
  each('loss.softmax_mse.grad', (q, a) => close(a, fdGrad((x) => mse(x, q.y), q.x)));
  each('loss.sigmoid_mse.grad', (q, a) => close(a, fd((x) => (q.q - sig(x)) ** 2, q.x)));
});

describe('values from their definitions', () => {
  each('act.softmax', (q, a) => close(a, soft(q.x)));
  each('loss.ce', (q, a) => close(a, -Math.log(soft(q.x)[q.y] as number)));
  each('loss.sigmoid_ce', (q, a) => close(a, q.q === 1 ? -Math.log(sig(q.x)) : -Math.log(1 - sig(q.x))));
  each('loss.softmax_mse', (q, a) => close(a, soft(q.x).reduce((s, p, j) => s + (p - (oneHot(q.x.length, q.y)[j] as number)) ** 2, 0)));
  // Label smoothing mixes the one-hot target with the uniform distribution.
  each('reg.label_smoothing', (q, a) => {
    close(a, oneHot(q.classes, q.y).map((v) => (1 - q.eps) * v + q.eps / q.classes));
    close((a as number[]).reduce((s: number, v: number) => s + v, 0), 1, 1e-12);
  });
  // The notes: in plain SGD, weight decay equals L2 regularisation with λ = β/α.
  each('opt.weight_decay', (q, a) => close(a, q.theta - q.lr * (q.g + (q.beta / q.lr) * q.theta)));
  each('norm.minmax', (q, a) => {
    // Linear interpolation position of x between min and max.
    const t = (q.x - q.min) / (q.max - q.min);
    close(q.min + (a as number) * (q.max - q.min), q.x);
    close(a, t);
  });
  each('norm.zscore', (q, a) => {
    // A two-point data set with mean μ and population standard deviation σ.
    const data = [q.mu - q.sigma, q.mu + q.sigma];
    const m = (data[0] + data[1]) / 2;
    const sd = Math.sqrt(((data[0] - m) ** 2 + (data[1] - m) ** 2) / 2);
    close(a, (q.x - m) / sd);
  });
});

/** Variance of U[−r, r] by midpoint integration of x²·(1/2r). */
const uniformVar = (r: number): number => {
  const n = 20000;
  let s = 0;
  for (let i = 0; i < n; i += 1) s += (-r + ((i + 0.5) * 2 * r) / n) ** 2;
  return s / n;
};
const fan = (q: Record<string, any>): number => (q.mode === 'in' ? q.nin : q.mode === 'out' ? q.nout : (q.nin + q.nout) / 2);

describe('initialisation by integration', () => {
  each('init.uniform.var', (q, a) => close(a, uniformVar(q.r), 1e-6));
  each('init.xavier.bound', (q, a) => close(uniformVar(a), 1 / fan(q), 1e-6));
  each('init.he.bound', (q, a) => close(uniformVar(a), 2 / fan(q), 1e-6));
  it('Xavier with the mean fan is Glorot’s sqrt(6/(nin+nout))', () => {
    SEEDS.map((s) => generate('init.xavier.bound', s)).filter((p) => p.params.mode === 'avg')
      .forEach((p) => close(p.answer, Math.sqrt(6 / ((p.params.nin as number) + (p.params.nout as number)))));
  });
});

const H_ = (p: number[]): number => -p.reduce((s, v) => s + (v > 0 ? v * Math.log(v) : 0), 0);
describe('divergences by entropy identities', () => {
  // KL(P‖Q) = H(P, Q) − H(P)
  each('div.kl', (q, a) => close(a, -q.p.reduce((s: number, v: number, i: number) => s + v * Math.log(q.q[i]), 0) - H_(q.p)));
  // JS(P‖Q) = H(M) − (H(P) + H(Q)) / 2
  each('div.js', (q, a) => {
    close(a, H_(q.p.map((v: number, i: number) => (v + q.q[i]) / 2)) - (H_(q.p) + H_(q.q)) / 2);
    expect(a).toBeLessThanOrEqual(Math.LN2);
  });
});

describe('batch norm by its defining properties', () => {
  each('bn.forward', (q, a) => {
    const n = q.x.length;
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / n;
    const varB = (v: number[]) => mean(v.map((x) => (x - mean(v)) ** 2));
    // Output mean is β; output variance is γ²·σ²/(σ²+ε); order is kept (γ > 0).
    close(mean(a), q.beta, 1e-9);
    close(varB(a), (q.gamma ** 2 * varB(q.x)) / (varB(q.x) + q.eps), 1e-9);
    q.x.forEach((xi: number, i: number) => q.x.forEach((xj: number, j: number) => { if (xi < xj) expect(a[i]).toBeLessThan(a[j]); }));
  });
});
