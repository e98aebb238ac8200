// Durability under kill -9: browser mode answers over HTTP while it is
// SIGKILLed at seeded random moments (one round during start-up and deck
// import), then restarted. After every kill: SQLite's integrity check passes,
// every answer the server acknowledged (200 with a reviewId) is in the log
// with its card and grade, and every card's state equals a replay of its log.
//
// This proves the process-crash half of the guarantee. The power-loss half
// rests on SQLite's contract for WAL + synchronous=FULL (db/open.ts): the
// commit is fsynced before the reply is sent, which no test here can cut.
//
// Replay a failure with DEEPRECALL_KILL_SEED=<seed printed in the message>.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkDatabase, stateMismatches } from '../../../db/doctor.ts';
import { LATEST_VERSION } from '../../../db/migrations/index.ts';
import { callApi, kill9, seededRandom, spawnServe, type ServeInfo } from '../../helpers/serve.ts';
import { tmpDir } from '../../helpers/tmp.ts';

const SEED = Number(process.env.DEEPRECALL_KILL_SEED ?? 20261127);
// Each start costs a few seconds of tsx start-up on a busy machine; five kills stay within about a minute.
const ROUNDS = 5;

interface Acked {
  reviewId: number;
  cardId: string;
  quality: number;
}

interface Round {
  acked: Acked[];
  undone: string[];
}

type Result<T> = { result: T };

/** Answer (and now and then undo) until `stopped()`; a failed request is only expected once the kill has begun. */
async function answerLoop(s: ServeInfo, rand: () => number, cards: string[], out: Round, stopped: () => boolean): Promise<void> {
  while (!stopped()) {
    try {
      if (rand() < 0.08) {
        const r = await callApi(s, 'undo');
        const u = (r.body as Result<{ undone: boolean; cardId?: string }>).result;
        if (r.status === 200 && u.undone) out.undone.push(u.cardId!);
        continue;
      }
      const next = await callApi(s, 'nextCard');
      expect(next.status, JSON.stringify(next.body)).toBe(200);
      const cardId = (next.body as Result<{ card: { id: string } | null }>).result.card?.id ?? cards[Math.floor(rand() * cards.length)]!;
      const quality = Math.floor(rand() * 6);
      const r = await callApi(s, 'answer', { cardId, quality, elapsedMs: 500 + Math.floor(rand() * 9000) });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const a = (r.body as Result<{ recorded: boolean; reviewId: number }>).result;
      expect(a.recorded).toBe(true);
      out.acked.push({ reviewId: a.reviewId, cardId, quality });
    } catch (err) {
      if (stopped()) return; // the request was cut by the kill: its outcome is unknown, and that is allowed
      throw err;
    }
  }
}

/** Opened read-only so the check leaves the WAL exactly as the kill left it for the next start to recover. */
function verify(file: string, acked: readonly Acked[], undone: readonly string[], where: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true }), where).toBe('ok');
    const row = db.prepare<[number], { card_id: string; quality: number }>('SELECT card_id, quality FROM reviews WHERE id = ?');
    const lost = acked.filter((a) => {
      const r = row.get(a.reviewId);
      return !r || r.card_id !== a.cardId || r.quality !== a.quality;
    });
    expect(lost, `${where}: acknowledged answers missing from the log`).toEqual([]);
    const undoneRows = db.prepare<[string], number>('SELECT count(*) FROM reviews WHERE card_id = ? AND undone_at IS NOT NULL').pluck();
    for (const id of undone) expect(undoneRows.get(id), `${where}: acknowledged undo of ${id}`).toBeGreaterThan(0);
    expect(stateMismatches(db), `${where}: states that disagree with a replay of their log`).toEqual([]);
    const report = checkDatabase(db, file);
    expect(report.checks.filter((c) => !c.ok), where).toEqual([]);
    return report.reviews;
  } finally {
    db.close();
  }
}

/** A kill during start-up may leave an empty or half-created file: it must still be sound, and complete if migrated. */
function verifyStartup(file: string, where: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  let version: number;
  try {
    expect(db.pragma('integrity_check', { simple: true }), where).toBe('ok');
    version = db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
  // Migrations commit with their user_version, so a file is either unmigrated or complete.
  expect([0, LATEST_VERSION], where).toContain(version);
  if (version === LATEST_VERSION) verify(file, [], [], where);
}

describe('durability under SIGKILL', () => {
  it(`keeps every acknowledged answer and a consistent file across ${ROUNDS} kills (seed ${SEED})`, async () => {
    const file = path.join(tmpDir('deeprecall-kill9-'), 'profile.db');
    const rand = seededRandom(SEED);
    const all: Round = { acked: [], undone: [] };
    let configured = false;

    for (let round = 0; round < ROUNDS; round++) {
      const where = `seed ${SEED}, round ${round}`;
      const served = spawnServe(file);
      if (round === 0) {
        // Start-up: opening, migrating, importing the bundled deck. The kill may land anywhere in it.
        await new Promise((r) => setTimeout(r, 200 + rand() * 2500));
        await kill9(served);
        if (fs.existsSync(file)) verifyStartup(file, where);
        continue;
      }
      const s = await served.ready;
      if (!configured) {
        // Enough new cards a day that the loop keeps answering fresh cards, not only drills.
        expect((await callApi(s, 'updateSettings', { newPerDay: 9999 })).status).toBe(200);
        configured = true;
      }
      const list = await callApi(s, 'listCards', { limit: 1000 });
      const cards = (list.body as Result<{ cards: { id: string }[] }>).result.cards.map((c) => c.id);
      expect(cards.length, where).toBeGreaterThan(10);

      const round_: Round = { acked: [], undone: [] };
      let killing = false;
      const loops = [0, 1].map(() => answerLoop(s, rand, cards, round_, () => killing));
      const firstAck = Date.now();
      while (round_.acked.length === 0 && Date.now() - firstAck < 10_000) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 100 + rand() * 1100));
      killing = true;
      await kill9(served);
      await Promise.all(loops);
      expect(round_.acked.length, where).toBeGreaterThan(0);
      all.acked.push(...round_.acked);
      all.undone.push(...round_.undone);
      const inLog = verify(file, all.acked, all.undone, where);
      expect(inLog).toBeGreaterThanOrEqual(all.acked.length);
    }

    expect(all.acked.length).toBeGreaterThan(ROUNDS * 5);
  }, 120_000);
});
