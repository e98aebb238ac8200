// System-design outlines (issue 11, notes-en2): every card names the system the
// note designs; outline labels are aspects of it, not concepts to define; a slug
// file name is never the subject; syllabus lists give no cards.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';

const cards = (md: string, title?: string) => parseNotes(md, { deck: 'd', ...(title ? { title } : {}) }).cards;
const fronts = (md: string, title?: string) => cards(md, title).map((c) => c.front);

const design = [
  '# Design an event recommendation system',
  '',
  '## 1. Problem Formulation',
  '',
  '* Clarifying questions',
  '  - Use case?',
  '    - event recommendation system similar to eventbrite\'s.',
  '  - What is the main Business objective?',
  '    - Increase ticket sales',
  '  - Can users invite friends?',
  '',
  '* ML formulation',
  '  * ML Objective: Recommend most relevant events to the users to maximize the number of registered events',
  '  * ML category: Recommendation system (ranking approach)',
  '  * I/O: In: user_id, Out: ranked list of events + relevance score',
  '* Latency: can vary for different categories',
  '',
  '## 2. Metrics (Offline and Online)',
  '',
  '* Offline: precision @k, mAP',
  '* Online: CTR, conversion rate',
  '',
  '## 3. Perception',
  '',
  '* Object detection (traffic lights, pedestrians, road signs)',
  '* Localization: position and orientation of the vehicle',
  '  * improve: embedding learning for users and events',
  '',
  '## 7. Prediction Service',
  '',
  '* Candidate generation',
  '  * event filtering (millions to hundreds)',
  '* Ranking',
  '  * compute scores for <usr, event> pairs, and sort',
  '',
].join('\n');

describe('system-design outlines', () => {
  const cs = cards(design, 'mlsd-event-recom');
  const fs = cs.map((c) => c.front);

  it('makes a clarifying-questions item one card about the system, its questions the answer', () => {
    const cq = cs.filter((c) => /clarifying|Use case\?|Business objective|invite friends/i.test(c.front));
    expect(cq.map((c) => c.front)).toEqual(['Event recommendation system: what clarifying questions would you ask?']);
    expect(cq[0]!.back).toContain('Can users invite friends?');
    expect(cq[0]!.back).toContain('Increase ticket sales');
  });

  it('asks labels under a template item about the system ("Design a…" dropped)', () => {
    expect(fs).toContain('Event recommendation system: ML Objective?');
    expect(fs).toContain('Event recommendation system: ML category?');
    expect(fs).toContain('Event recommendation system: I/O?');
    expect(fs.some((f) => f.startsWith('ML formulation:'))).toBe(false);
  });

  it('asks an aspect of the system as such, not as a definition', () => {
    expect(fs).toContain('Event recommendation system: latency?');
    expect(fs.some((f) => /what is latency/i.test(f))).toBe(false);
  });

  it('asks a heading that names a part of the system about the system', () => {
    expect(fs).toContain('Event recommendation system: perception?');
    expect(fs).not.toContain('What is Perception?');
  });

  it('makes no card of an outline annotation ("improve: …") or a lower-case step ("compute scores …")', () => {
    expect(fs.some((f) => /what is improve/i.test(f))).toBe(false);
    expect(cs.filter((c) => c.kind === 'prompt')).toHaveLength(0);
  });
});

describe('slug file names and syllabus lists', () => {
  it('takes the note\'s top heading as the subject when the file name is a slug', () => {
    const md = '# Offline Metrics\n\n### Recall@k:\n- Definition: the share of relevant items found in the top k.\n\n# Online metrics\n\n- **Conversion Rate**: the share of users who take the desired action after interacting with an item.\n';
    const f = fronts(md, 'mlsd-metrics');
    expect(f.some((x) => x.includes('mlsd-metrics'))).toBe(false);
    expect(f).toContain('Online metrics: what is Conversion Rate?');
  });

  it('keeps a file name that reads as a title', () => {
    const md = 'Precision is the share of predicted positives that are right.\n';
    expect(fronts(md, 'Precision and recall')[0]).toContain('Precision and recall');
  });

  it('gives no card for a list of system names under a sample-questions heading', () => {
    const md = '# ML System Design Sample Questions\n\n### CV\n- **Image blurring system**\n- **OCR/Text recognition system**\n\n### AV\n- **Self-driving car**\n  - Perception, Prediction, and Planning\n- **Ride matching system**\n';
    expect(cards(md, 'ml-system-design')).toHaveLength(0);
  });
});

