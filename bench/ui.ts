// UI timings in real browser mode: `deeprecall serve` in its own process,
// driven by Chromium. Prints
//   cold start   server spawn → first card on screen (fresh profile, deck import included), by the
//                page's own clock: the frame that shows the card (Playwright's wait, which ends a
//                round trip or more later on a busy machine, is reported beside it)
//   floor        the same Chromium showing a trivial page (one line of text, one tiny module script)
//                from a trivial local server, measured the same way: what no app can go under here
//   keypress     grade key → next card's DOM committed / painted (median, p90)
// Needs the renderer built (npx vite build) and a Chromium (see tests/e2e/harness.ts).
//
//   npx tsx bench/ui.ts [--cards 40]
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertBuilt, browserAvailable, launchBrowser, median, readPerf, review, ROOT, skipReason } from '../tests/e2e/harness.ts';

export interface UiBenchResult {
  serverReadyMs: number;
  /** `open:` line → the frame that shows the first card, math typeset (page clock). */
  pageToFirstCardMs: number;
  coldStartMs: number;
  /** `open:` line → Playwright's wait for the card ended (includes its own polling and round trips). */
  pageWaitMs: number;
  /** Chromium's floor: navigation → a trivial page's text on screen, same browser, same clock (median of 3). */
  floorMs: number;
  /** How long the just-launched browser took to go quiet before the server was spawned. */
  settledMs: number;
  /** Sub-phases of page → card, from the page's own timeline (ms after the `open:` line). */
  phases: PagePhases;
  /** CPU (user + system) the server process spent from spawn to the first card; null off Linux. */
  serverCpuMs: number | null;
  /** The page's main-thread busy time (Chromium TaskDuration), navigation → first card. */
  pageCpuMs: number;
  /** CPU time of Chromium's renderer processes (all their threads: parse, compile, style, layout), spawn → first card; null if not reported. */
  rendererCpuMs: number | null;
  keyToRenderMedianMs: number;
  keyToRenderP90Ms: number;
  keyToPaintMedianMs: number;
  /** The page's share of it: card data in hand → DOM committed. */
  renderMedianMs: number;
  samples: number;
}

export interface PagePhases {
  /** index.html's first bytes received (its end carries the first card, see nextCard). */
  html: number;
  /** The last of the page's first scripts and styles received. */
  scripts: number;
  /** The first API request sent (the app bundle evaluated and mounted). */
  firstApi: number;
  /** The first card's data received: the end of index.html, which carries it, or nextCard's answer when it does not. */
  nextCard: number;
  /** The first card's DOM committed, by the page's clock (before its math is typeset, if any). */
  front: number;
  /** Its formulas typeset (= front when it has none), by the page's clock to the frame. */
  math: number;
  /** kB of script and style the page fetched before its first API call (the first bundle, its CSS, preloads). */
  firstKb: number;
}

/** utime + stime of a process in ms, from /proc (Linux); null elsewhere. */
function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** Busy and total jiffies of the whole machine (/proc/stat); null off Linux. */
function machineTicks(): { busy: number; total: number } | null {
  try {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = f.reduce((a, b) => a + b, 0);
    return { busy: total - f[3]! - (f[4] ?? 0), total };
  } catch {
    return null;
  }
}

/** Wait until the machine's CPUs are ≥ 90 % idle over 250 ms (at most `maxMs`); how long it took. */
async function machineQuiet(maxMs = 5000): Promise<number> {
  const start = performance.now();
  let a = machineTicks();
  while (a && performance.now() - start < maxMs) {
    await new Promise((r) => setTimeout(r, 250));
    const b = machineTicks();
    if (!b) break;
    const share = (b.busy - a.busy) / Math.max(1, b.total - a.total);
    if (share < 0.1) break;
    a = b;
  }
  return performance.now() - start;
}

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
}

function startServe(db: string): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/deeprecall.js'), 'serve', '--port', '0', '--db', db], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /open: (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => reject(new Error(`deeprecall serve exited with ${code}: ${err || out}`)));
  });
  return { child, url };
}

const FLOOR_HTML = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><script type="module" src="/a.js"></script></head><body><div id="app"></div></body></html>';
const FLOOR_JS = "document.getElementById('app').textContent = '什么是梯度消失？ What is a vanishing gradient?'; requestAnimationFrame(() => { window.__shownAt = performance.now(); });";

