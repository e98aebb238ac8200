// First-principles reference math shared by the templates. The tests check
// these against independent methods (finite differences, brute force).
import { times } from './arrays.ts';

// Loops rather than reduce/map/spread: these run inside nearly every sampler,
// answer and mistake of the generate + grade bench. Same operations in the same
// order as the functional forms (left-to-right sums), so results are identical.
export function sum(xs: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < xs.length; i += 1) s += xs[i] as number;
  return s;
}
export const mean = (xs: readonly number[]): number => sum(xs) / xs.length;

/** Population variance (divide by n): what batch norm uses in training. */
export function variance(xs: readonly number[]): number {
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i += 1) s += ((xs[i] as number) - m) ** 2;
  return s / xs.length;
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Math.max(...xs) without the spread (NaN and the empty case behave the same). */
function max(xs: readonly number[]): number {
  let m = -Infinity;
  for (let i = 0; i < xs.length; i += 1) m = Math.max(m, xs[i] as number);
  return m;
}

export function softmax(xs: readonly number[]): number[] {
  const m = max(xs);
  const e: number[] = [];
  let z = 0;
  for (let i = 0; i < xs.length; i += 1) {
    const v = Math.exp((xs[i] as number) - m);
    e.push(v);
    z += v;
  }
  for (let i = 0; i < e.length; i += 1) e[i] = (e[i] as number) / z;
  return e;
}

export function logSumExp(xs: readonly number[]): number {
  const m = max(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i += 1) s += Math.exp((xs[i] as number) - m);
  return m + Math.log(s);
}

export const oneHot = (n: number, y: number): number[] => times(n, (i) => (i === y ? 1 : 0));

/** KL(p‖q) in nats; terms with p = 0 contribute 0. */
export function kl(p: readonly number[], q: readonly number[]): number {
  let s = 0;
  p.forEach((pi, i) => {
    if (pi > 0) s += pi * Math.log(pi / (q[i] as number));
  });
  return s;
}

export function js(p: readonly number[], q: readonly number[]): number {
  const m = p.map((pi, i) => (pi + (q[i] as number)) / 2);
  return kl(p, m) / 2 + kl(q, m) / 2;
}

/** ∂/∂x of Σ(q − softmax(x))²: 2·y_m·((y_m − q_m) − Σ_k y_k (y_k − q_k)). */
export function softmaxMseGrad(x: readonly number[], label: number): number[] {
  const y = softmax(x);
  const q = oneHot(x.length, label);
  const inner = sum(y.map((yk, k) => yk * (yk - (q[k] as number))));
  return y.map((ym, m) => 2 * ym * (ym - (q[m] as number) - inner));
}

/** Effective kernel extent of a dilated kernel. */
export const effectiveKernel = (k: number, d: number): number => d * (k - 1) + 1;

/** Output length of a convolution (PyTorch/Caffe rule, floor). */
export const convOut = (n: number, k: number, s: number, p = 0, d = 1): number =>
  Math.floor((n + 2 * p - effectiveKernel(k, d)) / s) + 1;

/** PyTorch ConvTranspose output length. */
export const deconvOut = (n: number, k: number, s: number, p: number, d: number, op: number): number =>
  (n - 1) * s - 2 * p + d * (k - 1) + op + 1;

/** Receptive field (input pixels) of one unit after the given layers, forward recursion. */
export function receptiveField(layers: readonly { k: number; s: number; d?: number }[]): number {
  let r = 1;
  let jump = 1;
  for (const l of layers) {
    r += (effectiveKernel(l.k, l.d ?? 1) - 1) * jump;
    jump *= l.s;
  }
  return r;
}
