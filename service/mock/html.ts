// A mock report as one self-contained printable HTML page (the "export as a
// printable page" of the issue). Math is typeset by KaTeX on the server; the
// page shows KaTeX's MathML half, which browsers render natively, so no font
// or stylesheet files need to travel with the exported file.
import { renderMarkdown } from '../../cards/render/render.ts';
import { escapeHtml } from '../../cards/render/tex.ts';
import type { MockReport, MockReportQuestion } from '../contract/index.ts';

type Lang = 'zh' | 'en';

const T = {
  zh: {
    title: '模拟面试报告', score: '得分', status: '状态', answered: '作答', correct: '正确', wrong: '错误', timedOut: '超时',
    unreached: '未到达', duration: '用时', sections: '各章节正确率（最弱在前）', section: '章节', accuracy: '正确率',
    questions: '逐题', outcome: '结果', quality: '评分', time: '用时', misses: '错题与答案', yourAnswer: '你的答案',
    notes: '笔记', answer: '答案', solution: '解答', trend: '与以往比较', previous: '以往得分', delta: '变化', first: '首次模拟面试',
    started: '开始', definition: '评分规则',
    definitionText: '每道计划内的题目：评 5 得 1，评 4 得 0.85，评 3 得 0.7；评 0–2、超时或未到达得 0。得分 = 平均值 × 100（取整）。评分 ≥ 3 记为正确。',
    statuses: { finished: '已完成', expired: '超时结束', abandoned: '已放弃' },
    outcomes: { answered: '已答', timeout: '超时', unreached: '未到达' },
  },
  en: {
    title: 'Mock interview report', score: 'Score', status: 'Status', answered: 'Answered', correct: 'Correct', wrong: 'Wrong',
    timedOut: 'Timed out', unreached: 'Not reached', duration: 'Duration', sections: 'Accuracy by section (weakest first)',
    section: 'Section', accuracy: 'Accuracy', questions: 'Questions', outcome: 'Outcome', quality: 'Grade', time: 'Time',
    misses: 'Misses with answers', yourAnswer: 'Your answer', notes: 'Notes', answer: 'Answer', solution: 'Solution',
    trend: 'Compared with earlier mocks', previous: 'Earlier scores', delta: 'Change', first: 'First mock interview',
    started: 'Started', definition: 'How the score is computed', definitionText: '',
    statuses: { finished: 'finished', expired: 'time limit reached', abandoned: 'abandoned' },
    outcomes: { answered: 'answered', timeout: 'timed out', unreached: 'not reached' },
  },
} as const;

const CSS = `
body{font:14px/1.55 system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;color:#111;max-width:820px;margin:24px auto;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px;border-bottom:1px solid #ccc;padding-bottom:2px}
.meta{color:#555}.score{font-size:40px;font-weight:700}.counts span{margin-right:14px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3}.miss{border:1px solid #ccc;border-radius:4px;padding:8px 10px;margin:10px 0;break-inside:avoid}
.label{font-weight:600;color:#444}.bad{color:#b00020}.good{color:#0a7a2f}pre{white-space:pre-wrap}
.katex-html{display:none}.math-error{color:#b00020}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}a{color:inherit;text-decoration:none}}
@page{margin:16mm}
`;

const md = (src: string): string => renderMarkdown(src).html;
const secs = (ms: number | null): string => (ms === null ? '—' : `${Math.round(ms / 1000)} s`);
const pct = (x: number): string => `${Math.round(x * 100)}%`;
const num = (x: number): string => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6))));
const value = (v: number | number[]): string => (Array.isArray(v) ? `[${v.map(num).join(', ')}]` : num(v));

function prompt(q: MockReportQuestion, lang: Lang): string {
  return q.problem ? md(q.problem.prompt[lang]) : md(q.front);
}

function miss(q: MockReportQuestion, lang: Lang): string {
  const t = T[lang];
  const mine = q.typed ?? q.notes;
  const parts = [
    `<div class="miss"><div class="label">#${q.index + 1} · ${escapeHtml(q.section.join(' › '))} · ${t.outcomes[q.outcome]}${q.quality !== null ? ` · ${q.quality}/5` : ''}</div>`,
    prompt(q, lang),
  ];
  if (mine) parts.push(`<div class="label">${q.typed !== null ? t.yourAnswer : t.notes}</div><pre>${escapeHtml(mine)}</pre>`);
  if (q.problem) {
    parts.push(`<div class="label">${t.answer}: ${escapeHtml(value(q.problem.answer))}</div>`);
    parts.push(`<div class="label">${t.solution}</div>${md(q.problem.solution[lang])}`);
  } else {
    parts.push(`<div class="label">${t.answer}</div>${md(q.back)}`);
  }
  parts.push('</div>');
  return parts.join('\n');
}

export function reportHtml(r: MockReport, lang: Lang = 'zh'): string {
  const t = T[lang];
  const date = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  const c = r.counts;
  const trend = r.trend.delta === null
    ? `<p>${t.first}</p>`
    : `<p>${t.previous}: ${r.trend.previous.map((p) => p.score).join(' → ')} → <b>${r.score}</b> · ${t.delta}: <b class="${r.trend.delta >= 0 ? 'good' : 'bad'}">${r.trend.delta >= 0 ? '+' : ''}${r.trend.delta}</b></p>`;
  const sections = r.sections
    .map((s) => `<tr><td>${escapeHtml(s.label)}</td><td>${s.correct}/${s.asked}</td><td>${pct(s.accuracy)}</td></tr>`)
    .join('');
  const rows = r.questions
    .map((q) => `<tr><td>${q.index + 1}</td><td>${escapeHtml(q.section.join(' › '))}</td><td class="${q.correct ? 'good' : 'bad'}">${t.outcomes[q.outcome]}</td><td>${q.quality ?? '—'}</td><td>${secs(q.elapsedMs)}</td></tr>`)
    .join('');
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title} #${r.mockId}</title><style>${CSS}</style></head>
<body>
<h1>${t.title} #${r.mockId}</h1>
<div class="meta">${t.started} ${date(r.startedAt)} UTC · ${t.status}: ${t.statuses[r.status]} · ${t.duration} ${secs(r.durationMs)} · seed ${r.seed}</div>
<p><span class="score">${r.score}</span> / 100</p>
<p class="counts"><span>${t.answered} ${c.answered}/${c.planned}</span><span>${t.correct} ${c.correct}</span><span>${t.wrong} ${c.wrong}</span><span>${t.timedOut} ${c.timedOut}</span><span>${t.unreached} ${c.unreached}</span></p>
<h2>${t.trend}</h2>${trend}
<h2>${t.sections}</h2>
<table><thead><tr><th>${t.section}</th><th>${t.correct}</th><th>${t.accuracy}</th></tr></thead><tbody>${sections}</tbody></table>
<h2>${t.questions}</h2>
<table><thead><tr><th>#</th><th>${t.section}</th><th>${t.outcome}</th><th>${t.quality}</th><th>${t.time}</th></tr></thead><tbody>${rows}</tbody></table>
<h2>${t.misses}</h2>
${r.misses.map((q) => miss(q, lang)).join('\n') || '<p>—</p>'}
<h2>${t.definition}</h2><p class="meta">${escapeHtml(t.definitionText || r.scoreDefinition)}</p>
</body></html>
`;
}
