// Browser mode's first card before the service has loaded (issue 12: page →
// first card < 300 ms).
//
// `serve` puts the first card inside index.html (web/firstCard.ts). Computing
// it through App meant loading zod, every argument schema, the problem
// templates and the rest of the service first: ~190 ms of CPU on this
// machine, run while the browser loads the page on the same two cores, with
// the HTTP server blocked for each piece (the page's scripts waited for it).
// This computes the same reply with the review and library code alone — they
// load neither zod (settings are read by service/settings.ts) nor the
// templates (ids come from cards/problems/ids.ts; the generator is loaded
// only when a problem card is on screen) — so serve can send the page, its
// card and its scripts first and load the rest of the service after.
//
// It is the same ReviewService App uses, on the same store and clock, so the
// reply equals App's nextCard (a test checks it); the page still asks
// nextCard behind the card, as for any embedded card.
import type { Store } from '../db/store.ts';
import type { Clock } from './clock.ts';
import type { NextCard, Settings } from './contract/index.ts';
import { LibraryService } from './library.ts';
import { GeneratorNotLoadedError, ReviewService, type GenerateProblem } from './review.ts';
import { withSides } from './sides.ts';

export class EarlyCard {
  private readonly library: LibraryService;
  private generator: GenerateProblem | null = null;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {
    this.library = new LibraryService(store, () => clock.now());
  }

  /** A fresh profile gets the bundled deck first, as App.ensureDefaultDeck does (App then finds it there). */
  prepare(locateDefaultDeck: () => string): Promise<void> {
    return this.library.ensureDefaultDeck(locateDefaultDeck);
  }

  /** getSettings' reply, read as App reads it (browser mode puts it in the page beside the card). */
  settings(): Settings {
    return this.library.getSettings();
  }

  /** nextCard's reply, computed as App computes it, for this moment (every call reads the profile again). */
  async nextCard(): Promise<NextCard> {
    for (;;) {
      const review = new ReviewService(this.store, this.clock, () => this.library.getSettings(), this.generator);
      try {
        return await withSides(() => review.nextCard());
      } catch (err) {
        // A problem card (this one or the one after it) needs its variant: load the generator once and ask again.
        if (!(err instanceof GeneratorNotLoadedError) || this.generator) throw err;
        this.generator = (await import('../cards/problems/generate.ts')).generate;
      }
    }
  }
}
