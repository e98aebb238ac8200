// Output size of a transposed convolution, PyTorch's ConvTranspose rule.
import { defineTemplate, INT, worked } from '../define.ts';
import { lang } from '../format.ts';
import { deconvOut } from '../math.ts';
import { SECTIONS } from '../sections.ts';

type P = { n: number; k: number; s: number; p: number; d: number; op: number };

export const deconv = defineTemplate<P>({
  id: 'deconv.out',
  section: SECTIONS.deconv,
  title: lang('转置卷积输出大小（PyTorch）', 'Transposed convolution output size (PyTorch)'),
  formula: '$n_{out}=(n-1)s-2p+d(k-1)+op+1$',
  params: [
    { name: 'n', type: 'int', min: 1, max: 64 },
    { name: 'k', type: 'int', min: 1, max: 5 },
    { name: 's', type: 'int', min: 1, max: 3 },
    { name: 'p', type: 'int', min: 0, max: 2 },
    { name: 'd', type: 'int', min: 1, max: 2 },
    { name: 'op', type: 'int', min: 0, max: 2, note: 'output_padding < max(s, d)' },
  ],
  kind: 'int',
  tolerance: INT,
  targetSeconds: 45,
  sample: (r) => {
    const s = r.pick([1, 2, 2, 3]);
    const d = r.pick([1, 1, 1, 2]);
    return { n: r.pick([r.int(2, 16), r.pick([7, 14, 28, 32, 56])]), k: r.pick([2, 3, 3, 4, 5]), s, p: r.int(0, 2), d, op: r.int(0, Math.max(s, d) - 1) };
  },
  // PyTorch refuses output_padding ≥ max(stride, dilation), and sizes < 1.
  reject: (q) => (q.op >= Math.max(q.s, q.d) ? 'output padding too large' : deconvOut(q.n, q.k, q.s, q.p, q.d, q.op) < 1 ? 'empty output' : null),
  answer: (q) => deconvOut(q.n, q.k, q.s, q.p, q.d, q.op),
  prompt: ({ n, k, s, p, d, op }) => ({
    zh: `PyTorch \`nn.ConvTranspose2d\`：输入边长 $n=${n}$，kernel_size $k=${k}$，stride $s=${s}$，padding $p=${p}$，dilation $d=${d}$，output_padding $op=${op}$。输出边长是多少？`,
    en: `PyTorch \`nn.ConvTranspose2d\`: input side $n=${n}$, kernel_size $k=${k}$, stride $s=${s}$, padding $p=${p}$, dilation $d=${d}$, output_padding $op=${op}$. What is the output side length?`,
  }),
  solution: ({ n, k, s, p, d, op }) =>
    worked(
      '(n-1)s-2p+d(k-1)+op+1',
      [`(${n}-1)\\times ${s}-2\\times ${p}+${d}\\times(${k}-1)+${op}+1=${(n - 1) * s}-${2 * p}+${d * (k - 1)}+${op}+1=${(n - 1) * s - 2 * p + d * (k - 1) + op + 1}`],
      {
        zh: '转置卷积是同参数卷积的“形状逆”：把每个输入按步长 $s$ 散开、乘核后叠加，再从两端各裁掉 $p$，末端补 $op$。',
        en: 'A transposed convolution inverts the shape of the convolution with the same parameters: scatter each input $s$ apart, add the kernel copies, crop $p$ from both ends and add $op$ at the end.',
      },
    ),
  mistakes: [
    { id: 'forgot-output-padding', hint: lang('漏了 output_padding。', 'You left out output_padding.'), value: (q) => deconvOut(q.n, q.k, q.s, q.p, q.d, 0) },
    { id: 'ignored-dilation', hint: lang('核的覆盖范围是 $d(k-1)+1$。', 'The kernel spans $d(k-1)+1$ pixels.'), value: (q) => deconvOut(q.n, q.k, q.s, q.p, 1, q.op) },
    { id: 'padding-once', hint: lang('padding 从两端各裁掉一次：$-2p$。', 'Padding is cropped from both ends: $-2p$.'), value: (q) => deconvOut(q.n, q.k, q.s, q.p, q.d, q.op) + q.p },
    { id: 'forgot-plus-one', hint: lang('漏了 $+1$。', 'You forgot the $+1$.'), value: (q) => deconvOut(q.n, q.k, q.s, q.p, q.d, q.op) - 1 },
    { id: 'naive-upsample', hint: lang('转置卷积不是简单的 $n\\times s$。', 'A transposed convolution is not simply $n\\times s$.'), value: (q) => q.n * q.s },
    {
      id: 'used-conv-formula',
      hint: lang('这是普通卷积的公式；转置卷积把它倒过来。', 'That is the forward convolution rule; the transposed one inverts it.'),
      value: (q) => Math.floor((q.n + 2 * q.p - q.d * (q.k - 1) - 1) / q.s) + 1,
    },
  ],
});
