// Detection: IoU by rasterising boxes on the unit grid (integer coordinates
// make it exact), NMS by the textbook "take the best, drop its overlaps"
// loop, anchors by visiting every feature-map cell, AP by the VOC devkit's
// all-point procedure.
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../../../cards/problems/catalogue.ts';
import { TABLE_B } from './table.ts';
import { close, variants } from './helpers.ts';

type Box = number[];
/** Unit cells [i, i+1) × [j, j+1) covered by a box with integer corners. */
function cells(b: Box): Set<string> {
  const s = new Set<string>();
  for (let i = b[0]!; i < b[2]!; i += 1) for (let j = b[1]!; j < b[3]!; j += 1) s.add(`${i},${j}`);
  return s;
}
function rasterIou(a: Box, b: Box): number {
  const ca = cells(a);
  const cb = cells(b);
  let inter = 0;
  for (const c of ca) if (cb.has(c)) inter += 1;
  return inter / (ca.size + cb.size - inter);
}

describe('det.iou', () => {
  it('matches the rasterised IoU on 400 variants', () => {
    for (const v of variants('det.iou', 400)) {
      const { a, b } = v.params as { a: Box; b: Box };
      expect(close(v.answer as number, rasterIou(a, b)), JSON.stringify(v.params)).toBe(true);
    }
  });

  it('gives the table example (boxes touching along y = 13: IoU 0) and a half-overlap by hand', () => {
    const t = getTemplate('det.iou');
    expect(t?.answer(TABLE_B['det.iou']!.example)).toBe(0);
    expect(rasterIou([6, 13, 7, 14], [6, 4, 12, 13])).toBe(0);
    expect(t?.answer({ a: [0, 0, 4, 2], b: [2, 0, 6, 2] })).toBeCloseTo(4 / 12, 12);
  });
});

function textbookNms(boxes: Box[], scores: number[], thr: number): number {
  let left = boxes.map((_, i) => i);
  let kept = 0;
  while (left.length > 0) {
    const best = left.reduce((a, b) => (scores[b]! > scores[a]! ? b : a));
    kept += 1;
    left = left.filter((i) => i !== best && rasterIou(boxes[best]!, boxes[i]!) <= thr);
  }
  return kept;
}

describe('det.nms.kept', () => {
  it('matches the textbook NMS loop on 300 variants', () => {
    for (const v of variants('det.nms.kept', 300)) {
      const { boxes, scores, thr } = v.params as { boxes: Box[]; scores: number[]; thr: number };
      expect(v.answer, JSON.stringify(v.params)).toBe(textbookNms(boxes, scores, thr));
    }
  });

  it('gives the table example: 5 kept (box 2 survives; it is only near the suppressed box 1)', () => {
    const ex = TABLE_B['det.nms.kept']!.example as { boxes: Box[]; scores: number[]; thr: number };
    expect(textbookNms(ex.boxes, ex.scores, ex.thr)).toBe(5);
    expect(getTemplate('det.nms.kept')?.answer(ex)).toBe(5);
    expect(getTemplate('det.nms.kept')?.mistakes.find((m) => m.id === 'suppressed-also-suppress')?.value(ex)).toBe(4);
  });
});

/** Visit every cell of every level: a cell exists while its top-left corner y·s is inside the image. */
function visitAnchors(H: number, W: number, strides: number[], A: number): number {
  let n = 0;
  for (const s of strides) for (let y = 0; y * s < H; y += 1) for (let x = 0; x * s < W; x += 1) n += A;
  return n;
}

describe('det.anchors.count', () => {
  it('matches a visit of every feature-map cell on 200 variants', () => {
    for (const v of variants('det.anchors.count', 200)) {
      const { H, W, strides, A } = v.params as { H: number; W: number; strides: number[]; A: number };
      expect(v.answer).toBe(visitAnchors(H, W, strides, A));
    }
  });

  it('gives the table example: 3·(180·141 + 90·71 + 45·36 + 23·18) = 101412', () => {
    expect(getTemplate('det.anchors.count')?.answer(TABLE_B['det.anchors.count']!.example)).toBe(101412);
  });
});

/** VOC devkit (voc_ap, use_07_metric=False): precision envelope, sum over recall changes. */
function vocAp(tp: number[], nGt: number): number {
  let c = 0;
  const rec: number[] = [];
  const prec: number[] = [];
  tp.forEach((t, i) => {
    c += t;
    rec.push(c / nGt);
    prec.push(c / (i + 1));
  });
  const mrec = [0, ...rec, 1];
  const mpre = [0, ...prec, 0];
  for (let i = mpre.length - 1; i > 0; i -= 1) mpre[i - 1] = Math.max(mpre[i - 1]!, mpre[i]!);
  let ap = 0;
  for (let i = 1; i < mrec.length; i += 1) if (mrec[i] !== mrec[i - 1]) ap += (mrec[i]! - mrec[i - 1]!) * mpre[i]!;
  return ap;
}

describe('det.ap.allpoint', () => {
  it('matches the VOC devkit procedure on 300 variants', () => {
    for (const v of variants('det.ap.allpoint', 300)) {
      const { tp, n_gt } = v.params as { tp: number[]; n_gt: number };
      expect(close(v.answer as number, vocAp(tp, n_gt)), JSON.stringify(v.params)).toBe(true);
    }
  });

  it('gives the table example: (0.4 + 0.4)/3', () => {
    expect(close(getTemplate('det.ap.allpoint')?.answer(TABLE_B['det.ap.allpoint']!.example) as number, 0.8 / 3)).toBe(true);
    expect(close(vocAp([0, 0, 1, 0, 1, 0], 3), 0.8 / 3)).toBe(true);
  });
});
