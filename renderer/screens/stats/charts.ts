// Stats → chart.js configurations. Pure (palette and translator passed in),
// so the shaping is unit-tested without a canvas.
import type { Stats } from '../../../service/contract/index.ts';
import type { ChartConfiguration } from './chartjs.ts';
import type { Palette } from './chartjs.ts';

export type Translate = (key: string, params?: Record<string, string | number>) => string;
type Cfg = ChartConfiguration;

/** Long ranges read better as weekly or monthly bars than as 700 hairlines. */
export function binDays(days: number): number {
  if (days <= 120) return 1;
  return days <= 400 ? 7 : 30;
}

export interface Binned {
  labels: string[];
  sum: (pick: (p: Stats['daily'][number]) => number) => number[];
}

export function binned(daily: Stats['daily']): Binned {
  const size = binDays(daily.length);
  const groups: Stats['daily'][] = [];
  for (let i = 0; i < daily.length; i += size) groups.push(daily.slice(i, i + size));
  const label = (iso: string) => (size === 30 ? iso.slice(0, 7) : iso.slice(5));
  return {
    labels: groups.map((g) => label(g[0]!.iso)),
    sum: (pick) => groups.map((g) => g.reduce((s, p) => s + pick(p), 0)),
  };
}

const stackedBar = (stacked: boolean, yTitle?: string) => ({
  responsive: true,
  scales: {
    x: { stacked, grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 12 } },
    y: { stacked, beginAtZero: true, ticks: { precision: 0 }, ...(yTitle ? { title: { display: true, text: yTitle } } : {}) },
  },
});

export function reviewsByMode(s: Stats, p: Palette, t: Translate): Cfg {
  const b = binned(s.daily);
  const colors = { review: p.accent, drill: p.drill, mock: p.warn };
  return {
    type: 'bar',
    data: {
      labels: b.labels,
      datasets: (['review', 'drill', 'mock'] as const).map((m) => ({ label: t(`stats.mode.${m}`), data: b.sum((d) => d.byMode[m]), backgroundColor: colors[m] })),
    },
    options: stackedBar(true),
  };
}

export function reviewsByQuality(s: Stats, p: Palette, t: Translate): Cfg {
  const b = binned(s.daily);
  return {
    type: 'bar',
    data: {
      labels: b.labels,
      datasets: [0, 1, 2, 3, 4, 5].map((q) => ({ label: t('stats.quality', { q }), data: b.sum((d) => d.byQuality[q] ?? 0), backgroundColor: p.grades[q] })),
    },
    options: stackedBar(true),
  };
}

export function timePerDay(s: Stats, p: Palette): Cfg {
  const b = binned(s.daily);
  return {
    type: 'bar',
    data: { labels: b.labels, datasets: [{ label: '', data: b.sum((d) => d.ms).map((ms) => Math.round(ms / 6000) / 10), backgroundColor: p.ok }] },
    options: { ...stackedBar(false), plugins: { legend: { display: false } } },
  };
}

export function forecastChart(s: Stats, p: Palette, t: Translate): Cfg {
  return {
    type: 'bar',
    data: { labels: s.forecast.days.map((d) => d.iso.slice(5)), datasets: [{ label: t('stats.chart.cards'), data: s.forecast.days.map((d) => d.n), backgroundColor: p.ok }] },
    options: { ...stackedBar(false), plugins: { legend: { display: false } } },
  };
}

export const STATES = ['new', 'learning', 'young', 'mature', 'suspended', 'retired'] as const;

export function countsChart(s: Stats, p: Palette, t: Translate): ChartConfiguration<'doughnut'> {
  const colors = [p.newCard, p.warn, p.grades[4], p.grades[5], p.muted, p.grid];
  return {
    type: 'doughnut',
    data: {
      labels: STATES.map((k) => `${t(`stats.state.${k}`)} ${s.counts[k]}`),
      datasets: [{ data: STATES.map((k) => s.counts[k]), backgroundColor: colors, borderColor: p.surface, borderWidth: 2 }],
    },
    options: { responsive: true, cutout: '60%', plugins: { legend: { position: 'right' } } },
  };
}

export function bucketChart(buckets: Stats['intervals'], color: string, label: string): Cfg {
  return {
    type: 'bar',
    data: { labels: buckets.map((b) => b.label), datasets: [{ label, data: buckets.map((b) => b.n), backgroundColor: color }] },
    options: { ...stackedBar(false), plugins: { legend: { display: false } } },
  };
}

export function answersChart(s: Stats, p: Palette, t: Translate): Cfg {
  return {
    type: 'bar',
    data: {
      labels: [0, 1, 2, 3, 4, 5].map(String),
      datasets: [{ label: t('stats.chart.answersN'), data: s.answers.byQuality, backgroundColor: p.grades.slice() }],
    },
    options: { ...stackedBar(false), plugins: { legend: { display: false } } },
  };
}

export function hourlyChart(s: Stats, p: Palette, t: Translate): Cfg {
  return {
    type: 'bar',
    data: {
      labels: s.hourly.map((h) => String(h.hour)),
      datasets: [
        { type: 'bar', label: t('stats.chart.answersN'), data: s.hourly.map((h) => h.n), backgroundColor: p.accent, yAxisID: 'y' },
        {
          type: 'line', label: t('stats.chart.hourlyRate'), data: s.hourly.map((h) => (h.rate === null ? null : Math.round(h.rate * 100))),
          borderColor: p.ok, backgroundColor: p.ok, yAxisID: 'rate', spanGaps: true, pointRadius: 2,
        },
      ],
    } as Cfg['data'],
    options: {
      responsive: true,
      scales: {
        x: { grid: { display: false } },
        y: { beginAtZero: true, ticks: { precision: 0 } },
        rate: { position: 'right', min: 0, max: 100, grid: { display: false }, ticks: { callback: (v) => `${v}%` } },
      },
    },
  };
}

export function mocksChart(s: Stats, p: Palette, t: Translate): Cfg {
  return {
    type: 'line',
    data: {
      labels: s.mocks.map((m) => m.iso),
      datasets: [{ label: t('stats.chart.mocks'), data: s.mocks.map((m) => m.score), borderColor: p.accent, backgroundColor: p.accent, pointRadius: 3, tension: 0.25 }],
    },
    options: { responsive: true, scales: { y: { min: 0, max: 100 }, x: { grid: { display: false } } }, plugins: { legend: { display: false } } },
  };
}

/** Heat levels 0–4 from the busiest day, so one huge day does not wash out the rest. */
export function heatLevels(days: Stats['heatmap']['days']): number[] {
  const counts = days.map((d) => d.n).filter((n) => n > 0).sort((a, b) => a - b);
  if (!counts.length) return days.map(() => 0);
  const q = (f: number) => counts[Math.min(counts.length - 1, Math.floor(f * counts.length))]!;
  const edges = [q(0.25), q(0.5), q(0.75)];
  return days.map((d) => (d.n === 0 ? 0 : d.n <= edges[0]! ? 1 : d.n <= edges[1]! ? 2 : d.n <= edges[2]! ? 3 : 4));
}

/** Weekday (0 = Monday) of an ISO date, for the calendar's first column. */
export function weekdayMon0(iso: string): number {
  return (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7;
}
