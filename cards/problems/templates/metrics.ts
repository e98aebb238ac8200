// Classification metrics from a confusion matrix.
import { defineTemplate, REAL, worked } from '../define.ts';
import { fmt, lang } from '../format.ts';
import { SECTIONS } from '../sections.ts';
import type { Lang, Mistake, Template } from '../types.ts';

type Cm = { tp: number; fp: number; tn: number; fn: number };
type Fb = Cm & { beta: number };

export const precision = ({ tp, fp }: Cm): number => tp / (tp + fp);
export const recall = ({ tp, fn }: Cm): number => tp / (tp + fn);
export const fpr = ({ fp, tn }: Cm): number => fp / (fp + tn);
export const accuracy = ({ tp, fp, tn, fn }: Cm): number => (tp + tn) / (tp + fp + tn + fn);
export const fbeta = (c: Cm, beta: number): number => ((1 + beta ** 2) * precision(c) * recall(c)) / (beta ** 2 * precision(c) + recall(c));

const cmParams = [
  { name: 'tp', type: 'int', min: 1, max: 99 },
  { name: 'fp', type: 'int', min: 1, max: 99 },
  { name: 'tn', type: 'int', min: 1, max: 99 },
  { name: 'fn', type: 'int', min: 1, max: 99 },
] as const;
const cmText = ({ tp, fp, tn, fn }: Cm): string => `$\\mathrm{TP}=${tp},\\ \\mathrm{FP}=${fp},\\ \\mathrm{TN}=${tn},\\ \\mathrm{FN}=${fn}$`;
const m = <P,>(id: string, zh: string, en: string, value: (c: P) => number): Mistake<P> => ({ id, hint: lang(zh, en), value });

const P_INSTEAD = m<Cm>('precision-instead', '这是精确率 $TP/(TP+FP)$。', 'That is the precision $TP/(TP+FP)$.', precision);
const R_INSTEAD = m<Cm>('recall-instead', '这是召回率 $TP/(TP+FN)$。', 'That is the recall $TP/(TP+FN)$.', recall);
const ACC_INSTEAD = m<Cm>('accuracy-instead', '这是准确率。', 'That is the accuracy.', accuracy);

interface MetricSpec {
  id: string;
  title: Lang;
  name: Lang; // how the prompt asks for it
  formula: string; // KaTeX, in TP/FP/TN/FN
  value: (c: Cm) => number;
  /** The formula with the numbers substituted, ending in `=`. */
  sub: (c: Cm) => string;
  mistakes: Mistake<Cm>[];
}

function metric(s: MetricSpec): Template {
  return defineTemplate<Cm>({
    id: s.id,
    section: SECTIONS.metrics,
    title: s.title,
    formula: `$${s.formula}$`,
    params: cmParams,
    kind: 'real',
    tolerance: REAL,
    targetSeconds: 30,
    sample: (r) => ({ tp: r.int(1, 99), fp: r.int(1, 60), tn: r.int(1, 99), fn: r.int(1, 60) }),
    reject: (c) => (Object.values(c).some((v) => v < 1) ? 'empty cell' : null),
    answer: s.value,
    prompt: (c) => ({ zh: `混淆矩阵：${cmText(c)}。求${s.name.zh}。`, en: `Confusion matrix: ${cmText(c)}. What is the ${s.name.en}?` }),
    solution: (c) => worked(s.formula, [`${s.sub(c)}${fmt(s.value(c))}`]),
    mistakes: s.mistakes,
  });
}

const frac = (a: string, b: string): string => `\\frac{${a}}{${b}}=`;

