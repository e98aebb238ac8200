// English sub-headings that are an aspect of the topic above them, pitfall items, and outline
// answers with nothing to learn (issue 11, notes-en3). Excerpts in the style of an Obsidian AI vault
// and of system-design outline notes.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';
import { isEnglishAspect, titleLower } from '../../../cards/notes/englishAspect.ts';

const fronts = (md: string, title?: string) => parseNotes(md, { deck: 'd', ...(title ? { title } : {}) }).cards.map((c) => `[${c.kind}] ${c.front}`);

describe('English aspect headings (englishAspect.ts)', () => {
  it('tells aspects of a topic from headings that name something', () => {
    for (const h of ['Complete Metric Taxonomy', 'Query Phase', 'Static defenses', 'Standard (Discrete)', 'Core Mental Model', 'Connection to Advanced Retrieval Phase', 'When Building LLM Applications', 'Policy Definitions']) {
      expect(isEnglishAspect(h), h).toBe(true);
    }
    for (const h of ['Batch Normalization', 'Adam', 'LoRA', 'Gradient Descent', 'RL Mental Model', 'Online Learning', 'Missing Values', 'Pruning', 'GPT-4 Phase', 'Test Cases']) {
      expect(isEnglishAspect(h), h).toBe(false);
    }
  });

  it('asks an aspect heading about its topic, and its terms under both', () => {
    const md = [
      '# GraphRAG',
      'GraphRAG builds a knowledge graph of entities and summarises its communities.',
      '',
      '## Query Phase',
      'At query time GraphRAG answers from community summaries or from entity neighbourhoods, depending on the question.',
      '',
      '- **Local Search**: starts from entities named in the query and walks their neighbourhood',
      '',
      '# Entropy',
      'Entropy measures the uncertainty of a distribution.',
      '',
      '## Standard (Discrete)',
      'Sum over outcomes of minus the probability times its log; it is largest for the uniform distribution.',
    ].join('\n');
    const f = fronts(md);
    expect(f).toContain('[section] GraphRAG: what is the query phase?');
    expect(f).toContain('[term] GraphRAG, query phase: what is Local Search?');
    expect(f).toContain('[section] Entropy: what is the standard (discrete) case?');
    expect(f).not.toContain('[section] What is Query Phase?');
  });

  it('situations and relations are asked about the topic; named headings are not touched', () => {
    const md = [
      '# Prompt Injection and Safety',
      'Prompt injection smuggles instructions into the model input.',
      '',
      '## When Building LLM Applications',
      'Start from a threat model, since the risk grows with what the model can reach, and assume a breach will happen.',
      '',
      '## Connection to Advanced Retrieval Phase',
      'Retrieved documents are untrusted input too, so the same defences apply to them.',
      '',
      '## Batch Normalization',
      'Normalises activations over the batch, then scales and shifts them with learned parameters.',
    ].join('\n');
    const f = fronts(md);
    expect(f).toContain('[section] Prompt Injection and Safety: what to do when building LLM applications?');
    expect(f).toContain('[section] Prompt Injection and Safety: what is the connection to advanced retrieval phase?');
    expect(f).toContain('[section] What is Batch Normalization?');
  });

  it('lower-cases Title Case only, keeping acronyms and names', () => {
    expect(titleLower('Over-Granular Communities')).toBe('over-granular communities');
    expect(titleLower('Over-interpreting t-SNE')).toBe('over-interpreting t-SNE');
    expect(titleLower('Using Adam without warmup')).toBe('using Adam without warmup');
    expect(titleLower('**Query Drift**')).toBe('query drift');
  });
});

