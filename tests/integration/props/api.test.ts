// Every AppApi method at the boundary: wrongly typed arguments are refused
// with ApiError 400 before any handler runs, so the database is byte-for-byte
// what it was (same total_changes(), same checksum of every table). Driven
// from METHODS, so a new method is covered the day it is added — once it has
// a valid example below.
import { createHash } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { ApiError, METHODS, schemas, type Method } from '../../../service/contract/index.ts';
import { startServer, TOKEN_HEADER, type RunningServer } from '../../../web/server.ts';
import { drafts, fakeClock } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';

const JOB = '0'.repeat(32);
/** One valid argument object per method: the starting point that each mutation spoils in exactly one place. */
const VALID: Partial<Record<Method, Record<string, unknown>>> = {
  summary: {}, nextCard: {}, undo: {}, importDefaultDeck: {}, sections: {}, getSettings: {}, mockCurrent: {}, doctor: {}, repairDb: {}, doctorStart: {}, doctorStatus: { id: JOB }, importProgress: { id: JOB },
  reveal: { cardId: 'c0', seed: 1 },
  answer: { cardId: 'c0', quality: 4, typed: '1', seed: 1, elapsedMs: 1000 },
  checkAnswer: { cardId: 'c0', typed: '1', seed: 1, elapsedMs: 1000 },
  importNotes: { name: 'x.md', markdown: '# a\nb', path: '/tmp/x.md' },
  importAnki: { name: 'x.apkg', dataBase64: 'UEsDBA==' },
  listCards: { text: 'a', section: ['S'], state: 'all', kind: 'term', limit: 10, offset: 0 },
  cardDetail: { id: 'c0' },
  setSuspended: { id: 'c0', suspended: true },
  restoreCard: { id: 'c0' },
  updateSettings: { newPerDay: 10, reviewsPerDay: 100, rolloverHour: 4, language: 'en', theme: 'dark' },
  mockDraw: { preset: 'quick', questions: 5, totalSeconds: 600, perQuestionSeconds: 60, sections: [['S']], mix: 0.5, feedSrs: false, seed: 1 },
  mockStart: { preset: 'quick', questions: 5, totalSeconds: 600, perQuestionSeconds: 60, sections: [['S']], mix: 0.5, feedSrs: false, seed: 1 },
  mockReveal: { mockId: 1, index: 0, notes: 'n' },
  mockAnswer: { mockId: 1, index: 0, quality: 4, typed: '1', notes: 'n', elapsedMs: 1000 },
  mockFinish: { mockId: 1 },
  mockAbandon: { mockId: 1 },
  mockReport: { id: 1 },
  mockHistory: { limit: 10, offset: 0 },
  mockExportHtml: { id: 1, lang: 'en' },
  stats: { range: '1m', section: ['S'] },
  exportStart: { format: 'json', lang: 'en' },
  exportStatus: { id: JOB },
  exportRead: { id: JOB, offset: 0, length: 10 },
  exportFinish: { id: JOB },
  restoreBackup: { base64: 'AAAA', overwrite: false },
  importFolder: { root: 'r', files: [{ path: 'a/b.md', markdown: '# a' }], images: [{ path: 'a/i.png', dataBase64: 'AAAA' }] },
  importPaths: { paths: ['/tmp/deeprecall-none'] },
  pickFolder: {},
  listDecks: {},
  renameDeck: { id: 'd', name: 'D' },
  setDeckSuspended: { id: 'd', suspended: true },
  removeDeck: { id: 'd' },
  restoreDeck: { id: 'd' },
  getMedia: { name: `${'a'.repeat(64)}.png` },
  fsrsStatus: {}, resetFsrsWeights: {},
  switchScheduler: { scheduler: 'fsrs' },
  fsrsJobStart: { kind: 'evaluate' },
  fsrsJobStatus: { id: JOB },
};

let dir: string;
let store: Store;
let app: App;
let server: RunningServer;

/** Every table's rows, order-independent, hashed: any write anywhere changes it. */
function checksum(): string {
  const tables = store.db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
  const h = createHash('sha256');
  for (const t of tables) {
    const rows = store.db.prepare(`SELECT * FROM "${t}"`).raw().all().map((r) => JSON.stringify(r)).sort();
    h.update(`${t}\0${rows.join('\n')}\0`);
  }
  return h.digest('hex');
}
const totalChanges = () => store.db.prepare('SELECT total_changes()').pluck().get() as number;

