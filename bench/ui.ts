// UI timings in real browser mode: `deeprecall serve` in its own process,
// driven by Chromium. Prints
//   cold start   server spawn → first card visible (fresh profile, deck import included)
//   keypress     grade key → next card's DOM committed / painted (median, p90)
// Needs the renderer built (npx vite build) and a Chromium (see tests/e2e/harness.ts).
//
//   npx tsx bench/ui.ts [--cards 40]
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertBuilt, browserAvailable, launchBrowser, median, readPerf, review, ROOT, skipReason } from '../tests/e2e/harness.ts';

export interface UiBenchResult {
  serverReadyMs: number;
  pageToFirstCardMs: number;
  coldStartMs: number;
  keyToRenderMedianMs: number;
  keyToRenderP90Ms: number;
  keyToPaintMedianMs: number;
  /** The page's share of it: card data in hand → DOM committed. */
  renderMedianMs: number;
  samples: number;
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

export async function runUiBench(cards = 40): Promise<UiBenchResult> {
  assertBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deeprecall-bench-'));
  const browser = await launchBrowser();
  let child: ChildProcess | null = null;
  try {
    const context = await browser.newContext({ viewport: { width: 1180, height: 820 } });
    const page = await context.newPage();
    await page.goto('about:blank');

    const t0 = performance.now();
    const served = startServe(path.join(dir, 'bench.sqlite'));
    child = served.child;
    const url = await served.url;
    const t1 = performance.now();
    // Straight to the review screen: the first card is what the user waits for.
    await page.goto(`${url}#/review`);
    await page.waitForSelector('[data-testid=card] [data-testid=card-front]');
    const t2 = performance.now();

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
    return {
      serverReadyMs: t1 - t0,
      pageToFirstCardMs: t2 - t1,
      coldStartMs: t2 - t0,
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
  console.log(`  cold start → first card   ${f(r.coldStartMs)}  (server ready ${f(r.serverReadyMs)}, page → card ${f(r.pageToFirstCardMs)})  target < 1000 ms`);
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
