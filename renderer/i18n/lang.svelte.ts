// The UI language as reactive state: reading it inside t() makes every
// template that shows translated text update the moment it changes.
export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'deeprecall.lang';

function initial(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    /* storage disabled */
  }
  return 'zh'; // the settings default; corrected once settings load
}

export const locale = $state<{ lang: Lang }>({ lang: typeof localStorage === 'undefined' ? 'zh' : initial() });

/** Switch every translated string at once; remembered locally so the next launch paints in the right language. */
export function setLang(lang: Lang): void {
  locale.lang = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* storage disabled */
  }
}