export const metricTemplates: Template[] = [
  metric({
    id: 'metric.accuracy', title: lang('准确率 ACC', 'Accuracy'), name: lang('准确率 ACC', 'accuracy'),
    formula: '\\frac{TP+TN}{TP+TN+FP+FN}', value: accuracy,
    sub: (c) => frac(`${c.tp}+${c.tn}`, `${c.tp}+${c.tn}+${c.fp}+${c.fn}`),
    mistakes: [m('forgot-tn', '分子还要加上 TN：负类预测对也算对。', 'Add TN to the numerator: correct negatives count too.', (c) => c.tp / (c.tp + c.fp + c.tn + c.fn)), P_INSTEAD, m('error-rate', '这是错误率 $1-ACC$。', 'That is the error rate $1-ACC$.', (c) => 1 - accuracy(c))],
  }),
  metric({
    id: 'metric.precision', title: lang('精确率 P', 'Precision'), name: lang('精确率（查准率）P', 'precision'),
    formula: '\\frac{TP}{TP+FP}', value: precision, sub: (c) => frac(`${c.tp}`, `${c.tp}+${c.fp}`),
    mistakes: [R_INSTEAD, ACC_INSTEAD, m('fdr', '这是 $FP/(TP+FP)$（错误发现率）。', 'That is $FP/(TP+FP)$, the false discovery rate.', (c) => 1 - precision(c))],
  }),
  metric({
    id: 'metric.recall', title: lang('召回率 R', 'Recall'), name: lang('召回率（查全率）R', 'recall'),
    formula: '\\frac{TP}{TP+FN}', value: recall, sub: (c) => frac(`${c.tp}`, `${c.tp}+${c.fn}`),
    mistakes: [P_INSTEAD, ACC_INSTEAD, m('miss-rate', '这是漏检率 $FN/(TP+FN)$。', 'That is the miss rate $FN/(TP+FN)$.', (c) => 1 - recall(c))],
  }),
  metric({
    id: 'metric.tpr', title: lang('真正例率 TPR', 'True positive rate'), name: lang('真正例率 TPR', 'true positive rate (TPR)'),
    formula: '\\frac{TP}{TP+FN}', value: recall, sub: (c) => frac(`${c.tp}`, `${c.tp}+${c.fn}`),
    mistakes: [P_INSTEAD, m('fpr-instead', '这是 FPR。', 'That is the FPR.', fpr), m('specificity', '这是特异度 $TN/(TN+FP)$。', 'That is the specificity $TN/(TN+FP)$.', (c) => 1 - fpr(c))],
  }),
  metric({
    id: 'metric.fpr', title: lang('假正例率 FPR', 'False positive rate'), name: lang('假正例率 FPR', 'false positive rate (FPR)'),
    formula: '\\frac{FP}{FP+TN}', value: fpr, sub: (c) => frac(`${c.fp}`, `${c.fp}+${c.tn}`),
    mistakes: [
      m('fdr', 'FPR 的分母是所有真实负例 $FP+TN$，不是 $FP+TP$。', 'The FPR divides by all actual negatives $FP+TN$, not $FP+TP$.', (c) => c.fp / (c.fp + c.tp)),
      m('specificity', '这是特异度 $TN/(TN+FP)=1-FPR$。', 'That is the specificity $TN/(TN+FP)=1-FPR$.', (c) => 1 - fpr(c)),
      m('tpr-instead', '这是 TPR。', 'That is the TPR.', recall),
    ],
  }),
  metric({
    id: 'metric.f1', title: lang('F1 分数', 'F1 score'), name: lang('F1 分数', 'F1 score'),
    formula: 'F_1=\\frac{2PR}{P+R}', value: (c) => fbeta(c, 1),
    sub: (c) => `P=${fmt(precision(c))},\\ R=${fmt(recall(c))},\\ F_1=\\frac{2\\times ${fmt(precision(c))}\\times ${fmt(recall(c))}}{${fmt(precision(c))}+${fmt(recall(c))}}=`,
    mistakes: [
      m('arithmetic-mean', 'F1 是调和平均，不是算术平均。', 'F1 is the harmonic mean, not the arithmetic mean.', (c) => (precision(c) + recall(c)) / 2),
      m('forgot-two', '分子是 $2PR$。', 'The numerator is $2PR$.', (c) => fbeta(c, 1) / 2),
      ACC_INSTEAD,
    ],
  }),
];

export const fbetaTemplate = defineTemplate<Fb>({
  id: 'metric.fbeta',
  section: SECTIONS.metrics,
  title: lang('$F_\\beta$ 分数', '$F_\\beta$ score'),
  formula: '$F_\\beta=(1+\\beta^2)\\frac{PR}{\\beta^2P+R}$',
  params: [...cmParams, { name: 'beta', type: 'real', min: 0.5, max: 3 }],
  kind: 'real',
  tolerance: REAL,
  targetSeconds: 60,
  sample: (r) => ({ tp: r.int(1, 99), fp: r.int(1, 60), tn: r.int(1, 99), fn: r.int(1, 60), beta: r.pick([0.5, 2, 3]) }),
  reject: (c) => (precision(c) === recall(c) ? 'P = R hides the role of beta' : null),
  answer: (c) => fbeta(c, c.beta),
  prompt: (c) => ({ zh: `混淆矩阵：${cmText(c)}。求 $F_{\\beta}$，$\\beta=${fmt(c.beta)}$。`, en: `Confusion matrix: ${cmText(c)}. What is $F_{\\beta}$ for $\\beta=${fmt(c.beta)}$?` }),
  solution: (c) => {
    const [pp, rr, b2] = [precision(c), recall(c), c.beta ** 2];
    return worked('F_\\beta=(1+\\beta^2)\\frac{PR}{\\beta^2P+R}', [
      `P=\\frac{${c.tp}}{${c.tp}+${c.fp}}=${fmt(pp)},\\ R=\\frac{${c.tp}}{${c.tp}+${c.fn}}=${fmt(rr)}`,
      `(1+${fmt(b2)})\\times\\frac{${fmt(pp)}\\times ${fmt(rr)}}{${fmt(b2)}\\times ${fmt(pp)}+${fmt(rr)}}=${fmt(((1 + b2) * pp * rr) / (b2 * pp + rr))}`,
    ]);
  },
  mistakes: [
    m<Fb>('beta-not-squared', '公式里是 $\\beta^2$，不是 $\\beta$。', 'The formula uses $\\beta^2$, not $\\beta$.', (c) => ((1 + c.beta) * precision(c) * recall(c)) / (c.beta * precision(c) + recall(c))),
    m<Fb>('beta-on-recall', '$\\beta^2$ 乘在分母的 $P$ 上（$\\beta>1$ 更看重召回率）。', '$\\beta^2$ multiplies $P$ in the denominator ($\\beta>1$ weighs recall more).', (c) => fbeta(c, 1 / c.beta)),
    m<Fb>('f1-instead', '这是 $F_1$。', 'That is $F_1$.', (c) => fbeta(c, 1)),
  ],
});
