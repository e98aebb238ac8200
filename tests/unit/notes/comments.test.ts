// HTML comments are hidden drafts: no card shows them, and a section holding
// only a commented-out list gives no card (en-ml-interviews search design).
import { describe, expect, it } from 'vitest';
import { blankComments } from '../../../cards/notes/comments.ts';
import { parseNotes } from '../../../cards/notes/parse.ts';

const cards = (md: string) => parseNotes(md, { deck: 'd' }).cards;

describe('HTML comments in notes', () => {
  it('a section whose only content is a commented-out list gives no card', () => {
    const md = [
      '# Search system',
      '',
      '### 6. Model',
      'Two-tower encoders map text and video into one space.',
      '',
      '### 7. Prediction service',
      '<!-- - Visual search from text query ',
      '  - text -> preprocess -> encoder -> embedding ',
      '  - search: using approximate nearest neighbor search (ANN) -->',
      '',
    ].join('\n');
    const c = cards(md);
    expect(c.some((x) => x.section.some((s) => s.includes('Prediction')))).toBe(false);
    expect(c.some((x) => x.back.includes('Two-tower'))).toBe(true);
    for (const x of c) expect(x.back + x.front).not.toMatch(/<!--|-->|ANN/);
  });

  it('a trailing comment leaves the answer, inline comments leave the sentence', () => {
    const md = '# Search\n\n## What are search systems\nThey retrieve documents for a query.\n- Text search\n<!-- - Semantic Search system -->\n\n## Ranking\nScores <!-- draft: BM25? --> the candidates.\n';
    const c = cards(md);
    const s = c.find((x) => x.back.includes('retrieve'))!;
    expect(s.back).not.toContain('Semantic');
    expect(s.back).toContain('Text search');
    const r = c.find((x) => x.back.includes('candidates'))!;
    expect(r.back).toMatch(/^Scores\s+the candidates\.$/);
  });

  it('keeps line numbers and leaves comments in code alone', () => {
    const md = 'a\n<!-- x\ny -->\nb `<!-- kept -->` c\n```html\n<!-- in code -->\n```\n<!-- never closed\nz';
    const out = blankComments(md);
    expect(out.split('\n')).toHaveLength(md.split('\n').length);
    expect(out).toBe('a\n\n\nb `<!-- kept -->` c\n```html\n<!-- in code -->\n```\n<!-- never closed\nz');
    const c = cards('# T\n\n## Later\nline one\n<!-- gone -->\n\n## Q\nanswer text here\n');
    expect(c.find((x) => x.back.includes('answer text'))!.line).toBe(7) // the heading "## Q", as in the file;
  });
});
