// Shared e2e harness: a real App on a temp SQLite file, served by the
// browser-mode host from dist/, driven by Chromium through playwright-core.
//
//   import { browserAvailable, skipReason, launchApp } from './harness.ts';
//   describe.skipIf(!browserAvailable)(`reviews ${skipReason}`, () => {
//     let h: Harness;
//     beforeAll(async () => { h = await launchApp(); });
//     afterAll(() => h?.cleanup());
//     it('…', async () => { await h.page.goto(h.url); await h.shot('today'); });
//   });
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { Store } from '../../db/store.ts';
import { App } from '../../service/app.ts';
import type { Clock } from '../../service/clock.ts';
import { startServer, type RunningServer } from '../../web/server.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots');
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

interface BrowserChoice {
  /** undefined = Playwright's own bundled Chromium. */
  executablePath: string | undefined;
  reason: string | null;
}

/** System Chromium first, else Playwright's bundled one, else a reason to skip. */
export function findBrowser(): BrowserChoice {
  const env = process.env.DEEPRECALL_CHROMIUM;
  if (env && fs.existsSync(env)) return { executablePath: env, reason: null };
  if (fs.existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, reason: null };
  try {
    const bundled = chromium.executablePath();
    if (bundled && fs.existsSync(bundled)) return { executablePath: undefined, reason: null };
  } catch {
    /* no bundled browser registered */
  }
  return { executablePath: undefined, reason: `no Chromium: ${SYSTEM_CHROMIUM} is missing and Playwright has no bundled browser (apt-get install chromium)` };
}

const choice = findBrowser();
export const browserAvailable = choice.reason === null;
/** Append to a describe title so a skipped suite says why. */
export const skipReason = choice.reason ? `(skipped: ${choice.reason})` : '';

export async function launchBrowser(): Promise<Browser> {
  if (choice.reason) throw new Error(choice.reason);
  return chromium.launch({ executablePath: choice.executablePath, args: CHROMIUM_ARGS, headless: true });
}

export interface LaunchOptions {
  /** A fake clock for the App (default: the system clock). */
  clock?: Clock;
  /** Import the bundled deck on start, as `deeprecall serve` does (default true). */
  defaultDeck?: boolean;
  /** Runs on the store after the deck import, before the page opens (test-only data setup). */
  setup?: (app: App, store: Store) => void;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** Reuse a browser across apps in one file; otherwise one is launched and closed with the app. */
  browser?: Browser;
}

export interface Harness {
  app: App;
  store: Store;
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** The page URL with the token (?token=…). */
  url: string;
  dbFile: string;
  /** Messages of `pageerror`, console errors (CSP violations land here) and dialogs. */
  pageErrors: string[];
  consoleErrors: string[];
  dialogs: string[];
  /** Accept the next confirm() instead of dismissing it. */
  acceptNextDialog(): void;
  /** Save test-results/screenshots/<name>.png; returns the path. */
  shot(name: string, opts?: { fullPage?: boolean }): Promise<string>;
  cleanup(): Promise<void>;
}

export function assertBuilt(): void {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`renderer not built: ${path.join(DIST, 'index.html')} missing — run \`npx vite build\` first`);
  }
}

export async function launchApp(opts: LaunchOptions = {}): Promise<Harness> {
  assertBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deeprecall-e2e-'));
  const dbFile = path.join(dir, 'profile.sqlite');
  const store = Store.open(dbFile, { create: true });
  const app = new App(store, opts.clock);
  if (opts.defaultDeck !== false) await app.ensureDefaultDeck();
  opts.setup?.(app, store);
  // As `deeprecall serve` does: a page loaded with the token carries its first card (web/firstCard.ts).
  const server = await startServer({ app, port: 0, staticDir: DIST, firstCard: () => app.dispatch('nextCard', {}), pageSettings: () => app.dispatch('getSettings', {}) });
  const ownBrowser = !opts.browser;
  const browser = opts.browser ?? (await launchBrowser());
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1180, height: 820 },
    colorScheme: opts.colorScheme ?? 'light',
    deviceScaleFactor: 1,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  // Every dialog is recorded and dismissed (a hostile card must not open one), except a
  // confirm the test announced with acceptNextDialog() (Remove deck asks first).
  let acceptNext = false;
  page.on('dialog', (d) => {
    if (acceptNext && d.type() === 'confirm') {
      acceptNext = false;
      void d.accept().catch(() => undefined);
      return;
    }
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  let closed = false;
  return {
    acceptNextDialog: () => {
      acceptNext = true;
    },
    app,
    store,
    server,
    browser,
    context,
    page,
    url: server.url,
    dbFile,
    pageErrors,
    consoleErrors,
    dialogs,
    async shot(name, o = {}) {
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: o.fullPage ?? false, animations: 'disabled' });
      return file;
    },
    async cleanup() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => undefined);
      if (ownBrowser) await browser.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The in-page review timings (see renderer/lib/perf.ts). */
export async function readPerf(page: Page): Promise<{ keyToRender: number[]; keyToPaint: number[]; render: number[]; firstCardAt: number | null }> {
  return page.evaluate(() => {
    const p = window.__deeprecallPerf;
    return { keyToRender: [...(p?.keyToRender ?? [])], keyToPaint: [...(p?.keyToPaint ?? [])], render: [...(p?.render ?? [])], firstCardAt: p?.firstCardAt ?? null };
  });
}

export function median(xs: readonly number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Review screen helpers shared by the review, mock and stats e2e suites. */
export const review = {
  /** Current shown-card counter of the review screen. */
  async seq(page: Page): Promise<number> {
    return Number((await page.getAttribute('[data-testid=review]', 'data-seq')) ?? '0');
  },
  async phase(page: Page): Promise<string | null> {
    return page.getAttribute('[data-testid=review]', 'data-phase');
  },
  /** Wait until the review screen has put a new card (or the summary) on screen after `seq`. */
  async waitNext(page: Page, seq: number): Promise<void> {
    await page.waitForFunction(
      (s) => {
        const el = document.querySelector('[data-testid=review]');
        const phase = el?.getAttribute('data-phase');
        return Number(el?.getAttribute('data-seq') ?? 0) > s && (phase === 'front' || phase === 'typing' || phase === 'done');
      },
      seq,
      { timeout: 10_000 },
    );
  },
  async waitPhase(page: Page, ...phases: string[]): Promise<void> {
    await page.waitForFunction(
      (ps) => ps.includes(document.querySelector('[data-testid=review]')?.getAttribute('data-phase') ?? ''),
      phases,
      { timeout: 10_000 },
    );
  },
  /** Wait until every answer / undo the screen sent has been acknowledged by the host. */
  async settled(page: Page): Promise<void> {
    await page.waitForFunction(() => document.querySelector('[data-testid=review]')?.getAttribute('data-pending') === '0', undefined, { timeout: 10_000 });
  },
  async cardId(page: Page): Promise<string | null> {
    return page.getAttribute('[data-testid=card]', 'data-card-id');
  },
  async cardKind(page: Page): Promise<string | null> {
    return page.getAttribute('[data-testid=card]', 'data-kind');
  },
};

/** Rows of the review log, oldest first, straight from SQLite. */
export function reviewRows(store: Store): { id: number; card_id: string; quality: number; mode: string; undone_at: number | null; answer: string | null; correct: number | null }[] {
  return store.db.prepare('SELECT id, card_id, quality, mode, undone_at, answer, correct FROM reviews ORDER BY id').all() as never;
}
