// Note formulas about convolution shapes, receptive fields and costs.
import { convOut, receptiveField } from '../math.ts';
import { rfStart } from '../templates/receptive.ts';
import type { Rng } from '../rng.ts';
import { lhsKey, varsOf, type Claim, type Sample } from './claim.ts';

const convSample = (r: Rng, withPad: boolean, withDil: boolean, truth: (n: number, k: number, s: number, p: number, d: number) => number): Sample => {
  const k = r.int(1, 7);
  const d = withDil ? r.int(1, 3) : 1;
  const p = withPad ? r.int(0, 3) : 0;
  const n = r.int(d * (k - 1) + 1, 64);
  const s = r.int(1, 4);
  return { env: { scalars: { n_in: n, n: n, k, s, p, d } }, truth: truth(n, k, s, p, d) };
};
const isShape = (v: Set<string>): boolean => v.has('n_in') || v.has('n');
const hasRound = (tex: string): boolean => /\\l(floor|ceil)/.test(tex);

const layers = (r: Rng, n: number) => Array.from({ length: n }, () => ({ k: r.int(1, 7), s: r.int(1, 3), p: r.int(0, 3) }));
const prod = (xs: readonly { s: number }[]): number => xs.reduce((a, l) => a * l.s, 1);

export const convClaims: Claim[] = [
  {
    id: 'conv.out.dilated',
    what: '空洞卷积输出大小 / dilated convolution output size',
    corrected: '$\\left\\lfloor\\frac{n+2p-d(k-1)-1}{s}\\right\\rfloor+1$',
    applies: (c) => hasRound(c.tex) && isShape(varsOf(c)) && varsOf(c).has('d'),
    samples: (_c, r) => [convSample(r, true, true, (n, k, s, p, d) => convOut(n, k, s, p, d))],
  },
  {
    id: 'conv.out.padded',
    what: '卷积输出大小（padding） / convolution output size with padding',
    corrected: '$\\left\\lfloor\\frac{n+2p-k}{s}\\right\\rfloor+1$',
    applies: (c) => hasRound(c.tex) && isShape(varsOf(c)) && varsOf(c).has('p') && !varsOf(c).has('d'),
    samples: (_c, r) => [convSample(r, true, false, (n, k, s, p) => convOut(n, k, s, p))],
  },
  {
    id: 'conv.out.valid',
    what: '卷积输出大小（VALID） / VALID convolution output size',
    corrected: '$\\left\\lfloor\\frac{n-k}{s}\\right\\rfloor+1=\\left\\lceil\\frac{n-k+1}{s}\\right\\rceil$',
    applies: (c) => hasRound(c.tex) && isShape(varsOf(c)) && varsOf(c).has('k') && !varsOf(c).has('p') && !varsOf(c).has('d'),
    samples: (_c, r) => [convSample(r, false, false, (n, k, s) => convOut(n, k, s))],
  },
  {
    id: 'conv.out.same',
    what: '卷积输出大小（SAME） / SAME convolution output size',
    corrected: '$\\left\\lceil\\frac{n}{s}\\right\\rceil$',
    applies: (c) => hasRound(c.tex) && isShape(varsOf(c)) && !varsOf(c).has('k'),
    samples: (_c, r) => [convSample(r, false, false, (n, _k, s) => Math.ceil(n / s))],
  },
  {
    // Backward: layer l−1 sits between maps l−1 and l; r_l is measured on map l.
    id: 'rf.backward',
    what: '感受野（从后往前） / receptive field, backward',
    corrected: '$r_{l-1}=s_{l-1}(r_l-1)+k_{l-1}$（空洞卷积时 $k$ 取 $d(k-1)+1$）',
    applies: (c) => lhsKey(c.lhs) === 'r_l-1',
    samples: (_c, r) => {
      const ls = layers(r, 4);
      const l = r.int(2, 4);
      const below = ls[l - 2] as { k: number; s: number };
      const at = ls[l - 1] as { k: number; s: number };
      return [{ env: { scalars: { 'k_l-1': below.k, 's_l-1': below.s, k_l: at.k, s_l: at.s, r_l: receptiveField(ls.slice(l - 1)) } }, truth: receptiveField(ls.slice(l - 2)) }];
    },
  },
  {
    id: 'rf.position',
    what: '感受野中心（从后往前） / receptive field centre, backward',
    corrected: '$pos_l=s_l\\,pos_{l+1}+\\left(\\frac{k_l-1}{2}-p_l\\right)$',
    applies: (c) => lhsKey(c.lhs) === 'pos_l',
    samples: (_c, r) => {
      const [k, s, p, u] = [r.int(1, 7), r.int(1, 3), r.int(0, 3), r.int(0, 9)];
      // The centre of the window unit u reads: the mean of the input indices it covers.
      let total = 0;
      for (let t = 0; t < k; t += 1) total += u * s - p + t;
      return [{ env: { scalars: { s_l: s, 'pos_l+1': u, k_l: k, p_l: p } }, truth: total / k }];
    },
  },
  {
    // Forward: layer l sits between maps l−1 and l; j is the jump (input distance between neighbouring units).
    id: 'rf.jump',
    what: '感受野 jump / receptive field jump',
    corrected: '$j_l=j_{l-1}\\times s_l$',
    applies: (c) => lhsKey(c.lhs) === 'j_l',
    samples: (_c, r) => {
      const ls = layers(r, r.int(1, 4));
      return [{ env: { scalars: { 'j_l-1': prod(ls.slice(0, -1)), s_l: (ls[ls.length - 1] as { s: number }).s } }, truth: prod(ls) }];
    },
  },
  {
    id: 'rf.forward',
    what: '感受野（从前往后） / receptive field, forward',
    corrected: '$r_l=r_{l-1}+(k_l-1)\\times j_{l-1}$',
    applies: (c) => lhsKey(c.lhs) === 'r_l',
    samples: (_c, r) => {
      const ls = layers(r, r.int(1, 4));
      const before = ls.slice(0, -1);
      const last = ls[ls.length - 1] as { k: number; s: number };
      // Neighbouring names are provided too, so a formula that uses the wrong one is caught, not skipped.
      return [{ env: { scalars: { 'r_l-1': receptiveField(before), k_l: last.k, s_l: last.s, 'j_l-1': prod(before), j_l: prod(ls) } }, truth: receptiveField(ls) }];
    },
  },
  {
    id: 'rf.start',
    what: '感受野起点（中心） / receptive field start (centre)',
    corrected: '$start_l=start_{l-1}+\\left(\\frac{k_l-1}{2}-p_l\\right)\\times j_{l-1}$',
    applies: (c) => lhsKey(c.lhs) === 'start_l',
    samples: (_c, r) => {
      const ls = layers(r, r.int(1, 4));
      const before = ls.slice(0, -1);
      const last = ls[ls.length - 1] as { k: number; s: number; p: number };
      return [{ env: { scalars: { 'start_l-1': rfStart(before), k_l: last.k, s_l: last.s, p_l: last.p, 'j_l-1': prod(before), j_l: prod(ls) } }, truth: rfStart(ls) }];
    },
  },
];

