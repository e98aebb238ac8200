// The notes' formulas, checked numerically by the notes checker.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLAIMS, checkNoteFormulas } from '../../../cards/problems/checkNotes.ts';
import { verdict } from '../../../cards/problems/notes/claim.ts';
import { chunksOf } from '../../../cards/problems/notes/chunks.ts';
import { plainMetricVerdicts } from '../../../cards/problems/notes/plainMetrics.ts';
import type { CardDraft } from '../../../cards/types.ts';
import { headingPaths, NOTES } from './helpers.ts';

function sectionCards(md: string): CardDraft[] {
  return headingPaths(md).map((h) => {
    const title = h.path[h.path.length - 1] as string;
    return { id: title, deck: 'd', kind: 'section', section: h.path, key: title, front: title, back: h.body, links: [], order: 0, line: h.line };
  });
}
const warningsOf = (md: string) => sectionCards(md).flatMap(checkNoteFormulas);
// String.replace would read `$$` in the replacement as an escape.
const replaceOnce = (s: string, from: string, to: string): string => {
  const i = s.indexOf(from);
  return i < 0 ? s : s.slice(0, i) + to + s.slice(i + from.length);
};

describe('the notes as written', () => {
  it('has exactly two wrong formulas: the softmax+MSE true-class gradient and the JS range', () => {
    const w = warningsOf(NOTES);
    expect(w.map((x) => x.code)).toEqual(['formula-mismatch', 'formula-mismatch']);
    expect(w[0]?.message).toContain('softmax+mse ∂l/∂x_i');
    expect(w[0]?.message).toContain('-\\sum_{j\\ne i}2y_j^2y_i');
    expect(w[0]?.line).toBe(headingPaths(NOTES).find((h) => h.path.at(-1) === 'sigmoid和softmax')?.line);
    expect(w[1]?.message).toContain('\\ln 2');
  });

  it('checks every other recognised formula numerically and finds it right', () => {
    const results = new Map<string, string[]>();
    for (const card of sectionCards(NOTES)) {
      for (const c of chunksOf(`${card.front}\n${card.back}`, card.key)) {
        for (const claim of CLAIMS.filter((x) => x.applies(c))) results.set(claim.id, [...(results.get(claim.id) ?? []), verdict(claim, c)]);
      }
    }
    const expected = [
      'conv.out.valid', 'conv.out.same', 'conv.out.padded', 'conv.out.dilated', 'rf.backward', 'rf.position', 'rf.jump', 'rf.forward', 'rf.start',
      'conv.flops', 'conv.params', 'fc.flops', 'fc.params', 'norm.minmax', 'norm.zscore', 'init.uniform.mean', 'init.uniform.var',
      'init.xavier.var', 'init.xavier.bound', 'init.he.var', 'init.he.bound', 'opt.weight_decay', 'reg.label_smoothing', 'metric.fbeta',
      'div.kl', 'div.kl.range', 'div.js', 'div.js.range', 'sigmoid:y', 'sigmoid:dy/dx', 'softmax:y_i', 'softmax:dy_i/dx_i', 'softmax:dy_i/dx_j',
      'ce:l', 'ce:dl/dy_i', 'mse:l', 'mse:dl/dy_i', 'mse:dl/dy_j', 'sigmoid+ce:dl/dx', 'softmax+ce:dl/dx_i', 'softmax+ce:dl/dx_j',
      'sigmoid+mse:dl/dx', 'softmax+mse:dl/dx_i', 'softmax+mse:dl/dx_j',
    ];
    expect([...results.keys()].sort()).toEqual([...expected].sort());
    const wrong = new Set(['softmax+mse:dl/dx_i', 'div.js.range']);
    for (const [id, vs] of results) for (const v of vs) expect(v, id).toBe(wrong.has(id) ? 'disagrees' : 'agrees');
    expect(results.get('conv.out.valid')).toHaveLength(2); // both ⌊(n−k)/s⌋+1 and ⌈(n−k+1)/s⌉
    expect(results.get('sigmoid+ce:dl/dx')).toHaveLength(2); // q = 1 and q = 0
  });

  it('checks the plain-text metric formulas', () => {
    const v = plainMetricVerdicts(NOTES);
    expect(v.map((x) => x.metric)).toEqual(['ACC', 'P', 'R', 'F1', 'TPR', 'FPR']);
    expect(v.every((x) => x.verdict === 'agrees')).toBe(true);
  });
});

