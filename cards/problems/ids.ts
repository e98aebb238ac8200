// The id of every problem template and the table of former ids, known
// without loading the templates themselves (~35 ms of CPU): the review queue
// leaves out problem cards whose template is gone (review.ts,
// missingTemplateCards), and browser mode computes its first card before the
// templates are loaded (service/earlyCard.ts). A test checks this list against
// the catalogue, so adding a template without its id here fails the tests.

/** Every template id in catalogue.ts, in its order. */
export const TEMPLATE_IDS: ReadonlySet<string> = new Set([
  'conv.out.valid', 'conv.out.same', 'conv.out.padded', 'conv.out.dilated', 'deconv.out', 'conv.rf', 'conv.rf.start',
  'conv.params', 'conv.flops', 'fc.params', 'fc.flops', 'norm.minmax', 'norm.zscore', 'init.uniform.var',
  'init.xavier.bound', 'init.he.bound', 'bn.forward', 'opt.weight_decay', 'reg.label_smoothing', 'act.sigmoid.grad',
  'act.softmax', 'act.softmax.jacobian', 'loss.ce', 'loss.softmax_ce.grad', 'loss.sigmoid_ce.grad',
  'loss.sigmoid_ce', 'loss.softmax_mse.grad', 'loss.sigmoid_mse.grad', 'loss.softmax_mse', 'metric.accuracy',
  'metric.precision', 'metric.recall', 'metric.tpr', 'metric.fpr', 'metric.f1', 'metric.fbeta', 'metric.auc',
  'div.kl', 'div.js', 'attn.mha.params', 'attn.gqa.params', 'attn.core.flops', 'attn.weights', 'pos.sinusoidal',
  'pos.rope.rotate', 'dec.temperature', 'dec.top_p.count', 'dec.beam.best', 'llm.params.gpt', 'llm.params.llama',
  'llm.lora.params', 'llm.moe.params', 'llm.flops.train', 'llm.mem.train', 'llm.mem.zero', 'llm.mem.kv_cache',
  'llm.mem.quant', 'rnn.params', 'rnn.lstm.step', 'norm.layer.forward', 'norm.rms.forward', 'norm.group.forward',
  'norm.params', 'conv.dwsep.params', 'conv.dwsep.flops', 'det.iou', 'det.nms.kept', 'det.anchors.count',
  'det.ap.allpoint', 'seq.ppl', 'seq.bleu', 'opt.adam.step', 'opt.adamw.step', 'opt.sgd.momentum',
  'opt.lr.warmup_cosine', 'opt.grad_accum', 'reg.dropout.inverted', 'rl.dpo.loss', 'gan.optimal_value',
]);

export type TemplateAliases = Readonly<Record<string, string>>;

/** Former id → current id. Append only; never reuse a former id for a new template. */
export const TEMPLATE_ALIASES: TemplateAliases = {};

export const MAX_HOPS = 16; // a rename of a rename …; a cycle stops here instead of looping

/** The current id for `id` (itself or through aliases), or undefined when no template has it. */
export function currentTemplateId(id: string, aliases: TemplateAliases = TEMPLATE_ALIASES, known: ReadonlySet<string> = TEMPLATE_IDS): string | undefined {
  let at = id;
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    if (known.has(at)) return at;
    if (!Object.prototype.hasOwnProperty.call(aliases, at)) return undefined;
    at = aliases[at]!;
  }
  return undefined;
}
