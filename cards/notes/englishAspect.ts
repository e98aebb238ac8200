// English sub-headings that name nothing of their own: an aspect or a part of
// the topic above them ("Complete Metric Taxonomy" under "LLM Evaluation
// Metrics", "Query Phase" under "GraphRAG", "Standard (Discrete)" under
// "Entropy", "Static defenses" under "Prompt Injection", "Connection to
// Advanced Retrieval Phase", "When Building LLM Applications"). On a card
// they are asked about that topic ("GraphRAG: what is the query phase?")
// instead of "What is Query Phase?". The English counterpart of aspect.ts.
// Conservative: a heading holding a name (an acronym, a CamelCase word, a
// digit, a wikilink, math) is never an aspect, so "Batch Normalization",
// "Adam" or "LoRA" stay what they are. Pure.
import { isPluralEn } from './questions.ts';

/** "Over-Granular Communities" → "over-granular communities": Title Case is style; acronyms and names (t-SNE, PCA) stay. */
export function titleLower(md: string): string {
  const t = md.trim().replace(/^(\*\*|__)(.+)\1$/, '$2');
  const TITLE_WORD = /(?<![\w$\\])[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*(?![\w$])/g;
  const ws = t.split(/\s+/).map((w) => w.replace(/^[(\["'“]+/, '')).filter((w) => /^[A-Za-z]/.test(w) && !/^(?:a|an|the|of|and|or|in|on|for|to|with|at|by|vs\.?)$/i.test(w));
  const titled = ws.filter((w) => /^[A-Z]/.test(w)).length;
  // Sentence case ("Ignoring class imbalance", "Using Adam well"): only the first word is style.
  if (ws.length < 2 || titled * 3 < ws.length * 2) return t.replace(/^[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*(?![\w$])/, (w) => w.toLowerCase());
  return t.replace(TITLE_WORD, (w) => w.toLowerCase());
}

/** Heads of aspect nouns: always a part, a view or a grouping of something. */
const ASPECT_HEAD =
  /^(?:taxonomy|analogy|analogies|understanding|definitions|recap|analysis|breakdown|phase|phases|stage|stages|mode|modes|case|cases|setting|settings|defen[cs]es|attacks|mental model|picture|perspective|view|walkthrough|behaviou?r|formulation|interpretation|variant|version|form|regime|scenario|scenarios)$/i;

/** Words that qualify a case without naming anything: "Standard (Discrete)", "Static defenses". */
const QUALIFIER =
  /^(?:standard|discrete|continuous|binary|multi-?class|multi-?label|general|generalized|generalised|special|simple|basic|advanced|simplified|weighted|unweighted|normali[sz]ed|static|dynamic|online|offline|formal|informal|intuitive|visual|complete|full|detailed|overall|high-level|low-level|practical|theoretical|mathematical|geometric|probabilistic|statistical|alternative|common|typical|core|key|main|other|additional|extended|naive|na[iï]ve|vanilla|classic|classical|modern|original|improved|limiting|edge|corner|degenerate|special|extreme|mental|metric|query|indexing|training|inference|retrieval|evaluation|generation|reasoning|policy|trade-?offs?|runtime|test-time|build|search|update|learning|selection|scoring|ranking|filtering|input|output|prompt|data|model)$/i;

/** "Connection to X", "Relationship with X", "Comparison with X": the topic's relation to something. */
const RELATION = /^(?:connection|connections|relation|relationship|relationships|link|links|comparison|contrast|analogy|similarity|difference|differences)\s+(?:to|with|between)\s+\S/i;

/** "When Building LLM Applications", "When Using RAG": advice about the topic in a situation. */
const SITUATION = /^(?:when|while|before|after|during)\s+(?:building|using|designing|training|deploying|choosing|working|fine-tuning|evaluating|serving|running|writing|scaling)\b/i;

/** "Layer 1: Input Preprocessing", "Step 2 - Indexing": a position in the topic's sequence, named by what it does. */
const POSITION = /^(?:layer|step|stage|phase|part|level|tier|round|pass)\s+\d{1,2}\s*[:.\-–—]\s*[A-Za-z]/i;

const RECAP = /^(?:recap|refresher|review|primer|reminder)$/i;

/** A word that makes the heading a name: "LoRA", "RAG", "GPT-4", "BatchNorm", "k-NN". */
const NAME_WORD = /^(?:[A-Z0-9][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*|\S*\d\S*|[a-z]+[A-Z]\S*|[A-Z][a-z]+[A-Z]\S*)$/;

const words = (p: string) => p.replace(/[()（）]/g, ' ').split(/\s+/).filter(Boolean);

/**
 * True for a heading that is an aspect, a part or a case of its parent topic,
 * with no subject of its own. `plain` is the heading without numbering.
 */
export function isEnglishAspect(plain: string): boolean {
  const p = plain.replace(/[:：]\s*$/, '').trim();
  if (!p || p.length > 60 || /[[\]$`?？/]|\[\[/.test(p)) return false;
  if (RELATION.test(p) || SITUATION.test(p) || POSITION.test(p)) return true;
  const ws = words(p);
  // "Policy Gradient Recap": a recap of something, asked under the topic it serves.
  if (ws.length >= 2 && ws.length <= 4 && RECAP.test(ws[ws.length - 1]!) && !ws.some((w) => /\d/.test(w))) return true;
  if (ws.length > 4 || ws.some((w) => NAME_WORD.test(w))) return false;
  // "Standard (Discrete)": qualifiers only, no noun of its own.
  if (ws.length >= 2 && /[(（]/.test(p) && ws.every((w) => QUALIFIER.test(w))) return true;
  // "Complete Metric Taxonomy", "Core Mental Model", "Query Phase", "Static defenses": qualifiers before an aspect head.
  const lower = ws.map((w) => w.toLowerCase());
  const head2 = lower.slice(-2).join(' ');
  const headLen = ASPECT_HEAD.test(head2) && lower.length >= 2 ? 2 : ASPECT_HEAD.test(lower[lower.length - 1]!) ? 1 : 0;
  if (!headLen) return false;
  const mods = ws.slice(0, ws.length - headLen);
  return mods.length >= 1 || headLen === 2 ? mods.every((w) => QUALIFIER.test(w)) : false;
}


/** The question for an aspect heading under its topic: "GraphRAG: what is the query phase?". */
export function englishAspectQuestion(topicMd: string, titleMd: string, titlePlain: string): string {
  const t = titleMd.replace(/[:：]\s*$/, '').trim();
  const p = titlePlain.replace(/[:：]\s*$/, '').trim();
  const topic = topicMd.replace(/[:：]\s*$/, '').trim();
  const say = (q: string) => (/[:：]/.test(topic.replace(/\\./g, '')) ? `${topic} — ${q}` : `${topic}: ${q}`);
  if (SITUATION.test(p)) return say(`what to do ${titleLower(t)}?`);
  if (RELATION.test(p)) return say(`what is the ${titleLower(t)}?`);
  // "Prompt Injection, layer 1: input preprocessing?", "PPO: policy gradient recap?"
  if (POSITION.test(p)) return `${topic}, ${titleLower(t)}?`;
  if (RECAP.test(words(p).pop() ?? '')) return say(`${titleLower(t)}?`);
  // "Standard (Discrete)" is a case of the topic.
  if (/[(（]/.test(p) && words(p).every((w) => QUALIFIER.test(w))) return say(`what is the ${titleLower(t)} case?`);
  return say(`${isPluralEn(p) ? 'what are' : 'what is'} the ${titleLower(t)}?`);
}

/** "Common Pitfalls", "Mistakes to Avoid", "Anti-patterns": each item is a mistake, not a thing to define. */
const PITFALL_HEADING = /^(?:(?:common|typical|frequent|key|main|major)\s+)?(?:pitfalls?|mistakes?|gotchas?|anti-?patterns?|failure modes?|traps?)(?:\s+(?:to avoid|and (?:how to avoid them|solutions|fixes)))?$/i;

export const isPitfallHeading = (plain: string): boolean => PITFALL_HEADING.test(plain.replace(/[:：]\s*$/, '').trim());

/** "Support Vector Machines: what goes wrong with ignoring class imbalance, and what to do?" */
export function pitfallQuestion(topicMd: string, itemMd: string): string {
  const item = titleLower(itemMd.replace(/[:：]\s*$/, '').trim());
  const topic = topicMd.replace(/[:：]\s*$/, '').trim();
  return /[:：]/.test(topic.replace(/\\./g, '')) ? `${topic} — pitfall: what goes wrong with ${item}, and what to do?` : `${topic}: what goes wrong with ${item}, and what to do?`;
}

/** "Where RAG Struggles", "When RAG Fails": each item is a case the subject handles badly. */
const STRUGGLE_HEADING = /^(?:where|when)\s+(.{2,40}?)\s+(struggles?|fails?|breaks down|falls short)$/i;

/** "The Problem PPO Solves", "Problems It Solves": each item is what goes wrong without the subject. */
const SOLVED_HEADING = /^(?:the\s+)?problems?\s+(?:that\s+)?.{1,40}?\s+(?:solves?|addresses|fixes)$/i;

/**
 * An item under a heading about trouble, asked as trouble instead of a definition:
 * "Why does RAG struggle with creative tasks?", "The Problem PPO Solves: what goes wrong with too large steps?".
 * Undefined for any other heading.
 */
export function troubleQuestion(headingMd: string, headingPlain: string, itemMd: string, inSequence = false): string | undefined {
  const h = headingPlain.replace(/[:：]\s*$/, '').trim();
  const item = titleLower(itemMd.replace(/[:：]\s*$/, '').trim());
  const s = STRUGGLE_HEADING.exec(h);
  if (s) {
    const verb = s[2]!.toLowerCase();
    const base = /^struggle/.test(verb) ? 'struggle with' : /^fail/.test(verb) ? 'fail at' : verb === 'breaks down' ? 'break down on' : 'fall short on';
    return `Why does ${s[1]} ${base} ${item}?`;
  }
  // A numbered list under "The Problem It Solves" is the subject's steps, not what goes wrong.
  if (SOLVED_HEADING.test(h) && !inSequence) return `${headingMd.replace(/[:：]\s*$/, '').trim()}: what goes wrong with ${item}?`;
  return undefined;
}

/**
 * A list item's body that is only examples — quoted strings joined by commas or arrows
 * ('"XML", "API", "RAG"', '"fix a flat" ↔ "tire repair"'): it illustrates the list above it
 * and stays in that list's card instead of being asked as the definition of its label.
 */
export function isExamplesOnly(body: string): boolean {
  const quoted = /"[^"\n]+"|“[^”\n]+”/g;
  const quotes = body.match(quoted) ?? [];
  // One quoted sentence or question ('"What am I looking for?"') describes the label; a short quote or several are examples.
  if (!quotes.length || (quotes.length === 1 && (quotes[0]!.split(/\s+/).length > 6 || /[?？.!]["”]$/.test(quotes[0]!)))) return false;
  const rest = body.replace(/^\s*(?:e\.g\.,?|for example,?|like|such as)\s*/i, '').replace(quoted, ' ');
  return /^[\s,;↔⇄→←=/|&.…-]*(?:(?:and|or|vs\.?|etc\.?)[\s,;↔⇄→←=/|&.…-]*)*$/i.test(rest);
}
