// i18n: one module of strings per area (core here; mock and stats owned by
// their screens), merged into one dictionary per language. Every key must
// exist in both languages (checked by tests/unit/renderer/i18n.test.ts).
//
//   import { t, pick } from '../i18n/index.ts';
//   t('today.start')                 → "开始复习" / "Start review"
//   t('review.left', { n: 12 })      → "剩余 12" / "12 left"
//   pick(problem.prompt)             → the {zh, en} text in the current language
import { core } from './core.ts';
import { decks } from './decks.ts';
import { doctor } from './doctor.ts';
import { fsrs } from './fsrs.ts';
import { locale, setLang, type Lang } from './lang.svelte.ts';
import { mock } from './mock.ts';
import { notes } from './notes.ts';
import { stats } from './stats.ts';

export { locale, setLang, type Lang };
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** Every string module; a new area adds its `{ zh, en }` object here. */
export const modules = { core, mock, stats, doctor, decks, fsrs, notes } as const;

export type Key = keyof typeof core.en | keyof typeof mock.en | keyof typeof stats.en | keyof typeof doctor.en | keyof typeof decks.en | keyof typeof fsrs.en | keyof typeof notes.en;
export type Params = Record<string, string | number>;

const dict: Record<Lang, Record<string, string>> = {
  zh: { ...core.zh, ...mock.zh, ...stats.zh, ...doctor.zh, ...decks.zh, ...fsrs.zh, ...notes.zh },
  en: { ...core.en, ...mock.en, ...stats.en, ...doctor.en, ...decks.en, ...fsrs.en, ...notes.en },
};

function fill(s: string, params?: Params): string {
  if (!params) return s;
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The string for `key` in the current language (reactive), with `{name}` placeholders filled. */
export function t(key: Key, params?: Params): string {
  const lang = locale.lang;
  const s = dict[lang][key] ?? dict.en[key] ?? key;
  return fill(s, params);
}

/** The same, in a given language (for tests and exports). */
export function tIn(lang: Lang, key: Key, params?: Params): string {
  return fill(dict[lang][key] ?? key, params);
}

/** Pick the current language from bilingual content, falling back to the other one. */
export function pick(v: { zh: string; en: string } | undefined | null): string {
  if (!v) return '';
  return (locale.lang === 'zh' ? v.zh || v.en : v.en || v.zh) ?? '';
}
