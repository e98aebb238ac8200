// HTML comments `<!-- … -->` are the writer's hidden drafts (a commented-out
// list, "<!-- - Semantic Search system -->"): no Markdown viewer shows them,
// so no card may either. They are blanked before the notes are read, keeping
// every newline so line numbers still match the file. Code is left alone: a
// fenced block or a `code span` may show a comment on purpose. A comment that
// never closes is kept as written (CommonMark would hide the rest of the file;
// losing the notes to a typo is worse).

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Index just past the code span that opens at `i` (a run of backticks), or -1 when the run is not closed on `line`. */
function codeSpanEnd(line: string, i: number): number {
  let n = 0;
  while (line[i + n] === '`') n++;
  const run = '`'.repeat(n);
  let j = line.indexOf(run, i + n);
  while (j !== -1) {
    let m = 0;
    while (line[j + m] === '`') m++;
    if (m === n) return j + n;
    j = line.indexOf(run, j + m);
  }
  return -1;
}

/** `text` with every closed HTML comment outside code replaced by nothing (its newlines kept). */
export function blankComments(text: string): string {
  if (!text.includes('<!--')) return text;
  const lines = text.split('\n');
  let fence: string | null = null;
  let inComment = false;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (!inComment) {
      const f = FENCE.exec(line);
      if (fence !== null) {
        if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && line.trim() === f[1]) fence = null;
        continue;
      }
      if (f) {
        fence = f[1]!;
        continue;
      }
      if (!line.includes('<!--')) continue;
    }
    let out = '';
    let i = 0;
    while (i < line.length) {
      if (inComment) {
        const end = line.indexOf('-->', i);
        if (end === -1) {
          i = line.length;
          break;
        }
        inComment = false;
        i = end + 3;
        continue;
      }
      const c = line[i]!;
      if (c === '`') {
        const end = codeSpanEnd(line, i);
        if (end !== -1) {
          out += line.slice(i, end);
          i = end;
          continue;
        }
        let n = 0;
        while (line[i + n] === '`') n++;
        out += line.slice(i, i + n);
        i += n;
        continue;
      }
      if (c === '<' && line.startsWith('<!--', i)) {
        if (!closes(lines, k, i + 4)) {
          out += line.slice(i);
          i = line.length;
          break;
        }
        inComment = true;
        i += 4;
        continue;
      }
      out += c;
      i++;
    }
    // A line that held only a comment becomes empty, not a line of spaces.
    if (out === line) continue;
    // A line that held only a comment becomes empty, not a line of spaces; a hard break ("  ") after a comment stays.
    lines[k] = out.trim() === '' ? '' : out.replace(/[ \t]+$/, line.endsWith('  ') ? '  ' : '');
  }
  return lines.join('\n');
}

/** Whether a comment opened at `lines[k][from]` closes before a code fence or the end of the text. */
function closes(lines: readonly string[], k: number, from: number): boolean {
  if (lines[k]!.indexOf('-->', from) !== -1) return true;
  for (let j = k + 1; j < lines.length && j < k + 400; j++) {
    if (lines[j]!.includes('-->')) return true;
  }
  return false;
}