/** Navigation → a trivial page's text on screen (page clock, the frame that shows it), in this browser: median of `runs`. */
async function chromiumFloor(browser: Awaited<ReturnType<typeof launchBrowser>>, runs = 3): Promise<number> {
  const server = http.createServer((req, res) => {
    const js = req.url?.startsWith('/a.js');
    res.writeHead(200, { 'Content-Type': js ? 'text/javascript' : 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(js ? FLOOR_JS : FLOOR_HTML);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  const xs: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1180, height: 820 } });
      const page = await context.newPage();
      await page.goto('about:blank');
      const t0 = performance.now();
      await page.goto(`http://127.0.0.1:${port}/?run=${i}`);
      await page.waitForFunction(() => (window as unknown as { __shownAt?: number }).__shownAt !== undefined);
      const { origin, shown } = await page.evaluate(() => ({ origin: performance.timeOrigin, shown: (window as unknown as { __shownAt: number }).__shownAt }));
      xs.push(origin + shown - (performance.timeOrigin + t0));
      await context.close();
    }
  } finally {
    server.close();
  }
  return median(xs);
}

export async function runUiBench(cards = 40): Promise<UiBenchResult> {
  assertBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deeprecall-bench-'));
  const browser = await launchBrowser();
  let child: ChildProcess | null = null;
  try {
    const context = await browser.newContext({ viewport: { width: 1180, height: 820 } });
    // The page notes, each frame, when the first card's front is up with its math typeset
    // (page clock; Playwright's own waits lag by a round trip on a busy machine).
    // (A string: tsx would wrap a function's inner names in a helper the page lacks.)
    await context.addInitScript(`(() => {
      const tick = () => {
        if (document.querySelector('[data-testid=card] [data-testid=card-front]') && !document.querySelector('[data-testid=card] .math-pending')) window.__mathDoneAt = performance.now();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })();`);
    const page = await context.newPage();
    await page.goto('about:blank');
    // Chromium's own main-thread counters: a load-independent view of what the page costs.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
    const task0 = await taskSeconds();
    // Renderer processes' CPU seconds (SystemInfo.getProcessInfo): unlike TaskDuration it does not grow while the machine is busy elsewhere.
    const sys = await browser.newBrowserCDPSession();
    const rendererCpu = async () => {
      try {
        const { processInfo } = (await sys.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number; cpuTime: number }[] };
        return new Map(processInfo.filter((p) => p.type === 'renderer').map((p) => [p.id, p.cpuTime]));
      } catch {
        return null;
      }
    };
    const renderer0 = await rendererCpu();
    // A user's browser is already running and idle when they open DeepRecall: wait for this one's own start-up
    // work (just launched, a context and a page made) to finish, so it is not counted as DeepRecall's.
    const settledMs = await machineQuiet();

    const t0 = performance.now();
    const served = startServe(path.join(dir, 'bench.sqlite'));
    child = served.child;
    const url = await served.url;
    const t1 = performance.now();
    // Straight to the review screen: the first card is what the user waits for.
    await page.goto(`${url}#/review`);
    await page.waitForSelector('[data-testid=card] [data-testid=card-front]');
    // A card with math counts as shown once its formulas are typeset (KaTeX loads on demand).
    await page.waitForFunction(() => !document.querySelector('[data-testid=card] .math-pending'));
    const t2 = performance.now();
    const serverCpuMs = processCpuMs(child.pid);
    const pageCpuMs = ((await taskSeconds()) - task0) * 1000;
    const renderer1 = await rendererCpu();
    const rendererCpuMs = renderer0 && renderer1 ? [...renderer1].reduce((a, [id, t]) => a + t - (renderer0.get(id) ?? 0), 0) * 1000 : null;
    await sys.detach().catch(() => undefined);
    const origin = performance.timeOrigin + t1; // epoch ms of the `open:` line
    const timeline = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const api = res.filter((e) => e.name.includes('/api/'));
      const apiNext = api.find((e) => e.name.endsWith('/api/nextCard'));
      const first = res.filter((e) => /\.(js|css)$/.test(new URL(e.name).pathname) && e.startTime < (api[0]?.startTime ?? Infinity));
      return {
        origin: performance.timeOrigin,
        // Its first bytes: browser mode holds the end of the page (the first card) until the service has it.
        html: nav?.responseStart ?? NaN,
        scripts: Math.max(nav?.responseStart ?? 0, ...first.map((e) => e.responseEnd)),
        firstApi: Math.min(...api.map((e) => e.startTime)),
        // Browser mode puts the first card at the end of index.html (web/firstCard.ts): it is in once the page is parsed
        // whole (domInteractive). A page without it shows the card nextCard answered; with it, nextCard is only asked
        // behind the card, so an answer that came after the card was on screen is not where the card came from.
        nextCard: (apiNext && apiNext.responseEnd <= (window.__deeprecallPerf?.firstCardAt ?? -Infinity) ? apiNext.responseEnd : nav?.domInteractive) ?? NaN,
        front: window.__deeprecallPerf?.firstCardAt ?? NaN,
        math: (window as unknown as { __mathDoneAt?: number }).__mathDoneAt ?? NaN,
        firstKb: first.reduce((a, e) => a + (e.decodedBodySize || 0), 0) / 1024,
      };
    });
    const at = (ms: number) => timeline.origin + ms - origin;
    const phases: PagePhases = { html: at(timeline.html), scripts: at(timeline.scripts), firstApi: at(timeline.firstApi), nextCard: at(timeline.nextCard), front: at(timeline.front), math: at(timeline.math), firstKb: timeline.firstKb };

    // Grades alternate so some cards come back as drills, as in real use.
    const grades = ['5', '4', '5', '3', '4', '5', '2', '4'];
    for (let i = 0; i < cards; i++) {
      const phase = await review.phase(page);
      if (phase === 'done') break;
      if (phase === 'typing') {
        // A problem card: give up and self-grade (typing speed is not what we measure).
        await page.keyboard.press('Escape');
      }
      await page.keyboard.press('Space');
      await review.waitPhase(page, 'back');
      await page.waitForTimeout(30); // the user reads the answer; let the prefetch land
      const seq = await review.seq(page);
      await page.keyboard.press(grades[i % grades.length]!);
      await review.waitNext(page, seq);
    }
    const perf = await readPerf(page);
    await context.close();
    // After the app, not before: closing the floor's pages keeps Chromium busy for a while after.
    const floorMs = await chromiumFloor(browser);
    // On screen: the frame whose animation callback saw the card's front with its math typeset (the page's clock,
    // on the bench's time line); Playwright's wait (t2) ends later by its own polling and round trips.
    const onScreen = Number.isFinite(phases.math) ? phases.math : t2 - t1;
    return {
      serverReadyMs: t1 - t0,
      pageToFirstCardMs: onScreen,
      coldStartMs: t1 - t0 + onScreen,
      pageWaitMs: t2 - t1,
      floorMs,
      settledMs,
      phases,
      serverCpuMs,
      pageCpuMs,
      rendererCpuMs,
      keyToRenderMedianMs: median(perf.keyToRender),
      keyToRenderP90Ms: percentile(perf.keyToRender, 0.9),
      keyToPaintMedianMs: median(perf.keyToPaint),
      renderMedianMs: median(perf.render),
      samples: perf.keyToRender.length,
    };
  } finally {
    child?.kill('SIGTERM');
    await browser.close().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function printUiBench(r: UiBenchResult): void {
  const f = (x: number) => `${x.toFixed(1)} ms`;
  console.log('UI (browser mode, Chromium)');
  console.log(`  cold start → first card   ${f(r.coldStartMs)}  (server ready ${f(r.serverReadyMs)}, page → card on screen ${f(r.pageToFirstCardMs)}; Playwright's wait ended at ${f(r.pageWaitMs)})  target < 1000 ms`);
  console.log(`    Chromium's floor here: a trivial page's text on screen ${f(r.floorMs)} after its navigation; the launched browser went quiet in ${f(r.settledMs)} before the server was spawned`);
  const p = r.phases;
  console.log(`    page: html (its first part) ${f(p.html)}, scripts ${f(p.scripts)}, first API call ${f(p.firstApi)}, first card's data in ${f(p.nextCard)}, front shown ${f(p.front)}, math typeset ${f(p.math)} (page clock; the test's own wait ends at ${f(r.pageWaitMs)}); ${p.firstKb.toFixed(0)} kB of scripts and styles before the first API call`);
  if (r.serverCpuMs !== null) console.log(`    server process CPU, spawn → first card: ${f(r.serverCpuMs)}`);
  console.log(`    page main thread busy, navigation → first card: ${f(r.pageCpuMs)}${r.rendererCpuMs === null ? '' : `; renderer processes' CPU, spawn → first card: ${f(r.rendererCpuMs)}`}`);
  console.log(`  keypress → next card      median ${f(r.keyToRenderMedianMs)} (DOM), p90 ${f(r.keyToRenderP90Ms)}, painted ${f(r.keyToPaintMedianMs)}  n=${r.samples}  target < 16 ms`);
  console.log(`    of which the page (data → DOM)  median ${f(r.renderMedianMs)}; the rest is answer commit + nextCard round trips`);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  if (!browserAvailable) {
    console.log(`UI bench ${skipReason}`);
  } else {
    const i = process.argv.indexOf('--cards');
    const n = i > 0 ? Number(process.argv[i + 1]) : 40;
    printUiBench(await runUiBench(n));
  }
}
