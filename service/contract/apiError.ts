// The error every host maps to a status code. Kept apart from the schemas so
// that web/server.ts can listen before zod and the contract are loaded.

/** An error the host sends back as 4xx (the caller's input was wrong or the state forbids it) or 503 (this installation cannot serve it). */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 413 | 422 | 503,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
