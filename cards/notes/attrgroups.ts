// Lists whose labels are attributes, not terms (issue 11, notes-en5). English notes
// describe a thing with a few labelled lines:
//
//   **No Re-ranking** (Fastest):        **1. Infinite Loops**                - **`o_proj` (Output):** "Mix it."
//   - Latency: ~50ms                     Agent keeps retrieving…                  - After grabbing information…
//   - Accuracy: Lower                    - *Fix*: Set max_iterations
//   - Use when: latency is critical
//
// "Latency", "Fix", "Use when" name nothing: asked alone they lose the thing they
// describe ("What is Accuracy?" → "Lower"). The lead and its labelled lines are one
// card ("Latency vs Accuracy: No Re-ranking (Fastest) — latency, accuracy, use when?"),
// and the sub-items of a defined list item belong to its definition. Detection only:
// extract.ts phrases the questions (the same way as its other terms).
import type { Line } from './blocks.ts';
import { plainText } from './blocks.ts';
import type { LineKind, Term } from './classify.ts';
import { isAspect } from './design.ts';
import { within } from './listq.ts';
import { isGenericHeading } from './questions.ts';

/** Labels that rate or qualify the thing above them: never a card's term. */
const ATTRIBUTE_LABEL =
  /^(?:latency|accuracy|precision|recall|quality|costs?|price|speed|throughput|memory|memory usage|storage|complexity|compute|scalability|interpretability|robustness|flexibility|difficulty|effort|performance|overhead|size|training time|inference time|use (?:it )?when|used when|when|best for|good for|ideal for|suited for|works best (?:for|when)|when to use|use cases?|pros?|cons?|problems?|issues?|fix(?:es)?|solutions?|benefits?|drawbacks?|downsides?|upsides?|risks?|mitigations?|examples?|e\.g\.?|targets?|reality|effects?|impact|results?|trade-?offs?|typical values?|defaults?|range|why|how|caveats?|limitations?|strengths?|weaknesses?|advantages?|disadvantages?|symptoms?|causes?|root cause|detection|signs?|remedy|workaround|goal|purpose|verdict|bottom line|status|example use|applications?)$/i;

/** "Latency", "*Fix*", "Use when", "Accuracy (top-1)": a label that qualifies something, not a term. */
export function isAttributeLabel(plain: string): boolean {
  const p = plain
    .replace(/[*_`]/g, '')
    .replace(/\s*[(（][^)）]*[)）]\s*$/, '')
    .replace(/[:：]\s*$/, '')
    .trim();
  return p !== '' && (ATTRIBUTE_LABEL.test(p) || isGenericHeading(p) || isAspect(p));
}

export interface AttributeGroup {
  /** Index of the lead: a bold label paragraph or a list item. */
  lead: number;
  /** 'name': a label naming the thing ("**No Re-ranking** (Fastest):"); 'definition': a term with its text;
   *  'remark': a line that is no term ("**Before**: raw query → retrieval"), whose lines stay in the section answer. */
  shape: 'name' | 'definition' | 'remark';
  term?: Term;
  /** Lines of the lead's own paragraph after it (a description), then the joined list lines, in order. */
  description: number[];
  items: number[];
  /** The attribute labels as written, distinct, in order (empty when the sub-items are plain text). */
  labels: string[];
}

const single = (c: LineKind | undefined): Term | undefined => (c?.kind === 'terms' && c.terms.length === 1 ? c.terms[0] : undefined);
const labelMd = (t: Term) => t.md.replace(/^(\*\*|__|\*|_)(.+)\1$/, '$2').replace(/[:：]\s*$/, '').trim();

function distinctLabels(terms: readonly Term[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of terms) {
    const md = labelMd(t);
    const k = md.replace(/[*_`]/g, '').toLowerCase();
    if (!seen.has(k)) out.push(md);
    seen.add(k);
  }
  return out;
}

/**
 * The groups of a section, in order. `taken[k]` marks lines another rule already
 * made cards of; a group never includes one. Linear in the section's lines.
 */
