// A Chinese list of kinds announced by the sentence above it ("RNN 的历史比
// CNN 要悠久的多，常见的类型包括：" / "RNN有不同的变形：" / "model又分为很多种："):
// its items ("多对一：给定文本序列…") are kinds of something, and "多对一是什么？"
// alone does not say of what. The announcing clause is the context the front
// needs: "RNN常见的类型包括：多对一是什么？". Pure.

/** The clause names a set of kinds: it ends in a kind noun, or in "分为/包括…几种". */
const KINDS = /(?:类型|种类|类别|变形|变种|变体|形式|分类|方式|方法|模型)(?:包括|包含|主要有|有|如下|主要包括)?$|(?:分为|包括|有)(?:很多种|几种|多种|以下几种|[两二三四五六七八九十]种|如下几种)$/;
/** Talk before the clause's subject: "这里再列举一些与PCA有关的方法" → "与PCA有关的方法". */
const SIGNPOST = /^(?:这里|下面|以下)?(?:再|还)?(?:列举|介绍|给出|列出)(?:一些|几种|几个)?/;
/** The clause has no subject of its own ("常见的类型包括"): it is the section's. */
const NO_SUBJECT = /^(?:常见|主要|常用|不同|其|它的?|这些|一般)/;

/**
 * The context for the terms of a list under `lead` (the paragraph right above
 * it, plain text), or undefined when the lead announces no set of kinds.
 * `subject` (the section's heading) opens a clause that has none.
 */
export function kindsLead(lead: string, subject: string | undefined): string | undefined {
  const text = lead.trim();
  if (!/[：:]$/.test(text)) return undefined;
  const clause = (text.replace(/[：:]$/, '').split(/[，,。；;！!？?]/).pop() ?? '').trim().replace(SIGNPOST, '').trim();
  if (!clause || clause.length > 30 || !KINDS.test(clause) || !/[\u4e00-\u9fff]/.test(clause)) return undefined;
  if (NO_SUBJECT.test(clause)) return subject && !clause.includes(subject) ? `${subject}${clause}` : undefined;
  return clause;
}
