// Textbook narration: a chapter's opening that only says what the chapter did
// and will do ("我们已经介绍了…。下面我们解释…", "在本节中，我们将以多层感知机为例，
// 介绍…") or the talk around code ("下面定义函数…。打印看看。输出：") gives a
// learner nothing to recall. A section whose prose is only such sentences gives
// no card; one sentence of real content (a definition, a fact) keeps it. An
// intro before sub-headings that only motivates them ("…这是为什么呢？",
// "逻辑题目现在也是面试中常考的题目…") gives none either. Pure.
import { plainText, type Line } from './blocks.ts';

/** Sentences that point at the text or the code rather than state something. */
export const SIGNPOST =
  /^(?:[，,\s]*)(?:(?:在)?(?:本节|本章|这一节|这一章|本小节)(?:中)?[，,]?(?:将|我们|介绍|讨论|主要|会|以|的最后)|在这里|这里我们|下面|以下|接下来|(?:首先|其次|最后|然后|现在|那么)[，,]?(?:我们|让我们|来看|介绍|给出)|让我们|我们(?:已经|先|首先|接下来|再|来|下面|在(?:上|前|下)|还|会在|将在|将(?:介绍|讨论|探究|使用|以|通过|动手|实现|从|对|了解|看到|学习|展示|描述|重点)|要|需要(?:导入|定义|实现)|可以(?:看到|发现|通过代码|打印)|通过(?:代码|实验))|在(?:上|前|后|下)(?:一|几|两|面的)?(?:节|章)|前(?:一|几|两)节|上一?节|回忆|回顾|打印|可以看到|可以看出|可见|如图|图\s*\d|输出[：:]|运行|实验中|作为(?:本章|深度学习)|我们希望读者)/;

/** Sentences about the text itself anywhere in them: "…，本节将介绍这个模型系列的第一个版本". */
export const ABOUT_TEXT = /(?:本节|本章)(?:将|会|中|我们|介绍)|下一节|上一节|前几节|后面的章节|(?:后面|前面|接下来)(?:的)?(?:一|两|几)?(?:节|章)|在\d+(?:\.\d+)*节|(?:下|后)面(?:的)?“[^”]{1,20}”一章|以下代码|下面的代码|我们(?:将|会)在后面/;

/**
 * Sentences of a chapter's opening that motivate rather than state (only counted in a
 * section's intro, before its sub-headings): a question the chapter goes on to answer
 * ("这是为什么呢？"), a word to the reader ("如果你改变过…，你也许发现了"), talk about the
 * interview ("逻辑题目现在也是面试中常考的题目", "这种题目没有什么好的方法").
 */
const MOTIVATES = /[？?]$|你|大家|读者|面试|(?:这|此)(?:种|类|些|几?道)(?:题目?|问题)|常考/;
/** A sentence that defines something ("词嵌入是降维算法的典型应用", "这个过程叫作模型训练") is content wherever it stands. */
const DEFINES = /(?:^|[^但还就或于只总要若可不也凡])是(?!否)|称为|称作|叫作|叫做|指的是|定义为/;

const sentencesOf = (text: string): string[] =>
  text
    // ("清晰. 这种题目…": an ASCII full stop before a space ends a sentence too.)
    .split(/(?<=[。！？!?；;])|(?<=[\u3400-\u9fff]\.)\s+|\n/)
    .map((s) => s.trim())
    .filter((s) => s.replace(/[\s\p{P}]/gu, '').length > 0);

/**
 * True when the section's answer lines hold no content beyond narration: every
 * prose holds a signpost or a sentence about the text, and what is left besides
 * them is under ~20 characters. Display math, tables, images or list items are content.
 */
export function isNarrationOnly(answer: readonly Line[], opts: { /** the note's opening section, above its sub-headings */ intro?: boolean } = {}): boolean {
  if (answer.some((l) => l.tex !== undefined || l.table || (l.other && !l.code))) return false;
  const prose = answer.filter((l) => !l.code);
  if (!prose.length) return false;
  if (prose.some((l) => l.item || l.tokens.some((t) => t.type === 'image' || t.type === 'html_inline'))) return false;
  let content = 0;
  let signposts = 0;
  // An intro's visual lines are joined first: its sentences run across soft line breaks.
  const texts = opts.intro ? [prose.map((l) => plainText(l.tokens).trim()).join('')] : prose.map((l) => plainText(l.tokens));
  for (const text of texts) {
    for (const s of sentencesOf(text)) {
      if (SIGNPOST.test(s) || ABOUT_TEXT.test(s) || (opts.intro && MOTIVATES.test(s) && !DEFINES.test(s))) signposts++;
      else content += s.replace(/[\s\p{P}]/gu, '').length;
    }
  }
  // A short answer without a signpost ("其实就是多尺度的滑动窗口", "旋转、翻转、裁剪") is content.
  // A section's intro that only motivates what its sub-sections answer may keep a sentence of context
  // ("实际中，在大规模语料上预训练的词向量常常可以应用到下游…任务中。"): under ~40 characters.
  return signposts > 0 && content < (opts.intro ? 40 : 20);
}
