// A profile whose connection can be told "the next write transaction but k
// meets another process's lock": that write throws SQLITE_BUSY before it
// starts, exactly as a real BEGIN IMMEDIATE (or a lone write statement) does
// when another process holds the lock. Used to prove that a handler retried
// whole after a BUSY at any of its write transactions ends as a clean run.
import Database from 'better-sqlite3';
import { openDb } from '../../db/open.ts';
import { Store } from '../../db/store.ts';

const busy = () => Object.assign(new Error('database is locked (injected)'), { code: 'SQLITE_BUSY' });

export interface BusyStore {
  store: Store;
  /** Every write transaction begun since opening: its SQL, or "transaction". */
  writes: string[];
  /** The `k`-th write transaction from now (0-based) throws SQLITE_BUSY once. */
  arm(k: number): void;
  /** Whether the armed failure happened. */
  fired(): boolean;
}

export function openBusyStore(file: string): BusyStore {
  const db = openDb(file);
  const writes: string[] = [];
  let failAt: number | null = null;
  let fired = false;
  const begin = (label: string) => {
    if (db.inTransaction) return; // inside a transaction the lock is already held
    writes.push(label);
    if (failAt !== null && writes.length - 1 === failAt) {
      failAt = null;
      fired = true;
      throw busy();
    }
  };
  const wrapStatement = (stmt: Database.Statement): Database.Statement => {
    const proxy: Database.Statement = new Proxy(stmt, {
      get(t, prop) {
        const v = Reflect.get(t, prop, t) as unknown;
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          // VACUUM INTO (a backup) only reads this database: in WAL mode a writer elsewhere never blocks it.
          if (prop === 'run' && !t.readonly && !/^\s*VACUUM/i.test(t.source)) begin(t.source);
          const out = (v as (...a: unknown[]) => unknown).apply(t, args);
          return out === t ? proxy : out; // pluck(), bind()…: keep the chain instrumented
        };
      },
    });
    return proxy;
  };
  const wrapTx = <F extends (...a: never[]) => unknown>(f: F): F => ((...args: Parameters<F>) => {
    begin('transaction');
    return f(...args);
  }) as F;
  const proxy = new Proxy(db, {
    get(t, prop) {
      const v = Reflect.get(t, prop, t) as unknown;
      if (prop === 'prepare') return (sql: string) => wrapStatement(t.prepare(sql));
      if (prop === 'exec') {
        return (sql: string) => {
          if (/^\s*BEGIN/i.test(sql)) begin(sql);
          return t.exec(sql);
        };
      }
      if (prop === 'transaction') {
        return (fn: (...a: unknown[]) => unknown) => {
          const tx = t.transaction(fn);
          return Object.assign(wrapTx(tx), { deferred: wrapTx(tx.deferred), immediate: wrapTx(tx.immediate), exclusive: wrapTx(tx.exclusive) });
        };
      }
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
  return {
    store: new Store(proxy, file),
    writes,
    arm(k) {
      failAt = writes.length + k;
      fired = false;
    },
    fired: () => fired,
  };
}

/** Every table's rows, in a stable order: two profiles are equal when these are. */
export function dumpTables(db: Database.Database): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  for (const t of tables) out[t] = (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
  return out;
}