const costEnv = (r: Rng) => ({ K: r.int(1, 7), C_i: r.int(1, 64), C_o: r.int(1, 64), H: r.int(1, 32), W: r.int(1, 32), I: r.int(1, 100), O: r.int(1, 100) });
const isFlops = (c: { lead: string }): boolean => /flops/i.test(c.lead);
const isParams = (c: { lead: string }): boolean => /参数量|params|parameters/i.test(c.lead);

export const costClaims: Claim[] = [
  {
    id: 'conv.flops',
    what: '卷积层 FLOPs / convolution FLOPs',
    corrected: '$2\\times K\\times K\\times C_{i}\\times H\\times W\\times C_{o}$（$H,W$ 为输出大小，不计偏置）',
    applies: (c) => isFlops(c) && varsOf(c).has('C_i'),
    samples: (_c, r) => { const e = costEnv(r); return [{ env: { scalars: e }, truth: 2 * e.K * e.K * e.C_i * e.H * e.W * e.C_o }]; },
  },
  {
    id: 'conv.params',
    what: '卷积层参数量 / convolution parameters',
    corrected: '$(K\\times K\\times C_{i}+1)\\times C_{o}$',
    applies: (c) => isParams(c) && varsOf(c).has('C_i'),
    samples: (_c, r) => { const e = costEnv(r); return [{ env: { scalars: e }, truth: (e.K * e.K * e.C_i + 1) * e.C_o }]; },
  },
  {
    id: 'fc.flops',
    what: '全连接层 FLOPs / fully connected FLOPs',
    corrected: '$2\\times I\\times O$',
    applies: (c) => isFlops(c) && varsOf(c).has('I'),
    samples: (_c, r) => { const e = costEnv(r); return [{ env: { scalars: e }, truth: 2 * e.I * e.O }]; },
  },
  {
    id: 'fc.params',
    what: '全连接层参数量 / fully connected parameters',
    corrected: '$(I+1)\\times O$',
    applies: (c) => isParams(c) && varsOf(c).has('I'),
    samples: (_c, r) => { const e = costEnv(r); return [{ env: { scalars: e }, truth: (e.I + 1) * e.O }]; },
  },
];
