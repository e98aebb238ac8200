// Lecture notes talk to the reader: a question wrapped in "你可能会问" keeps its
// answer but is asked about the section's topic; "Next lecture: …" is a
// signpost, not a question (lhy notes, CNN part 1 and Regression case study).
import { describe, expect, it } from 'vitest';
import { isLectureNavigation, withoutLeadIn } from '../../../cards/notes/discourse.ts';
import { parseNotes } from '../../../cards/notes/parse.ts';

const cards = (md: string, title?: string) => parseNotes(md, { deck: 'd', ...(title ? { title } : {}) }).cards;

describe('discourse lead-ins and lecture signposts', () => {
  it('strips the lead-in and names the topic (Chinese)', () => {
    const md = '# CNN\n\n## Convolution vs fully connected\n\n看到这里你可能会问，这样的network该怎么搭建，又该怎么去train呢？\n\n首先，这都是用toolkit做的；自己写的话就跟原来的Backpropagation一样，只是有些weight永远是0。\n';
    const p = cards(md).filter((c) => c.kind === 'prompt');
    expect(p).toHaveLength(1);
    expect(p[0]!.front).toBe('Convolution vs fully connected：这样的network该怎么搭建，又该怎么去train呢？');
    expect(p[0]!.back).toContain('toolkit');
  });

  it('strips English lead-ins, keeping why/how', () => {
    expect(withoutLeadIn('You may ask: why not use a larger batch?')).toBe('Why not use a larger batch?');
    expect(withoutLeadIn('You might wonder how dropout helps?')).toBe('How dropout helps?');
    expect(withoutLeadIn('那有人会问：为什么？')).toBe('为什么？');
    expect(withoutLeadIn('还有另外一个问题，ReLU不能微分，怎么做gradient descent？')).toBe('ReLU不能微分，怎么做gradient descent？');
    expect(withoutLeadIn('那么问题来了：怎么选k？')).toBe('怎么选k？');
    expect(withoutLeadIn('一个问题的答案是什么？')).toBeNull();
    for (const q of ['如何使用？', 'Why do you ask?', '你可能会问题目']) expect(withoutLeadIn(q)).toBeNull();
  });

  it('"Next lecture:" items are no prompt cards; the rest of the summary stays', () => {
    const md = '# Regression\n\n## 总结\n\n* Original CP and species almost decide the CP after evolution\n* Next lecture: Where does the error come from?\n  * More theory about overfitting\n';
    const c = cards(md);
    expect(c.some((x) => /Next lecture|Where does the error/.test(x.front))).toBe(false);
    expect(c.some((x) => x.back.includes('Original CP'))).toBe(true);
    expect(isLectureNavigation('下节课：CNN的应用')).toBe(true);
    expect(isLectureNavigation('Next, we train the model.')).toBe(false);
  });
});
