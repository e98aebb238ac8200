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

describe('lists under a generic lead-in label', () => {
  const md = [
    '### 5. Query Routing',
    '',
    'Use a classifier to route queries to different retrieval strategies based on query type.',
    '',
    '**Why It Works**:',
    '- Different query types benefit from different retrieval approaches',
    '- Classification is fast',
    '',
    '**Strengths**:',
    '- Efficient: only uses expensive techniques when needed',
    '- Scalable: doesn\'t degrade with more query types',
    '',
    '**Limitations**:',
    '- Requires training a classifier',
    '',
  ].join('\n');

  it('"**Strengths**:" items ("Efficient: …") are one card about the strengths, not a term card each', () => {
    const cs = cards(md, 'Query Transformations');
    expect(cs.map((c) => c.front)).toEqual(['What is Query Routing?', 'Query Routing: why does it work?', 'Query Routing: what are the strengths?', 'Query Routing: what are the limitations?']);
    expect(cs[2]!.back).toContain('Efficient: only uses expensive techniques when needed');
    expect(cs[2]!.back).toContain('Scalable');
  });
});

describe('headings that name nothing or are clauses', () => {
  it('"Mathematical Foundation › Core Equations" asks about the note, not "Core Equations"', () => {
    const md = '## Mathematical Foundation\n\n### Core Equations\n\n$$P = \\frac{TP}{TP + FP}$$\n';
    expect(fronts(md, 'Precision and Recall')).toEqual(['Formula for Precision and Recall?']);
  });

  it('"The Visual Intuition:" is asked about its topic', () => {
    expect(fronts('## Attention\n\n### The Visual Intuition:\n\nEach token looks at every other token and weighs them.\n')).toEqual(['Attention: the visual intuition?']);
  });

  it('a clause heading is not asked "What is …?"', () => {
    const fs = fronts('## Naive RAG is sufficient for\n\n- Simple factual lookups over a small corpus.\n', 'RAG');
    expect(fs).toEqual(['Naive RAG is sufficient for …?']);
  });

  it('a step heading is asked how, and its labels name the step and its topic', () => {
    const md = '## RLHF\n\n### Stage 2: Train a Reward Model\n\nHumans rank pairs of answers and a model learns to score them.\n\n- **Architecture**: the LLM with a scalar head.\n';
    const fs = fronts(md);
    expect(fs).toContain('How do you train a reward model?');
    expect(fs).toContain('RLHF, train a reward model: architecture?');
  });

  it('"Define relevance" is a step, not a term to define', () => {
    expect(fronts('## Video recommendation\n\n- **Define relevance**: a like, or watching half of it.\n')).toEqual(['Video recommendation: how do you define relevance?']);
  });
});

describe('system-design outlines', () => {
  const md = [
    '# Design a video recommendation system',
    '',
    '## 1. Problem Formulation',
    '',
    '### Clarifying questions',
    '- Use case? Homepage?',
    '- Business objective?',
    '- Data access',
    '  - Do we log and have access to any data?',
    '',
    '### ML objective',
    '',
    '- ML Objective: predict the relevance score between a user and a video',
    '',
    '### Use case(s) and business goal',
    '',
    '- use case: recommend videos on the homepage',
    '',
  ].join('\n');

  it('clarifying questions are one card about the system, the list as its answer', () => {
    const cs = cards(md, 'mlsd-video-recom');
    const cq = cs.filter((c) => /clarifying/i.test(c.front) || /Business objective|Do we log/.test(c.front));
    expect(cq.map((c) => c.front)).toEqual(['Video recommendation system: what clarifying questions would you ask?']);
    expect(cq[0]!.back).toContain('Do we log and have access to any data?');
  });

  it('template headings ("ML objective", "Use case(s) and business goal") put the system in the front', () => {
    const fs = fronts(md, 'mlsd-video-recom');
    expect(fs).toContain('Video recommendation system: ML Objective?');
    expect(fs).toContain('Video recommendation system: use case?');
  });
});

describe('definitions and short label lists', () => {
  it('a definition ending in a colon keeps the list that finishes it', () => {
    const md = '## ROC\n\n**AUC (Area Under the ROC Curve)** is a single number (0 to 1) summarizing model quality:\n\n- **AUC = 1.0**: Perfect classifier\n- **AUC = 0.5**: Random guessing\n- **AUC < 0.5**: Worse than random\n';
    const cs = cards(md, 'Classification metrics');
    expect(cs.map((c) => c.front)).toEqual(['What is AUC (Area Under the ROC Curve)?']);
    expect(cs[0]!.back).toContain('**AUC = 0.5**: Random guessing');
  });

  it('labels with a few words each are one card for the list, under the heading and its topic', () => {
    const md = '## Task-Specific Metrics\n\n### Dialogue\n\n- **Perplexity**: Fluency\n- **Task Success Rate**: For goal-oriented dialogue\n- **Engagement**: Conversation length\n';
    const cs = cards(md, 'LLM Evaluation Metrics');
    expect(cs.map((c) => c.front)).toEqual(['Task-Specific Metrics — dialogue: Perplexity, Task Success Rate, Engagement — what does each mean?']);
  });

  it('a glossary with real definitions stays one term card each', () => {
    const md = '## Glossary\n\n- **Epoch**: one full pass of the training algorithm over the whole training set\n- **Batch**: the subset of examples used for one gradient update step\n- **Logit**: the raw, unnormalised score a classifier outputs before the softmax\n';
    expect(cards(md).filter((c) => c.kind === 'term').length).toBe(3);
  });
});