async function refused(method: Method, args: unknown): Promise<void> {
  const changes = totalChanges();
  let err: unknown = null;
  try {
    await app.dispatch(method, args);
  } catch (e) {
    err = e;
  }
  expect(err, `${method}(${JSON.stringify(args)?.slice(0, 200)}) was accepted`).toBeInstanceOf(ApiError);
  expect((err as ApiError).status).toBe(400);
  expect((err as ApiError).message.startsWith(`${method}: `)).toBe(true);
  expect(totalChanges()).toBe(changes);
}

const shapeOf = (m: Method) => (schemas[m] as unknown as { shape: Record<string, z.ZodType> }).shape;
/** Anything JSON can carry, and a few things only in-process callers can pass. */
const anyValue = fc.oneof(fc.jsonValue(), fc.anything(), fc.constantFrom(Number.NaN, Infinity, -0, 2 ** 53, -1, 1.5, '', [], {}, [[]], { __proto__: null }));
const notObject = fc.oneof(fc.integer(), fc.double(), fc.string(), fc.boolean(), fc.array(fc.jsonValue(), { maxLength: 3 }), fc.constant(Number.NaN));

describe('every AppApi method refuses wrongly typed arguments without side effects', () => {
  beforeAll(async () => {
    dir = tmpDir('deeprecall-props-');
    store = Store.open(path.join(dir, 'p.db'), { create: true });
    store.cards.syncDeck({ id: 'd', name: 'd', sourcePath: null, sourceHash: 'h' }, drafts(8), 1);
    app = new App(store, fakeClock());
    const api = app.client();
    for (const [id, q] of [['c0', 5], ['c1', 2], ['c1', 4], ['c2', 3]] as const) await api.answer({ cardId: id, quality: q, elapsedMs: 500 });
    await api.updateSettings({ language: 'en' });
    server = await startServer({ app, port: 0, staticDir: dir });
  });
  afterAll(async () => {
    await server?.close();
    store?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has a valid example for every method, and each one passes its schema', () => {
    expect(Object.keys(VALID).sort()).toEqual([...METHODS].sort());
    for (const m of METHODS) expect(schemas[m].safeParse(VALID[m]).success, m).toBe(true);
  });

  it.each(METHODS)('%s', async (method) => {
    const valid = VALID[method] ?? {}; // a missing example fails the test above; the refusals are still checked
    const before = checksum();
    // Not an object at all (null and undefined mean "no arguments" by design, so they are not in this set).
    await fc.assert(fc.asyncProperty(notObject, (v) => refused(method, v)), { numRuns: 25 });
    // A key the contract does not know, alone or next to valid fields.
    const unknownKey = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !(k in shapeOf(method)));
    await fc.assert(
      fc.asyncProperty(unknownKey, anyValue, fc.boolean(), (k, v, withValid) => refused(method, { ...(withValid ? valid : {}), [k]: v })),
      { numRuns: 25 },
    );
    await refused(method, JSON.parse('{"__proto__": {"polluted": true}}'));
    // One field of a valid call given a value its schema refuses.
    const fields = Object.keys(shapeOf(method));
    if (fields.length) {
      const spoiled = fc.constantFrom(...fields).chain((f) =>
        anyValue.filter((v) => v !== undefined && !shapeOf(method)[f]!.safeParse(v).success).map((v) => ({ ...valid, [f]: v })),
      );
      await fc.assert(fc.asyncProperty(spoiled, (args) => refused(method, args)), { numRuns: 60 });
    }
    expect(checksum()).toBe(before);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('the HTTP host answers the same refusals with 400 and writes nothing', async () => {
    const before = checksum();
    const changes = totalChanges();
    for (const method of METHODS) {
      for (const body of ['[]', '7', '"x"', '{"__proto__": {"polluted": true}}', '{"unknownField": 1}']) {
        const status = await post(method, body);
        expect(status, `${method} ${body}`).toBe(400);
      }
    }
    expect(totalChanges()).toBe(changes);
    expect(checksum()).toBe(before);
  });
});

function post(method: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1', port: server.port, method: 'POST', path: `/api/${method}`,
        headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
