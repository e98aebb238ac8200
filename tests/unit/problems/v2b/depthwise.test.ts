// Depthwise-separable convolution: parameters from the two conv weight
// shapes, FLOPs by walking every output pixel of both convolutions.
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../../../cards/problems/catalogue.ts';
import { TABLE_B } from './table.ts';
import { close, variants } from './helpers.ts';

type Shape = number[];
/** nn.Conv2d(cin, cout, k, groups) weight (cout, cin/groups, k, k) and bias (cout). */
function conv2dTensors(cin: number, cout: number, k: number, groups: number, bias: boolean): Shape[] {
  return [[cout, cin / groups, k, k], ...(bias ? [[cout]] : [])];
}
const numel = (ts: Shape[]): number => ts.reduce((a, s) => a + s.reduce((x, y) => x * y, 1), 0);

/** MACs by walking output pixels (stride 1, same padding: every tap is a multiply-add, zero padding included). */
function convMacs(H: number, cin: number, cout: number, k: number, groups: number): number {
  let macs = 0;
  for (let oy = 0; oy < H; oy += 1) {
    for (let ox = 0; ox < H; ox += 1) {
      for (let oc = 0; oc < cout; oc += 1) macs += k * k * (cin / groups);
    }
  }
  return macs;
}

describe('conv.dwsep.params', () => {
  it('matches the depthwise + pointwise nn.Conv2d tensors on 300 variants', () => {
    for (const v of variants('conv.dwsep.params', 300)) {
      const { cin, cout, k, bias } = v.params as { cin: number; cout: number; k: number; bias: boolean };
      expect(v.answer).toBe(numel(conv2dTensors(cin, cin, k, cin, bias)) + numel(conv2dTensors(cin, cout, 1, 1, bias)));
    }
  });

  it('gives the table example: 3·3·32 + 32·512 + 32 + 512 = 17216', () => {
    expect(getTemplate('conv.dwsep.params')?.answer(TABLE_B['conv.dwsep.params']!.example)).toBe(17216);
  });
});

describe('conv.dwsep.flops', () => {
  it('matches 2 × MACs counted pixel by pixel (and the ratio to a standard conv) on 60 variants', () => {
    for (const v of variants('conv.dwsep.flops', 60)) {
      const { cin, cout, k, H, ask } = v.params as { cin: number; cout: number; k: number; H: number; ask: string };
      const sep = 2 * (convMacs(H, cin, cin, k, cin) + convMacs(H, cin, cout, 1, 1));
      const expected = ask === 'ratio' ? sep / (2 * convMacs(H, cin, cout, k, 1)) : sep;
      expect(close(v.answer as number, expected), JSON.stringify(v.params)).toBe(true);
    }
  });

  it('gives the table example ratio 1/32 + 1/49', () => {
    expect(close(getTemplate('conv.dwsep.flops')?.answer(TABLE_B['conv.dwsep.flops']!.example) as number, 1 / 32 + 1 / 49)).toBe(true);
  });
});
