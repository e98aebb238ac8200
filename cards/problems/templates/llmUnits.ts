// Shared vocabulary of the LLM cost templates: byte sizes, memory units and
// the 1 % tolerance of back-of-the-envelope estimates.
import { fmt, lang } from '../format.ts';
import type { Lang, Tolerance } from '../types.ts';

/** Estimates (memory, days): 1 % is what an interviewer accepts; 3 significant digits are asked. */
export const APPROX: Tolerance = { rel: 0.01, abs: 1e-9 };

export const UNITS = ['GB', 'GiB', 'MiB'] as const;
export type Unit = (typeof UNITS)[number];
export const UNIT_BYTES: Readonly<Record<Unit, number>> = { GB: 1e9, GiB: 2 ** 30, MiB: 2 ** 20 };
/** KaTeX source of each unit's size in bytes. */
const UNIT_TEX: Readonly<Record<Unit, string>> = { GB: '10^{9}', GiB: '2^{30}', MiB: '2^{20}' };

export const DTYPES = ['bf16', 'fp16', 'fp32', 'int8'] as const;
export type Dtype = (typeof DTYPES)[number];
export const DTYPE_BYTES: Readonly<Record<Dtype, number>> = { bf16: 2, fp16: 2, fp32: 4, int8: 1 };

export const inUnit = (bytes: number, unit: Unit): number => bytes / UNIT_BYTES[unit];

/** The last step of a memory solution: bytes → the asked unit. */
export const toUnitStep = (bytes: number, unit: Unit): string => `\\frac{${fmt(bytes)}}{${UNIT_TEX[unit]}}=${fmt(inUnit(bytes, unit))}`;

export const UNIT_NOTE: Lang = lang('（GB $=10^9$ B，GiB $=2^{30}$ B，MiB $=2^{20}$ B）', '(GB $=10^9$ B, GiB $=2^{30}$ B, MiB $=2^{20}$ B)');

/** Answering in GB when GiB was asked, or the other way round. */
export function otherUnit(unit: Unit): Unit {
  return unit === 'GB' ? 'GiB' : 'GB';
}
export const UNIT_HINT: Lang = lang('注意单位：GB $=10^9$ 字节，GiB $=2^{30}$ 字节，MiB $=2^{20}$ 字节。', 'Mind the unit: GB $=10^9$ bytes, GiB $=2^{30}$ bytes, MiB $=2^{20}$ bytes.');

/** A large count in prompts: 7.5B reads better than 7500000000 and is exact. */
export function count(n: number): string {
  for (const [v, s] of [[1e12, 'T'], [1e9, 'B'], [1e6, 'M']] as const) {
    if (n >= v && Number.isInteger((n / v) * 1000)) return `${fmt(n / v)}\\text{${s}}`;
  }
  return fmt(n);
}
