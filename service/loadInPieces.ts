// The service for a host that keeps answering while it loads (browser mode's
// `serve`): its heaviest module groups are imported one at a time, with a turn
// of the event loop between them. Importing app.ts alone evaluates its whole
// module graph in one synchronous run; in pieces, a request that arrives
// meanwhile (the page and its scripts, which the browser asks for while the
// service is loading) waits for one piece, not for all of them. Each piece is
// a module app.ts imports anyway, so nothing extra is loaded.
const PIECES: readonly (() => Promise<unknown>)[] = [
  () => import('zod'), // the library alone: the largest single piece (~100 ms of CPU), so a script request waits for it without the schemas too
  () => import('./contract/index.ts'), // every argument schema
  () => import('../cards/problems/generate.ts'), // the problem templates
  () => import('./review.ts'),
  () => import('./library.ts'),
];

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function loadAppInPieces(): Promise<typeof import('./app.ts')> {
  for (const piece of PIECES) {
    await piece();
    await turn();
  }
  return import('./app.ts');
}