describe('pitfall items are mistakes, not definitions', () => {
  it('asks what goes wrong, for list items and for sub-headings under "Common Pitfalls"', () => {
    const md = [
      '# Support Vector Machines',
      'A maximum-margin linear classifier, made non-linear with kernels.',
      '',
      '## Common Pitfalls',
      '- **Ignoring class imbalance**: use class weights for imbalanced datasets, or the margin favours the majority class.',
      '- **Fix**: scale the features first.',
      '',
      '# Embeddings',
      'Dense vectors whose distances reflect meaning.',
      '',
      '## Common Pitfalls',
      '### 1. Overfitting to Benchmarks',
      'Choosing a model purely on leaderboard scores; benchmark performance does not always transfer to your domain. Evaluate on your own data.',
    ].join('\n');
    const f = fronts(md);
    expect(f).toContain('[term] Support Vector Machines: what goes wrong with ignoring class imbalance, and what to do?');
    expect(f).toContain('[section] Embeddings: what goes wrong with overfitting to benchmarks, and what to do?');
    expect(f.some((x) => /what goes wrong with fix/.test(x))).toBe(false); // a generic label keeps its own question
    expect(f.some((x) => /What is Ignoring class imbalance\?/i.test(x))).toBe(false);
  });
});

describe('outline answers with nothing to learn (outline.ts)', () => {
  it('drops a lead-in that only announces what the card does not hold', () => {
    const md = [
      '# Image Search System',
      'Retrieve images similar to a query image.',
      '',
      '## Features',
      '- User profile: user id, age, gender, location, language, timezone',
      '- User-image interactions: impressions, clicks:',
      '',
      '## Text encoders',
      'Text -> Vector (Embeddings)  ',
      'Two approaches:',
      '',
      '### Statistical',
      'TF-IDF weighs a word by how often it occurs in a document and how rare it is in the collection.',
    ].join('\n');
    const f = fronts(md);
    expect(f.some((x) => /User-image interactions/i.test(x))).toBe(false);
    expect(f.some((x) => /User profile/i.test(x))).toBe(true);
    expect(f.some((x) => /What are Text encoders\?/.test(x))).toBe(false);
    expect(f.some((x) => /Statistical/.test(x))).toBe(true);
  });

  it('drops a list that only repeats the heading, and a table of anchor links', () => {
    const md = [
      '# News Feed System',
      'Rank the posts of a feed by predicted engagement.',
      '',
      '## 9. Scaling, Monitoring, and Updates',
      '* Scaling (SW and ML systems)',
      '* Monitoring',
      '* Updates',
      '',
      '## Serving',
      '* Batch scoring nightly for inactive users',
      '* Online scoring with a two-stage ranker for active users',
    ].join('\n');
    const f = fronts(md);
    expect(f.some((x) => /scaling, monitoring/i.test(x))).toBe(false);
    expect(f.some((x) => /serving/i.test(x))).toBe(true);
    const toc = ['# Machine Learning System Design', '||', '| --- |', '| 1. [The Formula](#1-the-formula) |', '| 2. [Sample Questions](#2-sample-questions) |', '', '## 1. The Formula', 'Clarify requirements, frame the ML task, then design data, features, model and serving.'].join('\n');
    expect(fronts(toc).some((x) => /the formula/i.test(x))).toBe(true);
    expect(fronts(toc).some((x) => /What is Machine Learning System Design\?/.test(x))).toBe(false);
  });

  it('a "See [[X]]." glossary entry under a tag line is a pointer, not a definition', () => {
    const cards = parseNotes('#image\n\nSee [[pooling|pooling]].\n', { deck: 'd', title: 'spatial pooling' }).cards;
    expect(cards.map((c) => c.kind)).toEqual(['reading']);
    expect(cards[0]!.back).not.toMatch(/#image/);
  });

  it('a "**When to Use:**" label in a long section is asked about the section', () => {
    const md = ['# Regression Metrics', '## Huber Loss', '**Formula:** ', '```', 'L = 0.5 (y - p)^2 for |y - p| <= d', '```', '', '**Description:** Quadratic for small errors, linear for large ones.', '', '**Key Properties:**', '- Less sensitive to outliers than MSE', '- Differentiable everywhere', '', '**When to Use:** When you want MSE-like behaviour for small errors but robustness to outliers.'].join('\n');
    const f = fronts(md);
    expect(f.filter((x) => x.endsWith('] Huber Loss: when to use?'))).toHaveLength(1); // one card, not a term and a part with one question
    expect(f.filter((x) => x.endsWith('] Huber Loss: description?'))).toHaveLength(1);
    expect(f).not.toContain('[section] When to Use?');
  });
});

describe('soft-wrapped paragraphs (glossary style)', () => {
  it('the tail of a wrapped paragraph ending in "?" is no question; a question line of its own still is', () => {
    const wrapped = parseNotes('In recommendation systems, a mechanism for finding two matrices.\n\nThe movie recommendation system aims to predict user ratings for\nunrated movies. For example, will User 1 like <em>Black Panther</em>?\n\nOne approach is to use matrix factorization.\n', { deck: 'd', title: 'matrix factorization' }).cards;
    expect(wrapped.map((c) => c.kind)).toEqual(['section']);
    expect(wrapped[0]!.back).toContain('will User 1 like');
    expect(fronts('# Dropout\nRandomly zeroes activations.\n\nWhy does dropout help?\nIt averages many thinned networks.\n')).toContain('[prompt] Why does dropout help?');
    // Obsidian style: a bold title line, then the question on its own line.
    expect(fronts('# LoRA\nLow-rank adapters.\n\n## More Details\n**The Role of Alpha**\nIf $r$ cancels out the math changes, what is $\\alpha$ for?\nThink of $\\alpha$ as a volume knob for the adapter.\n').some((x) => x.startsWith('[prompt] If $r$ cancels out'))).toBe(true);
  });
});

describe('interview-book exercises', () => {
  it('a set-up item ending in ":<br>" takes its matrix and final question into the front', () => {
    const md = '# Matrices\n\n1. [E] What does the determinant of a matrix represent?\n2. [M] Given the following matrix:<br>\n\t$$\n\t\\begin{bmatrix} 1 & 4 \\\\ 2 & 8 \\end{bmatrix}\n\t$$\n\tWithout computing it, what can we say about this matrix\'s determinant?\n\n\t**Hint**: rely on a property of this matrix.\n';
    const cards = parseNotes(md, { deck: 'd' }).cards.filter((c) => c.kind === 'prompt');
    const set = cards.find((c) => /Given the following matrix/.test(c.front))!;
    expect(set.front).not.toMatch(/<br>/);
    expect(set.front).toMatch(/bmatrix[\s\S]*what can we say about this matrix's determinant\?$/);
    expect(set.back).toMatch(/\*\*Hint\*\*: rely on a property/);
    expect(set.tags).toEqual(['medium']);
  });
});

describe('memos in outline notes', () => {
  it('"gradient?" or "Available?" in an outline is a note to self, not a prompt; real questions stay', () => {
    const md = '# ML Fundamentals\n\n- LSTM\n  - vanishing/exploding gradient problem\n  - gradient?\n- Dropout\n  - how to apply dropout to LSTM?\n- Data: sources and availability\n  - Available?\n- ML formulation:\n  - ML Objective: retrieve images similar to the query image\n';
    const f = fronts(md);
    expect(f.some((x) => /gradient\?$|Available\?$/.test(x))).toBe(false);
    expect(f.some((x) => /how to apply dropout to LSTM\?/.test(x))).toBe(true);
    expect(f.some((x) => /ML Objective/.test(x))).toBe(true);
  });
});

describe('a metric described by a question', () => {
  it('"- Measure: On average, how early is the first relevant result?" explains the metric; it is no open prompt', () => {
    const f = fronts('# Re-ranking\nReorders retrieved documents.\n\n## Key Metrics\n#### MRR@K (Mean Reciprocal Rank):\n- Measure: On average, how early is the first relevant result?\n- Formula: `MRR = 1/rank_of_first_relevant`\n- Best for: Single-answer scenarios (FAQ, entity lookup)\n');
    expect(f.some((x) => x.startsWith('[prompt]'))).toBe(false);
    const card = parseNotes('# Re-ranking\nReorders retrieved documents.\n\n## Key Metrics\n#### MRR@K (Mean Reciprocal Rank):\n- Measure: On average, how early is the first relevant result?\n- Best for: Single-answer scenarios (FAQ, entity lookup)\n', { deck: 'd' }).cards.find((c) => /MRR@K/.test(c.front) && c.kind === 'section')!;
    expect(card.back).toMatch(/how early is the first relevant result/);
  });
});

describe('outline parts that only name themselves', () => {
  it('a part of a long split section whose list repeats its label ("Feature selection" › "Feature importance") is no card', () => {
    const long = (s: string) => `${s} ${'explained in a sentence long enough to make this outline section exceed the split limit of the notes parser. '.repeat(3)}`;
    const md = ['# ML Fundamentals', '', '## Supervised learning', '- Loss functions', `  - ${long('Logistic loss')}`, `  - ${long('Hinge loss')}`, '- Feature selection', '  - Feature importance', '- Regularization', `  - ${long('L1 gives sparse weights')}`, `  - ${long('L2 shrinks weights')}`].join('\n');
    const f = fronts(md);
    expect(f.some((x) => /: loss functions\?|: Loss functions\?/.test(x))).toBe(true);
    expect(f.some((x) => /Feature selection\?/i.test(x))).toBe(false);
  });
});

describe('one-word glossary entries', () => {
  it('"state" is a term to define, not the imperative "State …."', () => {
    const cards = parseNotes('#rl\n\nIn reinforcement learning, the parameter values that describe the current\nconfiguration of the environment.\n', { deck: 'd', title: 'state' }).cards;
    expect(cards.map((c) => c.front)).toEqual(['What is state?']);
    expect(fronts('# Design the ranking stage\nTwo towers, then a cross-attention re-ranker.\n')).toEqual(['[section] Design the ranking stage.']);
  });
});

describe('HTML legends', () => {
  it('"where:" then an HTML list of symbols joins the formula card (glossary exported from HTML)', () => {
    const md = 'The average L1 loss per example.\n\n$$\\text{MAE} = \\frac{1}{n}\\sum_{i=1}^n | y_i - \\hat{y}_i |$$\n\nwhere:\n\n<ul>\n  <li>$n$ is the number of examples.</li>\n  <li>$y$ is the actual value of the label.</li>\n</ul>\n\nContrast it with the mean squared error.\n';
    const f = parseNotes(md, { deck: 'd', title: 'Mean Absolute Error (MAE)' }).cards.find((c) => c.kind === 'formula')!;
    expect(f.front).toBe('Formula for Mean Absolute Error (MAE)?');
    expect(f.back).toMatch(/where:\s*\n\s*\n<ul>[\s\S]*is the number of examples[\s\S]*<\/ul>\s*$/);
  });
});

describe('memos are plain words', () => {
  it('"RF/GBDT/XGB/lightGBM ?" under a parent item stays a question with its parent', () => {
    const f = fronts('# 树模型\n\n- TreeEmbedding\n  - RF/GBDT/XGB/lightGBM ?\n');
    expect(f).toContain('[prompt] TreeEmbedding：RF/GBDT/XGB/lightGBM ?');
  });
});

describe('trouble lists, example lists and position headings (notes-en4)', () => {
  it('asks items under "Where X Struggles" / "The Problem X Solves" as trouble, not definitions', () => {
    const md = [
      '# RAG',
      'Retrieval-augmented generation grounds answers in retrieved documents.',
      '',
      '## Where RAG Struggles',
      '- **Creative Tasks**: Requires creativity beyond retrieval + generation (e.g. writing novels).',
      '- **Conversational Memory**: Maintaining state across turns (use conversation history separately).',
      '',
      '# PPO',
      'A policy-gradient method with a clipped objective.',
      '',
      '## The Problem PPO Solves',
      'The problem: **how big should the step be?**',
      '',
      '- **Too small steps** → Slow learning, wasted samples',
      '- **Too large steps** → Policy collapses (performance tanks and may never recover)',
    ].join('\n');
    const f = fronts(md);
    expect(f).toContain('[term] Why does RAG struggle with creative tasks?');
    expect(f).toContain('[term] Why does RAG struggle with conversational memory?');
    expect(f).toContain('[term] The Problem PPO Solves: what goes wrong with too large steps?');
    expect(f.some((x) => /what (?:is|are) (?:Conversational Memory|Too large steps)/i.test(x))).toBe(false);
    const steps = fronts(['# Multi-hop Reasoning', 'Answers complex questions over several retrievals.', '', '## The Problem It Solves', 'A sequence of retrieval and reasoning pairs:', '1. **First Hop**: Retrieve documents relevant to the original question', '2. **Second Hop**: Retrieve documents based on intermediate reasoning'].join('\n'));
    expect(steps.some((x) => /what goes wrong with first hop/i.test(x))).toBe(false); // numbered steps are not trouble
  });

  it('keeps items whose body is only quoted examples in the list card instead of defining their labels', () => {
    const md = [
      '# Hybrid Search',
      'Combines lexical and semantic retrieval.',
      '',
      '## Sparse Retrieval (Lexical)',
      'BM25 over an inverted index.',
      '',
      '**Examples of what it excels at**:',
      '- Acronyms: "XML", "API", "RAG"',
      '- Paraphrases: "fix a flat" ↔ "tire repair"',
      '- Named entities: "Microsoft", "COVID-19"',
      '- Tokenizer: splits text into "terms" before indexing.',
      '',
      '## Self-Reflection',
      'The agent evaluates its own process:',
      '',
      '- **Relevance Check**: "Is this retrieved document actually relevant?"',
    ].join('\n');
    const cards = parseNotes(md, { deck: 'd' }).cards;
    const f = cards.map((c) => c.front);
    expect(f.some((x) => /Acronyms|Paraphrases|Named entities/.test(x))).toBe(false);
    expect(cards.some((c) => c.back.includes('"fix a flat" ↔ "tire repair"') && c.back.includes('"XML", "API", "RAG"'))).toBe(true);
    expect(f.some((x) => /Tokenizer/.test(x))).toBe(true); // a definition that quotes a word is still a definition
    expect(f.some((x) => /Relevance Check/.test(x))).toBe(true); // one quoted question describes its label
  });

  it('asks a position or recap heading under its topic', () => {
    expect(isEnglishAspect('Layer 1: Input Preprocessing')).toBe(true);
    expect(isEnglishAspect('Policy Gradient Recap')).toBe(true);
    expect(isEnglishAspect('Layer Normalization')).toBe(false);
    const md = [
      '# Prompt Injection',
      'Untrusted text that overrides the instructions of an LLM application.',
      '',
      '## Layer 1: Input Preprocessing',
      'Clean and isolate untrusted input before it reaches the model, so injected instructions are marked as data.',
      '',
      '# PPO',
      'A policy-gradient method with a clipped objective.',
      '',
      '## Policy Gradient Recap',
      'The standard policy gradient objective has high variance and no mechanism to prevent large policy changes.',
    ].join('\n');
    const f = fronts(md);
    expect(f).toContain('[section] Prompt Injection, layer 1: input preprocessing?');
    expect(f).toContain('[section] PPO: policy gradient recap?');
  });

  it('keeps the shared noun of a "Batch vs Online prediction" parent: one side alone is asked under it', () => {
    const md = ['# Prediction Service', 'How predictions reach users.', '', '- Batch vs Online prediction', '  - Batch: periodic, pre-computed and stored, retrieved as needed - high throughput', '  - Online: predict as request arrives - low latency'].join('\n');
    const f = fronts(md);
    // (notes-en5: "Online" is a qualifier, asked as one: "…: online?", attrgroups.ts.)
    expect(f).toContain('[term] Batch vs Online prediction: online?');
    expect(f).not.toContain('[term] What is Online?');
  });
});
