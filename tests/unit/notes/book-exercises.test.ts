// Interview-book exercise chapters (issue 11, notes-en2): a marked item that only
// sets up its sub-questions is their context, not a card; an exercise's second
// sentence ("Draw it.") is part of the task, never its answer.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';

const cards = (md: string, title?: string) => parseNotes(md, { deck: 'd', ...(title ? { title } : {}) }).cards;

describe('book exercises: set-ups and multi-sentence tasks', () => {
  const chapter = [
    '### Calculus and convex optimization',
    '',
    '1. Convexity',
    '    1. [E] What does it mean for a function to be convex or concave? Draw it.',
    '    2. [E] Why is convexity desirable in an optimization problem?',
    '2. [M] Given a logistic discriminant classifier:',
    '    $$',
    '    p(y=1|x) = \\sigma (w^Tx)',
    '    $$',
    '    The logistic loss for a training sample $x_i$ with class label $y_i$ is given by:',
    '    $$',
    '    L(y_i, x_i;w) = -\\log p(y_i|x_i)',
    '    $$',
    '    1. Show that $p(y=-1|x) = \\sigma(-w^Tx)$.',
    '    2. Show that $\\Delta_wL(y_i, x_i; w)$ is convex.',
    '3. [H] Most ML algorithms we use nowadays use first-order derivatives (gradients) to construct the next training iteration.',
    '    1. [E] How can we use second-order derivatives for training models?',
    '    2. [M] Why don\'t we see more second-order optimization in practice?',
    '',
  ].join('\n');
  const all = cards(chapter, '5.2-calculus');

  it('keeps "Draw it." in the question instead of making it the answer', () => {
    const c = all.find((x) => x.front.includes('convex or concave'))!;
    expect(c.front).toBe('Convexity: What does it mean for a function to be convex or concave? Draw it.');
    expect(c.back).not.toContain('Draw it');
    expect(c.tags).toContain('easy');
  });

  it('asks each sub-question with its set-up, formulas included, and makes no card of the set-up', () => {
    const shows = all.filter((x) => x.front.includes('Show that'));
    expect(shows).toHaveLength(2);
    for (const s of shows) {
      expect(s.front.startsWith('Given a logistic discriminant classifier:')).toBe(true);
      expect(s.front).toContain('L(y_i, x_i;w) = -\\log p(y_i|x_i)'); // the last formula of the set-up too
      expect(s.front).not.toContain('？');
      expect(s.tags).toContain('medium'); // inherited from the set-up
    }
    expect(all.some((x) => x.kind === 'formula')).toBe(false);
    expect(all.filter((x) => x.front.trim().startsWith('Given a logistic') && !x.front.includes('Show that'))).toHaveLength(0);
  });

  it('uses a statement item as the context of its sub-questions, not as an open prompt', () => {
    expect(all.filter((x) => x.front.trim().endsWith('next training iteration.'))).toHaveLength(0);
    const q = all.find((x) => x.front.includes('second-order derivatives for training'))!;
    expect(q.front.startsWith('Most ML algorithms we use nowadays')).toBe(true);
    expect(q.tags).toContain('easy');
  });
});

describe('English prompts', () => {
  it('never end an English question with a Chinese question mark', () => {
    const md = ['## Probability', '', '1. [M] Given two fair dice, the probability of a sum of 7 is:', '    $$', '    P = \\frac{6}{36}', '    $$', ''].join('\n');
    const c = cards(md).find((x) => x.kind === 'prompt')!;
    expect(c.front).toContain('Given two fair dice');
    expect(c.front).not.toMatch(/？/);
  });

  it('an exercise whose first line ends in an HTML line break ("Given the following matrix:<br>") asks its whole text, formula included', () => {
    const md = [
      '### Matrices',
      '',
      '1. [E] What does the determinant of a matrix represent?',
      '2. [M] Given the following matrix:<br>',
      '\t$$',
      '\t\\begin{bmatrix} 1 & 4 \\\\ 3 & 5 \\end{bmatrix}',
      '\t$$',
      "\tWithout explicitly using the equation for calculating determinants, what can we say about this matrix's determinant?",
      '',
      '    **Hint**: rely on a property of this matrix to determine its determinant.',
      '',
    ].join('\n');
    const c = cards(md).find((x) => x.line === 4)!;
    expect(c.front).not.toContain('<br>');
    expect(c.front).toMatch(/^(?:Matrices — )?Given the following matrix:\n\n\$\$\n\\begin\{bmatrix\}/);
    expect(c.front).toMatch(/what can we say about this matrix's determinant\?$/);
    expect(c.back).toBe('(Open question: the notes give no answer.)\n\n**Hint**: rely on a property of this matrix to determine its determinant.');
    expect(c.tags).toEqual(['medium']);
  });
});

describe('a section paragraph above an exercise list', () => {
  const md = [
    '### Random variables',
    '',
    'A random variable maps outcomes of an experiment to numbers.',
    '',
    '1. [E] Given a fair six-sided die, what is the expected value of a single roll?',
    '2. [M] Explain why the variance of a sum of independent variables is the sum of their variances.',
    '3. [H] Two people each flip a fair coin until it lands heads. What is the probability that they flip the same number of times?',
    '4. [M] Why does it converge so slowly?',
    '5. [E] What does this imply for the expected value?',
    '',
  ].join('\n');
  const prompts = cards(md).filter((c) => c.kind === 'prompt');
  const lead = 'A random variable maps outcomes';

  it('is not glued onto questions that name their own subject (a pronoun late in the question, "Given a …", "such that", "the same")', () => {
    for (const start of ['Given a fair', 'Explain why the variance', 'Two people']) {
      const c = prompts.find((x) => x.front.includes(start))!;
      expect(c.front).not.toContain(lead);
      expect(c.front.length).toBeLessThan(start.length + 140); // the question, at most a short topic before it
    }
  });

  it('is the context of a question that points outside itself ("it" before anything is named, "this")', () => {
    for (const q of ['Why does it converge', 'What does this imply']) {
      const c = prompts.find((x) => x.front.includes(q))!;
      expect(c.front.startsWith(lead)).toBe(true);
    }
  });
});

describe('a marked topic label above its questions ("5. [H] Dynamic programming")', () => {
  const md = [
    '## Algorithms',
    '',
    '5. [H] Dynamic programming',
    '    1. [E] What is dynamic programming?',
    '    2. [M] Given a list of coin denominations, find the fewest coins that make up an amount.',
    '',
  ].join('\n');
  const prompts = cards(md).filter((c) => c.kind === 'prompt');

  it('names the label before a question that does not (one line, no set-up paragraph) and leaves out what the question already says', () => {
    expect(prompts.map((c) => c.front)).toEqual([
      'What is dynamic programming?',
      'Dynamic programming: Given a list of coin denominations, find the fewest coins that make up an amount.',
    ]);
    expect(prompts.map((c) => c.tags)).toEqual([['easy'], ['medium']]);
  });
});
