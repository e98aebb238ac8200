// rnn.params against PyTorch's documented weight tensors; rnn.lstm.step
// against an explicit gate-by-gate computation in vector form.
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../../../cards/problems/catalogue.ts';
import type { Params } from '../../../../cards/problems/types.ts';
import { TABLE_B } from './table.ts';
import { closeAll, variants } from './helpers.ts';

// torch.nn.RNN/GRU/LSTM docs: weight_ih_l[k] is (G·hidden, input of layer k), weight_hh_l[k]
// is (G·hidden, hidden), bias_ih_l[k] and bias_hh_l[k] are (G·hidden); "_reverse" copies for
// the backward direction; layer k > 0 takes num_directions·hidden inputs. G = 1, 3, 4.
function torchTensors(p: Params): [string, number[]][] {
  const rows = { RNN: 1, GRU: 3, LSTM: 4 }[p.cell as 'RNN' | 'GRU' | 'LSTM'] * (p.h as number);
  const dirs = p.bidirectional ? ['', '_reverse'] : [''];
  const out: [string, number[]][] = [];
  for (let k = 0; k < (p.layers as number); k += 1) {
    const input = k === 0 ? (p.x as number) : (p.h as number) * dirs.length;
    for (const d of dirs) {
      out.push([`weight_ih_l${k}${d}`, [rows, input]], [`weight_hh_l${k}${d}`, [rows, p.h as number]], [`bias_ih_l${k}${d}`, [rows]], [`bias_hh_l${k}${d}`, [rows]]);
    }
  }
  return out;
}
const numel = (ts: [string, number[]][]): number => ts.reduce((a, [, s]) => a + s.reduce((x, y) => x * y, 1), 0);

describe('rnn.params', () => {
  it('matches the sum of numel over the named PyTorch tensors on 300 variants', () => {
    for (const v of variants('rnn.params', 300)) expect(v.answer, JSON.stringify(v.params)).toBe(numel(torchTensors(v.params)));
  });

  it('agrees with hand counts: nn.LSTM(10, 20, 2) = 5920 (the PyTorch docs example), the table GRU = 1,085,952', () => {
    const t = getTemplate('rnn.params');
    const lstm = { cell: 'LSTM', x: 10, h: 20, layers: 2, bidirectional: false };
    expect(numel(torchTensors(lstm))).toBe(5920);
    expect(t?.answer(lstm)).toBe(5920);
    expect(t?.answer(TABLE_B['rnn.params']!.example)).toBe(1_085_952);
    // Bidirectional: 8 tensors per layer, and layer 1 reads 2h inputs.
    const bi = { cell: 'RNN', x: 3, h: 2, layers: 2, bidirectional: true };
    expect(torchTensors(bi).map(([n]) => n)).toContain('weight_ih_l1_reverse');
    expect(t?.answer(bi)).toBe(2 * (2 * 3 + 2 * 2 + 4) + 2 * (2 * 4 + 2 * 2 + 4));
  });
});

// Gates as PyTorch stacks them, rows (i, f, g, o): z = W x + U h + b, then one activation per row.
function lstmReference(p: Params): number[] {
  const gate = ['i', 'f', 'g', 'o'];
  const z = gate.map((k) => (p[`w_${k}`] as number) * (p.x as number) + (p[`u_${k}`] as number) * (p.h0 as number) + (p[`b_${k}`] as number));
  const logistic = (v: number) => Math.exp(v) / (1 + Math.exp(v));
  const [i, f, g, o] = z.map((v, r) => (gate[r] === 'g' ? (Math.exp(2 * v) - 1) / (Math.exp(2 * v) + 1) : logistic(v))) as [number, number, number, number];
  const c = f * (p.c0 as number) + i * g;
  const th = (Math.exp(2 * c) - 1) / (Math.exp(2 * c) + 1);
  return [o * th, c];
}

describe('rnn.lstm.step', () => {
  it('matches an explicit gate computation on 300 variants', () => {
    for (const v of variants('rnn.lstm.step', 300)) expect(closeAll(v.answer as number[], lstmReference(v.params)), JSON.stringify(v.params)).toBe(true);
  });

  it('gives the table example [h1, c1] and keeps |h1| < o', () => {
    const ex = TABLE_B['rnn.lstm.step']!.example;
    const a = getTemplate('rnn.lstm.step')?.answer(ex) as number[];
    expect(closeAll(a, lstmReference(ex))).toBe(true);
    const o = 1 / (1 + Math.exp(-(0.4 * -1.5 + -0.5 * -0.9 + -1.0)));
    expect(Math.abs(a[0] as number)).toBeLessThan(o);
  });
});
