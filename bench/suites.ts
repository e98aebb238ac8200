// Suites beyond the core: each area adds one entry. A suite gets the shared
// 100k-card / 1M-review profile and returns rows for the table.
import type { Store } from '../db/store.ts';
import type { App } from '../service/app.ts';
import { browserAvailable, skipReason } from '../tests/e2e/harness.ts';
import { benchAnki } from './anki.ts';
import { benchCards } from './cards.ts';
import { benchFolders } from './folders.ts';
import { benchEvaluate, benchFsrsAnswer } from './fsrs.ts';
import type { BenchRow } from './measure.ts';
import { benchServer } from './server.ts';
import { benchStart } from './start.ts';
import { benchStats } from './stats.ts';
import { runUiBench } from './ui.ts';

export interface BenchContext {
  store: Store;
  app: App;
  today: number;
  dir: string;
  file: string;
  quick: boolean;
  log: (s: string) => void;
}

export interface Suite {
  name: string;
  run: (ctx: BenchContext) => BenchRow[] | Promise<BenchRow[]>;
}

async function benchUi(): Promise<BenchRow[]> {
  if (!browserAvailable) return [{ name: 'UI (browser mode)', value: NaN, unit: '', note: `skipped: ${skipReason}` }];
  const r = await runUiBench(40);
  return [
    { name: 'browser mode cold start → first card', value: r.coldStartMs, unit: 'ms', target: '< 1000 ms', pass: r.coldStartMs < 1000, note: `server spawn → first card on screen (the page's clock: the frame that shows it); server ready ${r.serverReadyMs.toFixed(0)} ms, page → card ${r.pageToFirstCardMs.toFixed(0)} ms; Playwright's wait for it ended ${(r.serverReadyMs + r.pageWaitMs).toFixed(0)} ms after spawn` },
    { name: 'browser mode page → first card', value: r.pageToFirstCardMs, unit: 'ms', target: '< 300 ms', pass: r.pageToFirstCardMs < 300, note: `navigation to the first card on screen, math typeset (fresh profile), by the page's clock (Playwright's wait ended at ${r.pageWaitMs.toFixed(0)} ms); Chromium's floor here, a trivial page's text on screen: ${r.floorMs.toFixed(0)} ms; html ${r.phases.html.toFixed(0)}, scripts ${r.phases.scripts.toFixed(0)}, first API ${r.phases.firstApi.toFixed(0)}, nextCard ${r.phases.nextCard.toFixed(0)}, front ${r.phases.front.toFixed(0)}, math ${r.phases.math.toFixed(0)} ms${r.serverCpuMs === null ? '' : `; server CPU to first card ${r.serverCpuMs.toFixed(0)} ms`}; page main thread ${r.pageCpuMs.toFixed(0)} ms${r.rendererCpuMs === null ? '' : `; renderer CPU ${r.rendererCpuMs.toFixed(0)} ms`}; first scripts+styles ${r.phases.firstKb.toFixed(0)} kB` },
    { name: 'keypress → next card rendered', value: r.keyToRenderMedianMs, unit: 'ms', target: '< 16 ms median', pass: r.keyToRenderMedianMs < 16, note: `p90 ${r.keyToRenderP90Ms.toFixed(1)} ms, painted ${r.keyToPaintMedianMs.toFixed(1)} ms, page share ${r.renderMedianMs.toFixed(1)} ms, n=${r.samples}` },
  ];
}

export const SUITES: Suite[] = [
  { name: 'cards', run: benchCards },
  { name: 'folders', run: benchFolders },
  { name: 'start', run: () => benchStart() },
  { name: 'ui', run: benchUi },
  { name: 'server', run: benchServer },
  { name: 'stats', run: (ctx) => benchStats(ctx.store, { app: ctx.app, today: ctx.today }) },
  { name: 'anki', run: (ctx) => benchAnki(ctx.dir, ctx.quick, ctx.log) },
  { name: 'fsrs', run: async (ctx) => [...benchFsrsAnswer(ctx.store, ctx.app, ctx.today), ...(await benchEvaluate(ctx.dir, ctx.quick ? 20_000 : 100_000))] },
];
