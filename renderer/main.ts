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
// KaTeX's fonts are not fetched here: the browser loads a face when a shown
// formula first uses it, so a start without math (or before the first card)
// spends nothing on them.
