// Entry: theme and language before the first paint, then mount the app.
import 'katex/dist/katex.min.css';
import './styles/app.css';
import './styles/cards.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { currentTransport } from './lib/api.ts';
import { locale, setLang } from './i18n/index.ts';
import { initTheme } from './lib/ui.svelte.ts';

initTheme();
setLang(locale.lang);
currentTransport(); // take the token out of the address bar right away

const target = document.getElementById('app');
if (!target) throw new Error('#app missing from index.html');
mount(App, { target });

// KaTeX's two main faces, fetched while the user looks at Today, so the first
// card's formulas don't wait on fonts.
if (document.fonts) {
  void Promise.allSettled([document.fonts.load('1em KaTeX_Main'), document.fonts.load('italic 1em KaTeX_Math')]);
}
