/** A package this app cannot import, with the reason in words a user can act on. Nothing was written. */
export class AnkiImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnkiImportError';
  }
}
