// Lecture notes (Chinese transcripts of video lectures with English terms and
// English sub-headings): shapes that other notes rarely have. A quoted
// abstract or outline under the title announces the lecture; English
// sub-headings are often labels of the lecture's flow ("Speech", "Case 1",
// "Review"), claims ("Dropout is a kind of ensemble") or comparisons
// ("CNN V.s. DNN"), not concepts to ask "是什么？为什么用？" about; a highlighted
// whole sentence (`==…==`) is emphasis, not a cloze deletion; a spoken
// fragment before a colon ("做一个假设：…", "1958：…") is not a term. Pure
// string rules on plain text.
import type { Line } from './blocks.ts';
import { plainText } from './blocks.ts';

const CJK = /[\u3400-\u9fff]/;
const cjkCount = (s: string) => (s.match(/[\u3400-\u9fff]/g) ?? []).length;

// ---------------------------------------------------------------------------
// The lecture's abstract under its title

/** "本文…", "文本介绍了…", "上一篇文章…", "主要介绍…", "接下来的课程…": a line about the notes, not about the subject. */
const ANNOUNCE_ZH = /(?:本|这|此)(?:篇|节|章|讲|堂)?(?:文章?|课|讲|笔记|节|章)|文本介绍|上一?篇|上(?:一)?节课?|下一?篇|下(?:一)?节课|接下来的课程|(?:主要|将|会|简要|简单|重点)(?:介绍|讲述|讨论|围绕)|(?:建议|推荐)(?:大家)?先(?:看|阅读|学习)/;
const ANNOUNCE_EN = /\b(?:this|in this|the previous|the next|last|next) (?:lecture|lesson|note|notes|post|article|chapter|video|class)\b|\bwe will (?:cover|discuss|introduce|look at|learn)\b|\b(?:read|see) (?:this|the) (?:blog|post|article) first\b/i;
/** "1、introduction", "2. Semi-supervised …", "（3）…", "一、…": an outline entry. */
const OUTLINE_ITEM = /^(?:\d{1,2}\s*[、.．)）]|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}\s*、)/;
/** "a -> b -> c": a lecture's motto line. */
const ARROW_CHAIN = /\S\s*(?:->|→|=>)\s*\S[^]*?(?:->|→|=>)/;

const quoted = (src: string) => /^\s{0,3}>/.test(src);
const unquote = (src: string) => src.replace(/^\s{0,3}(?:>\s?)+/, '');

/** Announcing lines of a note's intro ("本文…", "In this lecture…"); also a non-quoted line that sends the reader elsewhere first. */
export function isAnnouncement(plain: string, inQuote: boolean): boolean {
  const p = plain.trim();
  if (!p) return false;
  if (/^(?:注|ps|PS|Note)?\s*[：:]?\s*(?:建议|推荐)(?:大家)?先(?:看|阅读|学习)/.test(p)) return true;
  if (!inQuote) return false;
  return ANNOUNCE_ZH.test(p) || ANNOUNCE_EN.test(p);
}

/**
 * The text of a note's title section (text before the first sub-heading)
 * without its abstract: a quoted announcement ("> 本文主要介绍…"), an outline
 * ("> 1、introduction"), its indented sub-lines, a quoted subtitle ("> **回归**-案例研究")
 * or motto ("> a -> b -> c"), and a pointer to read something else first. What
 * explains something stays ("> shallow：不考虑…" after "> 本文主要围绕…的区别："; "> RNN…一般用于…").
 */
