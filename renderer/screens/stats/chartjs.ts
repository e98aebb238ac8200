// chart.js with only the pieces the stats screen draws, so the bundle carries
// no unused chart types; and the theme's colours, read from the CSS variables
// of <html data-theme> so charts follow light and dark.
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, DoughnutController, ArcElement, CategoryScale, LinearScale, Tooltip, Legend);

export { Chart };
export type { ChartConfiguration } from 'chart.js';

export interface Palette {
  text: string;
  muted: string;
  grid: string;
  surface: string;
  accent: string;
  ok: string;
  bad: string;
  warn: string;
  drill: string;
  newCard: string;
  grades: [string, string, string, string, string, string];
  font: string;
}

export function readPalette(el: Element = document.documentElement): Palette {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', '#1f2023'),
    muted: v('--muted', '#75767c'),
    grid: v('--border', '#e3e1da'),
    surface: v('--surface', '#ffffff'),
    accent: v('--accent', '#3f5bd8'),
    ok: v('--ok', '#2b8a3e'),
    bad: v('--bad', '#c92a2a'),
    warn: v('--warn', '#a35f00'),
    drill: v('--drill', '#c92a2a'),
    newCard: v('--new', '#3f5bd8'),
    grades: [v('--g0', '#c92a2a'), v('--g1', '#e03e1a'), v('--g2', '#e8790c'), v('--g3', '#b08800'), v('--g4', '#2b8a3e'), v('--g5', '#1c6fd1')],
    font: v('--font-ui', 'system-ui, sans-serif'),
  };
}

/** Shared look: theme colours, no animation (instant redraws, stable screenshots and prints). */
export function applyDefaults(p: Palette): void {
  Chart.defaults.color = p.muted;
  Chart.defaults.borderColor = p.grid;
  Chart.defaults.font.family = p.font;
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.plugins.legend.labels.boxWidth = 12;
  Chart.defaults.plugins.tooltip.backgroundColor = p.text;
  Chart.defaults.plugins.tooltip.titleColor = p.surface;
  Chart.defaults.plugins.tooltip.bodyColor = p.surface;
}
