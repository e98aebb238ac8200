import { describe, expect, it } from 'vitest';
import { EXTRA_TEMPLATE_IDS, getTemplate, templateIds, TEMPLATES } from '../../../cards/problems/catalogue.ts';
import { PART_SECTIONS } from '../../../cards/problems/part.ts';
import { V2_SECTION_OF } from '../../../cards/problems/sections.ts';
import { headingPaths, NOTES } from './helpers.ts';

// The table: ids and parameter names are a contract other tools read.
const CONTRACT: Record<string, string[]> = {
  'conv.out.valid': ['n', 'k', 's'],
  'conv.out.same': ['n', 'k', 's'],
  'conv.out.padded': ['n', 'k', 's', 'p'],
  'conv.out.dilated': ['n', 'k', 's', 'p', 'd'],
  'deconv.out': ['n', 'k', 's', 'p', 'd', 'op'],
  'conv.rf': ['layers'],
  'conv.params': ['k', 'cin', 'cout', 'bias'],
  'conv.flops': ['k', 'cin', 'cout', 'h', 'w'],
  'fc.params': ['i', 'o'],
  'fc.flops': ['i', 'o'],
  'norm.minmax': ['x', 'min', 'max'],
  'norm.zscore': ['x', 'mu', 'sigma'],
  'init.uniform.var': ['r'],
  'init.xavier.bound': ['nin', 'nout', 'mode'],
  'init.he.bound': ['nin', 'nout', 'mode'],
  'opt.weight_decay': ['theta', 'lr', 'beta', 'g'],
  'reg.label_smoothing': ['classes', 'eps', 'y'],
  'act.sigmoid.grad': ['x'],
  'act.softmax': ['x'],
  'loss.ce': ['x', 'y'],
  'loss.softmax_ce.grad': ['x', 'y'],
  'loss.sigmoid_ce.grad': ['x', 'q'],
  'loss.softmax_mse.grad': ['x', 'y'],
  'loss.sigmoid_mse.grad': ['x', 'q'],
  'metric.accuracy': ['tp', 'fp', 'tn', 'fn'],
  'metric.precision': ['tp', 'fp', 'tn', 'fn'],
  'metric.recall': ['tp', 'fp', 'tn', 'fn'],
  'metric.f1': ['tp', 'fp', 'tn', 'fn'],
  'metric.tpr': ['tp', 'fp', 'tn', 'fn'],
  'metric.fpr': ['tp', 'fp', 'tn', 'fn'],
  'metric.fbeta': ['tp', 'fp', 'tn', 'fn', 'beta'],
  'metric.auc': ['scores', 'labels'],
  'div.kl': ['p', 'q'],
  'div.js': ['p', 'q'],
  'bn.forward': ['x', 'gamma', 'beta', 'eps'],
  // Issue 15 (second catalogue, this half).
  'rnn.params': ['cell', 'x', 'h', 'layers', 'bidirectional'],
  'rnn.lstm.step': ['x', 'h0', 'c0', 'w_i', 'u_i', 'b_i', 'w_f', 'u_f', 'b_f', 'w_g', 'u_g', 'b_g', 'w_o', 'u_o', 'b_o'],
  'norm.layer.forward': ['x', 'gamma', 'beta', 'eps'],
  'norm.rms.forward': ['x', 'g', 'eps'],
  'norm.group.forward': ['x', 'G', 'c', 'eps'],
  'norm.params': ['kind', 'C', 'H', 'G'],
  'conv.dwsep.params': ['cin', 'cout', 'k', 'bias'],
  'conv.dwsep.flops': ['cin', 'cout', 'k', 'H', 'ask'],
  'det.iou': ['a', 'b'],
  'det.nms.kept': ['boxes', 'scores', 'thr'],
  'det.anchors.count': ['H', 'W', 'strides', 'A'],
  'det.ap.allpoint': ['tp', 'n_gt'],
  'seq.ppl': ['p'],
  'seq.bleu': ['ref', 'cand', 'N'],
  'opt.adam.step': ['theta', 'g', 'lr', 'beta1', 'beta2', 'eps'],
  'opt.adamw.step': ['theta', 'g', 'lr', 'beta1', 'beta2', 'eps', 'wd'],
  'opt.sgd.momentum': ['theta', 'g', 'lr', 'mu', 'nesterov'],
  'opt.lr.warmup_cosine': ['peak', 'min_lr', 'W', 'T', 't'],
  'opt.grad_accum': ['micro', 'accum', 'world', 'seq', 'ask'],
  'reg.dropout.inverted': ['p', 'x', 'ask'],
  'rl.dpo.loss': ['beta', 'ref_w', 'ref_l', 'pol_w', 'pol_l'],
  'gan.optimal_value': ['p_data', 'p_g'],
};

describe('template catalogue', () => {
  it('has every contract id with exactly the contract parameter names', () => {
    for (const [id, names] of Object.entries(CONTRACT)) {
      const t = getTemplate(id);
      expect(t, id).toBeDefined();
      expect(t?.params.map((p) => p.name), id).toEqual(names);
    }
  });

  it('lists the extras separately and nothing else', () => {
    // Issue 15's ids not listed above are checked by v2/contract.test.ts.
    const v2 = templateIds().filter((id) => id in V2_SECTION_OF && !(id in CONTRACT));
    expect(new Set(templateIds())).toEqual(new Set([...Object.keys(CONTRACT), ...EXTRA_TEMPLATE_IDS, ...v2]));
    expect(new Set(templateIds()).size).toBe(TEMPLATES.length);
  });

  it('places every template under a heading path that exists in the notes or the Problems part', () => {
    const paths = new Set([...headingPaths(NOTES).map((h) => h.path.join(' / ')), ...PART_SECTIONS.map((s) => s.path.join(' / '))]);
    for (const t of TEMPLATES) expect(paths.has(t.section.join(' / ')), `${t.id}: ${t.section.join(' / ')}`).toBe(true);
  });

  it('gives every template a target time, mistakes with unique ids and bilingual text', () => {
    for (const t of TEMPLATES) {
      expect(t.targetSeconds, t.id).toBeGreaterThan(0);
      expect(t.mistakes.length, t.id).toBeGreaterThan(0);
      expect(new Set(t.mistakes.map((m) => m.id)).size, t.id).toBe(t.mistakes.length);
      for (const m of t.mistakes) expect(m.hint.zh && m.hint.en, `${t.id}/${m.id}`).toBeTruthy();
      expect(t.title.zh && t.title.en && t.formula, t.id).toBeTruthy();
      if (t.kind === 'int') expect(t.tolerance).toEqual({ rel: 0, abs: 0 });
      else expect(t.tolerance.rel).toBeGreaterThan(0);
    }
  });

  it('returns undefined for unknown ids, including prototype names', () => {
    for (const id of ['nope', 'constructor', '__proto__', 'toString']) expect(getTemplate(id)).toBeUndefined();
  });
});
