// Output size of a convolution: VALID, SAME, explicit padding, dilation.
import { COMMON_SIDES, defineTemplate, INT, worked } from '../define.ts';
import { fmt, lang } from '../format.ts';
import { SECTIONS } from '../sections.ts';
import type { Rng } from '../rng.ts';

type NKS = { n: number; k: number; s: number };
type NKSP = NKS & { p: number };
type NKSPD = NKSP & { d: number };

const side = (r: Rng): number => (r.bool() ? r.pick(COMMON_SIDES) : r.int(5, 64));
const kernel = (r: Rng): number => r.pick([1, 2, 3, 3, 5, 5, 7, 11]);
const stride = (r: Rng): number => r.pick([1, 2, 2, 3, 4]);
const fl = (a: number, b: number): number => Math.floor(a / b);

const FORGOT_ONE = lang('漏了 $+1$：第一个窗口本身也算一个输出。', 'You forgot the $+1$: the first window position is itself an output.');
const CEIL = lang('VALID/显式 padding 用向下取整 $\\lfloor\\cdot\\rfloor$，不是向上取整。', 'With VALID or explicit padding the division is floored, not ceiled.');
const NO_FLOOR = lang('除法结果要向下取整：放不下完整窗口的剩余部分不产生输出。', 'Floor the division: a leftover that cannot fit a whole window produces no output.');

const sizeOf = lang('输出特征图边长是多少？', 'What is the side length of the output?');

export const convValid = defineTemplate<NKS>({
  id: 'conv.out.valid',
  section: SECTIONS.convOut,
  title: lang('卷积输出大小（VALID）', 'Convolution output size (VALID)'),
  formula: '$n_{out}=\\left\\lfloor\\frac{n-k}{s}\\right\\rfloor+1$',
  params: [
    { name: 'n', type: 'int', min: 1, max: 300 },
    { name: 'k', type: 'int', min: 1, max: 11 },
    { name: 's', type: 'int', min: 1, max: 4 },
  ],
  kind: 'int',
  tolerance: INT,
  targetSeconds: 30,
  sample: (r) => ({ n: side(r), k: kernel(r), s: stride(r) }),
  reject: ({ n, k }) => (k > n ? 'kernel larger than input' : null),
  answer: ({ n, k, s }) => fl(n - k, s) + 1,
  prompt: ({ n, k, s }) => ({
    zh: `输入特征图边长 $n=${n}$，卷积核 $${k}\\times ${k}$，步长 $s=${s}$，**VALID**（不补零）。${sizeOf.zh}`,
    en: `An input feature map of side $n=${n}$ is convolved with a $${k}\\times ${k}$ kernel, stride $s=${s}$, **VALID** padding (no zeros added). ${sizeOf.en}`,
  }),
  solution: ({ n, k, s }) =>
    worked('\\left\\lfloor\\frac{n-k}{s}\\right\\rfloor+1', [
      `\\left\\lfloor\\frac{${n}-${k}}{${s}}\\right\\rfloor+1=\\lfloor ${fmt((n - k) / s)}\\rfloor+1=${fl(n - k, s) + 1}`,
    ]),
  mistakes: [
    { id: 'forgot-plus-one', hint: FORGOT_ONE, value: ({ n, k, s }) => fl(n - k, s) },
    { id: 'ceil-instead-of-floor', hint: CEIL, value: ({ n, k, s }) => Math.ceil((n - k) / s) + 1 },
    { id: 'no-floor', hint: NO_FLOOR, value: ({ n, k, s }) => (n - k) / s + 1 },
    {
      id: 'used-same',
      hint: lang('这是 SAME 的公式 $\\lceil n/s\\rceil$；VALID 不补零，要减去核大小。', 'That is the SAME rule $\\lceil n/s\\rceil$; VALID adds no zeros, so subtract the kernel.'),
      value: ({ n, s }) => Math.ceil(n / s),
    },
    {
      id: 'ignored-stride',
      hint: lang('忘了除以步长 $s$。', 'You ignored the stride $s$.'),
      value: ({ n, k }) => n - k + 1,
    },
  ],
});

