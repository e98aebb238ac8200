// Every $…$ span in prompts, solutions, hints and card backs renders with KaTeX (throwOnError).
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../../cards/problems/catalogue.ts';
import { problemCards } from '../../../cards/problems/cards.ts';
import { generate } from '../../../cards/problems/generate.ts';
import { mathSpans, SEEDS } from './helpers.ts';

function renderErrors(spans: Iterable<string>): string[] {
  const errors: string[] = [];
  for (const tex of spans) {
    try {
      katex.renderToString(tex, { throwOnError: true, strict: 'error' });
    } catch (e) {
      errors.push(`${tex}: ${(e as Error).message}`);
    }
  }
  return errors;
}

describe('KaTeX', () => {
  it.each(TEMPLATES.map((t) => [t.id]))('%s: prompts and solutions of 100 variants render with 0 errors', (id) => {
    const spans = new Set<string>();
    let count = 0;
    for (const s of SEEDS) {
      const p = generate(id, s);
      for (const md of [p.prompt.zh, p.prompt.en, p.solution.zh, p.solution.en]) {
        const found = mathSpans(md);
        count += found.length;
        found.forEach((x) => spans.add(x));
      }
    }
    expect(count).toBeGreaterThan(0);
    expect(renderErrors(spans)).toEqual([]);
  });

  it('renders mistake hints, titles and card backs', () => {
    const spans = new Set<string>();
    for (const t of TEMPLATES) {
      for (const md of [t.title.zh, t.title.en, t.formula, ...t.mistakes.flatMap((m) => [m.hint.zh, m.hint.en])]) mathSpans(md).forEach((x) => spans.add(x));
    }
    for (const c of problemCards('deck')) mathSpans(`${c.front}\n${c.back}`).forEach((x) => spans.add(x));
    expect(renderErrors(spans)).toEqual([]);
  });

  it('sees a broken span as an error (the check is live)', () => {
    expect(renderErrors(['\\frac{1}{'])).toHaveLength(1);
  });
});