export function attributeGroups(lines: readonly Line[], classes: readonly LineKind[], taken: readonly unknown[]): AttributeGroup[] {
  const n = lines.length;
  const out: AttributeGroup[] = [];
  let i = 0;
  while (i < n) {
    const l = lines[i]!;
    const c = classes[i]!;
    if (taken[i]) {
      i++;
      continue;
    }
    // A bold label paragraph, its description, then a list of attribute lines.
    if (!l.item && c.kind === 'label' && c.term.emphasized && !isAttributeLabel(c.term.plain)) {
      let j = i + 1;
      while (j < n && !taken[j] && !lines[j]!.item && lines[j]!.block === l.block && (classes[j]!.kind === 'prose' || (classes[j]!.kind === 'terms' && !single(classes[j])?.emphasized))) j++;
      const description = range(i + 1, j);
      while (j < n && classes[j]!.kind === 'blank') j++;
      const first = lines[j]?.item;
      if (first && !first.parent && first.index === 0 && !taken[j]) {
        const list = first.list;
        let k = j;
        const tops: Term[] = [];
        let ok = true;
        while (k < n && (inList(lines[k]!, list) || (classes[k]!.kind === 'blank' && lines[k + 1] && inList(lines[k + 1]!, list)))) {
          if (taken[k]) ok = false;
          const lk = lines[k]!;
          if (lk.item && !lk.item.parent && lk.first) {
            const t = single(classes[k]);
            if (!t || !isAttributeLabel(t.plain)) ok = false;
            else tops.push(t);
          }
          k++;
        }
        if (ok && tops.length >= (description.length ? 1 : 2)) {
          out.push({ lead: i, shape: 'name', term: c.term, description, items: range(j, k).filter((x) => classes[x]!.kind !== 'blank'), labels: distinctLabels(tops) });
          i = k;
          continue;
        }
      }
      i++;
      continue;
    }
    // A list item and its sub-items.
    if (l.item && l.first) {
      const item = l.item;
      let k = i + 1;
      while (k < n && (lines[k]!.item === item || within(lines[k]!.item, item) || (classes[k]!.kind === 'blank' && lines[k + 1] && within(lines[k + 1]!.item, item)))) k++;
      const inside = range(i + 1, k).filter((x) => classes[x]!.kind !== 'blank');
      const own = inside.filter((x) => lines[x]!.item === item); // the item's own continuation lines
      const children = inside.filter((x) => lines[x]!.item !== item);
      const childFirsts = children.filter((x) => lines[x]!.item!.parent === item && lines[x]!.first);
      if (children.length && !inside.some((x) => taken[x])) {
        const childTerms = childFirsts.map((x) => single(classes[x]));
        // ("- **Note:** diminishing returns" among them is a remark on the same thing.)
        const remark = (x: number) => classes[x]!.kind === 'prose' && /^[A-Za-z][\w ]{0,20}[:：]\s*\S/.test(plainText(lines[x]!.tokens).trim());
        const allAttributes = childTerms.some((t) => t && isAttributeLabel(t.plain)) && childFirsts.every((x, q) => (childTerms[q] && isAttributeLabel(childTerms[q]!.plain)) || remark(x));
        const lead = single(c);
        if (allAttributes && (c.kind === 'label' || (lead && !lead.body))) {
          const t = c.kind === 'label' ? c.term : lead!;
          if (!isAttributeLabel(t.plain)) {
            out.push({ lead: i, shape: 'name', term: t, description: own, items: children, labels: distinctLabels(childTerms.filter((t): t is Term => !!t)) });
            i = k;
            continue;
          }
        }
        const text = plainText(l.tokens).trim();
        if (allAttributes && c.kind === 'prose' && /^[^:：]{1,40}[:：]\s*\S/.test(text)) {
          // "- **Before**: raw query → retrieval" with "- Problem: …" under it: one remark, kept together in the answer.
          out.push({ lead: i, shape: 'remark', description: own, items: children, labels: [] });
          i = k;
          continue;
        }
        // "- **β (temperature)**: Controls …" with "- Higher β: …" or an explanation under it: the sub-items
        // finish the definition. (Bold sub-labels name sub-terms: "- **Tokenizers**: …" › "- **BPE**: …" stay cards.)
        const plainChildren = children.every((x) => {
          const ck = classes[x]!;
          return ck.kind === 'prose' || (ck.kind === 'terms' && !!lead && ck.terms.every((t) => isAttributeLabel(t.plain) || (!t.emphasized && sharesWord(t.plain, lead.plain))));
        });
        // ("- Data: Sources and Availability:" leads into its list: no definition to finish.)
        if (lead && lead.body && !/[:：]\s*$/.test(lead.body) && !lead.equation && plainChildren) {
          out.push({ lead: i, shape: 'definition', term: lead, description: own, items: children, labels: allAttributes ? distinctLabels(childTerms as Term[]) : [] });
          i = k;
          continue;
        }
      }
    }
    i++;
  }
  return out;
}

