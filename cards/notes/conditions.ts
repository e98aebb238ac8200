// "When to Use Decision Trees", "When NOT to Use Naive RAG", "Poor Use Cases":
// a heading that asks WHEN. Its bold-labelled items are conditions
// ("**Feature interactions matter**: trees capture them…", "**Multi-hop
// reasoning**: one retrieval pass misses…"), not terms to define: "What is
// Feature interactions matter?" asks nothing, and "What is Multi-hop
// reasoning?" is not what the item answers. The list stays the section's
// answer ("When should you use decision trees?" is the card).

const WHEN_HEADING =
  /^(?:when\s+(?:not\s+)?to\s+(?:use|choose|apply|prefer|avoid|pick|consider)\b|when\s+(?:should|shouldn't|not)\b|(?:good|poor|bad|ideal|typical|common|best)\s+use\s+cases?\b|use\s+cases?\s*(?:[:：]\s*)?(?:$|(?:for|of)\b)|(?:not\s+)?(?:ideal|suited|suitable|good|best)\s+for\b|avoid\s+when\b|don'?t\s+use\s+(?:it\s+)?when\b)/i;

/** True for an English heading that asks when (not) to use something. */
export function asksWhen(headingPlain: string): boolean {
  return WHEN_HEADING.test(headingPlain.replace(/^[\s\d.)（(]+/, '').trim());
}
