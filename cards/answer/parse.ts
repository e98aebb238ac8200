// Typed answers → numbers. Cheap pre-checks reject hostile or huge input
// before any parser runs; expressions are parsed by mathjs and evaluated by
// our own allow-listed walker (expression.ts).
import { parse } from './mathParser.ts';
import { CONSTANTS, evaluateAnswer, FUNCTIONS, NotAllowed } from './expression.ts';

export type ParsedAnswer = { ok: true; value: number | number[] } | { ok: false; reason: string };

export const MAX_ANSWER_LENGTH = 200;
const MAX_NESTING = 12;
const MAX_TOKENS = 120;
const MAX_ENTRIES = 64;

const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const fail = (reason: string): ParsedAnswer => ({ ok: false, reason });

/** What the grader expects, when it knows: decides what `1,234` means. */
export type ExpectedShape = 'scalar' | 'vector';

/**
 * Thousands separators (issue 15): a first group of 1–3 digits not starting
 * with 0, then groups of exactly 3 digits, one separator throughout (comma,
 * space or underscore), optional decimals: 6,738,415,616 · 6 738 415 616 ·
 * 6_738_415_616 · -1,234.5. Spaces and underscores mean nothing else in an
 * answer, so they group digits anywhere. A comma also separates vector entries:
 * it groups digits only when the whole answer is one such number and the
 * expected answer is a single number; `1,234` is [1, 234] where a vector is
 * expected (or nothing is said), and the verdict shows what was read.
 * `0,001` and `12,34` are never one number (a decimal comma is not guessed at).
 */
const GROUPED = /^[+-]?[1-9]\d{0,2}([, _])\d{3}(?:\1\d{3})*(?:\.\d+)?$/;
const GROUPED_INSIDE = /(^|[^\w.])([1-9]\d{0,2}([ _])\d{3}(?:\3\d{3})*)(?![\w])/g;
const SEPARATORS = /[, _]/g;

/** A grouped number as a number, or null when `s` is not one (or its commas must stay vector commas). */
function groupedNumber(s: string, expect: ExpectedShape | undefined): number | null {
  const m = GROUPED.exec(s);
  if (m === null || (m[1] === ',' && expect !== 'scalar')) return null;
  return Number(s.replace(SEPARATORS, ''));
}

/** Plain numbers and vectors of plain numbers skip the expression parser: the common case must be fast. */
function fastPath(s: string, expect: ExpectedShape | undefined): ParsedAnswer | null {
  if (PLAIN.test(s)) return finiteResult(Number(s));
  const grouped = groupedNumber(s, expect);
  if (grouped !== null) return finiteResult(grouped);
  const inner = s.charCodeAt(0) === 91 && s.charCodeAt(s.length - 1) === 93 ? s.slice(1, -1) : s; // [ … ]
  if (!inner.includes(',')) return null;
  const parts = inner.split(',');
  const values: number[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const x = (parts[i] as string).trim();
    if (!PLAIN.test(x)) return null;
    values.push(Number(x));
  }
  return finiteResult(values);
}

function finiteResult(v: number | number[]): ParsedAnswer {
  if (Array.isArray(v)) {
    if (v.length === 0) return fail('empty vector');
    if (v.length > MAX_ENTRIES) return fail('too many entries');
  }
  const ok = Array.isArray(v) ? v.every(Number.isFinite) : Number.isFinite(v);
  return ok ? { ok: true, value: v } : fail('not a finite number');
}

const SUPERSCRIPT: Record<string, string> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-', '⁺': '+',
};

/**
 * Magnitude suffixes written right after a number: k/K = 10³, M = 10⁶,
 * B/G = 10⁹ (billion, giga), T = 10¹². Lower-case m, b, g, t are not
 * suffixes (milli? bits?), and `e` stays Euler's number.
 */
const SUFFIX_EXP: Readonly<Record<string, number>> = { k: 3, K: 3, M: 6, B: 9, G: 9, T: 12 };
const SUFFIXED = /(^|[^A-Za-z0-9_.])(\d+\.?\d*|\.\d+)(?:[eE]([+-]?\d+))?([kKMBGT])(?![A-Za-z0-9_])/g;

/** 7.5B → 7.5e9, 1.5e3k → 1.5e6: a number literal again, so parsing stays exact. */
function expandSuffixes(s: string): string {
  return s.replace(SUFFIXED, (_m, pre: string, mant: string, exp: string | undefined, suf: string) => `${pre}${mant}e${Number(exp ?? 0) + (SUFFIX_EXP[suf] as number)}`);
}

