// Small, pure formatting helpers for the UI (tested in tests/unit/renderer).
export type Lang = 'zh' | 'en';

function oneDecimal(x: number): string {
  const r = Math.round(x * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

/**
 * An SM-2 interval in days as a grade-button label: "1d", "6d", "2.1mo", "1.3y"
 * (中文: "1天", "6天", "2.1月", "1.3年"). Months are 30 days, years 365.
 */
export function formatInterval(days: number, lang: Lang = 'en'): string {
  if (!Number.isFinite(days) || days < 0) return '—';
  const u = lang === 'zh' ? { m: '分', d: '天', mo: '月', y: '年' } : { m: 'm', d: 'd', mo: 'mo', y: 'y' };
  if (days < 1) return lang === 'zh' ? '<1天' : '<1d';
  if (days < 30) return `${Math.round(days)}${u.d}`;
  if (days < 365) return `${oneDecimal(days / 30)}${u.mo}`;
  return `${oneDecimal(days / 365)}${u.y}`;
}

/** A duration in ms as "45s", "3m 12s", "1h 05m" / "45秒", "3分12秒", "1小时05分". */
export function formatDuration(ms: number, lang: Lang = 'en'): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (lang === 'zh') {
    if (h > 0) return `${h}小时${pad(m)}分`;
    if (m > 0) return `${m}分${pad(sec)}秒`;
    return `${sec}秒`;
  }
  if (h > 0) return `${h}h ${pad(m)}m`;
  if (m > 0) return `${m}m ${pad(sec)}s`;
  return `${sec}s`;
}

/** Share as a whole percent, "—" when there is nothing to divide. */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '—';
  return `${Math.round((100 * part) / whole)}%`;
}

/** Days from today to a due day: "today", "in 3d", "2d overdue" (中文: "今天", "3天后", "逾期2天"). */
export function formatDue(dueDay: number | null, today: number, lang: Lang = 'en'): string {
  if (dueDay === null) return '—';
  const d = dueDay - today;
  if (lang === 'zh') return d === 0 ? '今天' : d > 0 ? `${formatInterval(d, 'zh')}后` : `逾期${formatInterval(-d, 'zh')}`;
  return d === 0 ? 'today' : d > 0 ? `in ${formatInterval(d, 'en')}` : `${formatInterval(-d, 'en')} overdue`;
}

/** A study-day number (days since 1970-01-01) as YYYY-MM-DD. */
export function dayToIso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Epoch ms as a local "YYYY-MM-DD HH:MM". */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A numeric answer (or vector) as text, trimmed of float noise. */
export function formatValue(v: number | number[] | undefined): string {
  if (v === undefined) return '—';
  const one = (x: number) => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6))));
  return Array.isArray(v) ? `[${v.map(one).join(', ')}]` : one(v);
}

/** Markdown source as a one-line plain-text excerpt for lists (math kept as written). */
export function excerpt(src: string, max = 140): string {
  const text = src
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+\.\s+)/gm, '')
    .replace(/(\*\*|__|==|`)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
