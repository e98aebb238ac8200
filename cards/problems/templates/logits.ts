// Shared sampling and wording for the templates on logits and labels.
import { fmt, vec } from '../format.ts';
import { softmax } from '../math.ts';
import type { Rng } from '../rng.ts';
import { times } from '../arrays.ts';

export type Logits = { x: number[]; y: number };
export type Binary = { x: number; q: number };

export const sampleLogits = (r: Rng, lo = 3, hi = 4): number[] => times(r.int(lo, hi), () => r.int(-30, 30) / 10);
export const sampleLabelled = (r: Rng): Logits => {
  const x = sampleLogits(r);
  return { x, y: r.int(0, x.length - 1) };
};
export const sampleBinary = (r: Rng): Binary => ({ x: r.int(-40, 40) / 10, q: r.int(0, 1) });
export const logitsParams = [
  { name: 'x', type: 'vector', min: 3, max: 4, note: 'logits' },
  { name: 'y', type: 'int', min: 0, note: '0-based class index' },
] as const;
export const binaryParams = [
  { name: 'x', type: 'real', min: -4, max: 4, note: 'logit' },
  { name: 'q', type: 'int', min: 0, max: 1, note: 'label' },
] as const;
export const rejectLabel = ({ x, y }: Logits): string | null => (y < 0 || y >= x.length ? 'label out of range' : null);

/** The softmax step every worked solution on logits starts with. */
export function softmaxStep(x: readonly number[]): string {
  const e = x.map((v) => Math.exp(v));
  const z = e.reduce((a, b) => a + b, 0);
  return `y=\\frac{e^{x}}{\\sum_j e^{x_j}}=\\frac{${vec(e, 5)}}{${fmt(z, 5)}}=${vec(softmax(x))}`;
}

export const sigmoidStep = (x: number): string => `y=\\sigma(${fmt(x)})=\\frac{1}{1+e^{${x <= 0 ? fmt(-x) : `-${fmt(x)}`}}}=${fmt(1 / (1 + Math.exp(-x)))}`;

function logitsText({ x, y }: Logits): { zh: string; en: string } {
  const v = vec(x);
  return {
    zh: `logits $x=${v}$，真实类别下标 $y=${y}$（从 0 开始，one-hot 标签 $q$）`,
    en: `logits $x=${v}$, true class index $y=${y}$ (0-based; one-hot label $q$)`,
  };
}

/** A prompt that starts with the logits and label, then asks its question. */
export function logitsPrompt(q: Logits, zh: string, en: string): { zh: string; en: string } {
  const t = logitsText(q);
  return { zh: `${t.zh}${zh}`, en: `${t.en}${en}` };
}
