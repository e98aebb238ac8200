// Splits a card's Markdown into the formulas it states, each with the label
// it sits under ("**softmax+MSE**"), the text just before it ("FLOPs：") and
// its condition ("q=1"). Adjacent inline spans such as
// `$\lfloor$$\frac{n}{s}$$\rfloor$+1` are joined into one formula.

export interface Chunk {
  tex: string; // the formula as written (merged spans)
  lhs: string; // left of the first top-level '=', '' if none
  rhs: string[]; // every later '='-separated part
  cond: string; // after \quad, e.g. 'q=1' or 'i≠y'
  label: string; // lower-case, spaces removed: 'softmax+mse', 'xavier初始化'
  lead: string; // plain text between the previous formula on the line and this one
  line: string; // the whole source line (plain-text checks look at it)
}

const bold = /\*\*([^*]+)\*\*/;
const normLabel = (s: string): string => s.replace(/\$[^$]*\$/g, '').replace(/[\s*]/g, '').toLowerCase();

/** Splits at top-level '=' (not inside {} () [], not part of ≠ \not= <= >=). */
export function splitEquals(tex: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < tex.length; i += 1) {
    const c = tex[i];
    if (c === '{' || c === '(' || c === '[') depth += 1;
    else if (c === '}' || c === ')' || c === ']') depth -= 1;
    else if (c === '=' && depth === 0 && !/(\\not|[<>!])$/.test(tex.slice(0, i))) {
      parts.push(tex.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(tex.slice(from));
  return parts.map((p) => p.trim());
}

function make(tex: string, label: string, lead: string, line: string): Chunk[] {
  // Cases / aligned environments: one chunk per row, each with its condition.
  if (/\\begin\{(aligned|cases)\}/.test(tex)) {
    const [lhs = '', ...rest] = splitEquals(tex.replace(/\\left\\lbrace|\\left\\\{|\\right\./g, ''));
    const body = rest.join('=').replace(/\\(begin|end)\{(aligned|cases)\}/g, '');
    return body.split(/\\newline|\\\\/).filter((r) => r.trim() !== '').map((row) => {
      const [e = '', c = ''] = row.split(/\\quad|\\qquad/).map((s) => s.replace(/&/g, '').trim()).filter((s) => s !== '');
      return { tex: row, lhs: lhs.trim(), rhs: [e], cond: c, label, lead, line };
    });
  }
  const [formula = '', ...condParts] = tex.split(/\\quad|\\qquad/);
  const parts = splitEquals(formula);
  const hasLhs = parts.length > 1;
  return [{ tex, lhs: hasLhs ? (parts[0] as string) : '', rhs: hasLhs ? parts.slice(1) : parts, cond: condParts.join(' ').trim(), label, lead, line }];
}

export function chunksOf(text: string, initialLabel = ''): Chunk[] {
  const out: Chunk[] = [];
  let label = normLabel(initialLabel);
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    const trimmed = line.trim();
    if (trimmed.startsWith('$$')) {
      // Display math: up to the closing $$, possibly lines later.
      let body = trimmed.slice(2);
      while (!body.includes('$$') && i + 1 < lines.length) body += `\n${lines[++i]}`;
      out.push(...make(body.slice(0, body.includes('$$') ? body.indexOf('$$') : undefined).trim(), label, '', line));
      continue;
    }
    const b = bold.exec(line);
    if (b) label = normLabel(b[1] as string);
    const seg = line.split('$');
    if (seg.length < 3 || seg.length % 2 === 0) continue; // no math, or unbalanced dollars
    let lead = seg[0] as string;
    for (let k = 1; k < seg.length; k += 2) {
      let tex = seg[k] as string;
      while (k + 2 < seg.length && seg[k + 1] === '') tex += seg[(k += 2)] as string;
      const after = seg[k + 1] as string;
      const tail = /^\s*[+-]\s*\d+(?![\d.])/.exec(after);
      if (tail) tex += tail[0];
      out.push(...make(tex.trim(), label, lead.replace(/\*/g, ''), line));
      lead = tail ? after.slice(tail[0].length) : after;
    }
  }
  return out;
}
