// List items whose labels are attributes (Latency, Fix, Use when, Problem…), not terms (issue 11,
// notes-en5): the card asks about the thing they describe. Excerpts in the style of an Obsidian AI vault.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';
import { isAttributeLabel } from '../../../cards/notes/attrgroups.ts';

const parse = (md: string, title?: string) => parseNotes(md, { deck: 'd', ...(title ? { title } : {}) }).cards;
const fronts = (md: string, title?: string) => parse(md, title).map((c) => `[${c.kind}] ${c.front}`);

describe('attribute labels (attrgroups.ts)', () => {
  it('tells attribute labels from terms', () => {
    for (const l of ['Latency', 'Accuracy', 'Use when', 'Best for', 'Fix', '*Fix*', 'Problem', 'Benefit', 'Pros', 'Cons', 'Cost (USD)', 'Example', 'Target']) expect(isAttributeLabel(l), l).toBe(true);
    for (const l of ['No Re-ranking', 'Cross-encoder', 'Learning rate', 'BM25', 'Infinite Loops', 'HNSW']) expect(isAttributeLabel(l), l).toBe(false);
  });

  it('asks a bold label over a list of attributes as one card, never "What is Accuracy?"', () => {
    const md = [
      '# Re-ranking',
      '### Latency vs Accuracy',
      '',
      '**No Re-ranking** (Fastest):',
      '- Latency: ~50ms (just retrieval)',
      '- Accuracy: Lower (uses fast approximate ranking)',
      '- Use when: Latency is critical (< 100ms)',
      '',
      '**Slow Re-ranking** (Large BERT, LLM):',
      '- Latency: ~1-5 seconds',
      '- Accuracy: Highest',
      '- Use when: Accuracy matters more than latency (offline, batch)',
    ].join('\n');
    const cards = parse(md);
    const f = cards.map((c) => c.front);
    expect(f).toContain('Latency vs Accuracy: No Re-ranking (Fastest) — latency, accuracy, use when?');
    expect(f).toContain('Latency vs Accuracy: Slow Re-ranking (Large BERT, LLM) — latency, accuracy, use when?');
    expect(f.filter((x) => /Accuracy\?$|: latency\?$|use when\?$/i.test(x) && !x.includes('—'))).toEqual([]);
    const slow = cards.find((c) => c.front.includes('Slow Re-ranking'))!;
    expect(slow.back).toContain('- Latency: ~1-5 seconds');
    expect(slow.back).toContain('- Use when: Accuracy matters more than latency');
  });

  it('keeps a pitfall, its description and its fix together', () => {
    const md = [
      '# Agentic RAG',
      '### Common Pitfalls',
      '**1. Infinite Loops**',
      'Agent keeps retrieving without converging on an answer.',
      '- *Fix*: Set max_iterations, implement confidence thresholds',
      '',
      '**2. Over-Retrieval**',
      "Agent retrieves for simple questions that don't need it.",
      '- *Fix*: Train/prompt for "no retrieval" decisions',
    ].join('\n');
    const cards = parse(md);
    const loop = cards.find((c) => /infinite loops/i.test(c.front))!;
    expect(loop.front).toBe('Agentic RAG: what goes wrong with infinite loops, and what to do?');
    expect(loop.back).toContain('Agent keeps retrieving');
    expect(loop.back).toContain('Set max_iterations');
    expect(cards.map((c) => c.front).filter((x) => /fix\?$/i.test(x))).toEqual([]);
  });

  it('keeps nested "Problem:" / "Benefit:" lines with their parent, not as cards of their own', () => {
    const md = [
      '# Query Transformations',
      '### Connection to Advanced Retrieval Phase',
      'Query transformations are part of improving signal-to-noise ratio:',
      '',
      '- **Before**: Raw user query → Embedding → Retrieval',
      "  - Problem: Question syntax doesn't match document syntax",
      '  - Problem: Ambiguity and incomplete context',
      '',
      '- **After**: Raw user query → **Transform** → Embedding → Retrieval',
      '  - Benefit: Better matching with document corpus',
    ].join('\n');
    const cards = parse(md);
    expect(cards.map((c) => c.front).filter((x) => /problem\?|benefit\?/i.test(x))).toEqual([]);
    const section = cards.find((c) => c.kind === 'section')!;
    expect(section.back).toContain('  - Problem: Ambiguity and incomplete context');
  });

  it('puts the sub-items of a defined item into its answer, and asks the label, not the whole line', () => {
    const md = [
      '# DPO',
      '#### Practical Considerations',
      '',
      '**Hyperparameters:**',
      '- **$\\beta$ (temperature)**: Controls KL constraint strength. Typical values: 0.1–0.5.',
      '  - Higher $\\beta$: Stronger penalty for deviating from reference (more conservative).',
      '  - Lower $\\beta$: More aggressive optimization toward preferences (risk of overfitting).',
      '- **Learning rate**: Usually lower than SFT (1e-6 to 1e-5) to avoid catastrophic forgetting.',
      '',
      '### Module A: Attention',
      'Four projection layers.',
      '- **`o_proj` (Output):** "Mix it all together."',
      '    - After grabbing information from all relevant words, this layer blends it back into the token.',
      '- **`q_proj` (Query):** "What am I looking for?"',
      '    - The token broadcasts a search query.',
    ].join('\n');
    const cards = parse(md);
    const beta = cards.find((c) => c.key.includes('beta'))!;
    expect(beta.front).toBe('DPO: what is $\\beta$ (temperature)?');
    expect(beta.back).toContain('Lower $\\beta$: More aggressive');
    expect(cards.some((c) => /Higher/.test(c.front))).toBe(false);
    const o = cards.find((c) => c.key.includes('o_proj'))!;
    expect(o.back).toContain('blends it back into the token');
    // No front is a whole line of the notes with "?" glued on.
    expect(cards.some((c) => c.front.includes('Controls KL'))).toBe(false);
  });

  it('asks a named item with attribute sub-items under a question heading after its own question', () => {
    const md = [
      '# LoRA',
      '### How to choose the Rank?',
      'The Rank determines the capacity of your fine-tuning.',
      '- **Low Rank ($r = 8$ or $16$):**',
      '    - **Use Case:** Style transfer, formatting.',
      '    - **Why:** the intrinsic dimension of the change is low.',
      '    - **Benefit:** Fastest training, lowest VRAM usage.',
      '- **High Rank ($r = 64$):**',
      '    - **Use Case:** Complex reasoning, new knowledge.',
      '    - **Note:** There are diminishing returns.',
    ].join('\n');
    const f = fronts(md);
    expect(f).toContain('[term] Low Rank ($r = 8$ or $16$) — use case, why, benefit? (How to choose the Rank)');
    expect(f).toContain('[term] High Rank ($r = 64$) — use case? (How to choose the Rank)');
    expect(f.some((x) => /\(use case\)$|\(why\)$/.test(x))).toBe(false);
  });

  it('asks the rows of an "Aspect | Details" table as attributes of the topic', () => {
    const md = ['# Hybrid Search', '### 1. Sparse Retrieval (Lexical)', '', '| Aspect | Details |', '|---|---|', '| Speed | Very fast (simple index lookup) |', '| Index Size | Small |', '| Memory | Low (no neural models needed) |'].join('\n');
    const f = fronts(md);
    expect(f).toContain('[term] Sparse Retrieval (Lexical): speed?');
    expect(f).toContain('[term] Sparse Retrieval (Lexical): index size?');
    expect(f.some((x) => /what is (?:Speed|Memory)/.test(x))).toBe(false);
  });

  it('asks the situations under "When to use" / "X is sufficient for" as one list, not "what is Prototyping?"', () => {
    const md = [
      '# Naive RAG',
      '### Naive RAG is sufficient for',
      '- **Prototyping**: Quick POC to validate feasibility',
      '- **Well-structured data**: Clean documents with clear topic boundaries',
      '### When NOT to Use Naive RAG',
      '- **Multi-hop reasoning**: Questions requiring synthesis across multiple documents',
      '- **High-precision domains**: Legal, medical, financial where errors are costly',
      '### Chunking',
      '- **Fixed-size chunking**: splits text every N tokens with overlap',
    ].join('\n');
    const cards = parse(md);
    expect(cards.some((c) => /Prototyping\?|Well-structured data\?|Multi-hop reasoning\?/.test(c.front))).toBe(false);
    const when = cards.find((c) => c.kind === 'section' && /NOT/.test(c.front))!;
    expect(when.back).toContain('**High-precision domains**: Legal');
    expect(cards.some((c) => c.kind === 'term' && /Fixed-size chunking/.test(c.front))).toBe(true);
  });
});
