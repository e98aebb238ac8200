// Card ids: deck + heading path + key, so history survives edits to answers and unrelated sections.
import { describe, expect, it } from 'vitest';
import { stableId } from '../../../cards/id.ts';
import type { CardDraft } from '../../../cards/types.ts';
import { one, parse, SEED } from './helpers.ts';

const ids = (cards: readonly CardDraft[]) => new Map(cards.map((c) => [`${c.kind}|${c.section.join('/')}|${c.key}`, c.id]));
const replaceOnce = (s: string, from: string, to: string) => {
  const i = s.indexOf(from);
  if (i < 0) throw new Error(`not found: ${from}`);
  return s.slice(0, i) + to + s.slice(i + from.length);
};

describe('stable card identity', () => {
  const before = parse(SEED).cards;

  it('is deterministic', () => {
    expect(parse(SEED).cards).toEqual(before);
  });

  it('keeps every id when an unrelated section is edited or added', () => {
    let edited = replaceOnce(SEED, '旋转、翻转、缩放、裁剪、平移、添加噪声。', '旋转、翻转、缩放、裁剪、平移、添加噪声、Mixup。');
    edited = replaceOnce(edited, '# RNN', '# 新章节\n新加的一段说明文字。\n# RNN');
    const after = ids(parse(edited).cards);
    for (const [k, id] of ids(before)) expect(after.get(k), k).toBe(id);
  });

  it('keeps the id when an answer changes (and when lines move)', () => {
    const edited = replaceOnce('\n\n\n' + SEED, 'TP：预测为正，实际为正', 'TP：预测为正，实际也为正（真阳性）');
    const after = parse(edited).cards;
    const tp = one(after, 'TP');
    expect(tp.id).toBe(one(before, 'TP').id);
    expect(tp.back).toBe('预测为正，实际也为正（真阳性）');
    expect(tp.line).toBe(one(before, 'TP').line + 3);
    expect(one(after, '空洞卷积', 'section').id).toBe(one(before, '空洞卷积', 'section').id);
  });

  it('keeps a term card\'s id when its answer gains a formula', () => {
    const edited = replaceOnce(SEED, 'TP：预测为正，实际为正', 'TP：预测为正，实际为正，$TP = |\\hat{y}=1 \\wedge y=1|$');
    const tp = one(parse(edited).cards, 'TP');
    expect(tp.kind).toBe('formula');
    expect(tp.id).toBe(one(before, 'TP').id);
  });

  it('changes the id when a term or heading is renamed', () => {
    const renamed = parse(replaceOnce(SEED, 'TP：预测为正', 'TP（true positive）：预测为正')).cards;
    expect(renamed.some((c) => c.id === one(before, 'TP').id)).toBe(false);
    const moved = parse(replaceOnce(SEED, '## 空洞卷积', '## 扩张卷积')).cards;
    expect(moved.some((c) => c.id === one(before, '空洞卷积', 'section').id)).toBe(false);
  });

  it('depends on the deck', () => {
    expect(parse(SEED, 'other').cards[0]!.id).not.toBe(before[0]!.id);
  });

  it('numbers repeated keys under one heading deterministically', () => {
    const md = '# 指标\nTP：一\nTP：二\nTP：三';
    const cards = parse(md).cards;
    expect(cards.map((c) => c.key)).toEqual(['TP', 'TP (2)', 'TP (3)']);
    expect(new Set(cards.map((c) => c.id)).size).toBe(3);
    expect(parse(md).cards.map((c) => c.id)).toEqual(cards.map((c) => c.id));
  });

  it('keeps a section card and a reading card of one heading apart', () => {
    const a = parse('# A\n正文说明。').cards[0]!;
    const b = parse('# A\n[x](https://x.org)').cards[0]!;
    expect([a.kind, b.kind]).toEqual(['section', 'reading']);
    expect(a.id).not.toBe(b.id);
  });

  it('hashes with 64-bit FNV-1a over UTF-8 (reference values, BigInt restatement)', () => {
    const reference = (parts: string[]) => {
      let h = 0xcbf29ce484222325n;
      for (const b of new TextEncoder().encode(parts.join('\u001f'))) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
      return h.toString(16).padStart(16, '0');
    };
    expect(stableId([])).toBe('cbf29ce484222325');
    expect(stableId(['a'])).toBe('af63dc4c8601ec8c');
    for (const parts of [['dl', '卷积', 'term', 'VALID'], ['😀', '\ud800x', 'é\u001f']]) expect(stableId(parts)).toBe(reference(parts));
  });
});
