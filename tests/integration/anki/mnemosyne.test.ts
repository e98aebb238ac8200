// Our .apkg read by an importer written by others: Mnemosyne's Anki importer
// (Debian package `mnemosyne`, libmnemosyne/file_formats/anki2.py), run
// headless by mnemosyne_import.py. It asserts, among others, that a review
// card has retention repetitions (our old export failed that). Skipped, with
// the reason, where the package is not present: install with
//   apt-get download mnemosyne && dpkg -x mnemosyne_*.deb /opt/mnemosyne
// and set DEEPRECALL_MNEMOSYNE=/opt/mnemosyne/usr/lib/python3/dist-packages
// (only its Python package and the standard library are needed, not the GUI).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportTo } from '../../../service/export/run.ts';
import { StatsService } from '../../../service/stats.ts';
import { draft } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';
import { profile } from './setup.ts';

const CANDIDATES = [process.env.DEEPRECALL_MNEMOSYNE, '/usr/lib/python3/dist-packages'].filter((d): d is string => !!d);
const dir = CANDIDATES.find((d) => fs.existsSync(path.join(d, 'mnemosyne/libmnemosyne/file_formats/anki2.py')));
const python = spawnSync('python3', ['--version']).status === 0;
const reason = !dir ? 'Mnemosyne not installed (see the header of this file)' : !python ? 'no python3' : '';

describe.skipIf(reason !== '')(`Mnemosyne's Anki importer reads our .apkg${reason ? ` — skipped: ${reason}` : ''}`, () => {
  it('imports every note, card and answer, with review cards carrying their repetitions', { timeout: 60_000 }, async () => {
    const { app, api, store, clock } = profile();
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    const name = `${createHash('sha256').update(png).digest('hex')}.png`;
    store.media.put(name, 'image/png', png, 0);
    store.cards.syncDeck({ id: 'd', name: 'Deck', sourcePath: null, sourceHash: 'h' }, [
      draft('a', { order: 1, section: ['$l_1$和$l_2$正则化'], front: 'what is $\\R^n$?' }),
      draft('b', { order: 2, front: `look ![x](media:${name})` }),
      draft('c', { order: 3 }),
    ], clock.now());
    await api.answer({ cardId: 'a', quality: 4, elapsedMs: 1000 });
    await api.answer({ cardId: 'b', quality: 2, elapsedMs: 1000 });
    await api.answer({ cardId: 'b', quality: 4, elapsedMs: 1000 }); // drill: a type-3 row
    clock.advance(3 * 86_400_000);
    await api.answer({ cardId: 'a', quality: 5, elapsedMs: 1000 });
    const out = path.join(tmpDir(), 'ours.apkg');
    await exportTo('apkg', out, new StatsService(app).exportContext('en'));

    const stdout = execFileSync('python3', [path.join(import.meta.dirname, 'mnemosyne_import.py'), out], {
      env: { ...process.env, PYTHONPATH: dir, PYTHONWARNINGS: 'ignore' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const r = JSON.parse(stdout.trim().split('\n').pop()!) as {
      facts: number; cards: { q: string; grade: number; ret_reps: number; lapses: number }[]; repetitions: number; media: string[];
    };
    expect(r.facts).toBe(3);
    expect(r.cards).toHaveLength(3);
    expect(r.repetitions).toBe(4); // every revlog row, the drill included
    const byFront = (s: string) => r.cards.find((c) => c.q.includes(s))!;
    expect(byFront('what is').grade).toBe(4); // a review card…
    expect(byFront('what is').ret_reps).toBe(2); // …with its answers (reps = answers in the revlog)
    expect(byFront('what is').q).toContain('\\mathbb{R}^n'); // KaTeX-only \R expanded
    expect(byFront('what is').q).toContain('\\(l_1\\)和\\(l_2\\)正则化'); // the breadcrumb field, TeX converted
    expect(byFront('look').q).toContain(`src="${name}"`);
    expect(byFront('front c').grade).toBe(-1); // new
    expect(r.media).toContain(name);
  });
});