export const convSame = defineTemplate<NKS>({
  id: 'conv.out.same',
  section: SECTIONS.convOut,
  title: lang('卷积输出大小（SAME）', 'Convolution output size (SAME)'),
  formula: '$n_{out}=\\left\\lceil\\frac{n}{s}\\right\\rceil$（TensorFlow SAME）',
  params: convValid.params,
  kind: 'int',
  tolerance: INT,
  targetSeconds: 20,
  sample: (r) => ({ n: side(r), k: kernel(r), s: stride(r) }),
  reject: ({ n, k }) => (k > n ? 'kernel larger than input' : null),
  answer: ({ n, s }) => Math.ceil(n / s),
  prompt: ({ n, k, s }) => ({
    zh: `输入特征图边长 $n=${n}$，卷积核 $${k}\\times ${k}$，步长 $s=${s}$，TensorFlow **SAME** 填充。${sizeOf.zh}`,
    en: `An input feature map of side $n=${n}$ is convolved with a $${k}\\times ${k}$ kernel, stride $s=${s}$, TensorFlow **SAME** padding. ${sizeOf.en}`,
  }),
  solution: ({ n, s }) =>
    worked('\\left\\lceil\\frac{n}{s}\\right\\rceil', [`\\left\\lceil\\frac{${n}}{${s}}\\right\\rceil=\\lceil ${fmt(n / s)}\\rceil=${Math.ceil(n / s)}`], {
      zh: 'SAME 补足零使输出只取决于步长，与核大小无关。',
      en: 'SAME pads just enough zeros that the output depends only on the stride, not on the kernel.',
    }),
  mistakes: [
    { id: 'floor-instead-of-ceil', hint: lang('SAME 是向上取整 $\\lceil n/s\\rceil$。', 'SAME rounds up: $\\lceil n/s\\rceil$.'), value: ({ n, s }) => fl(n, s) },
    {
      id: 'used-valid',
      hint: lang('这是 VALID 的公式；SAME 会补零，输出与核大小无关。', 'That is the VALID rule; SAME pads, so the kernel size does not matter.'),
      value: ({ n, k, s }) => fl(n - k, s) + 1,
    },
    { id: 'ignored-stride', hint: lang('忘了除以步长 $s$。', 'You ignored the stride $s$.'), value: ({ n }) => n },
    { id: 'floor-plus-one', hint: lang('$\\lfloor n/s\\rfloor+1$ 在整除时多 1；用 $\\lceil n/s\\rceil$。', '$\\lfloor n/s\\rfloor+1$ is one too many when $s$ divides $n$; use $\\lceil n/s\\rceil$.'), value: ({ n, s }) => fl(n, s) + 1 },
  ],
});

const padP = { name: 'p', type: 'int', min: 0, max: 5 } as const;

export const convPadded = defineTemplate<NKSP>({
  id: 'conv.out.padded',
  section: SECTIONS.convOut,
  title: lang('卷积输出大小（给定 padding）', 'Convolution output size (explicit padding)'),
  formula: '$n_{out}=\\left\\lfloor\\frac{n+2p-k}{s}\\right\\rfloor+1$',
  params: [...convValid.params, padP],
  kind: 'int',
  tolerance: INT,
  targetSeconds: 30,
  sample: (r) => {
    const k = kernel(r);
    return { n: side(r), k, s: stride(r), p: r.int(Math.min(1, k - 1), Math.max(1, Math.floor(k / 2) + 1)) };
  },
  reject: ({ n, k, p }) => (k > n + 2 * p ? 'kernel larger than padded input' : null),
  answer: ({ n, k, s, p }) => fl(n + 2 * p - k, s) + 1,
  prompt: ({ n, k, s, p }) => ({
    zh: `输入特征图边长 $n=${n}$，卷积核 $${k}\\times ${k}$，步长 $s=${s}$，每边补零 $p=${p}$。${sizeOf.zh}`,
    en: `An input feature map of side $n=${n}$ is convolved with a $${k}\\times ${k}$ kernel, stride $s=${s}$, zero padding $p=${p}$ on each side. ${sizeOf.en}`,
  }),
  solution: ({ n, k, s, p }) =>
    worked('\\left\\lfloor\\frac{n+2p-k}{s}\\right\\rfloor+1', [
      `\\left\\lfloor\\frac{${n}+2\\times ${p}-${k}}{${s}}\\right\\rfloor+1=\\lfloor ${fmt((n + 2 * p - k) / s)}\\rfloor+1=${fl(n + 2 * p - k, s) + 1}`,
    ]),
  mistakes: [
    { id: 'forgot-plus-one', hint: FORGOT_ONE, value: ({ n, k, s, p }) => fl(n + 2 * p - k, s) },
    { id: 'padding-once', hint: lang('两侧都补零，是 $2p$ 不是 $p$。', 'Padding is added on both sides: $2p$, not $p$.'), value: ({ n, k, s, p }) => fl(n + p - k, s) + 1 },
    { id: 'ceil-instead-of-floor', hint: CEIL, value: ({ n, k, s, p }) => Math.ceil((n + 2 * p - k) / s) + 1 },
    { id: 'no-floor', hint: NO_FLOOR, value: ({ n, k, s, p }) => (n + 2 * p - k) / s + 1 },
    { id: 'ignored-padding', hint: lang('忘了加上 padding。', 'You left out the padding.'), value: ({ n, k, s }) => fl(n - k, s) + 1 },
  ],
});

