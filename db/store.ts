import { CardRepo } from './cards.ts';
import { DeckRepo } from './decks.ts';
import { MediaRepo } from './media.ts';
import { FsrsRepo } from './fsrs.ts';
import { MockRepo } from './mocks.ts';
import { openDb, type Db, type OpenOptions } from './open.ts';
import { ReviewRepo } from './reviews.ts';
import { SettingsRepo } from './settings.ts';
import { StatsRepo } from './stats.ts';

/** One open profile: the connection and its repositories, statements prepared once. */
export class Store {
  readonly cards: CardRepo;
  readonly reviews: ReviewRepo;
  readonly settings: SettingsRepo;
  readonly mocks: MockRepo;
  readonly stats: StatsRepo;
  readonly decks: DeckRepo;
  readonly media: MediaRepo;
  readonly fsrs: FsrsRepo;

  /** Set while an import holds its write transaction across event-loop turns (service/progress/imports.ts). */
  busyWith: string | null = null;

  constructor(readonly db: Db, readonly file: string) {
    this.cards = new CardRepo(db);
    this.reviews = new ReviewRepo(db);
    this.settings = new SettingsRepo(db);
    this.mocks = new MockRepo(db);
    this.stats = new StatsRepo(db);
    this.decks = new DeckRepo(db);
    this.media = new MediaRepo(db);
    this.fsrs = new FsrsRepo(db);
  }

  static open(file: string, opts: OpenOptions = {}): Store {
    return new Store(openDb(file, opts), file);
  }

  /**
   * Run `fn` as one write transaction, taking the write lock first (BEGIN
   * IMMEDIATE) so a second process waits out the busy timeout instead of
   * failing half-way, and reads inside `fn` see the state the write is based on.
   */
  write<T>(fn: () => T): T {
    // A transaction left open across event-loop turns by an import in steps: joining it would tie this write to its fate.
    if (this.busyWith) throw new Error(`${this.busyWith} is being written; try again when it has finished`);
    return this.db.transaction(fn).immediate();
  }

  /** SQLite's own wait for another process's lock, per statement (it blocks the thread while it waits). */
  setBusyTimeout(ms: number): void {
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(ms))}`);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
