// The index check hashes text entries whole (db/integrity.ts textHash): an
// index entry whose text changed in the middle — same length, same first and
// last character, pages still well-formed so quick_check passes — is found,
// and the report is integrity_check's own lines about it.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../../../db/doctor.ts';
import { fullIntegrityCheck, hashExpr, indexesAgree, integrityProblems, TEXT_HASH, textHash } from '../../../db/integrity.ts';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { draft, drafts, fakeClock } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';

const ID = 'zz-middle-zz';

async function profile(): Promise<string> {
  const file = path.join(tmpDir(), 'text-index.db');
  const store = Store.open(file, { create: true });
  store.cards.syncDeck({ id: 'd', name: 'd', sourcePath: null, sourceHash: 'h' }, [...drafts(3), draft(ID, { order: 9 })], 1);
  const api = new App(store, fakeClock('2026-01-05T02:00:00Z')).client();
  for (const id of ['c0', ID, 'c1', ID]) await api.answer({ cardId: id, quality: 4, elapsedMs: 900 });
  store.close();
  return file;
}

/** Rewrites `from` as `to` (same length) in the pages of one b-tree only, straight in the file's bytes. */
function patchTree(file: string, tree: string, from: string, to: string): number {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.prepare<[string], number>('SELECT pageno FROM dbstat WHERE name = ?').pluck().all(tree);
  db.close();
  expect(fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0).toBe(false); // everything is in the main file
  const bytes = fs.readFileSync(file);
  let n = 0;
  for (const p of pages) {
    const page = bytes.subarray((p - 1) * pageSize, p * pageSize);
    for (let at = page.indexOf(from); at >= 0; at = page.indexOf(from, at + 1)) {
      page.write(to, at, 'latin1');
      n++;
    }
  }
  fs.writeFileSync(file, bytes);
  return n;
}

describe('index check on text', () => {
  it('textHash changes when any one character of a value changes, wherever it is', () => {
    const v = 'deck/section/some-card-key';
    const h = textHash(v);
    for (let i = 0; i < v.length; i++) expect(textHash(v.slice(0, i) + 'X' + v.slice(i + 1)), `position ${i}`).not.toBe(h);
    expect(textHash(null)).toBe(7);
    expect(textHash('')).not.toBe(textHash('\0'));
  });

  it('an index entry changed in the middle of its text is found; the report is integrity_check\'s', async () => {
    const file = await profile();
    // The card's id inside the (card_id, id, …) index of the review log only: the table rows keep the real id.
    expect(patchTree(file, 'reviews_card_log', ID, 'zz-mIddle-zz')).toBeGreaterThan(0);
    const db = new Database(file, { readonly: true });
    expect((db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check)).toEqual(['ok']);
    expect(indexesAgree(db)).toBe(false);
    const full = fullIntegrityCheck(db);
    expect(full.join('\n')).toMatch(/reviews_card_log/);
    expect(integrityProblems(db)).toEqual(full);
    const report = checkDatabase(db, file);
    expect(report.ok).toBe(false);
    expect(report.checks.map((c) => c.name)).toEqual(['integrity']);
    db.close();
  });

  it('a common value hashed in SQL (hashExpr) gives textHash for every value, common or not, blobs and nulls too', () => {
    const db = new Database(':memory:');
    db.function(TEXT_HASH, { deterministic: true }, textHash);
    db.exec("CREATE TABLE t (v TEXT COLLATE NOCASE)");
    const values: unknown[] = ['review', 'Review', "it's", 'drill', '', null, Buffer.from('review'), 'mock', 'zz-middle-zz', 'é✓'];
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (const v of values) insert.run(v);
    const got = db.prepare<[], number>(`SELECT ${hashExpr('v', ['review', "it's", 'é✓', ''])} FROM t ORDER BY rowid`).pluck().all();
    expect(got).toEqual(values.map(textHash));
    db.close();
  });

  it('an index entry of a common value (hashed in SQL) changed in the middle is found too', async () => {
    const file = await profile();
    // Every review's mode is 'review': a common value, answered by its constant in the sums.
    expect(patchTree(file, 'reviews_today', 'review', 'revIew')).toBeGreaterThan(0);
    const db = new Database(file, { readonly: true });
    expect((db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check)).toEqual(['ok']);
    expect(indexesAgree(db)).toBe(false);
    expect(integrityProblems(db).join('\n')).toMatch(/reviews_today/);
    db.close();
  });

  it('the same file unpatched passes the fast path', async () => {
    const file = await profile();
    const db = new Database(file, { readonly: true });
    expect(indexesAgree(db)).toBe(true);
    expect(checkDatabase(db, file).ok).toBe(true);
    db.close();
  });
});
