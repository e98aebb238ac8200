// Card fronts phrased the way a candidate would write them ("空洞卷积是什么？
// 为什么用？", "ACC怎么计算？"), chosen from the shape of the heading or term.
// Plain-text tests decide; the Markdown (math kept) is what gets shown.
import type { Term } from './classify.ts';

export type HeadingShape = 'question' | 'calc' | 'list' | 'pair' | 'concept';

const noMath = (s: string) => s.replace(/\$[^$]*\$/g, 'x');

export function headingShape(plain: string): HeadingShape {
  const p = noMath(plain).trim();
  if (/[？?]$/.test(p)) return 'question';
  if (/(?:计算|大小|尺寸|复杂度)$|参数量|计算量/.test(p)) return 'calc';
  if (/特点|优势|优点|缺点|区别|作用|方法|指标|技巧|种类|类型|分类|步骤|哪些/.test(p)) return 'list';
  if (/\S(?:和|与|及|vs\.?|VS)\S/.test(p)) return 'pair';
  return 'concept';
}

/** "感受野计算" → "感受野": the thing being computed. */
function calcSubject(md: string): string {
  return md.replace(/的?计算$/, '').trim() || md;
}

/** Section question. `enumeration`: the answer is one "a、b、c" list, so ask for its members. */
export function sectionQuestion(titleMd: string, titlePlain: string, enumeration: boolean): string {
  switch (headingShape(titlePlain)) {
    case 'question':
      return titleMd;
    case 'calc':
      return `${calcSubject(titleMd)}怎么计算？`;
    case 'list':
      return `${titleMd}有哪些？`;
    case 'pair':
      return `${titleMd}分别是什么？有什么作用？`;
    default:
      return enumeration ? `${titleMd}包括哪些？` : `${titleMd}是什么？为什么用？`;
  }
}

const ASPECT = /(作用|意义|含义|思想|原理|定义|区别|优缺点|优点|缺点|特点|条件|目的|原因|概念|用途|公式)$/;

/** "池化作用" → "池化的作用". */
function possessive(md: string): string {
  const m = ASPECT.exec(md);
  if (!m || md.length === m[0].length) return md;
  const head = md.slice(0, md.length - m[0].length);
  return head.includes('的') ? md : `${head}的${m[0]}`;
}

export interface TermContext {
  headingMd: string;
  headingPlain: string;
  group?: string; // "**卷积层**：" above "FLOPs：…" lines
  attachedFormulas: boolean; // formula lines followed the definition
  allDerivatives: boolean;
  anyDerivative: boolean;
  mathBody: boolean; // the answer holds TeX, not just an ASCII equation
}

export function termQuestion(t: Term, formula: boolean, ctx: TermContext): string {
  const md = t.md;
  if (/[？?]$/.test(md)) return md;
  const shape = headingShape(ctx.headingPlain);
  if (!formula) {
    if (t.lead) return `什么是${md}？`;
    if (ASPECT.test(md)) return `${possessive(md)}是什么？`;
    // In a "CNN的特点以及优势" list, "局部连接" only makes sense with its heading.
    if (/特点|优势|优点|缺点|作用/.test(ctx.headingPlain)) return `${ctx.headingMd}：${md}指什么？`;
    if (/方法|算法/.test(ctx.headingPlain) && /法$/.test(t.plain)) return `${md}有什么特点？`;
    return `${md}是什么？`;
  }
  if (ctx.group) return `${ctx.group}的${md}怎么计算？`;
  if (shape === 'calc') return `${calcSubject(ctx.headingMd)}怎么计算（${calcSubject(md)}）？`;
  if (t.lead) return `什么是${md}？写出公式。`;
  if (ctx.attachedFormulas && t.body) return `${ASPECT.test(md) ? possessive(md) : md}是什么？写出公式。`;
  if (ctx.allDerivatives) return `${md}的梯度是什么？`;
  if (ctx.anyDerivative) return `${md}的公式及导数？`;
  return ctx.mathBody ? `${md}的公式是什么？` : `${md}怎么计算？`;
}

/** Heading-keyed formula (a section that is one formula, e.g. 标签平滑). */
export function headingFormulaQuestion(titleMd: string): string {
  return `${titleMd}的公式是什么？`;
}

const IMPERATIVE = /^(?:手写|推导|实现|写出|画出|证明|描述|解释|比较|列举|简述|谈谈|讲讲|说说)/;

/** An open question as listed in the notes, given its question mark. */
export function promptQuestion(item: string): string {
  const s = item.trim();
  if (/[？?。！!]$/.test(s)) return s;
  return IMPERATIVE.test(s) ? `${s}。` : `${s}？`;
}
