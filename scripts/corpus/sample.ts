// A seeded random sample of cards, written as Markdown for a person to judge.
// Pure: the same cards and seed always give the same sample and text.
import { allText } from './html-text.ts';
import { rawMarkupTotal } from './metrics.ts';
import type { AnalysedCard } from './summary.ts';

/** mulberry32: small, fast, good enough to pick a sample reproducibly. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` distinct items chosen uniformly with a seed, kept in their original order. */
export function sampleOf<T>(items: readonly T[], n: number, seed: number): T[] {
  const idx = items.map((_, i) => i);
  const r = rng(seed);
  const k = Math.min(n, idx.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(r() * (idx.length - i));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx.slice(0, k).sort((a, b) => a - b).map((i) => items[i]!);
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max)} …[+${s.length - max} chars]`;
}

function fence(s: string): string {
  const ticks = s.match(/`{3,}/g)?.reduce((m, t) => Math.max(m, t.length), 0) ?? 0;
  const f = '`'.repeat(Math.max(4, ticks + 1));
  return `${f}markdown\n${s}\n${f}`;
}

function flagList(a: AnalysedCard): string {
  const f = a.flags;
  const out: string[] = [];
  if (f.mathErrors) out.push(`math errors ${f.mathErrors}`);
  if (f.strayDollars) out.push(`stray $ ${f.strayDollars}`);
  if (rawMarkupTotal(f.raw)) out.push(`raw markup ${Object.entries(f.raw).filter(([, n]) => n).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  if (f.zhScaffolding.length) out.push(`zh scaffolding in English card (${f.zhScaffolding.join(', ')})`);
  if (f.numbered) out.push('numbered question');
  if (f.filler) out.push('filler front');
  if (f.longAnswer) out.push(`long answer (${f.backChars} chars)`);
  if (f.topicMissing) out.push('note title missing from crumbs and front');
  if (f.codeAnswer) out.push('answer mostly code');
  return out.length ? out.join('; ') : 'none';
}

/** The sample file: one section per card with source, rendered excerpt, crumbs and origin. */
export function sampleMarkdown(corpus: string, seed: number, sample: readonly AnalysedCard[], total: number): string {
  const parts = [
    `# ${corpus}: ${sample.length} random cards of ${total} (seed ${seed})`,
    '',
    'Judge each card as a learner would: is the question meaningful on its own, is the answer the right part of the notes, does everything render?',
    '',
  ];
  sample.forEach((a, i) => {
    const c = a.card;
    const where = `${a.file ?? c.deck ?? 'n/a'}:${c.line ?? 'n/a'}`;
    const front = c.frontHtml ? allText(c.frontHtml) : c.front;
    const back = c.backHtml ? allText(c.backHtml) : c.back;
    parts.push(
      `## ${i + 1}. [${c.kind}] ${clip(front.replace(/\s+/g, ' '), 160)}`,
      '',
      `- id: \`${c.id}\` · lang: ${a.flags.lang}${c.lang ? ` (card says ${c.lang})` : ''} · tags: ${c.tags?.length ? c.tags.join(', ') : c.tags ? '—' : 'n/a'}`,
      `- crumbs: ${c.section.length ? c.section.join(' › ') : '—'}`,
      `- source: ${where}`,
      `- detected: ${flagList(a)}`,
      '- verdict: [ ] usable as it is · [ ] not — why: ',
      '',
      '**Front (source)**',
      '',
      fence(clip(c.front, 600)),
      '',
      '**Back (source)**',
      '',
      fence(clip(c.back, 1500)),
      '',
      `**Rendered text (excerpt)**: ${clip(back.replace(/\s+/g, ' '), 500) || '—'}`,
      '',
    );
  });
  return parts.join('\n');
}
