// The answer parser (mathjs, ~700 kB of the CLI bundle) is not part of
// start-up: the service loads, imports the default deck and serves cards
// without it, and loads it at the first typed answer (issue 12 item 11).
import path from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { graderLoaded } from '../../../service/review.ts';
import { fakeClock } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('the grader loads at the first typed answer', () => {
  it('serves cards without it, then grades a typed answer through dispatch', async () => {
    const store = Store.open(path.join(tmpDir(), 'lazy.db'), { create: true });
    const app = new App(store, fakeClock());
    const api = app.client();
    await app.ensureDefaultDeck();
    await api.updateSettings({ newPerDay: 1000 });
    // Walk the queue up to the first problem card: cards shown, revealed and self-graded.
    let problem: { id: string; seed: number } | null = null;
    for (let i = 0; i < 400 && !problem; i++) {
      const next = await api.nextCard();
      if (!next.card) break;
      if (next.card.problem) problem = { id: next.card.id, seed: next.card.problem.seed };
      else {
        await api.reveal({ cardId: next.card.id });
        await api.answer({ cardId: next.card.id, quality: 4, elapsedMs: 1 });
      }
    }
    expect(problem).not.toBeNull();
    expect(graderLoaded()).toBe(false);
    // A problem card is shown and revealed (its variant generated) without the parser.
    await api.reveal({ cardId: problem!.id, seed: problem!.seed });
    expect(graderLoaded()).toBe(false);
    const check = await api.checkAnswer({ cardId: problem!.id, typed: 'not a number', seed: problem!.seed, elapsedMs: 1000 });
    expect(graderLoaded()).toBe(true);
    expect(check.verdict.status).toBe('unparseable');
    const answered = await api.answer({ cardId: problem!.id, typed: '0', seed: problem!.seed, elapsedMs: 1000 });
    expect(answered.recorded).toBe(true);
    expect(answered.verdict?.status).toMatch(/right|wrong/);
    store.close();
  });

  it('is no static import of the service: mathjs is reachable from service/app.ts only through import()', async () => {
    const r = await esbuild.build({ entryPoints: [path.join(ROOT, 'service/app.ts')], bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', splitting: true, outdir: path.join(tmpDir(), 'out'), external: ['better-sqlite3'], logLevel: 'silent', absWorkingDir: ROOT });
    const entry = Object.entries(r.metafile.outputs).find(([, o]) => o.entryPoint?.endsWith('service/app.ts'));
    expect(entry).toBeDefined();
    // Everything the entry chunk needs before it runs: itself and the chunks it imports statically.
    const seen = new Set<string>();
    const walk = (out: string) => {
      if (seen.has(out)) return;
      seen.add(out);
      for (const i of r.metafile.outputs[out]!.imports) if (i.kind === 'import-statement' && !i.external) walk(i.path);
    };
    walk(entry![0]);
    const inputs = [...seen].flatMap((o) => Object.keys(r.metafile.outputs[o]!.inputs));
    expect(inputs.filter((f) => /node_modules\/mathjs\//.test(f))).toEqual([]);
    expect(inputs.some((f) => f.endsWith('service/review.ts'))).toBe(true);
  });
});
