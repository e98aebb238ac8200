// The work a task worker does, on its own read-only connection: Check
// database, the FSRS comparison, and the optimiser fit. Nothing here writes:
// results go back to the host, which stores what needs storing.
// Each task imports its modules when it runs: a Check database worker never loads ts-fsrs or the binding.
import Database from 'better-sqlite3';
import type { Db } from '../../db/open.ts';
import type { LoggedAnswer } from '../../srs/eval/history.ts';
import { unpackLog, type TaskRequest } from './protocol.ts';

export type Progress = (phase: string, done: number, total: number) => void;

function openReadOnly(file: string, nativeBinding?: string): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  // Reads only, and many of them sequential: mapping the file saves a copy per page.
  db.pragma('mmap_size = 1073741824');
  return db;
}

function withDb<T>(file: string, nativeBinding: string | undefined, fn: (db: Db) => T): T {
  const db = openReadOnly(file, nativeBinding);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export async function runTask(req: TaskRequest, progress: Progress, nativeBinding?: string): Promise<unknown> {
  switch (req.kind) {
    case 'doctor': {
      const [{ resolveTemplate }, { checkDatabase }] = await Promise.all([import('../../cards/problems/aliases.ts'), import('../../db/doctor.ts')]);
      return withDb(req.file, nativeBinding, (db) =>
        checkDatabase(db, req.file, { templateExists: (id) => resolveTemplate(id) !== undefined, now: req.now, today: req.today }, (p) => progress(p.phase, p.done, p.total)),
      );
    }
    case 'doctorPages': {
      const { checkPages, tableCounts } = await import('../../db/doctor.ts');
      return withDb(req.file, nativeBinding, (db) => {
        const integrity = checkPages(db, (p) => progress(p.phase, p.done, p.total));
        return { integrity, counts: integrity.length ? tableCounts(db) : null };
      });
    }
    case 'doctorShare': {
      const [{ resolveTemplate }, { shareJobs }] = await Promise.all([import('../../cards/problems/aliases.ts'), import('./doctorShare.ts')]);
      return withDb(req.file, nativeBinding, (db) =>
        shareJobs(db, new Int32Array(req.shared), { templateExists: (id) => resolveTemplate(id) !== undefined, now: req.now, today: req.today }, progress),
      );
    }
    case 'evaluate': {
      progress('read', 0, 1);
      const [{ FsrsRepo }, { loadBinding }, { evaluateLog }] = await Promise.all([import('../../db/fsrs.ts'), import('../fsrs/binding.ts'), import('../fsrs/evaluate.ts')]);
      const log = req.log ? unpackLog(req.log) : withDb(req.file!, nativeBinding, (db) => new FsrsRepo(db).answers());
      // The worker's own thread: no need to slice the work for an event loop nobody else uses.
      return evaluateLog(log as LoggedAnswer[], loadBinding(), { sliceMs: 1000, progress });
    }
    case 'optimize': {
      progress('read', 0, 1);
      const [{ FsrsRepo }, { loadBinding }, { fitWeights }, { cardHistories }, { trainingItems }] = await Promise.all([
        import('../../db/fsrs.ts'), import('../fsrs/binding.ts'), import('../fsrs/optimize.ts'), import('../../srs/eval/history.ts'), import('../../srs/eval/evaluate.ts'),
      ]);
      const log = withDb(req.file, nativeBinding, (db) => new FsrsRepo(db).answers());
      const items = trainingItems(cardHistories(log as LoggedAnswer[]), Number.POSITIVE_INFINITY);
      return fitWeights(loadBinding(), items, (d, t) => progress('fit', d, t));
    }
    case 'reviewsCsv': {
      const [{ parentPort }, { streamReviewsCsv }] = await Promise.all([import('node:worker_threads'), import('../export/csvTask.ts')]);
      if (!parentPort) throw new Error('the reviews.csv task runs only in a worker');
      return streamReviewsCsv(parentPort, req.file, nativeBinding);
    }
    case 'fail':
      if (req.how === 'exit') process.exit(3);
      // Says it has started, then never answers, keeping its event loop alive as real work would (a fit holds libuv's pool).
      if (req.how === 'hang') {
        progress('hang', 0, 1);
        return new Promise(() => setInterval(() => undefined, 1000));
      }
      throw new Error('asked to fail');
  }
}
