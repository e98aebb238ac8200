import { CardRepo } from './cards.ts';
import { openDb, type Db, type OpenOptions } from './open.ts';
import { ReviewRepo } from './reviews.ts';
import { SettingsRepo } from './settings.ts';

/** One open profile: the connection and its repositories, statements prepared once. */
export class Store {
  readonly cards: CardRepo;
  readonly reviews: ReviewRepo;
  readonly settings: SettingsRepo;

  constructor(readonly db: Db, readonly file: string) {
    this.cards = new CardRepo(db);
    this.reviews = new ReviewRepo(db);
    this.settings = new SettingsRepo(db);
  }

  static open(file: string, opts: OpenOptions = {}): Store {
    return new Store(openDb(file, opts), file);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
