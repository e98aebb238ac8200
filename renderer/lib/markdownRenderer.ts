// The Markdown renderer (markdown-it, the notes' syntax rules, sanitize-html)
// as its own chunk: evaluating this module hands it to lib/markdown.ts.
// Import it (for its effect) from any screen that renders Markdown the
// service has not rendered already, so it is loaded before that screen runs.
import { renderSanitized } from '../../cards/render/sanitized.ts';
import { provideRenderer } from './markdown.ts';

// The same call as the service's (service/sideRender.ts renderSide): one result for one text.
provideRenderer((src) => renderSanitized(src, { math: 'dom', fold: true }).html);
