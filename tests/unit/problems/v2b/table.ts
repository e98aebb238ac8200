// Issue 15's table rows for this half: answer kind and the example parameter set (exact names).
import type { AnswerKind, Params } from '../../../../cards/problems/types.ts';

export const TABLE_B: Record<string, { kind: AnswerKind; example: Params }> = {
  'rnn.params': { kind: 'int', example: { cell: 'GRU', x: 128, h: 256, layers: 3, bidirectional: false } },
  'rnn.lstm.step': { kind: 'vector', example: { x: -1.5, h0: -0.9, c0: -0.3, w_i: -0.8, u_i: -1.1, b_i: 0.4, w_f: 0.8, u_f: -1.4, b_f: 0.1, w_g: 1.0, u_g: -1.3, b_g: -0.9, w_o: 0.4, u_o: -0.5, b_o: -1.0 } },
  'norm.layer.forward': { kind: 'vector', example: { x: [-2.3, -0.5, -1.8, -3.0, -1.9, 1.4], gamma: 0.5, beta: 0.0, eps: 1e-5 } },
  'norm.rms.forward': { kind: 'vector', example: { x: [0.9, 0.8, 1.8], g: 2.0, eps: 1e-5 } },
  'norm.group.forward': { kind: 'vector', example: { x: [[-3, 1], [-4, 4], [-4, -3], [-1, 1], [2, 3], [4, -4]], G: 3, c: 5, eps: 1e-5 } },
  'norm.params': { kind: 'int', example: { kind: 'in_affine', C: 32, H: 14, G: 8 } },
  'conv.dwsep.params': { kind: 'int', example: { cin: 32, cout: 512, k: 3, bias: true } },
  'conv.dwsep.flops': { kind: 'real', example: { cin: 16, cout: 32, k: 7, H: 56, ask: 'ratio' } },
  'det.iou': { kind: 'real', example: { a: [6, 13, 7, 14], b: [6, 4, 12, 13] } },
  'det.nms.kept': { kind: 'int', example: { boxes: [[2, 4, 7, 9], [3, 4, 8, 9], [4, 4, 9, 9], [11, 8, 15, 15], [8, 8, 15, 12], [12, 7, 15, 13]], scores: [0.95, 0.85, 0.7, 0.65, 0.5, 0.55], thr: 0.6 } },
  'det.anchors.count': { kind: 'int', example: { H: 720, W: 562, strides: [4, 8, 16, 32], A: 3 } },
  'det.ap.allpoint': { kind: 'real', example: { tp: [0, 0, 1, 0, 1, 0], n_gt: 3 } },
  'seq.ppl': { kind: 'real', example: { p: [0.45, 0.89, 0.29, 0.18, 0.49, 0.83, 0.36, 0.19] } },
  'seq.bleu': { kind: 'real', example: { ref: ['sat', 'a', 'cat', 'a', 'mat', 'dog'], cand: ['sat', 'a', 'cat', 'mat', 'a', 'dog'], N: 1 } },
  'opt.adam.step': { kind: 'real', example: { theta: 0.9, g: [-2.7], lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 } },
  'opt.adamw.step': { kind: 'real', example: { theta: -1.8, g: [-0.1], lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8, wd: 0.1 } },
  'opt.sgd.momentum': { kind: 'real', example: { theta: -1.9, g: [-1.3, 1.9], lr: 0.1, mu: 0.5, nesterov: false } },
  'opt.lr.warmup_cosine': { kind: 'real', example: { peak: 0.0003, min_lr: 2.9999999999999997e-5, W: 1446, T: 3294, t: 2766 } },
  'opt.grad_accum': { kind: 'int', example: { micro: 32, accum: 2, world: 2, seq: 4096, ask: 'samples' } },
  'reg.dropout.inverted': { kind: 'real', example: { p: 0.8, x: 3.4, ask: 'train_kept' } },
  'rl.dpo.loss': { kind: 'real', example: { beta: 0.05, ref_w: -27.0, ref_l: -29.1, pol_w: -24.9, pol_l: -29.4 } },
  'gan.optimal_value': { kind: 'real', example: { p_data: [0.2, 0.6, 0.2], p_g: [0.1, 0.1, 0.8] } },
};
