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
  if (RELATION.test(p) || SITUATION.test(p)) return true;
  const ws = words(p);
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