// Each edit breaks one formula; the checker must notice, and only there.
const MUTATIONS: [string, string, string][] = [
  ['$\\rfloor$+1 *or*', '$\\rfloor$ *or*', 'VALID'],
  ['\\lceil$$\\frac{n_{in}}{s}$$\\rceil', '\\lfloor$$\\frac{n_{in}}{s}$$\\rfloor', 'SAME'],
  ['$$\\frac{n_{in}+2p-k}{s}$', '$$\\frac{n_{in}+p-k}{s}$', 'padding'],
  ['d \\times (k-1)-1}{s}', 'd \\times k-1}{s}', 'dilated'],
  ['s_{l-1} \\times (r_{l}-1)', 's_{l-1} \\times r_{l}', 'backward'],
  ['r_{l-1}+(k_{l}-1) \\times j_{l-1}', 'r_{l-1}+(k_{l}-1) \\times j_{l}', 'forward'],
  ['FLOPs：$(2 \\times K', 'FLOPs：$(K', '卷积层 FLOPs'],
  ['$(K \\times K \\times C_{i}+1)', '$(K \\times K \\times C_{i})', '卷积层参数量'],
  ['$(I+1) \\times O$', '$I \\times O$', '全连接层参数量'],
  ['r=\\sqrt{\\frac{3}{n}}', 'r=\\sqrt{\\frac{6}{n}}', 'Xavier'],
  ['$var=\\frac{2}{n}$', '$var=\\frac{1}{n}$', 'He'],
  ['{12}=\\frac{r^2}{3}', '{12}=\\frac{r^2}{12}', '均匀分布方差'],
  ['-\\alpha g_t$，', '+\\alpha g_t$，', '权重衰减'],
  ['&\\frac{\\epsilon}{N} \\quad', '&\\frac{\\epsilon}{N-1} \\quad', '标签平滑'],
  ['{\\partial{x}}=y(1-y)$$', '{\\partial{x}}=y(1+y)$$', 'sigmoid ∂y/∂x'],
  ['{\\partial{y_i}}=-\\frac{1}{y_i}$$', '{\\partial{y_i}}=\\frac{1}{y_i}$$', 'ce ∂l/∂y_i'],
  ['=-2y(1-y)^2 \\quad', '=2y(1-y)^2 \\quad', 'sigmoid+mse ∂l/∂x'],
  ['=y_j$$', '=-y_j$$', 'softmax+ce ∂l/∂x_j'],
  ['2xPxR/(P+R)', 'PxR/(P+R)', 'F1'],
  ['FPR =FP/(FP+TN)', 'FPR =FP/(FP+TP)', 'FPR'],
  ['{(\\beta^2 \\times P)+R}', '{(\\beta \\times P)+R}', 'F_\\beta'],
  ['\\log\\frac{P(x)}{Q(x)}', '\\log\\frac{Q(x)}{P(x)}', 'KL 散度'],
];

describe('the checker notices a broken formula', () => {
  const base = warningsOf(NOTES).map((w) => w.message);
  it.each(MUTATIONS)('%s → %s', (from, to, what) => {
    expect(NOTES.includes(from), from).toBe(true);
    const extra = warningsOf(replaceOnce(NOTES, from, to)).map((w) => w.message).filter((m) => !base.includes(m));
    expect(extra).toHaveLength(1);
    expect(extra[0]).toContain(what);
  });

  it('stops warning once the notes are corrected', () => {
    const fixed = replaceOnce(replaceOnce(NOTES, '+\\sum_{j=1,j\\not=i}^{K}2y_jy_i(1-y_i)$$', '-\\sum_{j=1,j\\not=i}^{K}2y_j^2y_i$$'), '值域$[0,1]$', '值域$[0,\\ln 2]$');
    expect(warningsOf(fixed)).toEqual([]);
  });
});

describe('card shapes', () => {
  const card = (key: string, front: string, back: string): CardDraft => ({ id: 'x', deck: 'd', kind: 'formula', section: ['s'], key, front, back, links: [], order: 0, line: 7 });

  it('uses the card key as the label of a formula card', () => {
    const back = '$$\\frac{\\partial{l}}{\\partial{x_i}}=-2y_i(1-y_i)^2+\\sum_{j=1,j\\not=i}^{K}2y_jy_i(1-y_i)$$';
    expect(checkNoteFormulas(card('softmax+MSE', 'softmax+MSE 的梯度？', back))).toHaveLength(1);
    expect(checkNoteFormulas(card('softmax+MSE', 'softmax+MSE 的梯度？', back))[0]?.line).toBe(7);
    // Without a label the derivative is ambiguous (softmax+CE also has ∂l/∂x_i): no guess.
    expect(checkNoteFormulas(card('梯度', '梯度', back))).toEqual([]);
  });

  it('ignores prose and unknown math', () => {
    expect(checkNoteFormulas(card('a', 'b', 'just text $E=mc^2$ and $\\alpha$'))).toEqual([]);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (front, back) => Array.isArray(checkNoteFormulas(card(front, front, back)))), { numRuns: 300 });
    fc.assert(fc.property(fc.array(fc.constantFrom('$', '$$', '\\frac', '{', '}', '=', 'x_i', '\\sum_{j=1}^{K}', '\\lfloor', 'n_{in}', '\\partial', '**softmax+MSE**', '\n', '\\quad', 'q=1', '+', '-', '2', '(', ')')), (parts) => Array.isArray(checkNoteFormulas(card('softmax+MSE', 'x', parts.join(''))))), { numRuns: 500 });
  });
});
