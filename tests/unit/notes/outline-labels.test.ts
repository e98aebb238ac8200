// Labels and lists of English notes that are not terms nor answers (issue 11, notes-en5): numbered
// generic labels ("Assumption 2"), topic checklists, reading lists of courses, "as before" answers.
// Excerpts in the style of an interview-prep repository and an Obsidian AI vault.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';
import { isTopicOutline } from '../../../cards/notes/syllabus.ts';

const parse = (md: string, title?: string) => parseNotes(md, { deck: 'd', ...(title ? { title } : {}) }).cards;
const fronts = (md: string, title?: string) => parse(md, title).map((c) => `[${c.kind}] ${c.front}`);

describe('generic numbered labels', () => {
  it('never asks "what is Assumption 2?": the items stay in the answer', () => {
    const md = [
      '## Overview',
      '**Naive RAG** is the baseline architecture for retrieval-augmented generation.',
      '',
      'The approach makes several simplifying assumptions that break down in real-world scenarios:',
      '- Assumption 1: The top-$k$ similar chunks contain the answer. *Reality*: similarity is not relevance.',
      '- Assumption 2: Chunks are self-contained. *Reality*: information often spans chunks.',
      '- Option 3: Stage 2 of the pipeline is skipped.',
    ].join('\n');
    const cards = parse(md, 'Naive RAG Pipeline');
    const docs = fronts(['## Dense-Only Limitation', 'Query: "part number XR-2291"', '', '- Document A: "The XR-2291 bracket fits the 2019 model"', '- Document B: "This generic vehicle part is commonly used"', '', 'Dense retrieval may rank B above A because both are about vehicle parts.'].join('\n'), 'Hybrid Search');
    expect(docs.some((x) => /Document [AB]/.test(x))).toBe(false);
    expect(cards.some((c) => /Assumption \d|Option \d/.test(c.front))).toBe(false);
    expect(cards.some((c) => c.back.includes('Assumption 2: Chunks are self-contained'))).toBe(true);
  });
});

describe('topic checklists (syllabus.ts)', () => {
  const outline = ['- Feedforward NNs', '  - In depth knowledge of how they work', '  - [EX] activation function for classes that are not mutually exclusive', '- RNN', '  - backpropagation through time (BPTT)', '- Seq2seq models', '- Attention', '  - self-attention'].join('\n');

  it('drops a nested topic outline under a "Topics" heading', () => {
    expect(isTopicOutline(['ML Fundamentals Topics', 'Deep learning'], outline)).toBe(true);
    expect(isTopicOutline(['Deep learning'], outline)).toBe(false);
    // Explanations are content, not a checklist.
    expect(isTopicOutline(['Topics', 'Clustering'], '- k-means: assigns each point to the nearest of k centroids and moves them\n- DBSCAN\n- GMM\n- HDBSCAN')).toBe(false);
    const md = ['# 2. ML Fundamentals Topics', 'Below are the most important topics to cover:', '## 2. Deep learning', outline, '## 3. Dropout', 'Dropout zeroes each activation with probability p during training, which prevents co-adaptation of units.'].join('\n');
    const f = fronts(md, 'ml-fundamental');
    expect(f.some((x) => /Deep learning\?$/.test(x))).toBe(false);
    expect(f.some((x) => /Dropout/.test(x))).toBe(true);
  });

  it('keeps a list the heading itself asks for, and drops a study checklist', () => {
    const md = ['# Harmful content detection', '## Other topics', '* biases by human labeling', '* use temporal information (e.g. sequence of actions)', '* detect fake accounts', '* architecture improvement: linear transformers', '## Progress Checklist', '- [ ] Understand single-hop limitations', '- [ ] Grasp multi-hop decomposition patterns', '- [ ] Learn production trade-offs', '- [ ] Review implementation patterns'].join('\n');
    const f = fronts(md);
    expect(f.some((x) => /other topics/i.test(x))).toBe(true);
    expect(f.some((x) => /Checklist/i.test(x))).toBe(false);
  });
});

describe('answers that are no answers', () => {
  it('drops "Standard approaches as before." and folds a course list into the reading links', () => {
    const md = [
      '# Event recommendation system',
      '## 1. Problem Formulation',
      'Recommend events a user will register for, ranked by relevance, from their history and friends.',
      '## 2. Metrics',
      'Offline: mAP over binary relevance; online: CTR and conversion rate.',
      '## 3. Model development',
      'A pointwise learning-to-rank classifier over user, event and context features.',
      '## 7. Online Testing and Deployment',
      'Standard approaches as before.  ',
    ].join('\n');
    const f = fronts(md);
    expect(f.some((x) => /online testing/i.test(x))).toBe(false);
    const courses = ['# ML Fundamentals', 'This interview evaluates your general knowledge of ML concepts from theory and practice.', '# 1. Courses and review material:', "- [Andrew Ng's Machine Learning Course](https://www.coursera.org/learn/machine-learning)", '- [Structuring Machine Learning Projects](https://www.coursera.org/learn/machine-learning-projects)', '- [StatQuest videos](https://www.youtube.com/statquest) (for statistics review)'].join('\n');
    const cards = parse(courses);
    expect(cards.some((c) => /Courses and review material/.test(c.front) && c.kind !== 'reading')).toBe(false);
  });
});

