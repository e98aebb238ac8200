// A table whose first column names things (metrics, models, activations)
// is a set of facts: one card per row, keyed by the row's name, the column
// headers as the question's context. Other tables stay in the section answer.
import { createParser } from '../render/markdown.ts';
import { plainText } from './blocks.ts';
import type { Lang } from './lang.ts';
import { isAttributeLabel } from './attrgroups.ts';
import type { Spec } from './extract.ts';

const inline = createParser('any');
const plainOfMd = (md: string) => plainText(inline.parseInline(md, {})[0]?.children ?? []).trim();

/** Cards for the table's rows, or null when its first column does not name things. */
/** A second column that says what the first names: "| Check | Description |" rows are definitions. */
const DEFINING = /^(?:description|meaning|definition|purpose|explanation|what it is|what it does|what it means|what it measures|role|function|summary|details|idea|key idea)$/i;
/** "| Feature | Accuracy | Precision |": the header names the things, each row an attribute of them. */
const ATTRIBUTE_HEADER = /^(?:features?|aspects?|properties|property|criteri(?:on|a)|characteristics?|dimensions?|attributes?|factors?|comparison)$/i;
/** "Threshold Choice" → "threshold choice", "Best For" → "best for" (Title Case is the header's style); "BM25 Cost" keeps its acronym; "Latency*" loses its footnote mark, "Why?" its question mark (the front ends in one). */
const lowerFirst = (s: string) => {
  const t = s.replace(/[*†‡?？]+$/, '').trim();
  const words = t.split(' ');
  if (words.length > 1 && words.every((w) => /^(?:[A-Z][a-z]+|[a-z]+|&|-|\/)$/.test(w))) return words.map((w) => w.toLowerCase()).join(' ');
  return /^[A-Z][a-z]/.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t;
};

/** "Structured Output Compliance: what is Cross-field Consistency?" */
function definitionFront(key: string, plainKey: string, topicMd: string): string {
  const what = `${/^[A-Za-z][a-z-]*[a-z]s$/.test(plainKey.split(/\s+/).pop() ?? '') && !/(?:ss|us|is|ics|ness|sis)$/.test(plainKey) ? 'What are' : 'What is'} ${key}?`;
  const topicWords = new Set(plainOfMd(topicMd).toLowerCase().split(/\W+/).filter(Boolean));
  const named = plainKey.toLowerCase().split(/\W+/).filter(Boolean).every((w) => topicWords.has(w));
  return named ? what : `${topicMd}: ${what[0]!.toLowerCase()}${what.slice(1)}`;
}

/** "| 特性 | MHA | MQA |", "|  | BGD | SGD |": the columns are the things compared, each row one attribute of them. */
const ZH_ATTRIBUTE_HEADER = /^(?:特性|特点|性质|属性|对比|比较|对比项|区别|方面|维度|项目|指标|)$/;
/** "| 缺点 | 改进 | 描述 |": the row key is one drawback (a problem, a scenario) of the topic, not a term of its own. */
const ZH_ASPECT_HEADER = /^(?:缺点|优点|不足|问题|存在的问题|场景|应用场景|适用场景|原因|现象|情况|条件|步骤|阶段|特点|优势|劣势|局限|局限性|挑战|难点|改进点)$/;

/** The front of a Chinese row card: the row key alone, or under the things compared, or under its topic. */
function zhRowFront(key: string, first: string, cols: readonly string[], context: string, sectionMd: string, topicMd: string): string {
  if (cols.length >= 2 && cols.length === context.split('、').length && ZH_ATTRIBUTE_HEADER.test(first)) return `${cols.join('、')}：${key}分别是什么？`;
  if (ZH_ASPECT_HEADER.test(first)) return context ? `${topicMd}的${first}“${key}”：${context}是什么？` : `${topicMd}的${first}“${key}”是什么？`;
  return context ? `${key}的${context}是什么？` : `${sectionMd}：${key}？`;
}