describe('labelled parts and table rows keep their subject', () => {
  it('"**Concept**: …" opening labelled parts answers "What is X?" (not a list of the part names)', () => {
    const md = '### 1. Pointwise Re-ranking\n\n**Concept**: Score each retrieved document independently.\n\n**Strengths**:\n- Simple and interpretable\n\n**Best For**:\n- General Q&A systems\n';
    const cs = cards(md, 'Re-ranking');
    const what = cs.find((c) => c.front === 'What is Pointwise Re-ranking?');
    expect(what?.back).toContain('Score each retrieved document independently.');
    expect(cs.map((c) => c.front)).toContain('Pointwise Re-ranking: what is it best for?');
  });

  it('a row of a multi-column table names the section it belongs to', () => {
    const md = '## Multi-Agent RAG\n\n| Agent | Responsibility | Tools |\n|---|---|---|\n| Critic | Evaluate quality | LLM judge |\n| Retriever | Fetch documents | Vector DB |\n';
    expect(fronts(md)).toContain('Multi-Agent RAG: Critic — responsibility, tools?');
  });

  it('a column header that is itself a question ("Why?") does not double the front\'s question mark', () => {
    const md = '## Choosing a metric\n\n| Strategy | Scenario | Why? |\n|---|---|---|\n| Maximize Recall | FN is costly | Missing a sick patient is worse |\n| Maximize Precision | FP is costly | Blocking a legit email is worse |\n';
    expect(fronts(md)).toContain('Choosing a metric: Maximize Recall — scenario, why?');
  });
});

describe('conditional headings', () => {
  it('under "When to Use X" / "When NOT to Use X" the bold labels are conditions: one card with the list, no "What is <condition>?"', () => {
    const md = [
      '## When to Use Decision Trees',
      '',
      '- **Interpretability is critical**: Medical diagnosis, loan approval',
      '- **Feature interactions matter**: Trees capture interactions without feature engineering',
      '- **Quick baseline**: Fast to train, a reasonable starting point',
      '',
      '## When NOT to Use Naive RAG',
      '',
      '- **Multi-hop reasoning**: One retrieval pass misses facts spread over documents',
      '- **High-precision domains**: Retrieval errors become wrong answers',
      '',
    ].join('\n');
    const cs = cards(md, 'Decision Trees');
    expect(cs.filter((c) => c.kind === 'term')).toEqual([]);
    expect(cs.map((c) => c.front)).toEqual(['When to Use Decision Trees?', 'When NOT to Use Naive RAG?']);
    expect(cs[0]!.back).toContain('**Feature interactions matter**: Trees capture interactions');
  });

  it('"Ideal Use Cases:" / "Poor Use Cases:" under a technique ask about the technique', () => {
    const md = '## Self Consistency\n\nSample several reasoning paths and take the majority answer.\n\n### Ideal Use Cases:\n1. Math and Logic Problems\n2. Factual Questions with Reasoning\n\n### Poor Use Cases:\n1. Pure Creative Generation\n2. Subjective Preferences\n';
    expect(fronts(md, 'Prompt Engineering')).toEqual(['What is Self Consistency?', 'Self Consistency: what are the ideal use cases?', 'Self Consistency: what are the poor use cases?']);
  });

  it('items under a parent that announces examples ("… e.g.") are those examples, not terms', () => {
    const md = '## Ranking\n\n- online engagement data\n  - assign scores to each engagement type e.g.\n    - click only -> score 1\n    - spent time after click > T : score 2\n    - add to cart : score 3\n';
    const cs = cards(md, 'Search System');
    expect(cs.filter((c) => c.kind === 'term')).toEqual([]);
    expect(cs.map((c) => c.back).join('\n')).toContain('add to cart : score 3');
  });

  it('a glossary section is not a "when" heading: its labels stay terms', () => {
    const md = '## Missing Values\n\n- **Surrogate splits**: Find alternative features that produce similar splits\n- **Imputation**: Fill missing values before training\n';
    expect(cards(md, 'Decision Trees').filter((c) => c.kind === 'term').length).toBe(2);
  });
  it('"Use Long Context Windows if:" asks when', () => {
    expect(fronts('## Use Long Context Windows if:\n\n- Questions relate to single documents\n- Latency allows\n', 'Multi-hop Reasoning')).toEqual(['When should you use long context windows?']);
  });
});