export function withoutAbstract(lines: readonly Line[], srcLines: readonly string[]): Line[] {
  const out: Line[] = [];
  let inOutline = false;
  // A quote of two or more outline entries: its unpunctuated lines ("> 半监督学习(semi-supervised learning)") are the outline's title.
  const outlined = lines.filter((l) => quoted(srcLines[l.line] ?? '') && OUTLINE_ITEM.test(unquote(srcLines[l.line] ?? '').trim())).length >= 2;
  for (const l of lines) {
    const src = srcLines[l.line] ?? '';
    const inQuote = quoted(src);
    const body = inQuote ? unquote(src) : src;
    const plain = l.tokens.length ? plainText(l.tokens).trim() : body.trim();
    const indented = /^(?:\t|[\t ]{2,})/.test(body) && body.trim() !== '';
    let drop = false;
    if (isAnnouncement(plain, inQuote)) drop = true;
    else if (inQuote) {
      if (OUTLINE_ITEM.test(plain) || (outlined && !/[，,。；;]/.test(plain))) {
        drop = true;
        inOutline = true;
      } else if (inOutline && indented) drop = true;
      else if (ARROW_CHAIN.test(plain) && cjkCount(plain) < 6) drop = true;
      else if (plain.replace(/[()（）\s-]/g, '').length <= 12 && !/[，,。；;：:]/.test(plain) && lines.filter((x) => quoted(srcLines[x.line] ?? '')).length > 1) drop = true;
      else if (plain.replace(/[\s-]/g, '').length <= 12 && !/[，,。；;：:]/.test(plain) && /\*\*/.test(src)) drop = true;
      else inOutline = false;
    } else inOutline = false;
    if (!drop) out.push(l);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Section questions for English sub-headings in Chinese notes

/** Lecture-flow labels and plain words that name no concept of their own. */
const FLOW_WORD = /^(?:speech|text|image|images|audio|video|voice|analogy|process|procedure|result|results|concepts?|property|properties|toolkit|generate|generation|visuali[sz]e|visuali[sz]ation|application|applications|more applications?|demo|example|examples?|toy example|review|recap|case|cases|step|part|problem|question|task|data|experiment|experiments|outline|agenda|appendix|homework|assignment|others?|something else|more|extension|discussion|reason|motivation|idea|ideas|help techniques|techniques|tips|tricks|structure|formulation|in practice|practice|operation|operations|training|testing|learning target|target|goal|setting|settings|background|theory|proof|analysis|observation|method|methods|approach|approaches|solution|solutions|limitation|limitations|weakness|advantages?|disadvantages?|comparison|compare)$/i;

/** "Case 1", "Property 2", "Step 3", "Part 1", "Example 2": a numbered label. */
const NUMBERED_LABEL = /^(?:case|property|step|part|example|demo|lecture|lesson|method|approach|type|situation|scenario|version|stage|phase)\s*\d+$/i;

/** "CNN V.s. DNN", "L1 vs L2", "cross entropy VS square error". */
const VERSUS = /^(.{1,60}?)\s+(?:v\.?s\.?|vs\.?|versus)\s+(.{1,60})$/i;

/** "Dropout is a kind of ensemble", "Subsampling the pixels will not change the object": a claim the lecture makes. */
const EN_CLAIM_VERB = /\s(?:is|are|was|were|will|can|cannot|can't|could|does|do|doesn't|don't|has|have|makes?|helps?|needs?|works?|appears?|changes?)\s/i;
/** "batch size太小会导致不稳定", "$f^*$的bias只取决于model的复杂程度", "filter是特殊的neuron": a Chinese claim. */
const ZH_CLAIM = /\S(?:会导致|导致|会受到|取决于|决定了|只检测|只取决于|越来越|是特殊的|之间共享|不会|会使|会让|可以(?:用|被|看成|看作|理解为)|等价于|相当于|就是一个|是一种|其实是|本质上是)\S/;

const endsWithMark = (s: string) => /[？?。.！!]$/.test(s.trim());
const noMath = (s: string) => s.replace(/\$[^$]*\$/g, 'x');

/**
 * The question for a heading of a Chinese section when it has a lecture
 * shape, else null (questions.ts decides as before):
 * "Tips for X" → "X有哪些技巧？"; "A V.s. B" → "A和B有什么区别？"; a claim
 * → "为什么说…？"; a lecture-flow word or numbered label ("Speech", "Case 1",
 * "Help Techniques") → asked with its topic: "Why Deep?（Speech）：要点是什么？", "Transfer Learning：Case 1的要点是什么？".
 */
/** "compare in step2", "for Topic Analysis", "handle Vanishing gradient problem", "more about matrix factorization": a lower-case label opening with a verb or a preposition. */
export function isEnglishFlowLabel(plain: string): boolean {
  const p = plain.replace(/[:：.]\s*$/, '').trim();
  return /^[\x00-\x7f]+$/.test(p) && /^(?:for|in|on|about|more|handle|handling|compare|comparing|apply|applying|using|use|with|without|from|to|towards|via|beyond|into|back)\s+\S/.test(p) && p.split(/\s+/).length <= 6;
}

export function lectureHeadingQuestion(titleMd: string, titlePlain: string, topicMd?: string, question = false): string | null {
  const p = noMath(titlePlain).replace(/[:：]\s*$/, '').trim();
  const t = titleMd.replace(/[:：]\s*$/, '').trim();
  if (!p || /[？?]$/.test(p)) return null;
  // "Compare with PCA" under "Deep Auto-encoder": the topic against the other thing.
  const compare = /^compare (?:with|to|against) (.+)$/i.exec(t);
  if (compare && topicMd && !endsWithMark(topicMd)) return `${topicMd}和${compare[1]!.trim()}有什么异同？`;
  // "compare in step2", "for Topic Analysis", "handle Vanishing gradient problem" under an English topic: a lower-case
  // label of the lecture's flow names no subject; its topic does ("Matrix Factorization（for Topic Analysis）：要点是什么？").
  // ("more about matrix factorization" names its topic already: asked as written.)
  if (topicMd && isEnglishFlowLabel(p) && /[A-Za-z]{2,}/.test(topicMd) && !endsWithMark(topicMd) && !p.toLowerCase().includes(topicMd.replace(/[\\*_`]/g, '').toLowerCase())) return `${topicMd}（${t}）：要点是什么？`;
  if (question) return null; // other question headings are asked as written (questions.ts)
  const ascii = /^[\x00-\x7f]+$/.test(p);
  // "Step3：Pick the Best Function": the step's own name is what is asked.
  const step = /^step\s*\d+\s*[：:]\s*(.+)$/i.exec(t);
  if (step) {
    const rest = step[1]!.trim();
    // Title Case is the heading's style: "Pick the Best Function" → "pick the best function" (acronyms stay).
    const lowered = rest.split(' ').map((w) => (/^[A-Z][a-z]+$/.test(w) ? w.toLowerCase() : w)).join(' ');
    return /^(?:pick|find|define|choose|compute|calculate|train|build|evaluate|get|make|select|design)\b/i.test(rest) ? `如何${lowered}？` : `${rest}是什么？`;
  }
  // "对gradient decent的帮助" under "Feature Scaling": what the topic does for it.
  const helps = /^对(.+?)的(帮助|影响|作用|意义|好处)$/.exec(t);
  if (helps && topicMd && !endsWithMark(topicMd)) return `${topicMd}对${helps[1]}有什么${helps[2]}？`;
  // "用样本方差$s^2$估测总体方差": a method, asked how.
  if (/^(?:用|利用|使用|通过)\S.{0,30}?(?:估测|估计|表示|计算|求解|求|解决|实现|找出|找到|得到|预测)/.test(p)) return `如何${t}？`;
  // "Naive Bayes Classifier(朴素贝叶斯分类法)": a name with its translation, whatever its last word looks like.
  if (/^[\x00-\x7f]+[(（][^)）]*[\u3400-\u9fff][^)）]*[)）]$/.test(p) && /[A-Za-z]{3,}/.test(p) && !/^(?:what|why|how|when|which|who|where)\b/i.test(p)) return `${t}是什么？`;
  const review = /^(?:review|recap)\s*[-–—:：]\s*(.+)$/i.exec(t);
  if (review) return `回顾：${review[1]!.trim()}的要点是什么？`;
  const tips = /^(?:tips|tricks|some tips)\s+(?:for|on|of|in)\s+(.+)$/i.exec(t);
  if (tips && ascii) return `${tips[1]!.trim()}有哪些技巧？`;
  const vs = VERSUS.exec(t);
  if (vs && !/[，,。]/.test(p)) return `${vs[1]!.trim()}和${vs[2]!.trim()}有什么区别？`;
  if (ascii) {
    const words = p.split(/\s+/);
    if (words.length >= 3 && EN_CLAIM_VERB.test(` ${p} `) && !/^(?:what|why|how|when|which|who|where|is|are|do|does|can)\b/i.test(p)) return `为什么说${t}？`;
    if (topicMd && (FLOW_WORD.test(p) || NUMBERED_LABEL.test(p))) {
      if (/^(?:process|procedure)$/i.test(p) && !endsWithMark(topicMd)) return `${topicMd}的流程是什么？`;
      return lectureGenericQuestion(topicMd, p) ?? (endsWithMark(topicMd) ? `${topicMd}（${t}）：要点是什么？` : `${topicMd}：${t}的要点是什么？`);
    }
    return null;
  }
  if (CJK.test(p) && cjkCount(p) >= 6 && ZH_CLAIM.test(p) && !/^(?:为什么|如何|怎么|什么)/.test(p)) return `为什么说${t.replace(/[。.]$/, '')}？`;
  return null;
}

/** English generic labels in Chinese notes ("Introduction", "Review", "example" under a topic), asked in Chinese about the topic; null otherwise. */
export function lectureGenericQuestion(topicMd: string, labelPlain: string): string | null {
  const l = noMath(labelPlain).replace(/[:：]+$/, '').trim().toLowerCase();
  if (!/^[\x00-\x7f]+$/.test(l) || endsWithMark(topicMd)) return null;
  if (/^(?:introduction|intro|concepts?|basic idea|the idea|idea|definition)$/.test(l)) return `什么是${topicMd}？`;
  if (l === 'overview') return `${topicMd}的整体框架是什么？`;
  if (/^(?:review|recap)$/.test(l)) return `回顾：${topicMd}的要点是什么？`;
  if (/^(?:examples?|toy example|demo)$/.test(l)) return `举例说明${topicMd}。`;
  if (/^(?:summary|conclusions?)$/.test(l)) return `${topicMd}的要点总结是什么？`;
  if (/^(?:others?|more)$/.test(l)) return `${topicMd}还有哪些要点？`;
  if (/^(?:properties|property)$/.test(l)) return `${topicMd}有哪些性质？`;
  if (/^(?:formulation)$/.test(l)) return `${topicMd}如何形式化表述？`;
  return null;
}

// ---------------------------------------------------------------------------
// Highlights that are emphasis, not cloze deletions

const plainLen = (md: string) => md.replace(/\*\*|__|==|`|<[^>]+>/g, '').replace(/\s+/g, '').length;

/**
 * A highlighted span (`==…==`) that is not worth a cloze: a whole clause
 * hidden (over ~40 characters), a hidden part longer than what is left to
 * read, or a long one opening the line. "…被称为==learning rate==，即学习率…" stays a cloze.
 */
export function isEmphasisHighlight(lineMd: string, marks: readonly string[]): boolean {
  let rest = lineMd.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '');
  let hidden = 0;
  for (const m of marks) {
    hidden = Math.max(hidden, plainLen(m));
    rest = rest.replace(m, '');
  }
  const context = plainLen(rest);
  if (hidden > 40) return true;
  if (hidden > context) return true;
  const body = lineMd.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trimStart();
  const opens = body.startsWith(marks[0] ?? '\0');
  // "这样做==既可以解决…又能够…==": after a pointing word ("这样做", "它", "此时") the blank has nothing to be recalled from.
  const before = marks[0] ? body.slice(0, Math.max(0, body.indexOf(marks[0]))) : '';
  if (hidden > 8 && plainLen(before) <= 4 && /^(?:这|那|它|其|此)/.test(before.trim())) return true;
  return opens && hidden > 16;
}

/** Two deletions that leave the same front ("error due to […]" twice) cannot be told apart. */
export function ambiguousClozes<T extends { kind: string; front: string }>(specs: readonly T[]): Set<string> {
  const seen = new Map<string, number>();
  for (const s of specs) if (s.kind === 'cloze') seen.set(s.front, (seen.get(s.front) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n > 1).map(([f]) => f));
}

// ---------------------------------------------------------------------------
// Spoken fragments before a colon

/**
 * A Chinese key that is a spoken fragment, not a name: "做一个假设", "冷知识",
 * "存在problem", "一个很critical的问题", "那现在的问题是这样子", "写成表达式就", "相对来说",
 * a year ("1958", "1980s") or a bare "ps". Such a line stays in the section's answer.
 */
export function isSpokenFragmentKey(plain: string): boolean {
  const p = plain.replace(/[*_`]/g, '').trim();
  if (/^(?:19|20)\d\d(?:s|年代?)?$/.test(p)) return true;
  if (/^(?:ps|p\.s\.|PS|注|备注|冷知识|小知识|题外话|插曲)$/i.test(p)) return true;
  if (!CJK.test(p)) return false;
  if (/区别|异同|比较|对比|优缺点/.test(p)) return false; // "先说说$LR$和$GBDT$的区别" asks something
  if (/^(?:那么?|这|于是|所以|因此|然后|接着|再(?!参数)|先(?!验)|首先|最后|相对来说|一般来说|也就是说|换句话说|简单来说|总之|比如|例如|举例来说|做(?:一个|了)|有一个|有这样|存在|写成|下图|上图|如图|建议|我们|你|一个)/.test(p) && !/(?:算法|模型|网络|函数|损失|方法)$/.test(p)) return true;
  if (/(?:就|来说|如下|这样子|是这样的?|的是|问题是|来(?:类比|说明|解释|看|讲))$/.test(p)) return true;
  return false;
}

/** The section holding a note's intro: text before the first heading, else the opening heading (the title) when sub-headings follow it. */
export function titleSection<S extends { level: number; lines: readonly unknown[]; hasChildren: boolean }>(sections: readonly S[]): S | undefined {
  const first = sections[0];
  if (!first) return undefined;
  if (first.level === 0) {
    if (first.lines.length) return first;
    const next = sections[1];
    return next && next.hasChildren ? next : undefined;
  }
  return first.hasChildren ? first : undefined;
}

// ---------------------------------------------------------------------------
// Symbol legends and references as "terms"

/** "$X_{cp}$", "x~i~", "w_i", "b": a symbol, not a name. */
export function isSymbolKey(plain: string): boolean {
  const p = plain.replace(/[*_`]{2,}/g, '').trim();
  return /^\$[^$]{1,40}\$$/.test(p) || /^[A-Za-z](?:_\{?\w{1,4}\}?|~\w{1,4}~|\^\{?\w{1,3}\}?|')?$/.test(p);
}

/**
 * Three or more "symbol: meaning" lines in one section are a legend ("$X_{cp}$：进化前的cp值",
 * "$X_s$：物种", …): "$X_s$是什么？" means nothing on its own, so the legend stays in the
 * section's answer instead of one card per symbol.
 */
export function legendLines<C extends { kind: string }>(classes: readonly C[], keyOf: (c: C) => string[] | null): Set<number> {
  const at: number[] = [];
  classes.forEach((c, i) => {
    const keys = keyOf(c);
    if (keys && keys.length && keys.every(isSymbolKey)) at.push(i);
  });
  return new Set(at.length >= 3 ? at : []);
}

/** A term body that is a reference ("Thorsten Joachims, "…", ICML, 1999", "[Bishop, Chapter 12.2]"), not a definition. */
export function isReferenceBody(body: string, key: string): boolean {
  const b = body.replace(/[*_]/g, '').trim();
  // "convolution 架构：针对property 1和property 2": a pointer to other parts of the notes.
  if (/^(?:针对|对应|见|参见|详见|参考)[^，,。；;]{1,20}$/.test(b)) return true;
  if (/^\[[^\]]{2,80}\]$/.test(b) && /\b(?:chapter|ch\.|section|sec\.|p\.|pp\.|(?:19|20)\d\d)\b/i.test(b)) return true;
  const venue = /\b(?:ICML|NIPS|NeurIPS|ICLR|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|AAAI|IJCAI|KDD|arXiv|Interspeech|ICASSP|JMLR|TPAMI)\b/.test(b);
  const year = /\b(?:19|20)\d\d\b/.test(b);
  const quotedTitle = /["“”„][^"“”]{8,}["“”]/.test(b);
  const authors = /^[A-Z][a-z]+,?\s+[A-Z][a-z]*\.?(?:,|\s+and\s|\s+[A-Z])/.test(b);
  if (venue && year && (quotedTitle || authors)) return true;
  return /\bpaper$/i.test(key.trim()) && year && (venue || quotedTitle);
}

/** "Q：为什么要把RNN换成LSTM？A：LSTM可以解决梯度消失的问题" on one line: the question and its answer. */
export function inlineAnswer(front: string): { front: string; back: string } | null {
  const m = /^(?:Q|问)\s*[：:]?\s*(.+?[？?])\s*(?:A|答)\s*[：:]\s*(.+?)[？?]?$/.exec(front.trim()) ?? /^(.+?[？?])\s*(?:A|答)\s*[：:]\s*(.+?)[？?]?$/.exec(front.trim());
  if (!m || m[2]!.trim().length < 2) return null;
  return { front: m[1]!.trim(), back: m[2]!.trim() };
}

/**
 * A lone sentence of lecture narration that only says what comes next ("这里先讲dropout是怎么做的，
 * 然后再来解释为什么这样做", "这里还是举手写数字识别的例子"): no answer to any question.
 */
export function isLectureSignpost(answerMd: string): boolean {
  const a = answerMd.replace(/<[^>]+>/g, '').trim();
  if (!a || a.includes('\n') || a.length > 80 || /\$/.test(a)) return false;
  return /^(?:那么?|所以)?(?:这里|下面|接下来|首先|我们)?(?:先|还是|再|就|来|将|会)*(?:讲|举|介绍|说|看|讨论|演示|用)(?:一下|一个|一些)?/.test(a) && /(?:然后|接着|再来|之后|的例子|为例|作为对比|怎么做的|是怎么)/.test(a);
}

/** "那我们到底要找什么样的$w^1$呢？": the spoken connective opening a question, or null when there is none. */
export function withoutConnective(front: string): string | null {
  const m = /^(?:那么?|所以说?|而|但是?|可是|于是)\s*[，,]?\s*(?=\S)/.exec(front);
  if (!m || !/[？?]$/.test(front.trim())) return null;
  const rest = front.slice(m[0].length).replace(/呢([？?])$/, '$1').trim();
  return rest.length >= 4 ? rest : null;
}

