// ROC AUC from scores and labels, by pairwise ranking.
import { defineTemplate, REAL, worked } from '../define.ts';
import { fmt, lang, vec } from '../format.ts';
import { SECTIONS } from '../sections.ts';
import { times } from '../arrays.ts';

type Auc = { scores: number[]; labels: number[] };

const aucOf = (c: { wins: number; ties: number; pairs: number }) => (c.wins + c.ties / 2) / c.pairs;

function pairCounts({ scores, labels }: Auc): { wins: number; ties: number; pairs: number } {
  let wins = 0;
  let ties = 0;
  let pairs = 0;
  scores.forEach((sp, i) => {
    if (labels[i] !== 1) return;
    scores.forEach((sn, j) => {
      if (labels[j] !== 0) return;
      pairs += 1;
      if (sp > sn) wins += 1;
      else if (sp === sn) ties += 1;
    });
  });
  return { wins, ties, pairs };
}

export const aucTemplate = defineTemplate<Auc>({
  id: 'metric.auc',
  section: SECTIONS.metrics,
  title: lang('ROC 曲线下面积 AUC', 'Area under the ROC curve'),
  formula: '$AUC=\\frac{\\#\\{(i,j):s_i>s_j\\}+\\frac12\\#\\{s_i=s_j\\}}{N_+N_-}$（$i$ 正例，$j$ 负例）',
  params: [
    { name: 'scores', type: 'vector', min: 4, max: 8 },
    { name: 'labels', type: 'vector', min: 4, max: 8, note: '0/1, both present' },
  ],
  kind: 'real',
  tolerance: REAL,
  targetSeconds: 120,
  sample: (r) => {
    const n = r.int(4, 8);
    return { scores: times(n, () => r.int(1, 9) / 10), labels: times(n, () => r.int(0, 1)) };
  },
  reject: ({ labels }) => (!labels.includes(0) || !labels.includes(1) ? 'needs both classes' : null),
  answer: (a) => aucOf(pairCounts(a)),
  prompt: ({ scores, labels }) => ({
    zh: `二分类模型的打分 $s=${vec(scores)}$，真实标签 $y=${vec(labels)}$（1 为正例）。求 ROC AUC（同分记 $\\frac12$）。`,
    en: `A classifier scores $s=${vec(scores)}$ for labels $y=${vec(labels)}$ (1 = positive). What is the ROC AUC (ties count $\\frac12$)?`,
  }),
  solution: (a) => {
    const { wins, ties, pairs } = pairCounts(a);
    const pos = a.labels.filter((l) => l === 1).length;
    return worked('AUC=\\frac{\\text{wins}+\\frac12\\text{ties}}{N_+N_-}', [
      `N_+=${pos},\\ N_-=${a.labels.length - pos},\\ \\text{wins}=${wins},\\ \\text{ties}=${ties}`,
      `AUC=\\frac{${wins}+\\frac12\\times ${ties}}{${pos}\\times ${a.labels.length - pos}}=${fmt((wins + ties / 2) / pairs)}`,
    ], { zh: 'AUC 等于随机取一个正例和一个负例时，正例得分更高的概率。', en: 'The AUC is the probability that a random positive scores higher than a random negative.' });
  },
  mistakes: [
    { id: 'flipped', hint: lang('方向反了：统计正例得分**高于**负例的对数。', 'Reversed: count pairs where the positive scores **higher**.'), value: (a) => 1 - aucOf(pairCounts(a)) },
    { id: 'ties-as-wins', hint: lang('同分只记 $\\frac12$。', 'A tie counts $\\frac12$.'), value: (a) => { const c = pairCounts(a); return (c.wins + c.ties) / c.pairs; } },
    { id: 'ties-as-losses', hint: lang('同分记 $\\frac12$，不是 0。', 'A tie counts $\\frac12$, not 0.'), value: (a) => { const c = pairCounts(a); return c.wins / c.pairs; } },
    { id: 'accuracy-at-half', hint: lang('AUC 不依赖某个阈值下的准确率。', 'The AUC is not the accuracy at one threshold.'), value: ({ scores, labels }) => scores.filter((s, i) => (s >= 0.5 ? 1 : 0) === labels[i]).length / scores.length },
  ],
});
