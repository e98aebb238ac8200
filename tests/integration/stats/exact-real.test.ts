// exactRealSql's fast path (an EF that is a whole number of hundredths is
// printed from integers) must give exactly the text of the general path
// (SQLite's 15-digit text when it reads back, else 17 digits) for every value,
// and that text must read back as the stored double.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactRealSql } from '../../../db/export.ts';

const GENERAL = `CASE WHEN v IS NULL THEN '' WHEN CAST(CAST(v AS TEXT) AS REAL) = v THEN CAST(v AS TEXT) ELSE printf('%!.17g', v) END`;

function formatter() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (i INTEGER PRIMARY KEY, v REAL)');
  const insert = db.prepare('INSERT INTO t (i, v) VALUES (?, ?)');
  const read = db.prepare(
    `SELECT ${exactRealSql('v', 'k')} AS fast, ${GENERAL} AS general, typeof(v) AS type
     FROM (SELECT i, v, CAST(round(v * 100) AS INTEGER) AS k FROM t) ORDER BY i`,
  );
  return {
    db,
    run(values: unknown[]): { fast: string; general: string; type: string }[] {
      db.exec('DELETE FROM t');
      db.transaction(() => values.forEach((v, i) => insert.run(i, v)))();
      return read.all() as { fast: string; general: string; type: string }[];
    },
  };
}

/** SM-2's EF steps from 2.5, summed in floating point as the scheduler does (drifted values like 2.3600000000000003). */
function sm2Walk(steps: number): number[] {
  const delta = [-0.8, -0.54, -0.32, -0.14, 0, 0.1];
  const out: number[] = [];
  let ef = 2.5;
  for (let i = 0; i < steps; i++) {
    ef = Math.max(1.3, ef + delta[(i * 7 + (i >> 3)) % 6]!);
    out.push(ef);
  }
  return out;
}

describe('exactRealSql', () => {
  it('prints every whole number of hundredths, drifted SM-2 EFs and edge values exactly as the general path', () => {
    const f = formatter();
    const hundredths = Array.from({ length: 20_001 }, (_, k) => k / 100);
    const edges = [null, 0, -0, -2.5, -0.01, 0.01, 0.001, 0.1 + 0.2, 2.3600000000000003, 2.2800000000000002, 1e-7, 123456789.12, 999999999999.99,
      1e12, 1e12 + 0.5, 1e15, 1e20, 4.35, 1.15, 2.675, Number.MIN_VALUE, Number.MAX_VALUE, 5e-324, 'text', Buffer.from([1, 2])];
    const rows = f.run([...hundredths, ...sm2Walk(5000), ...edges]);
    const diff = rows.filter((r) => r.fast !== r.general);
    expect(diff).toEqual([]);
    // The fast path really was taken for the grid (its text has no exponent and at most two decimals) and reads back.
    for (const [i, v] of hundredths.entries()) expect(Number(rows[i]!.fast)).toBe(v);
    expect(rows[250]!.fast).toBe('2.5');
    expect(rows[200]!.fast).toBe('2.0');
    expect(rows[205]!.fast).toBe('2.05');
    f.db.close();
  });

  it('agrees with the general path on arbitrary doubles', () => {
    const f = formatter();
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -100_000, max: 100_000 }).map((k) => k / 100),
        fc.double({ min: 1, max: 5, noNaN: true })), { minLength: 1, maxLength: 200 }), (values) => {
        const rows = f.run(values);
        for (const r of rows) expect(r.fast).toBe(r.general);
        // Reads back where the fast path can apply (SQLite's own 17 digits are not exact for every huge or tiny double).
        for (const [i, v] of values.entries()) if (v >= 0.001 && v < 1e12) expect(Number(rows[i]!.fast)).toBe(v);
      }),
      { numRuns: 100 },
    );
    f.db.close();
  });
});
