// Receptive field of stacked convolutions: its size and its centre.
import { defineTemplate, INT, REAL, worked } from '../define.ts';
import { fmt, lang } from '../format.ts';
import { effectiveKernel, receptiveField } from '../math.ts';
import { SECTIONS } from '../sections.ts';
import type { Rng } from '../rng.ts';
import { times } from '../arrays.ts';

type KSD = { k: number; s: number; d: number };
type KSP = { k: number; s: number; p: number };

const layersOf = (r: Rng, n: number) => times(n, () => ({ k: r.pick([1, 2, 3, 3, 3, 5, 7]), s: r.pick([1, 1, 2, 2]), d: r.pick([1, 1, 1, 2]) }));
const list = (ls: readonly Record<string, number>[]): string =>
  ls.map((l, i) => `${i + 1}. ${Object.entries(l).map(([k, v]) => `$${k}=${v}$`).join(', ')}`).join('\n');
const jumps = (ls: readonly { s: number }[]): number[] => ls.reduce<number[]>((js, l) => [...js, (js[js.length - 1] as number) * l.s], [1]);

export const convRf = defineTemplate<{ layers: KSD[] }>({
  id: 'conv.rf',
  section: SECTIONS.rf,
  title: lang('多层卷积的感受野', 'Receptive field of stacked convolutions'),
  formula: '$r_l=r_{l-1}+(k_l-1)\\,j_{l-1},\\quad j_l=j_{l-1}s_l,\\quad r_0=j_0=1$（空洞卷积用 $d(k-1)+1$ 代替 $k$）',
  params: [{ name: 'layers', type: 'layers', min: 2, max: 4, note: '[{k, s, d}], input side first' }],
  kind: 'int',
  tolerance: INT,
  targetSeconds: 60,
  sample: (r) => ({ layers: layersOf(r, r.int(2, 4)) }),
  reject: ({ layers }) => (layers.every((l) => l.k === 1) ? 'all 1×1 kernels' : null),
  answer: ({ layers }) => receptiveField(layers),
  prompt: ({ layers }) => ({
    zh: `以下卷积层从输入开始依次堆叠（$k$ 核大小，$s$ 步长，$d$ 膨胀率）：\n\n${list(layers)}\n\n最后一层的一个单元在输入上的感受野边长是多少像素？`,
    en: `These convolutions are stacked, input side first ($k$ kernel, $s$ stride, $d$ dilation):\n\n${list(layers)}\n\nHow many input pixels wide is the receptive field of one unit of the last layer?`,
  }),
  solution: ({ layers }) => {
    const js = jumps(layers);
    const steps = [js.map((j, i) => `j_{${i}}=${j}`).join(',\\ ')];
    let r = 1;
    layers.forEach((l, i) => {
      const ke = effectiveKernel(l.k, l.d);
      const next = r + (ke - 1) * (js[i] as number);
      steps.push(`r_{${i + 1}}=${r}+(${ke}-1)\\times ${js[i]}=${next}`);
      r = next;
    });
    return worked('r_l=r_{l-1}+(k_l-1)\\,j_{l-1}', steps, {
      zh: '$j$ 是前面各层步长之积（相邻单元在输入上的间距）；空洞卷积的等效核 $d(k-1)+1$。',
      en: '$j$ is the product of the earlier strides (the input distance between neighbouring units); a dilated kernel spans $d(k-1)+1$.',
    });
  },
  mistakes: [
    { id: 'ignored-dilation', hint: lang('空洞卷积的等效核是 $d(k-1)+1$。', 'A dilated kernel spans $d(k-1)+1$ pixels.'), value: ({ layers }) => receptiveField(layers.map((l) => ({ k: l.k, s: l.s }))) },
    {
      id: 'own-stride',
      hint: lang('第 $l$ 层的增量乘的是 $j_{l-1}$（之前各层步长之积），不含本层步长。', 'Layer $l$ adds $(k_l-1)\\,j_{l-1}$: the strides before it, not its own.'),
      value: ({ layers }) => 1 + layers.reduce((a, l, i) => a + (effectiveKernel(l.k, l.d) - 1) * (jumps(layers)[i + 1] as number), 0),
    },
    { id: 'ignored-stride', hint: lang('步长会放大后续层的感受野增量。', 'Strides multiply how much each later layer adds.'), value: ({ layers }) => 1 + layers.reduce((a, l) => a + effectiveKernel(l.k, l.d) - 1, 0) },
    { id: 'summed-kernels', hint: lang('感受野不是各层核大小之和。', 'The receptive field is not the sum of the kernel sizes.'), value: ({ layers }) => layers.reduce((a, l) => a + effectiveKernel(l.k, l.d), 0) },
  ],
});

