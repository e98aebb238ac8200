// The printable stats report for the CLI and the API: one self-contained HTML
// page, one section per printed page (print CSS), charts as inline SVG images
// so the file prints the same anywhere, offline. (The app's Stats screen has
// its own print view with the chart.js charts.) All text is escaped.
import { escapeHtml as esc } from '../../cards/render/tex.ts';
import type { Stats } from '../../srs/stats/types.ts';

const T = {
  zh: {
    title: 'DeepRecall 学习报告', overview: '概览', reviews: '复习量', forecast: '未来到期', cards: '卡片', calendar: '日历', hours: '时段',
    sections: '各章节掌握度', mocks: '模拟面试', total: '总复习', minutes: '分钟', learned: '新学', streak: '连续天数', longest: '最长连续',
    retention: '保持率', young: '年轻 (≥1 天)', mature: '成熟 (≥21 天)', today: '今天', week: '7 天', month: '30 天', all: '全部',
    quality: '评分分布', overdue: '已逾期', intervals: '间隔 (天)', ease: '难度系数', section: '章节', mastery: '掌握度', problems: '题目正确率',
    mockAcc: '模拟正确率', avgEase: '平均系数', score: '得分', date: '日期', none: '暂无数据', generated: '生成于', activeDays: '学习天数',
    states: { new: '新卡', learning: '学习中', young: '年轻', mature: '成熟', suspended: '暂停', retired: '已退役' },
  },
  en: {
    title: 'DeepRecall progress report', overview: 'Overview', reviews: 'Reviews', forecast: 'Due forecast', cards: 'Cards', calendar: 'Calendar', hours: 'Hours',
    sections: 'Mastery by section', mocks: 'Mock interviews', total: 'Reviews', minutes: 'Minutes', learned: 'Learned', streak: 'Streak', longest: 'Longest streak',
    retention: 'Retention', young: 'Young (≥1 day)', mature: 'Mature (≥21 days)', today: 'Today', week: '7 days', month: '30 days', all: 'All',
    quality: 'Answer quality', overdue: 'Overdue', intervals: 'Intervals (days)', ease: 'Ease', section: 'Section', mastery: 'Mastery', problems: 'Problem accuracy',
    mockAcc: 'Mock accuracy', avgEase: 'Avg ease', score: 'Score', date: 'Date', none: 'No data yet', generated: 'Generated', activeDays: 'Active days',
    states: { new: 'New', learning: 'Learning', young: 'Young', mature: 'Mature', suspended: 'Suspended', retired: 'Retired' },
  },
} as const;

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** A bar chart as an SVG image (data URL), labelled at both ends of the x axis. */
function bars(values: readonly number[], first: string, last: string, color = '#3b82f6'): string {
  const w = 640;
  const h = 160;
  const max = Math.max(1, ...values);
  const bw = w / Math.max(1, values.length);
  const rects = values
    .map((v, i) => {
      const bh = (v / max) * (h - 30);
      return `<rect x="${(i * bw).toFixed(2)}" y="${(h - 20 - bh).toFixed(2)}" width="${Math.max(0.5, bw - 1).toFixed(2)}" height="${bh.toFixed(2)}" fill="${color}"/>`;
    })
    .join('');
  const text = (x: number, anchor: string, s: string) => `<text x="${x}" y="${h - 4}" font-size="11" text-anchor="${anchor}" fill="#555">${esc(s)}</text>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${rects}<text x="0" y="11" font-size="11" fill="#555">${max}</text>${text(0, 'start', first)}${text(w, 'end', last)}</svg>`;
  return `<img class="chart" alt="" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`;
}

