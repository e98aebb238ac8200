// Writing an Anki import into the profile. The caller runs everything inside
// one transaction (StatsRepo.bulk), so a failure leaves the profile as it was.
import type { Db } from './open.ts';
import type { CardStateWithDay } from './reviews.ts';

export interface ImportCard {
  id: string;
  deckId: string;
  kind: 'qa' | 'cloze';
  section: string[];
  key: string;
  front: string;
  back: string;
  hash: string;
  ord: number;
}

export interface ImportState extends CardStateWithDay {
  cardId: string;
}

export interface ImportReview {
  cardId: string;
  reviewedAt: number;
  day: number;
  quality: number;
  elapsedMs: number;
  mode: 'review' | 'drill';
  repsB: number | null; easeB: number | null; ivlB: number | null; dueB: number | null; lapsesB: number | null; lastDayBefore: number | null;
  repsA: number; easeA: number; ivlA: number; dueA: number; lapsesA: number;
}

/** Cards whose card_state holds Anki's schedule: the doctor cannot compare them with a replay of their log. */
export function ankiScheduledCards(db: Db): Set<string> {
  const has = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'anki_cards'").get();
  if (!has) return new Set();
  return new Set(db.prepare<[], string>('SELECT card_id FROM anki_cards WHERE sched_from_anki = 1').pluck().all());
}

export class AnkiImportRepo {
  private readonly s;

  constructor(private readonly db: Db) {
    const p = <T extends unknown[] = unknown[]>(sql: string) => db.prepare<T>(sql);
    this.s = {
      card: db.prepare<[string], { id: string; content_hash: string; suspended: number }>('SELECT id, content_hash, suspended FROM cards WHERE id = ?'),
      byGuid: db.prepare<[string, number], { card_id: string }>('SELECT card_id FROM anki_cards WHERE guid = ? AND ord = ?'),
      times: db.prepare<[string], number>('SELECT reviewed_at FROM reviews WHERE card_id = ?').pluck(),
      lastLocal: db.prepare<[string], number | null>('SELECT max(reviewed_at) FROM reviews WHERE card_id = ? AND undone_at IS NULL').pluck(),
      hasState: db.prepare<[string], number>('SELECT 1 FROM card_state WHERE card_id = ?').pluck(),
      maxOrd: db.prepare<[], number | null>('SELECT max(ord) FROM cards').pluck(),
      deck: p(`INSERT INTO decks (id, name, source_path, source_hash, imported_at) VALUES (?, ?, NULL, 'anki', ?)
        ON CONFLICT(id) DO UPDATE SET imported_at = excluded.imported_at`),
      insertCard: p(`INSERT INTO cards (id, deck_id, kind, section, card_key, front, back, links, template_id, warnings, ord, line, content_hash, suspended, created_at, updated_at)
        VALUES (@id, @deckId, @kind, @section, @key, @front, @back, '[]', NULL, '[]', @ord, 0, @hash, @suspended, @now, @now)`),
      updateCard: p(`UPDATE cards SET deck_id=@deckId, kind=@kind, section=@section, front=@front, back=@back, content_hash=@hash, retired_at=NULL, updated_at=@now WHERE id=@id`),
      suspend: p('UPDATE cards SET suspended = ?, updated_at = ? WHERE id = ?'),
      ankiCard: p(`INSERT INTO anki_cards (card_id, guid, ord, tags, note_mod, sched_from_anki) VALUES (@cardId, @guid, @ord, @tags, @mod, @sched)
        ON CONFLICT(card_id) DO UPDATE SET guid=excluded.guid, ord=excluded.ord, tags=excluded.tags, note_mod=excluded.note_mod,
          sched_from_anki=max(anki_cards.sched_from_anki, excluded.sched_from_anki)`),
      review: p(`INSERT INTO reviews (card_id, reviewed_at, day, quality, elapsed_ms, mode,
          reps_before, ease_before, ivl_before, due_before, lapses_before, last_day_before,
          reps_after, ease_after, ivl_after, due_after, lapses_after)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      state: p(`INSERT INTO card_state (card_id, repetitions, ease_factor, interval_days, due_day, lapses, last_day)
        VALUES (@cardId, @repetitions, @easeFactor, @intervalDays, @dueDay, @lapses, @lastDay)
        ON CONFLICT(card_id) DO UPDATE SET repetitions=excluded.repetitions, ease_factor=excluded.ease_factor,
          interval_days=excluded.interval_days, due_day=excluded.due_day, lapses=excluded.lapses, last_day=excluded.last_day`),
      markOld: p('UPDATE cards SET is_new = 0 WHERE id = ? AND is_new = 1'),
    };
  }

  card(id: string) {
    return this.s.card.get(id) ?? null;
  }

  cardByGuid(guid: string, ord: number): string | null {
    return this.s.byGuid.get(guid, ord)?.card_id ?? null;
  }

  /** Every reviewed_at of a card (undone included): a revlog row at one of these times is already here. */
  reviewTimes(cardId: string): Set<number> {
    return new Set(this.s.times.all(cardId));
  }

  lastLocalReview(cardId: string): number | null {
    return this.s.lastLocal.get(cardId) ?? null;
  }

  hasState(cardId: string): boolean {
    return this.s.hasState.get(cardId) === 1;
  }

  nextOrd(): number {
    return (this.s.maxOrd.get() ?? 0) + 1;
  }

  deck(id: string, name: string, now: number): void {
    this.s.deck.run(id, name, now);
  }

  insertCard(c: ImportCard, suspended: boolean, now: number): void {
    this.s.insertCard.run({ ...c, section: JSON.stringify(c.section), suspended: suspended ? 1 : 0, now });
  }

  updateCard(c: ImportCard, now: number): void {
    this.s.updateCard.run({ ...c, section: JSON.stringify(c.section), now });
  }

  setSuspended(id: string, suspended: boolean, now: number): void {
    this.s.suspend.run(suspended ? 1 : 0, now, id);
  }

  ankiCard(a: { cardId: string; guid: string; ord: number; tags: string; mod: number; sched: boolean }): void {
    this.s.ankiCard.run({ ...a, sched: a.sched ? 1 : 0 });
  }

  /** Positional parameters: this runs once per revlog row (200,000 in the bench), and binding by name costs more. */
  review(r: ImportReview): void {
    this.s.review.run(r.cardId, r.reviewedAt, r.day, r.quality, r.elapsedMs, r.mode, r.repsB, r.easeB, r.ivlB, r.dueB, r.lapsesB, r.lastDayBefore,
      r.repsA, r.easeA, r.ivlA, r.dueA, r.lapsesA);
  }

  state(s: ImportState): void {
    this.s.state.run(s);
    this.s.markOld.run(s.cardId);
  }

  /** Store an image under its content address; false when the profile already had it. */
  media(name: string, mime: string, bytes: Uint8Array): boolean {
    return this.db
      .prepare('INSERT INTO media (name, mime, size, data, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(name) DO NOTHING')
      .run(name, mime, bytes.length, bytes, Date.now()).changes > 0;
  }
}