/** Centre of the receptive field of unit 0 of the last layer (input pixel i sits at coordinate i). */
export function rfStart(layers: readonly KSP[]): number {
  let start = 0;
  let jump = 1;
  for (const l of layers) {
    start += ((l.k - 1) / 2 - l.p) * jump;
    jump *= l.s;
  }
  return start;
}

export const convRfStart = defineTemplate<{ layers: KSP[] }>({
  id: 'conv.rf.start',
  section: SECTIONS.rf,
  title: lang('感受野中心位置', 'Centre of the receptive field'),
  formula: '$start_l=start_{l-1}+\\left(\\frac{k_l-1}{2}-p_l\\right)j_{l-1},\\quad start_0=0$',
  params: [{ name: 'layers', type: 'layers', min: 2, max: 3, note: '[{k, s, p}], input side first' }],
  kind: 'real',
  tolerance: REAL,
  targetSeconds: 75,
  sample: (r) => ({
    layers: times(r.int(2, 3), () => {
      const k = r.pick([2, 3, 3, 5, 7]);
      return { k, s: r.pick([1, 2, 2]), p: r.int(0, Math.floor(k / 2)) };
    }),
  }),
  reject: ({ layers }) => (rfStart(layers) === 0 ? 'centre at the origin' : null),
  answer: ({ layers }) => rfStart(layers),
  prompt: ({ layers }) => ({
    zh: `以下卷积层从输入开始依次堆叠（$k$ 核大小，$s$ 步长，$p$ 每边补零）：\n\n${list(layers)}\n\n输入像素 $i$ 的坐标记为 $i$（从 0 开始，补的零在负坐标）。最后一层第一个单元（下标 0）的感受野中心坐标是多少？`,
    en: `These convolutions are stacked, input side first ($k$ kernel, $s$ stride, $p$ zero padding per side):\n\n${list(layers)}\n\nInput pixel $i$ sits at coordinate $i$ (from 0; padding lies at negative coordinates). Where is the centre of the receptive field of the first unit (index 0) of the last layer?`,
  }),
  solution: ({ layers }) => {
    const js = jumps(layers);
    const steps: string[] = [];
    let st = 0;
    layers.forEach((l, i) => {
      const next = st + ((l.k - 1) / 2 - l.p) * (js[i] as number);
      steps.push(`start_{${i + 1}}=${fmt(st)}+\\left(\\frac{${l.k}-1}{2}-${l.p}\\right)\\times ${js[i]}=${fmt(next)}`);
      st = next;
    });
    return worked('start_l=start_{l-1}+\\left(\\frac{k_l-1}{2}-p_l\\right)j_{l-1}', steps);
  },
  mistakes: [
    { id: 'ignored-padding', hint: lang('补零把窗口向负方向移了 $p_l\\,j_{l-1}$。', 'Padding shifts the window by $-p_l\\,j_{l-1}$.'), value: ({ layers }) => rfStart(layers.map((l) => ({ ...l, p: 0 }))) },
    {
      id: 'own-stride',
      hint: lang('乘的是 $j_{l-1}$，不含本层步长。', 'Multiply by $j_{l-1}$, not including the layer’s own stride.'),
      value: ({ layers }) => layers.reduce((a, l, i) => a + ((l.k - 1) / 2 - l.p) * (jumps(layers)[i + 1] as number), 0),
    },
    { id: 'sign-of-padding', hint: lang('补零使中心向负方向移动：是 $-p_l$。', 'Padding moves the centre towards negative coordinates: $-p_l$.'), value: ({ layers }) => rfStart(layers.map((l) => ({ ...l, p: -l.p }))) },
  ],
});