function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const th = head.map((h) => `<th>${esc(h)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(String(c))}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}

const page = (title: string, body: string) => `<section class="page"><h2>${esc(title)}</h2>${body}</section>`;

export function writeReport(s: Stats, lang: 'zh' | 'en', now: number): string {
  const t = T[lang];
  const d = s.daily;
  const first = d[0]?.iso ?? s.todayIso;
  const overview = table(
    [t.total, t.minutes, t.learned, t.activeDays, t.streak, t.longest],
    [[s.totals.reviews, Math.round(s.totals.ms / 60000), s.totals.learned, s.totals.activeDays, s.streak.current, s.streak.longest]],
  );
  const periods = ['today', 'week', 'month', 'all'] as const;
  const retention = table(
    [t.retention, ...periods.map((p) => t[p])],
    [
      [t.young, ...periods.map((p) => `${pct(s.retention[p].young.rate)} (${s.retention[p].young.n})`)],
      [t.mature, ...periods.map((p) => `${pct(s.retention[p].mature.rate)} (${s.retention[p].mature.n})`)],
    ],
  );
  const states = ['new', 'learning', 'young', 'mature', 'suspended', 'retired'] as const;
  const counts = table(states.map((k) => t.states[k]), [states.map((k) => s.counts[k])]);
  const sections = s.sections.length
    ? table(
        [t.section, t.mastery, t.cards, t.learned, t.avgEase, t.retention, t.problems, t.mockAcc],
        s.sections.map((m) => [m.section.join(' › '), pct(m.mastery), m.cards, m.learned, m.avgEase?.toFixed(2) ?? '—', pct(m.retention.rate), pct(m.problems.rate), pct(m.mock.rate)]),
      )
    : `<p>${esc(t.none)}</p>`;
  const mocks = s.mocks.length
    ? bars(s.mocks.map((m) => m.score), s.mocks[0]!.iso, s.mocks[s.mocks.length - 1]!.iso, '#8b5cf6') + table([t.date, t.score], s.mocks.map((m) => [m.iso, m.score]))
    : `<p>${esc(t.none)}</p>`;
  const body = [
    page(t.overview, overview + retention + counts),
    page(t.reviews, bars(d.map((p) => p.n), first, s.todayIso) + `<h3>${esc(t.quality)}</h3>` + table(['0', '1', '2', '3', '4', '5'], [s.answers.byQuality])),
    page(
      t.forecast,
      `<p>${esc(t.overdue)}: ${s.forecast.overdue}</p>` +
        bars(s.forecast.days.map((x) => x.n), s.forecast.days[0]?.iso ?? '', s.forecast.days.at(-1)?.iso ?? '', '#f59e0b') +
        `<h3>${esc(t.intervals)}</h3>` + bars(s.intervals.map((b) => b.n), s.intervals[0]?.label ?? '', s.intervals.at(-1)?.label ?? '', '#10b981') +
        `<h3>${esc(t.ease)}</h3>` + bars(s.ease.map((b) => b.n), s.ease[0]?.label ?? '', s.ease.at(-1)?.label ?? '', '#ef4444'),
    ),
    page(
      t.calendar,
      bars(s.heatmap.days.map((x) => x.n), s.heatmap.days[0]?.iso ?? '', s.todayIso, '#22c55e') +
        `<h3>${esc(t.hours)}</h3>` + bars(s.hourly.map((h) => h.n), '0:00', '23:00', '#0ea5e9'),
    ),
    page(t.sections, sections),
    page(t.mocks, mocks),
  ].join('\n');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(t.title)}</title>
<style>
body { font-family: -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; color: #111; margin: 2rem; }
table { border-collapse: collapse; margin: 0.75rem 0; font-size: 0.9rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; }
img.chart { display: block; max-width: 100%; margin: 0.5rem 0; }
@media print { body { margin: 0; } .page { break-after: page; } .page:last-child { break-after: auto; } }
</style></head>
<body><h1>${esc(t.title)}</h1><p>${esc(t.generated)} ${esc(new Date(now).toISOString())} · ${esc(first)} – ${esc(s.todayIso)}</p>
${body}
</body></html>
`;
}
