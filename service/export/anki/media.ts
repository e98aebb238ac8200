// Card images for an .apkg. Anki stores each media file in the zip under a
// number ("0", "1", …) and maps numbers to file names in the `media` JSON;
// fields refer to the file name. Our names are `<sha256>.<ext>`, already
// unique, so they are used as Anki's file names unchanged.

/** Bytes of a stored image by name (`<sha256>.<ext>`), or null when the profile has no such file. */
export type MediaLookup = (name: string) => Buffer | Uint8Array | null;

export class MediaPacker {
  private readonly used = new Map<string, boolean>();

  constructor(private readonly lookup: MediaLookup) {}

  /** Whether `name` can be packaged; the first call per name checks the store, the bytes are read again at zip time. */
  use(name: string): boolean {
    let ok = this.used.get(name);
    if (ok === undefined) {
      ok = this.lookup(name) !== null;
      this.used.set(name, ok);
    }
    return ok;
  }

  /** [zip entry number, file name, bytes] for every image a field refers to. */
  *files(): IterableIterator<[number, string, Uint8Array]> {
    let i = 0;
    for (const [name, ok] of this.used) {
      if (!ok) continue;
      const bytes = this.lookup(name);
      if (bytes) yield [i++, name, bytes];
    }
  }

  get count(): number {
    return [...this.used.values()].filter(Boolean).length;
  }
}
