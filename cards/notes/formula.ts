// Does an answer hold a formula? A formula card promises one: "Formula for
// X?" answered by a sentence, a symbol legend or a worked number ("通道数为
// $3+2\times 10=23$") is a broken card, so such answers become term or
// section cards instead. Plain-text tests on the Markdown source.

const DISPLAY = /\$\$([\s\S]{1,5000}?)\$\$|\\\[([\s\S]{1,5000}?)\\\]/g;
const INLINE = /(?<![\\$])\$([^$\n]{1,500})\$(?!\$)|\\\(([^\n]{1,500}?)\\\)/g;
const CODE = /`([^`\n]{1,300})`/g;
const RELATION = /=|\\approx|\\equiv|\\propto|\\leftarrow|\\gets|\\le(?:q|ft)?\b|\\ge(?:q)?\b|\\sim|[<>≈≤≥←]/;
/** Spacing and arithmetic commands: they make no variable. */
const NOT_VARIABLE = /\\(?:times|cdot|div|frac|dfrac|tfrac|left|right|quad|qquad|pm|mp|approx|le|ge|leq|geq|neq|ldots|cdots|dots|text\{[^}]*\}|mathrm\{[^}]*\}|,|;|!)/g;

/** Math that names at least one quantity: not only digits and operators ("3+2\times 10=23"). */
function hasVariable(tex: string): boolean {
  return /[A-Za-z\u0370-\u03ff]|\\[A-Za-z]+/.test(tex.replace(NOT_VARIABLE, ''));
}

/** "\theta=w_1,w_2,...,b_1,b_2,...", "S=\{x_1, x_2, \ldots\}": a symbol set to a list of bare symbols. */
function isListing(tex: string): boolean {
  const m = /^[^=]{1,20}=([^=]+)$/.exec(tex.trim());
  if (!m) return false;
  const parts = m[1]!.replace(/^\s*\\?\{|\\?\}\s*$/g, '').split(',').map((p) => p.trim()).filter(Boolean);
  const symbol = /^(?:\.{2,3}|\\[lc]?dots|[A-Za-z](?:_\{?[\w,]{1,6}\}?)?(?:\^\{?[\w]{1,4}\}?)?|\\[A-Za-z]+(?:_\{?\w{1,6}\}?)?)$/;
  return parts.length >= 3 && parts.every((p) => symbol.test(p));
}

/** Inline math that is a formula: a relation, or an expression (operators, `\frac`, `\sum`…) over variables. */
function inlineFormula(tex: string, inProse: boolean): boolean {
  if (!hasVariable(tex)) return false;
  // "实验中设$K=5$", "参数接近真实值：$w_1 = 1.2, w_2=-3.4$": values in a sentence, not a formula.
  if (inProse && tex.split(/,|\\quad|;/).every((p) => /^\s*[^=<>]{1,20}=\s*-?\d[\d.]*\s*(?:\\%|%)?\s*$/.test(p) || p.trim() === '')) return false;
  // "network parameters $\theta=w_1,w_2,...,b_1,b_2,...$": a listing of what a symbol stands for, not an equation.
  if (inProse && isListing(tex)) return false;
  if (RELATION.test(tex)) return true;
  return tex.trim().length >= 5 && /[+\-*/^]|\\(?:frac|sum|prod|int|sqrt|cdot|times|log|exp|max|min)/.test(tex);
}

/** `MSE = (1/n) × Σ|y - ŷ|` as ASCII or Unicode: a short left side, operators on the right, few words. */
function asciiEquation(s: string): boolean {
  const m = /^([^=]{1,40}?)\s*=\s*(.+)$/.exec(s.trim());
  if (!m) return false;
  const [, lhs, rhs] = m;
  if (lhs!.trim().split(/\s+/).length > 4) return false;
  const words = rhs!.match(/[A-Za-z]{3,}/g) ?? [];
  const ops = /[+*/×÷^Σ√∑∏·]|\s[-−]\s|\d\s*[-−]\s*\d|[A-Za-z)\]]\s*[-−]\s*[A-Za-z(]|\w\(|\)\s*[A-Za-z(]/.test(rhs!);
  return ops && words.length <= 4;
}

/** True when the Markdown answer states a formula or equation. */
export function hasFormula(md: string): boolean {
  // A table is a table card, even when its cells hold math.
  const lines = md.split('\n').filter((l) => l.trim());
  if (lines.length && lines.filter((l) => /^\s*\|.*\|\s*$/.test(l)).length >= lines.length / 2) return false;
  for (const m of md.matchAll(DISPLAY)) if (hasVariable(m[1] ?? m[2] ?? '')) return true;
  const noDisplay = md.replace(DISPLAY, ' ');
  const inProse = (noDisplay.replace(INLINE, '').match(/[A-Za-z\u4e00-\u9fff]/g) ?? []).length >= 6;
  for (const m of noDisplay.matchAll(INLINE)) if (inlineFormula(m[1] ?? m[2] ?? '', inProse)) return true;
  for (const m of noDisplay.matchAll(CODE)) if (asciiEquation(m[1]!)) return true;
  const text = noDisplay.replace(INLINE, ' x ').replace(CODE, ' ');
  return text.split(/\n|(?<=[.。;；])\s/).some((l) => asciiEquation(l.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')));
}

/** "where $x$ is …", "Where:", "其中…": the legend of the formula before it, never a formula of its own. */
export const LEGEND = /^\s*(?:\*\*|__)?(?:where|here|with|其中|式中|这里)(?![A-Za-z])/i;