// A number followed by e/E without exponent digits ("1e", "2.5E", "1e 3"): a
// half-typed 1e9, not 1·e. `2e^-1`, `2exp(1)` and a lone `e` are unaffected.
const HALF_EXPONENT = /(^|[^A-Za-z0-9_.])((?:\d+\.?\d*|\.\d+)[eE])(?![+-]?\d|[A-Za-z_^])/;

function normalise(text: string): string {
  return text
    // Before NFKC, which would turn 10⁻³ into "10-3" and 3² into "32": superscripts are exponents.
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+/g, (m) => `^(${[...m].map((c) => SUPERSCRIPT[c]).join('')})`)
    .normalize('NFKC') // full-width digits, letters, ，（）［］ → ASCII
    .replace(/[−–—]/g, '-')
    .replace(/[×·∙⋅]/g, '*')
    .replace(/÷/g, '/')
    .replace(/π/g, 'pi')
    .replace(/\*\*/g, '^')
    .trim();
}

/** Scans the text once: allowed characters, known names, balanced and shallow brackets. */
function preCheck(s: string): { reason: string } | { topLevelComma: boolean } {
  let depth = 0;
  let tokens = 0;
  let topLevelComma = false;
  const re = /\s+|(\d*\.?\d+(?:[eE][+-]?\d+)?\.?)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/^%,()[\]])|(.)/gy;
  for (let m = re.exec(s); m !== null && m[0] !== ''; m = re.exec(s)) {
    const [, num, name, op, bad] = m;
    if (bad !== undefined) return { reason: `unexpected character "${bad}"` };
    if (num === undefined && name === undefined && op === undefined) continue;
    if (++tokens > MAX_TOKENS) return { reason: 'too long' };
    if (name !== undefined && !FUNCTIONS.has(name) && !CONSTANTS.has(name)) return { reason: `unknown name "${name.slice(0, 20)}"` };
    if (op === '(' || op === '[') depth += 1;
    else if (op === ')' || op === ']') depth -= 1;
    else if (op === ',' && depth === 0) topLevelComma = true;
    if (depth < 0) return { reason: 'unbalanced brackets' };
    if (depth > MAX_NESTING) return { reason: 'nested too deeply' };
  }
  return depth === 0 ? { topLevelComma } : { reason: 'unbalanced brackets' };
}

/**
 * Reads a typed answer. `expect` (from the grader) only decides whether a
 * comma-grouped number such as 6,738,415,616 is one number ('scalar') or a
 * vector of its groups (otherwise, as before).
 */
export function parseAnswer(text: string, expect?: ExpectedShape): ParsedAnswer {
  try {
    if (typeof text !== 'string') return fail('not text');
    // Reject huge input before doing any work proportional to its size.
    if (text.length > MAX_ANSWER_LENGTH * 4) return fail('too long');
    const s0 = text.trim();
    if (s0 === '') return fail('empty answer');
    const fast = fastPath(s0, expect);
    if (fast) return fast;
    let s = normalise(s0);
    if (s === '') return fail('empty answer');
    // 6 738 415 616 and 6_738_415_616 inside expressions and vectors: one number each.
    s = s.replace(GROUPED_INSIDE, (_m, pre: string, num: string) => `${pre}${num.replace(SEPARATORS, '')}`);
    const half = HALF_EXPONENT.exec(s);
    if (half) return fail(`"${half[2]}" needs an exponent (e.g. 1e9 or 1e-3); write 1*e for Euler's number`);
    s = expandSuffixes(s);
    if (s.length > MAX_ANSWER_LENGTH) return fail('too long');
    const fastAgain = fastPath(s, expect);
    if (fastAgain) return fastAgain;
    // "ln 2", "sqrt 2", "ln2": implicit function application, common when typing quickly.
    s = s.replace(/\b(sqrt|exp|ln|log2|log10|log|abs)\s+(-?(?:\d*\.?\d+(?:[eE][+-]?\d+)?|pi|e)\b)/g, '$1($2)').replace(/\b(sqrt|exp|ln)(\d+(?:\.\d+)?)\b/g, '$1($2)');
    if (/,\s*(,|\]|$)|(^|\[)\s*,/.test(s)) return fail('empty entry in the vector');
    const checked = preCheck(s);
    if ('reason' in checked) return fail(checked.reason);
    if (checked.topLevelComma) s = `[${s}]`;
    let node;
    try {
      node = parse(s);
    } catch (e) {
      return fail(`not a valid expression: ${e instanceof Error ? e.message.slice(0, 80) : 'parse error'}`);
    }
    return finiteResult(evaluateAnswer(node));
  } catch (e) {
    return fail(e instanceof NotAllowed ? e.message : 'could not read the answer');
  }
}
