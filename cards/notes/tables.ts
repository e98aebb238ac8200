// A table whose first column names things (metrics, models, activations)
// is a set of facts: one card per row, keyed by the row's name, the column
// headers as the question's context. Other tables stay in the section answer.
import { createParser } from '../render/markdown.ts';
import { plainText } from './blocks.ts';
import type { Lang } from './lang.ts';
import type { Spec } from './extract.ts';

const inline = createParser('any');
const plainOfMd = (md: string) => plainText(inline.parseInline(md, {})[0]?.children ?? []).trim();

/** Cards for the table's rows, or null when its first column does not name things. */
export function tableRowCards(rows: readonly string[][], line: number, lang: Lang, sectionMd: string): Spec[] | null {
  const [header, ...body] = rows;
  if (!header || header.length < 2 || body.length < 2) return null;
  const keys = body.map((r) => plainOfMd(r[0] ?? ''));
  const ok = keys.every((k) => k.length > 0 && k.length <= 60 && /[\p{L}]/u.test(k.replace(/\$[^$]*\$/g, '')) && !/^[\d\s.,%+-]+$/.test(k));
  if (!ok || new Set(keys.map((k) => k.toLowerCase())).size !== keys.length) return null;
  // "#", "No.", "序号": an index column, not names.
  if (/^(?:#|no\.?|index|id|序号|编号)$/i.test(plainOfMd(header[0] ?? ''))) return null;
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
    const key = r[0]!.trim();
    const context = named.length ? named.map(plainOfMd).join(lang === 'en' ? ', ' : '、') : '';
    let front: string;
    if (lang === 'en') front = context ? `${key} — ${context}?` : `${sectionMd}: ${key}?`;
    else front = context ? `${key}的${context}是什么？` : `${sectionMd}：${key}？`;
    specs.push({ kind: 'term', ns: 'term', key: keys[k]!, front, back, line: line + 1 + k + 1 });
  });
  return specs.length >= 2 ? specs : null;
}