describe('links and container headings in fronts', () => {
  it('asks a table row named by a link by its name, and a pitfall under "Production Considerations" about the note', () => {
    const md = [
      '## Production Considerations',
      '### Common Pitfalls',
      '**1. Infinite Loops**',
      'Agent keeps retrieving without converging on an answer.',
      '- *Fix*: Set max_iterations',
      '## Implementation Frameworks',
      '| Framework | Agentic RAG Support |',
      '|:---|:---|',
      '| [LangChain](https://github.com/langchain-ai/langchain) | Agents, tools, ReAct implementation |',
      '| [CrewAI](https://github.com/joaomdmoura/crewAI) | Multi-agent orchestration |',
      '## Resources',
      '### Articles',
      '- [IBM: What is Agentic RAG?](https://www.ibm.com/think/topics/agentic-rag)',
      '- [DataCamp: Agentic RAG Tutorial](https://www.datacamp.com/tutorial/agentic-rag-tutorial)',
    ].join('\n');
    const f = fronts(md, 'Agentic RAG');
    expect(f).toContain('[term] Agentic RAG: what goes wrong with infinite loops, and what to do?');
    expect(f).toContain('[term] Implementation Frameworks: LangChain — agentic RAG Support?');
    expect(f.some((x) => x.includes('](http'))).toBe(false);
    expect(f.some((x) => x.startsWith('[prompt]'))).toBe(false);
  });

  it('keeps linked questions of a question list as questions', () => {
    const md = ['# Behavioral Interviews', '## Common Questions', '* Tell me about yourself.', "* [What's your proudest project?](https://example.com/proud)", '* How do you manage projects under pressure?', '* Tell me about a time you had a conflict with a team member.'].join('\n');
    const f = fronts(md);
    expect(f.filter((x) => x.startsWith('[prompt]')).length).toBeGreaterThanOrEqual(3);
  });
});

describe('labels that name no thing', () => {
  it('does not ask a list of linked article titles as questions', () => {
    const md = ['# ML Systems at Big Companies', '- Newsfeed Ranking', '  - [How does Facebook’s advertising targeting algorithm work?](https://example.com/fb-ads)', '  - [Powered by AI: Instagram’s Explore recommender system](https://example.com/ig)'].join('\n');
    expect(fronts(md).some((x) => x.startsWith('[prompt]'))).toBe(false);
  });

  it('asks a qualifier ("Non-vision", "Exact", "Long-term") about its context, not "What is Exact?"', () => {
    const md = [
      '# Image Search System',
      '## Prediction pipeline',
      '* NN search service',
      '  * Exact: O(N.D)',
      '  * Approximate: sublinear, e.g. O(D.logN) with trees, LSH or clustering',
      '## Memory',
      'Agents maintain state across interactions:',
      '- **Short-term**: Conversation history in the current session',
      '- **Long-term**: Learned preferences, user profile',
      '## Challenges',
      '- **Non-stationarity**: the data distribution keeps changing while the policy learns',
    ].join('\n');
    const f = fronts(md);
    expect(f).toContain('[term] NN search service: exact?');
    expect(f).toContain('[term] Memory: long-term?');
    expect(f.some((x) => /what is (?:Exact|Long-term|Short-term)\?/i.test(x))).toBe(false);
    expect(f.some((x) => /non-stationarity\?$/.test(x))).toBe(false);
  });

  it('keeps a worked procedure in one piece: "Step A:" labels and worked numbers are no terms', () => {
    const steps = ['Step A: Find the Absolute Max', 'Step B: Calculate the Constant', 'Step C: Quantize (Divide and Round)'];
    const md = [
      '# QLoRA',
      '### How to squeeze 16-bit numbers into 4-bit integers? (Simplified Example)',
      'Imagine a block of weights `[0.1, 2.5, -1.5]` that we want to store in 4 bits, keeping one constant per block so we can restore them later.',
      '',
      `**${steps[0]}**`,
      'Look at the block. What is the number with the largest magnitude? It is 2.5. This number defines the range of this block and fixes the scale.',
      '',
      `**${steps[1]}**`,
      'We map the largest magnitude to the largest 4-bit integer, 7, so the constant is the max divided by seven, the same for every number of the block.',
      '$$Constant = \\frac{2.5}{7} \\approx 0.357$$',
      '',
      `**${steps[2]}**`,
      'Now we divide every number in the block by the constant and round to the nearest integer, which is what we keep in memory.',
      '1. **0.1:** $0.1 / 0.357 = 0.28 \\rightarrow 0$',
      '2. **2.5:** $2.5 / 0.357 = 7.00 \\rightarrow 7$',
      '3. **-1.5:** $-1.5 / 0.357 = -4.2 \\rightarrow -4$',
    ].join('\n');
    const f = fronts(md);
    expect(f.some((x) => /Step [ABC]/.test(x))).toBe(false);
    expect(f.some((x) => /Formula for -?\d/.test(x))).toBe(false);
    expect(parse(md).some((c) => c.back.includes('Step C: Quantize'))).toBe(true);
    expect(f).toContain('[section] How to squeeze 16-bit numbers into 4-bit integers? (Simplified Example)');
  });
});

describe('generic labels with a motto', () => {
  it('asks the terms under "Core Intuition: \\"Don\'t Change Too Much\\"" about the note', () => {
    const md = ['## Core Intuition: "Don\'t Change Too Much"', 'PPO keeps each update close to the old policy.', '', '- **Clipping**: the ratio of new to old probabilities is clipped to $[1-\\epsilon, 1+\\epsilon]$ so one step cannot move the policy far'].join('\n');
    const f = fronts(md, 'Proximal Policy Optimization (PPO)');
    expect(f).toContain('[term] Proximal Policy Optimization (PPO): what is Clipping?');
    expect(f.some((x) => x.startsWith('[term] Core Intuition'))).toBe(false);
  });
});
