// English notes written by others (issue 11): interview-book exercises, Obsidian
// notes and system-design outlines. Each case is a small excerpt showing one pattern.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';

const cards = (md: string, title?: string) => parseNotes(md, { deck: 'd', ...(title ? { title } : {}) }).cards;
const fronts = (md: string, title?: string) => cards(md, title).map((c) => c.front);

describe('interview-book exercises', () => {
  const chapter = [
    '## Matrices',
    '',
    '1. [E] Why do we say that matrices are linear transformations?',
    '2. [M] Given the following matrix:',
    '',
    '    $$',
    '    \\begin{bmatrix}',
    '    1 & 4 \\\\',
    '    -1 & 3',
    '    \\end{bmatrix}',
    '    $$',
    '',
    "    Without explicitly using the equation for calculating determinants, what can we say about this matrix's determinant?",
    '',
    '    **Hint**: rely on a property of this matrix to determine its determinant.',
    '3. Given $A \\in R^{n \\times m}$ and $b \\in R^n$',
    '    1. [M] Find $x$ such that: $Ax = b$.',
    '    2. [E] When does this have a unique solution?',
    '',
  ].join('\n');

  it('a marked exercise whose set-up ends in a colon keeps its formula and question together, the hint in the answer', () => {
    const cs = cards(chapter, 'Linear algebra');
    const det = cs.find((c) => c.front.includes('Given the following matrix'));
    expect(det?.kind).toBe('prompt');
    expect(det?.front).toContain('\\begin{bmatrix}');
    expect(det?.front).toMatch(/what can we say about this matrix's determinant\?$/);
    expect(det?.tags).toContain('medium');
    expect(det?.back).toContain('rely on a property of this matrix');
    expect(det?.front).not.toContain('Hint');
    // No card is made of the matrix alone or of the question text left over.
    expect(cs.filter((c) => c.kind !== 'prompt')).toEqual([]);
  });

  it('a marked exercise stays a question even next to a topic item that is not one', () => {
    const fs = fronts(chapter, 'Linear algebra');
    expect(fs).toContain('Given $A \\in R^{n \\times m}$ and $b \\in R^n$: When does this have a unique solution?');
    expect(fs.some((f) => f.includes('Given the following matrix'))).toBe(true);
  });

  it('a "🌳 **Tip**:" callout is a remark, not a term', () => {
    const fs = fronts('# Vectors\n\n> 🌳 **Tip**: the questions below are ordered by difficulty.\n\nVectors are lists of numbers.\n');
    expect(fs.some((f) => /Tip/.test(f))).toBe(false);
  });
});

describe('housekeeping and tables', () => {
  it('a "Contribution" or "News" section gives no card at all, not even a term', () => {
    const md = '# ML interviews\n\nNotes for interviews.\n\n# Contribution\n\n**If you\'d like to contribute**: please make a pull request.\n\n## News\n\n- **2024-01**: added a chapter\n';
    const fs = fronts(md);
    expect(fs.some((f) => /contribut|2024/i.test(f))).toBe(false);
    expect(fs.length).toBe(1);
  });

  it('a "| Check | Description |" table asks what each row names, under its heading; the answer is the description', () => {
    const md = '## Structured Output Compliance\n\n| Check | Description |\n| --- | --- |\n| Schema Validity | Output parses against the schema |\n| Cross-field Consistency | Related fields are logically consistent |\n';
    const c = cards(md).find((x) => x.key === 'Cross-field Consistency');
    expect(c?.front).toBe('Structured Output Compliance: what is Cross-field Consistency?');
    expect(c?.back).toBe('Related fields are logically consistent');
  });

  it('a comparison table written sideways ("| Feature | Accuracy | Precision |") asks the attribute of the things compared', () => {
    const md = '## Comparisons\n\n| Feature | Accuracy | Precision |\n| :--- | :--- | :--- |\n| **Focus** | Overall correctness | Positive predictions |\n| **Weakness** | Fails on imbalanced data | Ignores false negatives |\n';
    expect(fronts(md, 'Metrics')).toContain('Accuracy vs Precision: weakness?');
  });
});
