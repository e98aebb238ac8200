// Textbook narration: a chapter's opening that only says what the chapter did
// and will do ("我们已经介绍了…。下面我们解释…", "在本节中，我们将以多层感知机为例，
// 介绍…") or the talk around code ("下面定义函数…。打印看看。输出：") gives a
// learner nothing to recall. A section whose prose is only such sentences gives
// no card; one sentence of real content (a definition, a fact) keeps it. Pure.
import { plainText, type Line } from './blocks.ts';

/** Sentences that point at the text or the code rather than state something. */
export const SIGNPOST =
  /^(?:[，,\s]*)(?:(?:在)?(?:本节|本章|这一节|这一章|本小节)(?:中)?[，,]?(?:将|我们|介绍|讨论|主要|会|以|的最后)|在这里|这里我们|下面|以下|接下来|(?:首先|其次|最后|然后|现在|那么)[，,]?(?:我们|让我们|来看|介绍|给出)|让我们|我们(?:已经|先|首先|接下来|再|来|下面|在(?:上|前|下)|还|会在|将在|将(?:介绍|讨论|探究|使用|以|通过|动手|实现|从|对|了解|看到|学习|展示|描述|重点)|要|需要(?:导入|定义|实现)|可以(?:看到|发现|通过代码|打印)|通过(?:代码|实验))|在(?:上|前|后|下)(?:一|几|两|面的)?(?:节|章)|前(?:一|几|两)节|上一?节|回忆|回顾|打印|可以看到|可以看出|可见|如图|图\s*\d|输出[：:]|运行|实验中|作为(?:本章|深度学习)|我们希望读者)/;

/** Sentences about the text itself anywhere in them: "…，本节将介绍这个模型系列的第一个版本". */
export const ABOUT_TEXT = /(?:本节|本章)(?:将|会|中|我们|介绍)|下一节|上一节|前几节|后面的章节|(?:下|后)面(?:的)?“[^”]{1,20}”一章|以下代码|下面的代码|我们(?:将|会)在后面/;

const sentencesOf = (text: string): string[] =>
  text
    .split(/(?<=[。！？!?；;])|\n/)
    .map((s) => s.trim())
    .filter((s) => s.replace(/[\s\p{P}]/gu, '').length > 0);

/**
 * True when the section's answer lines hold no content beyond narration: every
 * prose holds a signpost or a sentence about the text, and what is left besides
 * them is under ~20 characters. Display math, tables, images or list items are content.
 */
export function isNarrationOnly(answer: readonly Line[]): boolean {
  if (answer.some((l) => l.tex !== undefined || l.table || (l.other && !l.code))) return false;
  const prose = answer.filter((l) => !l.code);
  if (!prose.length) return false;
  if (prose.some((l) => l.item || l.tokens.some((t) => t.type === 'image' || t.type === 'html_inline'))) return false;
  let content = 0;
  let signposts = 0;
  for (const l of prose) {
    for (const s of sentencesOf(plainText(l.tokens))) {
      if (SIGNPOST.test(s) || ABOUT_TEXT.test(s)) signposts++;
      else content += s.replace(/[\s\p{P}]/gu, '').length;
    }
  }
  // A short answer without a signpost ("其实就是多尺度的滑动窗口", "旋转、翻转、裁剪") is content.
  return signposts > 0 && content < 20;
}
