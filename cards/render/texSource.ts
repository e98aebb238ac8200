// The TeX helpers that need no KaTeX: what the UI's first bundle may import
// while KaTeX itself loads only when a card shows math (renderer/lib/math.ts).
// tex.ts re-exports them beside the KaTeX-backed renderTex / texError.

/**
 * Notes are written for MathJax/Typora/LaTeX, which know environments and
 * commands KaTeX lacks. Each is mapped to the closest KaTeX form, so a formula
 * that renders in the author's editor renders here too:
 * - `eqnarray(*)` → `darray{rcl}` (eqnarray *is* a display-style rcl array);
 * - `multline`, `flalign`, `subequations` → `gathered` / `aligned` / body;
 * - in inline math, the display-only `align`, `gather`, `split`, `alignat`,
 *   `equation` → their inner forms (`aligned`, `gathered`, `alignedat`), and
 *   `\tag{…}` is dropped;
 * - `\label{…}` and MathJax's `\require{…}` are dropped.
 * Idempotent and cheap (regexes only run when a `\begin`/`\label` is present).
 */
export function normalizeTex(tex: string, displayMode: boolean): string {
  if (!tex.includes('\\')) return tex;
  let t = tex;
  if (t.includes('\\begin') || t.includes('\\end')) {
    t = t.replace(/\\(begin|end)\{(eqnarray|multline|flalign|subequations|align|gather|split|alignat|equation)(\*?)\}/g, (whole, be: string, env: string) => {
      const begin = be === 'begin';
      switch (env) {
        case 'eqnarray':
          return begin ? '\\begin{darray}{rcl}' : '\\end{darray}';
        case 'multline':
          return `\\${be}{gathered}`;
        case 'flalign':
          return `\\${be}{aligned}`;
        case 'subequations':
          return '';
        default:
          if (displayMode) return whole;
          if (env === 'align' || env === 'split') return `\\${be}{aligned}`;
          if (env === 'gather') return `\\${be}{gathered}`;
          if (env === 'alignat') return `\\${be}{alignedat}`;
          return ''; // equation: its body is the formula
      }
    });
  }
  if (t.includes('\\label') || t.includes('\\require')) t = t.replace(/\\(?:label|require)\{[^{}]*\}/g, '');
  if (!displayMode && t.includes('\\tag')) t = t.replace(/\\tag\*?\{[^{}]*\}/g, '');
  return t;
}

/** Commands from LaTeX packages that notes use and KaTeX lacks, as their nearest KaTeX form. */
export const TEX_MACROS: Record<string, string> = {
  '\\textsc': '\\text{#1}',
  '\\mathbbm': '\\mathbb{#1}',
  '\\hfill': '\\quad',
  '\\buildrel': '\\stackrel',
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
