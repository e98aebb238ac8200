// Checks the formulas a notes card states against the verified formula core
// and flags the ones that disagree ('formula-mismatch', with the corrected
// formula). Formulas the checker does not recognise are left alone.
import type { CardDraft, SourceWarning } from '../types.ts';
import { verdict, type Claim } from './notes/claim.ts';
import { chunksOf } from './notes/chunks.ts';
import { convClaims, costClaims } from './notes/claimsConv.ts';
import { lossClaims } from './notes/claimsLoss.ts';
import { trainingClaims } from './notes/claimsTraining.ts';
import { plainMetricWarnings } from './notes/plainMetrics.ts';

export const CLAIMS: readonly Claim[] = [...convClaims, ...costClaims, ...trainingClaims, ...lossClaims];

export function checkNoteFormulas(card: CardDraft): SourceWarning[] {
  const text = `${card.front}\n${card.back}`;
  const start = `${card.key} ${card.front.split('\n')[0] ?? ''}`;
  const out: SourceWarning[] = [];
  const seen = new Set<string>();
  for (const chunk of chunksOf(text, start)) {
    for (const claim of CLAIMS) {
      if (!claim.applies(chunk) || verdict(claim, chunk) !== 'disagrees') continue;
      const key = `${claim.id}|${chunk.tex}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        line: card.line,
        code: 'formula-mismatch',
        message: `笔记公式与验证结果不符 / note formula disagrees with the verified result — ${claim.what}: $${chunk.tex.replace(/\s*\n\s*/g, ' ')}$ → ${claim.corrected}`,
      });
    }
  }
  return [...out, ...plainMetricWarnings(text, card.line)];
}
