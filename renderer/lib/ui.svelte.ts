// App-wide UI state: the current screen (from the URL hash, so reload and
// back/forward work under file:// too), the theme, and the loaded settings.
import type { Settings } from '../../service/contract/index.ts';
import { setLang } from '../i18n/index.ts';

export const ROUTES = ['today', 'review', 'mock', 'browse', 'decks', 'import', 'stats', 'settings'] as const;
export type Route = (typeof ROUTES)[number];
export type Theme = Settings['theme'];

export function routeFromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'today';
}

export const ui = $state<{ route: Route; settings: Settings | null; theme: Theme }>({
  route: typeof location === 'undefined' ? 'today' : routeFromHash(location.hash),
  settings: null,
  theme: 'system',
});

export function navigate(route: Route): void {
  if (ui.route === route && location.hash === `#/${route}`) return;
  location.hash = `#/${route}`;
  ui.route = route;
}

export function listenToHash(): () => void {
  const on = () => {
    ui.route = routeFromHash(location.hash);
  };
  window.addEventListener('hashchange', on);
  return () => window.removeEventListener('hashchange', on);
}

const THEME_KEY = 'deeprecall.theme';
const dark = typeof matchMedia === 'undefined' ? null : matchMedia('(prefers-color-scheme: dark)');

function resolvedTheme(theme: Theme): 'light' | 'dark' {
  if (theme === 'system') return dark?.matches ? 'dark' : 'light';
  return theme;
}

/** Apply a theme to <html data-theme>; 'system' follows the OS live. */
export function applyTheme(theme: Theme): void {
  ui.theme = theme;
  document.documentElement.dataset.theme = resolvedTheme(theme);
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    /* storage disabled */
  }
}

/** Before the first paint: the theme remembered from the last launch, and follow OS changes. */
export function initTheme(): void {
  let saved: Theme = 'system';
  try {
    const v = localStorage.getItem(THEME_KEY);
    if (v === 'light' || v === 'dark' || v === 'system') saved = v;
  } catch {
    /* storage disabled */
  }
  applyTheme(saved);
  dark?.addEventListener('change', () => {
    if (ui.theme === 'system') applyTheme('system');
  });
}

/** Settings arrived or changed: language and theme follow at once. */
export function applySettings(s: Settings): void {
  ui.settings = s;
  setLang(s.language);
  applyTheme(s.theme);
}
