// Metric formulas the notes write as plain text ("P = TP/(TP+FP)",
// "F1-score = 2xPxR/(P+R)"): parsed with mathjs, evaluated by our walker at
// sample confusion matrices, compared with the verified metrics.
import { parse } from '../../answer/mathParser.ts';
import { evaluateScalar } from '../../answer/expression.ts';
import type { SourceWarning } from '../../types.ts';
import { createRng } from '../rng.ts';
import { accuracy, fbeta, fpr, precision, recall } from '../templates/metrics.ts';

type Cm = { tp: number; fp: number; tn: number; fn: number };

const METRICS: Record<string, { truth: (c: Cm) => number; corrected: string }> = {
  ACC: { truth: accuracy, corrected: 'ACC = (TP+TN)/(TP+TN+FP+FN)' },
  P: { truth: precision, corrected: 'P = TP/(TP+FP)' },
  R: { truth: recall, corrected: 'R = TP/(TP+FN)' },
  TPR: { truth: recall, corrected: 'TPR = TP/(TP+FN)' },
  FPR: { truth: fpr, corrected: 'FPR = FP/(FP+TN)' },
  F1: { truth: (c) => fbeta(c, 1), corrected: 'F1 = 2PR/(P+R)' },
};

const LINE = /(?:^|[^A-Za-z0-9_-])(ACC|P|R|TPR|FPR|F1)(?:-score)?\s*=\s*([^=$]+)$/;

function scope(c: Cm): Map<string, number> {
  return new Map([
    ['TP', c.tp], ['FP', c.fp], ['TN', c.tn], ['FN', c.fn],
    ['P', precision(c)], ['R', recall(c)],
  ]);
}

export interface PlainMetric {
  metric: string;
  written: string;
  verdict: 'agrees' | 'disagrees' | 'unchecked';
  corrected: string;
}

export function plainMetricVerdicts(text: string): PlainMetric[] {
  const out: PlainMetric[] = [];
  for (const raw of text.split('\n')) {
    const m = LINE.exec(raw.trim());
    const metric = m && Object.hasOwn(METRICS, m[1] as string) ? METRICS[m[1] as string] : undefined;
    if (!m || !metric) continue;
    const written = (m[2] as string).trim();
    // "2xPxR" uses x for ×.
    const expr = written.replace(/(?<=[\dA-Z)])\s*[x×]\s*(?=[\dA-Z(])/g, '*');
    out.push({ metric: m[1] as string, written, verdict: judge(expr, metric.truth), corrected: metric.corrected });
  }
  return out;
}

function judge(expr: string, truth: (c: Cm) => number): PlainMetric['verdict'] {
  try {
    const node = parse(expr);
    const rng = createRng(7);
    for (let k = 0; k < 20; k += 1) {
      const c = { tp: rng.int(1, 99), fp: rng.int(1, 99), tn: rng.int(1, 99), fn: rng.int(1, 99) };
      if (!(Math.abs(evaluateScalar(node, scope(c)) - truth(c)) <= 1e-9)) return 'disagrees';
    }
    return 'agrees';
  } catch {
    return 'unchecked'; // not an expression over TP/FP/TN/FN/P/R
  }
}

export function plainMetricWarnings(text: string, line: number): SourceWarning[] {
  return plainMetricVerdicts(text)
    .filter((v) => v.verdict === 'disagrees')
    .map((v) => ({ line, code: 'formula-mismatch', message: `笔记公式与验证结果不符 / note formula disagrees with the verified result — ${v.metric}: \`${v.written}\` → \`${v.corrected}\`` }));
}