describe('design outline labels', () => {
  const md = [
    '# Ads Click Prediction',
    '',
    '### 2. Metrics',
    '',
    '* Offline: log loss, PR-AUC',
    '',
    '### 5. Feature Engineering',
    '',
    '* Feature representation:',
    '  * Text: title and description embeddings, tags with CBOW',
    '  * Connection: IDs of both users, connection type, timestamp',
    '',
    '### 6. Model Development and Offline Evaluation',
    '',
    '* Dataset',
    '  * labels: positive if the user clicks within t seconds, negative otherwise',
    '* Data Prep pipeline',
    '  * dynamic features: # of ad impressions, clicks',
    '',
    '# 3. ML System Design Topics',
    '',
    'I observed there are certain sets of topics that are frequently brought up or can be used as part of the logic of the system. Here are some of the important ones:',
    '',
  ].join('\n');
  const cs = cards(md, 'mlsd-ads-ranking');
  const fs = cs.map((c) => c.front);

  it('asks a label under a features heading as the system\'s features', () => {
    expect(fs).toContain('Ads Click Prediction: what are the text features?');
    expect(fs).toContain('Ads Click Prediction: what are the connection features?');
    expect(fs).not.toContain('Feature representation: what is Text?');
  });

  it('asks an aspect under a subject-less item ("Dataset") about the system', () => {
    expect(fs).toContain('Ads Click Prediction: labels?');
  });

  it('keeps "# of …" at the start of an answer as text, not a heading', () => {
    const c = cs.find((x) => x.kind === 'term' && x.back.includes('of ad impressions'))!;
    expect(c.back.startsWith('\\# of ad impressions')).toBe(true);
  });

  it('drops a paragraph whose last sentence only announces a list', () => {
    expect(fs.some((f) => /topics/i.test(f))).toBe(false);
  });
});

describe('outlines of names and tables of contents', () => {
  it('asks what a heading includes when its answer is only a list of names', () => {
    const md = '## Unsupervised learning\n\n- Clustering\n  - k-means\n  - DBSCAN\n- Gaussian Mixture Models\n- Latent semantic analysis\n';
    expect(fronts(md, 'ML fundamentals')).toEqual(['What does Unsupervised learning include?']);
  });

  it('makes no card of the bare list of part names when the parts are cards (English)', () => {
    const md = [
      '## Huber Loss',
      '',
      '**Formula**:',
      '',
      '`L = 0.5 (y - ŷ)^2` for small errors, `δ(|y - ŷ| - 0.5δ)` otherwise',
      '',
      '**Description**:',
      '',
      'Quadratic for small errors and linear for large ones, so outliers weigh less than in MSE.',
      '',
    ].join('\n');
    const cs = cards(md, 'Regression Metrics');
    expect(cs.some((c) => c.back.trim() === '- Formula\n- Description')).toBe(false);
    expect(cs.map((c) => c.front)).toContain('Huber Loss: description?');
  });

  it('asks a term under a generic parent item with the topic it belongs to', () => {
    const md = '## Normalized Cross Entropy\n\n- Use Cases\n  - Online Advertising campaigns: NCE compares a CTR model with the base rate.\n';
    expect(fronts(md, 'Ranking metrics')).toContain('Normalized Cross Entropy (use cases): what are Online Advertising campaigns?');
  });

  it('asks "Good For" / "Not Ideal For" about what they describe', () => {
    const md = '## SVMs\n\n### Good For\n\n- Small to medium datasets\n- High-dimensional data\n- Binary classification\n';
    expect(fronts(md, 'Support Vector Machines')).toEqual(['SVMs: what is it good for?']);
  });
});

describe('comparison attributes and statements', () => {
  it('asks a rated attribute as such, and keeps concepts as definitions', () => {
    const md = '## Sparse Retrieval\n\n- **Memory**: Low (no neural models needed)\n- **Precision**: the share of retrieved documents that are relevant\n';
    const f = fronts(md, 'Hybrid Search');
    expect(f).toContain('Sparse Retrieval: memory?');
    expect(f.some((x) => /what is Precision\?/.test(x))).toBe(true);
  });

  it('makes no term of a statement written as "X = Y"', () => {
    const md = '## Reading the ROC curve\n\n- **Top-left corner = ideal**: High TPR, low FPR\n- **Diagonal line = random**: AUC of 0.5\n';
    expect(fronts(md, 'ROC Curves and AUC').some((x) => /what is Top-left/.test(x))).toBe(false);
  });

  it('lower-cases Title Case column headers in table-row questions', () => {
    const md = '## When to use ROC/AUC\n\n| Scenario | Priority | Threshold Choice |\n|---|---|---|\n| Medical screening | High recall | Low |\n| Spam filter | High precision | High |\n';
    expect(fronts(md, 'ROC Curves and AUC')).toContain('When to use ROC/AUC: Medical screening — priority, threshold choice?');
  });
});

describe('generic lead-in terms', () => {
  it('asks "Why this works" about its topic', () => {
    const md = '## Train a Reward Model\n\n- **Training objective**: score the preferred answer higher.\n- **Why this works**: the reward model stands in for human judgment.\n';
    const f = fronts(md, 'RLHF');
    expect(f.some((x) => /what are Why this works/.test(x))).toBe(false);
    expect(f.some((x) => /why does it work\?$/.test(x))).toBe(true);
  });
});