export const convDilated = defineTemplate<NKSPD>({
  id: 'conv.out.dilated',
  section: SECTIONS.convOut,
  title: lang('空洞卷积输出大小', 'Dilated convolution output size'),
  formula: '$n_{out}=\\left\\lfloor\\frac{n+2p-d(k-1)-1}{s}\\right\\rfloor+1$（等效核 $d(k-1)+1$）',
  params: [...convPadded.params, { name: 'd', type: 'int', min: 2, max: 6 }],
  kind: 'int',
  tolerance: INT,
  targetSeconds: 45,
  sample: (r) => {
    const k = r.pick([2, 3, 3, 5]);
    const d = r.pick([2, 2, 3, 4, 6]);
    return { n: side(r), k, s: r.pick([1, 1, 2]), p: r.int(0, Math.floor((d * (k - 1)) / 2) + 1), d };
  },
  reject: ({ n, k, p, d }) => (d * (k - 1) + 1 > n + 2 * p ? 'dilated kernel larger than padded input' : null),
  answer: ({ n, k, s, p, d }) => fl(n + 2 * p - d * (k - 1) - 1, s) + 1,
  prompt: ({ n, k, s, p, d }) => ({
    zh: `输入特征图边长 $n=${n}$，$${k}\\times ${k}$ 空洞卷积，膨胀率 $d=${d}$，步长 $s=${s}$，每边补零 $p=${p}$。${sizeOf.zh}`,
    en: `An input feature map of side $n=${n}$ goes through a $${k}\\times ${k}$ dilated convolution with dilation $d=${d}$, stride $s=${s}$, padding $p=${p}$. ${sizeOf.en}`,
  }),
  solution: ({ n, k, s, p, d }) => {
    const num = n + 2 * p - d * (k - 1) - 1;
    return worked('\\left\\lfloor\\frac{n+2p-d(k-1)-1}{s}\\right\\rfloor+1', [
      `k_{eff}=d(k-1)+1=${d}\\times ${k - 1}+1=${d * (k - 1) + 1}`,
      `\\left\\lfloor\\frac{${n}+2\\times ${p}-${d}\\times(${k}-1)-1}{${s}}\\right\\rfloor+1=\\lfloor ${fmt(num / s)}\\rfloor+1=${fl(num, s) + 1}`,
    ]);
  },
  mistakes: [
    { id: 'ignored-dilation', hint: lang('膨胀后核的覆盖范围是 $d(k-1)+1$，不是 $k$。', 'A dilated kernel spans $d(k-1)+1$ pixels, not $k$.'), value: ({ n, k, s, p }) => fl(n + 2 * p - k, s) + 1 },
    { id: 'effective-dk', hint: lang('等效核是 $d(k-1)+1$，不是 $dk$。', 'The effective kernel is $d(k-1)+1$, not $dk$.'), value: ({ n, k, s, p, d }) => fl(n + 2 * p - d * k, s) + 1 },
    { id: 'forgot-plus-one', hint: FORGOT_ONE, value: ({ n, k, s, p, d }) => fl(n + 2 * p - d * (k - 1) - 1, s) },
    { id: 'padding-once', hint: lang('两侧都补零，是 $2p$ 不是 $p$。', 'Padding is added on both sides: $2p$, not $p$.'), value: ({ n, k, s, p, d }) => fl(n + p - d * (k - 1) - 1, s) + 1 },
  ],
});
