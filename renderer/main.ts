// Entry: theme and language before the first paint, then mount the app.
import 'katex/dist/katex.min.css';
import './styles/app.css';
import './styles/cards.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { currentTransport } from './lib/api.ts';
import { readFirstCard } from './lib/firstCard.ts';
import { locale, setLang } from './i18n/index.ts';
import { initTheme } from './lib/ui.svelte.ts';

initTheme();
setLang(locale.lang);
currentTransport(); // take the token out of the address bar right away

void readFirstCard(); // browser mode may send the first card after this script has started (firstCard.ts)

// The script is async (it runs while the host may still be sending the page's
// end), so #app — in the part sent first — is normally there; wait if not.
function mountApp(): void {
  const target = document.getElementById('app');
  if (!target) throw new Error('#app missing from index.html');
  mount(App, { target });
}
if (document.getElementById('app') || document.readyState !== 'loading') mountApp();
else document.addEventListener('DOMContentLoaded', mountApp, { once: true });
// KaTeX's fonts are not fetched here: the browser loads a face when a shown
// formula first uses it, so a start without math (or before the first card)
// spends nothing on them.
