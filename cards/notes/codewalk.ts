// Textbook code walk-throughs: a section that builds an example in code and
// narrates it ("下面我们来看一个卷积层的简单应用…首先我们构造一张6×8的图像…",
// "我们使用一组未经调优的超参数并计算交叉验证误差。", "下面定义`SigmoidBinaryCrossEntropyLoss`。")
// has nothing to recall: the prose tells what the code does next, the code is
// not card material. Such a section gives no card; a section that states what
// a thing is before its code ("二维卷积层将输入和卷积核做互相关运算…") keeps it. Pure.
import type { Token } from 'markdown-it';
import type { Line } from './blocks.ts';
import { ABOUT_TEXT, SIGNPOST } from './narration.ts';

/** A sentence that narrates the code or the example rather than stating a fact. */
const NARRATES =
  /^(?:[，,\s]*)(?:下面|以下|接下来|首先|然后|最后|现在|这里|此处|让我们|作为比较|同样地?|类似地?|实验中|输出|结果|我们(?:使用|用|在这里|直接))|下面|接下来|我们(?:先|再|来|将(?:使用|通过|用)|需要(?:导入|定义|实现|初始化)|构造|定义|实现|创建|读取|生成|打印|演示|验证|尝试|看|直接调用|自定义|特意|设(?:超参数|最大|学习率))|(?:本节|下一节|上一节|前几节|刚才)|代码|打印|运行|实例|(?:\d+(?:\.\d+)*节)/;

const textOf = (tokens: readonly Token[]): string => {
  let out = '';
  for (const t of tokens) {
    if (t.type === 'text') out += t.content;
    else if (t.type === 'code_inline') out += '`' + t.content + '`';
    else if (t.type === 'math_inline') out += '$' + t.content + '$';
    else if (t.type === 'softbreak' || t.type === 'hardbreak') out += '\n';
  }
  return out;
};

const sentencesOf = (text: string): string[] =>
  text
    .split(/(?<=[。！？!?；;])|\n/)
    .map((s) => s.trim())
    .filter((s) => s.replace(/[\s\p{P}]/gu, '').length > 0);

/** "它中间4列为黑", "其余部分的输出全是0", "由此…": talk about the example just built. */
const ABOUT_EXAMPLE = /^(?:它|其余|这个|这些|该|由此|可以看出|可以看到|可见)/;

/** Characters of content left after narration; past this a section states something of its own… */
const CONTENT = 40;
/** …unless narration outweighs it two to one, up to this many characters. */
const MOSTLY_NARRATION = 100;

/**
 * True when the answer holds code and its prose only narrates it: no display
 * formula, table, list or image, at least one narrating sentence, and under
 * ~40 characters in the sentences that neither narrate nor name code (`corr2d`).
 */
export function isCodeWalkthrough(answer: readonly Line[]): boolean {
  if (!answer.some((l) => l.code)) return false;
  if (answer.some((l) => l.tex !== undefined || l.table || (l.other && !l.code) || l.item)) return false;
  const prose = answer.filter((l) => !l.code);
  if (!prose.length || prose.some((l) => l.tokens.some((t) => t.type === 'image'))) return false;
  let narrating = 0;
  let stated = 0;
  let content = 0;
  for (const l of prose) {
    for (const s of sentencesOf(textOf(l.tokens))) {
      if (NARRATES.test(s) || SIGNPOST.test(s) || ABOUT_TEXT.test(s) || ABOUT_EXAMPLE.test(s) || /`[^`]+`/.test(s)) narrating++;
      else {
        stated++;
        content += s.replace(/[\s\p{P}]/gu, '').length;
      }
    }
  }
  return narrating > 0 && (content < CONTENT || (narrating >= 2 * stated && content < MOSTLY_NARRATION));
}
