// Obsidian syntax that is not note text (issue 11): plugin queries are no card
// content; a question callout is a card its author already wrote.
import { describe, expect, it } from 'vitest';
import { blankQueryBlocks } from '../../../cards/notes/obsidianBlocks.ts';
import { parseNotes } from '../../../cards/notes/parse.ts';

const cards = (md: string, title = 'Attention') => parseNotes(md, { deck: 'd', title }).cards;

describe('question callouts', () => {
  const md = [
    'Attention lets each token weigh every other token.',
    '',
    '> [!question]- What is the complexity of self-attention?',
    '> $O(n^2 d)$ in sequence length $n$.',
    '',
    '> [!tip] Intuition',
    '> Queries are questions, keys are labels on the answers.',
    '',
  ].join('\n');
  const cs = cards(md);

  it('ask the callout title without its marker; the callout body is the whole answer', () => {
    const q = cs.find((c) => c.kind === 'prompt')!;
    expect(q.front).toBe('What is the complexity of self-attention?');
    expect(q.back).toBe('$O(n^2 d)$ in sequence length $n$.');
  });

  it('leave the next callout to the note\'s own card, where it renders as a box', () => {
    expect(cs.every((c) => !/\[!question\]/.test(c.front))).toBe(true);
    const section = cs.find((c) => c.kind === 'section')!;
    expect(section.back).toContain('> [!tip] Intuition');
  });
});

describe('plugin queries', () => {
  it('a ```dataview block is no part of any answer (line numbers stay)', () => {
    const md = ['# Transformer', '', 'An encoder-decoder built from attention.', '', '```dataview', 'LIST FROM #transformers', '```', '', '## Key ideas', '', 'Positional encodings give order.', ''].join('\n');
    const cs = cards(md, 'Transformer');
    expect(cs.map((c) => c.back).join('\n')).not.toMatch(/dataview|LIST FROM/);
    expect(cs.find((c) => c.back.includes('Positional'))!.line).toBe(9);
  });

  it('an ordinary code block stays, and an unclosed query fence blanks nothing', () => {
    const code = '# Softmax\n\n```python\ndef softmax(x): ...\n```\n';
    expect(blankQueryBlocks(code)).toBe(code);
    const open = '```dataview\nLIST\n';
    expect(blankQueryBlocks(open)).toBe(open);
    expect(blankQueryBlocks('a\n~~~dataviewjs\ndv.list()\n~~~\nb')).toBe('a\n\n\n\nb');
  });
});
