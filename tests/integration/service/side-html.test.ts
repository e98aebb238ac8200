// The review card's sides arrive rendered (CardView.frontHtml, Reveal.backHtml)
// so the UI's first bundle carries no Markdown parser or sanitize-html. The
// HTML must be exactly what the UI makes of the Markdown itself (the same
// renderSanitized call in renderer/lib/markdownRenderer.ts), escaped and
// sanitized like any card, for every card of the default deck.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSanitized } from '../../../cards/render/sanitized.ts';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { fakeClock } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const ui = (src: string) => renderSanitized(src, { math: 'dom', fold: true }).html;

describe('service-rendered card sides', () => {
  it('nextCard, its upcoming card and reveal carry the HTML the UI would render', async () => {
    const store = Store.open(path.join(tmpDir(), 'html.db'), { create: true });
    const app = new App(store, fakeClock());
    const api = app.client();
    await app.ensureDefaultDeck();
    await api.updateSettings({ newPerDay: 1000 });
    let checked = 0;
    for (let i = 0; i < 60; i++) {
      const next = await api.nextCard();
      if (!next.card) break;
      expect(next.card.frontHtml).toBe(ui(next.card.front));
      if (next.upcoming) expect(next.upcoming.frontHtml).toBe(ui(next.upcoming.front));
      const r = await api.reveal({ cardId: next.card.id });
      expect(r.backHtml).toBe(ui(r.back));
      await api.answer({ cardId: next.card.id, quality: 5, elapsedMs: 1 });
      checked++;
    }
    expect(checked).toBe(60);
    store.close();
  });

  it('is sanitized: a hostile card side reaches the page without script, handlers or style', async () => {
    const store = Store.open(path.join(tmpDir(), 'xss.db'), { create: true });
    const app = new App(store, fakeClock());
    const api = app.client();
    const hostile = '# Evil\n\n## Q <img src=x onerror=alert(1)>\n\n<script>alert(1)</script><a href="javascript:alert(1)" style="color:red" onclick="x()">click</a> $x$\n';
    await api.importNotes({ name: 'evil.md', markdown: hostile });
    const next = await api.nextCard();
    const r = await api.reveal({ cardId: next.card!.id });
    for (const html of [next.card!.frontHtml!, r.backHtml!]) {
      expect(html).not.toMatch(/<script|onerror|onclick|javascript:|style=/i);
    }
    store.close();
  });

  it('keeps markdown-it and sanitize-html out of the first renderer bundle (after npx vite build)', (ctx) => {
    const index = path.join(ROOT, 'dist', 'index.html');
    if (!fs.existsSync(index)) return ctx.skip();
    const html = fs.readFileSync(index, 'utf8');
    const entry = /<script type="module"[^>]*src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    // The entry and every chunk it imports statically (what runs before the first card).
    const seen = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = fs.readFileSync(path.join(ROOT, 'dist', file), 'utf8');
      for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[^"'();]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) walk(`assets/${m[1]}`);
    };
    walk(entry!);
    const first = [...seen].map((f) => fs.readFileSync(path.join(ROOT, 'dist', f), 'utf8')).join('\n');
    expect(first).toContain('frontHtml');
    expect(first).not.toMatch(/linkify|allowedSchemesByTag|markdown-it/);
  });
});