describe('remark labels in structured notes', () => {
  it('"**Critical Insight**:", "**Before**/**After**:", "**Measure**:" and "**Solutions**:" stay in the section answer, never "What is Before?"', () => {
    const md = [
      '## Abstention Rate',
      '',
      'How often the system declines to answer, and whether it declines on the right questions.',
      '',
      '- **Critical Insight**: in high-stakes systems "I don\'t know" is often the correct answer.',
      '- **Measure**: share of unanswerable questions the system declines.',
      '',
      '## Query rewriting in the pipeline',
      '',
      '- **Before**: raw user query → embedding → retrieval',
      '- **After**: raw query → rewrite → embedding → retrieval',
      '',
      '## Reward hacking',
      '',
      'The agent exploits flaws of the reward signal.',
      '',
      '- **Solutions**: self-play, population-based training',
      '',
    ].join('\n');
    const cs = cards(md, 'RAG evaluation');
    const fs = cs.map((c) => c.front);
    expect(fs.filter((f) => /\b(?:Critical Insight|Measure|Before|After|Solutions)\?/i.test(f))).toEqual([]);
    const abst = cs.find((c) => c.front.includes('Abstention Rate'));
    expect(abst?.back).toContain('correct answer');
    expect(abst?.back).toContain('declines');
    const rewrite = cs.find((c) => c.front.includes('Query rewriting'));
    expect(rewrite?.back).toContain('raw user query');
    expect(rewrite?.back).toContain('rewrite →');
    expect(cs.find((c) => c.front.includes('Reward hacking'))?.back).toContain('self-play');
  });
});

describe('generic container headings in English notes', () => {
  it('"Initialization", "Variations", "Other Techniques", "Practical Application" are asked about the topic above them', () => {
    const md = [
      '# LoRA',
      '',
      'LoRA adds two small trainable matrices beside a frozen weight matrix.',
      '',
      '## Mathematical Foundation',
      '',
      '### Initialization',
      '',
      '- **Matrix A**: random Gaussian initialization.',
      '- **Matrix B**: zeros, so the update starts at zero.',
      '',
      '## Practical Application',
      '',
      '- **Rank too high**: wastes memory with no gain in quality.',
      '',
    ].join('\n');
    const fs = fronts(md, 'LoRA');
    expect(fs).toContain('LoRA: what is Matrix A?');
    expect(fs).toContain('LoRA: what is Matrix B?');
    expect(fs.some((f) => f.startsWith('LoRA: ') && f.includes('Rank too high'))).toBe(true);
    expect(fs.filter((f) => /^(?:Initialization|Practical Application):/.test(f))).toEqual([]);
  });
});

describe('words that lead into a formula', () => {
  it('"Subject to constraints:" or "They\'re closely related:" above a formula name none of it: the formula is the section\'s', () => {
    const md = [
      '## Linear SVM', '', '**The optimization problem**:', '', '$$\\min_{w,b} \\frac{1}{2}\\|w\\|^2$$', '',
      'Subject to constraints:', '', '$$y_i(w^T x_i + b) \\geq 1$$', '',
      '## Perplexity vs. Cross-Entropy', '', "They're closely related:", '', '$$\\text{PPL} = e^{H}$$', '',
    ].join('\n');
    const fs = fronts(md, 'SVM');
    expect(fs).toContain('Linear SVM: formula (subject to constraints)?');
    expect(fs).toContain('Formula for Perplexity vs. Cross-Entropy?');
    expect(fs.some((f) => /Formula for (?:Subject|They)/.test(f))).toBe(false);
  });
});

describe('the subject of a slug-named note', () => {
  it('is its first top-level heading; when that is generic the note has none, so a later heading never names the rest', () => {
    const md = '# Offline Metrics\n\n### Recall@k\n\nShare of relevant items in the top k.\n\n# Cross Entropy and Normalized Cross Entropy\n\nCE measures how well predicted probabilities match labels.\n\n# Online metrics\n\n- **Return on Investment (ROI)**: revenue of a campaign compared with its cost\n';
    const fs = fronts(md, 'mlsd-metrics');
    expect(fs.some((f) => f.startsWith('Cross Entropy and Normalized Cross Entropy: what is Return'))).toBe(false);
    expect(fs).toContain('Online metrics: what is Return on Investment (ROI)?');
  });
});

describe('steps of a procedure', () => {
  it('"- Classify: predict 1 if …" under "For each threshold:" is a step, not a term to define', () => {
    const md = '## How ROC is Generated\n\n1. Model outputs probabilities\n2. **For each threshold**:\n   - Classify: predict 1 if prob ≥ threshold, else 0\n   - Calculate TPR and FPR\n3. Plot all points\n';
    const cs = cards(md, 'ROC Curves');
    expect(cs.some((c) => /what is Classify/.test(c.front))).toBe(false);
    expect(cs.map((c) => c.back).join('\n')).toContain('Classify: predict 1 if prob');
  });
});
