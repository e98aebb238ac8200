// Plain-text rendering of mock draws, reports and history for the terminal.
import type { MockDraw, MockHistoryItem, MockReport } from '../../service/contract/index.ts';

const oneLine = (s: string, max = 90) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};
const secs = (ms: number | null) => (ms === null ? '—' : `${Math.round(ms / 1000)}s`);

export function formatDraw(d: MockDraw): string {
  const c = d.config;
  const head = `seed ${d.seed} · ${c.questions} questions · ${c.perQuestionSeconds}s each · ${c.totalSeconds}s total · mix ${c.mix}`;
  const lines = d.questions.map((q) => {
    const text = q.problem ? q.problem.prompt.en : q.front;
    return `${String(q.index + 1).padStart(2)}. [${q.kind}] ${q.section.join(' › ')}\n    ${oneLine(text)}`;
  });
  return [head, ...lines].join('\n');
}

export function formatReport(r: MockReport): string {
  const c = r.counts;
  const lines = [
    `mock #${r.mockId} · ${r.status} · score ${r.score}/100` + (r.trend.delta === null ? ' (first mock)' : ` (${r.trend.delta >= 0 ? '+' : ''}${r.trend.delta} vs previous)`),
    `answered ${c.answered}/${c.planned} · correct ${c.correct} · wrong ${c.wrong} · timed out ${c.timedOut} · not reached ${c.unreached} · ${secs(r.durationMs)}`,
  ];
  if (r.trend.previous.length) lines.push(`trend: ${r.trend.previous.map((p) => p.score).join(' → ')} → ${r.score}`);
  if (r.sections.length) {
    lines.push('sections (weakest first):');
    for (const s of r.sections) lines.push(`  ${String(Math.round(s.accuracy * 100)).padStart(3)}%  ${s.correct}/${s.asked}  ${s.label}`);
  }
  lines.push('questions:');
  for (const q of r.questions) {
    const mark = q.outcome === 'unreached' ? '·' : q.correct ? '✓' : '✗';
    lines.push(`  ${mark} ${String(q.index + 1).padStart(2)}. ${q.outcome.padEnd(9)} q=${q.quality ?? '—'} ${secs(q.elapsedMs).padStart(5)}  ${q.section.join(' › ')}`);
  }
  if (r.misses.length) {
    lines.push('misses:');
    for (const q of r.misses) {
      lines.push(`  #${q.index + 1} ${oneLine(q.problem ? q.problem.prompt.en : q.front)}`);
      if (q.typed !== null) lines.push(`     yours: ${oneLine(q.typed)}`);
      if (q.notes) lines.push(`     notes: ${oneLine(q.notes)}`);
      if (q.problem) {
        lines.push(`     answer: ${JSON.stringify(q.problem.answer)}`);
        lines.push(`     solution: ${oneLine(q.problem.solution.en, 300)}`);
      } else lines.push(`     answer: ${oneLine(q.back, 300)}`);
    }
  }
  return lines.join('\n');
}

export function formatHistory(items: MockHistoryItem[]): string {
  if (!items.length) return 'no mock interviews yet';
  return items
    .map((m) => {
      const when = new Date(m.startedAt).toISOString().slice(0, 16).replace('T', ' ');
      const score = m.score === null ? '  —' : String(Math.round(m.score)).padStart(3);
      return `#${String(m.id).padEnd(4)} ${when}  ${m.status.padEnd(9)} score ${score}  ${m.correct}/${m.questions} correct, ${m.timedOut} timed out`;
    })
    .join('\n');
}
