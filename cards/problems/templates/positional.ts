// Positional encodings: the Transformer's sinusoidal table and RoPE.
import { defineTemplate, VECTOR, worked } from '../define.ts';
import { fmt, lang, p, vec } from '../format.ts';
import { SECTIONS } from '../sections.ts';
import type { Tolerance } from '../types.ts';

type Sin = { d: number; pos: number; j: number };
type Rope = { x: number[]; m: number; base: number };

// A sine or cosine value: 1 % or 0.001 absolute (3 decimals) is enough.
const TRIG: Tolerance = { rel: 0.01, abs: 1e-3 };

/** Angle of PE[pos, j]; `expo` maps j to the exponent numerator (2i for the right rule). */
const sinAngle = (d: number, pos: number, j: number, expo = (jj: number) => 2 * Math.floor(jj / 2)): number => pos / 10000 ** (expo(j) / d);
const pe = (d: number, pos: number, j: number, expo?: (jj: number) => number): number => {
  const a = sinAngle(d, pos, j, expo);
  return j % 2 === 0 ? Math.sin(a) : Math.cos(a);
};

export const posSinusoidal = defineTemplate<Sin>({
  id: 'pos.sinusoidal',
  section: SECTIONS.transformers,
  title: lang('正弦位置编码', 'Sinusoidal positional encoding'),
  formula: '$PE_{(pos,2i)}=\\sin\\frac{pos}{10000^{2i/d}},\\quad PE_{(pos,2i+1)}=\\cos\\frac{pos}{10000^{2i/d}}$（下标从 0 开始，弧度）',
  params: [
    { name: 'd', type: 'int', min: 16, max: 512, note: 'model width' },
    { name: 'pos', type: 'int', min: 1, max: 2048, note: '0-based position' },
    { name: 'j', type: 'int', min: 0, note: '0-based dimension' },
  ],
  kind: 'real',
  tolerance: TRIG,
  targetSeconds: 90,
  sample: (r) => {
    const d = r.pick([16, 32, 64, 128, 256, 512]);
    return { d, pos: r.next() < 0.6 ? r.int(1, 50) : r.int(51, 2048), j: r.int(0, Math.min(d - 1, r.pick([7, 15, 31]))) };
  },
  reject: ({ d, j }) => (j >= d ? 'dimension out of range' : null),
  answer: ({ d, pos, j }) => pe(d, pos, j),
  prompt: ({ d, pos, j }) => ({
    zh: `Transformer 正弦位置编码，$d_{model}=${d}$：$PE_{(pos,2i)}=\\sin(pos/10000^{2i/d})$，$PE_{(pos,2i+1)}=\\cos(pos/10000^{2i/d})$，位置和维度都从 0 开始，角度用弧度。求 $PE_{(${pos},${j})}$。`,
    en: `Transformer sinusoidal encoding with $d_{model}=${d}$: $PE_{(pos,2i)}=\\sin(pos/10000^{2i/d})$, $PE_{(pos,2i+1)}=\\cos(pos/10000^{2i/d})$, positions and dimensions 0-based, angles in radians. What is $PE_{(${pos},${j})}$?`,
  }),
  solution: ({ d, pos, j }) => {
    const i = Math.floor(j / 2);
    const a = sinAngle(d, pos, j);
    const fn = j % 2 === 0 ? '\\sin' : '\\cos';
    return worked(j % 2 === 0 ? 'PE_{(pos,2i)}=\\sin\\frac{pos}{10000^{2i/d}}' : 'PE_{(pos,2i+1)}=\\cos\\frac{pos}{10000^{2i/d}}', [
      `j=${j}\\Rightarrow i=${i},\\ \\frac{2i}{d}=\\frac{${2 * i}}{${d}}`,
      `\\frac{${pos}}{10000^{${2 * i}/${d}}}=${fmt(a)}`,
      `${fn}(${fmt(a)})=${fmt(pe(d, pos, j))}`,
    ]);
  },
  mistakes: [
    { id: 'exponent-j', hint: lang('奇数维 $j=2i+1$ 与偶数维 $2i$ 共用同一频率：指数是 $2i/d$，不是 $j/d$。', 'An odd dimension $j=2i+1$ shares the frequency of $2i$: the exponent is $2i/d$, not $j/d$.'), value: ({ d, pos, j }) => pe(d, pos, j, (jj) => jj) },
    { id: 'exponent-i', hint: lang('指数是 $2i/d$，别漏了 2。', 'The exponent is $2i/d$: keep the factor 2.'), value: ({ d, pos, j }) => pe(d, pos, j, (jj) => Math.floor(jj / 2)) },
    { id: 'sin-cos-swapped', hint: lang('偶数维用 $\\sin$，奇数维用 $\\cos$。', 'Even dimensions use $\\sin$, odd ones $\\cos$.'), value: ({ d, pos, j }) => (j % 2 === 0 ? Math.cos : Math.sin)(sinAngle(d, pos, j)) },
    { id: 'degrees', hint: lang('角度是弧度：计算器别用角度制。', 'The angle is in radians: switch the calculator out of degrees.'), value: ({ d, pos, j }) => (j % 2 === 0 ? Math.sin : Math.cos)((sinAngle(d, pos, j) * Math.PI) / 180) },
  ],
});

/** θ_i = base^(−2i/d) for each pair i; `expo` lets mistakes change the exponent. */
const thetas = (d: number, base: number, expo = (i: number) => (2 * i) / d): number[] => Array.from({ length: d / 2 }, (_, i) => base ** -expo(i));