export function tableRowCards(rows: readonly string[][], line: number, lang: Lang, sectionMd: string, topicMd: string = sectionMd): Spec[] | null {
  const [header, ...body] = rows;
  if (!header || header.length < 2 || body.length < 2) return null;
  const keys = body.map((r) => plainOfMd(r[0] ?? ''));
  const ok = keys.every((k) => k.length > 0 && k.length <= 60 && /[\p{L}]/u.test(k.replace(/\$[^$]*\$/g, '')) && !/^[\d\s.,%+-]+$/.test(k));
  if (!ok || new Set(keys.map((k) => k.toLowerCase())).size !== keys.length) return null;
  // "#", "No.", "序号": an index column, not names.
  if (/^(?:#|no\.?|index|id|序号|编号)$/i.test(plainOfMd(header[0] ?? ''))) return null;
  // "| | 实际为正 | 实际为负 |" over "TP | FP": a two-way table of codes (a confusion matrix) is read whole.
  if (body.every((r) => r.slice(1).every((c) => /^[A-Za-z0-9]{0,4}$/.test(plainOfMd(c))))) return null;
  // "| 中心词 | 上下文 |" over "| so | NLP, is, interesting, and |": a worked example whose cells only list other row keys
  // (the words of one sentence) is read whole — "and的上下文是什么？" asks about an example, not a term.
  const vocab = new Set(keys.map((k) => k.toLowerCase()));
  if (keys.every((k) => /^\S+$/.test(k)) && body.every((r) => r.slice(1).every((c) => plainOfMd(c).split(/[,，、\s]+/).filter(Boolean).every((w) => vocab.has(w.toLowerCase()))))) return null;
  const cols = header.slice(1).map((h) => h.trim());
  const named = cols.filter((h) => plainOfMd(h) !== '');
  const specs: Spec[] = [];
  body.forEach((r, k) => {
    const cells = r.slice(1, header.length);
    if (cells.every((c) => c.trim() === '')) return;
    const back = cells
      .map((c, ci) => (c.trim() === '' ? '' : cols[ci] ? `- **${plainOfMd(cols[ci]!)}**: ${c.trim()}` : `- ${c.trim()}`))
      .filter(Boolean)
      .join('\n');
    // "[LangChain](https://…)" names LangChain: a front shows the name, the link stays in the row's answer context.
    const key = r[0]!.trim().replace(/(?<!!)\[([^\]\n]+)\]\([^)\s]*\)/g, '$1');
    const defining = lang === 'en' && cols.length === 1 && DEFINING.test(plainOfMd(cols[0] ?? ''));
    const context = named.length ? named.map(plainOfMd).join(lang === 'en' ? ', ' : '、') : '';
    let front: string;
    const first = plainOfMd(header[0] ?? '');
    // "| Aspect | Details |" over "| Speed | Very fast |": a rated attribute of the topic, not a term (attrgroups.ts).
    if (defining && (ATTRIBUTE_HEADER.test(first) || isAttributeLabel(keys[k]!))) front = `${topicMd}: ${lowerFirst(key.replace(/^(\*\*|__)(.+)\1$/, '$2'))}?`;
    else if (defining) front = definitionFront(key.replace(/^(\*\*|__)(.+)\1$/, '$2'), keys[k]!, topicMd);
    else if (lang === 'en' && cols.length >= 2 && named.length === cols.length && ATTRIBUTE_HEADER.test(first)) {
      // A comparison written sideways: "Accuracy vs Precision vs Recall: weakness?"
      front = `${named.map(plainOfMd).join(' vs ')}: ${lowerFirst(keys[k]!)}?`;
    } else if (lang === 'en') {
      // "Multi-Agent RAG: Critic — responsibility?": the row alone does not say what it belongs to.
      const topicWords = new Set(plainOfMd(topicMd).toLowerCase().split(/\W+/).filter(Boolean));
      const inTopic = keys[k]!.toLowerCase().split(/\W+/).filter(Boolean).every((w) => topicWords.has(w));
      front = context ? (inTopic ? `${key} — ${context}?` : `${topicMd}: ${key} — ${context.split(', ').map(lowerFirst).join(', ')}?`) : `${sectionMd}: ${key}?`;
    }
    else front = zhRowFront(key, plainOfMd(header[0] ?? ''), named.map(plainOfMd), context, sectionMd, topicMd);
    specs.push({ kind: 'term', ns: 'term', key: keys[k]!, front, back: defining ? cells[0]!.trim() : back, line: line + 1 + k + 1 });
  });
  return specs.length >= 2 ? specs : null;
}
