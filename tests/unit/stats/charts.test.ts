// The stats screen's pure chart shaping (renderer/screens/stats/charts.ts).
import { describe, expect, it } from 'vitest';
import type { Stats } from '../../../service/contract/index.ts';
import type { Palette } from '../../../renderer/screens/stats/chartjs.ts';
import { binDays, binned, countsChart, heatLevels, hourlyChart, reviewsByMode, weekdayMon0 } from '../../../renderer/screens/stats/charts.ts';
import { dailySeries } from '../../../srs/stats/daily.ts';

const P: Palette = {
  text: 't', muted: 'm', grid: 'g', surface: 's', accent: 'a', ok: 'ok', bad: 'b', warn: 'w', drill: 'd', newCard: 'n',
  grades: ['g0', 'g1', 'g2', 'g3', 'g4', 'g5'], font: 'f',
};
const tr = (k: string, p?: Record<string, string | number>) => (p ? `${k}:${JSON.stringify(p)}` : k);

describe('stats chart shaping', () => {
  it('bins long ranges into weeks and months', () => {
    expect([binDays(30), binDays(90), binDays(365), binDays(700)]).toEqual([1, 1, 7, 30]);
    const daily = dailySeries([{ day: 20000, mode: 'review', c: { n: 2, ms: 0, learned: 0, q: [0, 0, 0, 0, 2, 0], youngN: 0, youngPass: 0, matureN: 0, maturePass: 0, graded: 0, correct: 0 } }], 19636, 20000);
    const b = binned(daily);
    expect(b.labels).toHaveLength(Math.ceil(365 / 7));
    expect(b.sum((d) => d.n).reduce((x, y) => x + y, 0)).toBe(2);
  });

  it('reviews by mode: one stacked dataset per mode in theme colours and the current language', () => {
    const daily = dailySeries([], 1, 3);
    const cfg = reviewsByMode({ daily } as unknown as Stats, P, tr);
    expect(cfg.type).toBe('bar');
    expect(cfg.data.datasets.map((d) => [d.label, d.backgroundColor])).toEqual([['stats.mode.review', 'a'], ['stats.mode.drill', 'd'], ['stats.mode.mock', 'w']]);
    expect(cfg.data.labels).toEqual(['01-02', '01-03', '01-04']);
  });

  it('counts doughnut labels carry the numbers; hourly has a pass-rate line on its own axis', () => {
    const counts = { new: 3, learning: 0, young: 2, mature: 1, suspended: 0, retired: 4, total: 10 };
    const c = countsChart({ counts } as unknown as Stats, P, tr);
    expect(c.data.labels![0]).toBe('stats.state.new 3');
    expect(c.data.datasets[0]!.data).toEqual([3, 0, 2, 1, 0, 4]);
    const hourly = Array.from({ length: 24 }, (_, hour) => ({ hour, n: hour === 9 ? 4 : 0, pass: hour === 9 ? 3 : 0, rate: hour === 9 ? 0.75 : null }));
    const h = hourlyChart({ hourly } as unknown as Stats, P, tr);
    expect(h.data.datasets[1]!.data[9]).toBe(75);
    expect(h.data.datasets[1]!.data[8]).toBeNull();
  });

  it('heat levels scale by quartiles of active days; weeks start on Monday', () => {
    const days = [0, 1, 2, 3, 4, 100].map((n, i) => ({ day: i, iso: '', n }));
    expect(heatLevels(days)).toEqual([0, 1, 1, 2, 3, 4]);
    expect(heatLevels(days.map((d) => ({ ...d, n: 0 })))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(weekdayMon0('2026-11-23')).toBe(0); // a Monday
    expect(weekdayMon0('2026-11-29')).toBe(6);
  });
});