function ropeInterleaved(x: readonly number[], m: number, th: readonly number[], sign = 1): number[] {
  const out = [...x];
  th.forEach((t, i) => {
    const a = x[2 * i] as number;
    const b = x[2 * i + 1] as number;
    const c = Math.cos(m * t);
    const s = sign * Math.sin(m * t);
    out[2 * i] = a * c - b * s;
    out[2 * i + 1] = a * s + b * c;
  });
  return out;
}

function ropeHalf(x: readonly number[], m: number, th: readonly number[]): number[] {
  const h = x.length / 2;
  const out = [...x];
  th.forEach((t, i) => {
    const a = x[i] as number;
    const b = x[i + h] as number;
    out[i] = a * Math.cos(m * t) - b * Math.sin(m * t);
    out[i + h] = a * Math.sin(m * t) + b * Math.cos(m * t);
  });
  return out;
}

export const posRopeRotate = defineTemplate<Rope>({
  id: 'pos.rope.rotate',
  section: SECTIONS.transformers,
  title: lang('RoPE 旋转位置编码', 'Rotary position embedding (RoPE)'),
  formula: '$\\begin{pmatrix}x\'_{2i}\\\\x\'_{2i+1}\\end{pmatrix}=\\begin{pmatrix}\\cos m\\theta_i&-\\sin m\\theta_i\\\\\\sin m\\theta_i&\\cos m\\theta_i\\end{pmatrix}\\begin{pmatrix}x_{2i}\\\\x_{2i+1}\\end{pmatrix},\\ \\theta_i=\\text{base}^{-2i/d}$',
  params: [
    { name: 'x', type: 'vector', min: 4, max: 6, note: 'even length d' },
    { name: 'm', type: 'int', min: 1, max: 40, note: 'position' },
    { name: 'base', type: 'int', min: 100, max: 500000 },
  ],
  kind: 'vector',
  tolerance: VECTOR,
  targetSeconds: 180,
  sample: (r) => ({
    x: Array.from({ length: r.pick([4, 4, 6]) }, () => r.int(-3, 3)),
    m: r.int(1, 40),
    base: r.pick([10000, 10000, 10000, 500000, 100]),
  }),
  reject: ({ x }) => (x.length % 2 !== 0 ? 'odd length' : x.filter((v) => v !== 0).length < 2 ? 'too few non-zero entries' : null),
  mustDiffer: ['rotate-half', 'clockwise'],
  answer: ({ x, m, base }) => ropeInterleaved(x, m, thetas(x.length, base)),
  prompt: ({ x, m, base }) => ({
    zh: `RoPE（相邻元素成对，即 $(x_{2i},x_{2i+1})$ 为一对，GPT-J/原论文式），$\\theta_i=${base}^{-2i/d}$，$d=${x.length}$。把 $x=${vec(x)}$ 在位置 $m=${m}$ 处逆时针旋转 $m\\theta_i$（弧度），结果向量是多少？`,
    en: `RoPE with interleaved pairs $(x_{2i},x_{2i+1})$ (the paper's and GPT-J's layout), $\\theta_i=${base}^{-2i/d}$, $d=${x.length}$. Rotating $x=${vec(x)}$ at position $m=${m}$ counter-clockwise by $m\\theta_i$ (radians), what is the result?`,
  }),
  solution: ({ x, m, base }) => {
    const th = thetas(x.length, base);
    const steps = th.map((t, i) => {
      const a = m * t;
      return `i=${i}:\\ m\\theta_{${i}}=${m}\\times ${fmt(t)}=${fmt(a)},\\ (${fmt(x[2 * i] as number)}\\cos ${p(a, 4)}-${p(x[2 * i + 1] as number)}\\sin ${p(a, 4)},\\ ${fmt(x[2 * i] as number)}\\sin ${p(a, 4)}+${p(x[2 * i + 1] as number)}\\cos ${p(a, 4)})`;
    });
    return worked('x\'_{2i}=x_{2i}\\cos m\\theta_i-x_{2i+1}\\sin m\\theta_i,\\ x\'_{2i+1}=x_{2i}\\sin m\\theta_i+x_{2i+1}\\cos m\\theta_i', [...steps, `x\'=${vec(ropeInterleaved(x, m, th))}`]);
  },
  mistakes: [
    { id: 'rotate-half', hint: lang('本题是相邻成对 $(x_{2i},x_{2i+1})$；这是 rotate_half 的配对 $(x_i,x_{i+d/2})$（HF Llama 的布局）。', 'Pairs here are adjacent $(x_{2i},x_{2i+1})$; you paired $(x_i,x_{i+d/2})$ as rotate_half (HF Llama layout) does.'), value: ({ x, m, base }) => ropeHalf(x, m, thetas(x.length, base)) },
    { id: 'clockwise', hint: lang('旋转方向：$x\'_{2i}=x_{2i}\\cos-x_{2i+1}\\sin$（逆时针）。', 'Direction: $x\'_{2i}=x_{2i}\\cos-x_{2i+1}\\sin$ (counter-clockwise).'), value: ({ x, m, base }) => ropeInterleaved(x, m, thetas(x.length, base), -1) },
    { id: 'exponent-i', hint: lang('$\\theta_i=\\text{base}^{-2i/d}$：指数里有 2。', '$\\theta_i=\\text{base}^{-2i/d}$: the exponent has a factor 2.'), value: ({ x, m, base }) => ropeInterleaved(x, m, thetas(x.length, base, (i) => i / x.length)) },
    { id: 'forgot-m', hint: lang('角度是 $m\\theta_i$，要乘位置 $m$。', 'The angle is $m\\theta_i$: multiply by the position $m$.'), value: ({ x, base }) => ropeInterleaved(x, 1, thetas(x.length, base)) },
  ],
});

export const positionalTemplates = [posSinusoidal, posRopeRotate];