/** "Higher $\\beta$" under "$\\beta$ (temperature)": a case of the term above, not a term of its own. */
function sharesWord(child: string, parent: string): boolean {
  const words = (s: string) => s.toLowerCase().replace(/[()（）*_`]/g, ' ').split(/\s+/).filter((w) => w.length > 2 || /\$/.test(w));
  const of = new Set(words(parent));
  return words(child).some((w) => of.has(w));
}

function inList(l: Line, list: number): boolean {
  let top = l.item;
  while (top?.parent) top = top.parent;
  return !!top && top.list === list;
}

function range(from: number, to: number): number[] {
  const r: number[] = [];
  for (let x = from; x < to; x++) r.push(x);
  return r;
}

/**
 * "Naive RAG is sufficient for", "When NOT to Use Naive RAG", "Use BM25 when", "Best for", "Poor use cases": the items
 * under such a heading are situations ("**Prototyping**: Quick POC"), not terms to define; the list is
 * the section's answer.
 */
const USAGE_HEADING =
  /^(?:when (?:not )?to (?:use|choose|apply|pick|prefer)\b.*|(?:use|choose|apply|pick|prefer) .{1,50} (?:when|if|for)|.{1,60}\b(?:is|are) (?:(?:not )?(?:sufficient|enough|good|best|ideal|suitable|useful|preferred)|insufficient|overkill) (?:for|when)|(?:not )?(?:ideal|good|best|great|suitable|useful|well suited) (?:for|when)|when .{1,40} (?:works(?: well)?|shines|helps|excels|fails|is (?:enough|sufficient|useful|overkill))|(?:typical |common |good |poor |bad |ideal |best )?use cases?|avoid (?:it )?when|don'?t use (?:it )?when)\s*[:：]?$/i;

export const isUsageHeading = (plain: string): boolean => USAGE_HEADING.test(plain.trim());

/** "Exact", "Non-vision", "Long-term", "Human": a qualifier that sorts the items of a list, not a thing to define. */
const QUALIFIER =
  /^(?:exact|approximate|fast|slow|high|low|small|large|short|long|simple|complex|static|dynamic|soft|hard|strict|early|late|global|local|symmetric|asymmetric|explicit|implicit|manual|automatic|automated|human|naive|full|partial|cheap|expensive|positive|negative|online|offline|real-time|synchronous|asynchronous|sequential|parallel|deterministic|stochastic|greedy|hybrid|domain|centralized|distributed|internal|external|direct|indirect|basic|advanced|vision|non-[a-z]+(?<!ity|ness|tion|sion|ism|ance|ence|ment|ing)|(?:short|long|mid|near)-[a-z]+|[a-z]+-level)$/i;

/** "Self-driving cars (input): non-vision?" instead of "What is Non-vision?". */
export function qualifierFront(termMd: string, termPlain: string, contextMd: string | undefined): string | undefined {
  const p = termPlain.replace(/[*_`]/g, '').trim();
  if (!contextMd || !QUALIFIER.test(p)) return undefined;
  return `${contextMd}: ${termMd.replace(/\*\*|__/g, '').replace(/[:：]\s*$/, '').trim().toLowerCase()}?`;
}
