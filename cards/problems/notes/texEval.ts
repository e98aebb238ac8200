// Evaluates a parsed note formula in an environment of sample values.
import { TexError, type Tex } from './latex.ts';

export interface TexEnv {
  /** Plain and subscripted names: 'n_in', 'k', 'theta_t-1', 'C_i'. */
  scalars: Record<string, number>;
  /** 1-based vectors addressed by an index name: y_i, y_j, y_k. */
  vectors?: Record<string, readonly number[]>;
  /** Values of free index names (i, j) outside sums. */
  indices?: Record<string, number>;
}

const own = <T,>(r: Record<string, T> | undefined, k: string): T | undefined => (r && Object.hasOwn(r, k) ? r[k] : undefined);

export function evalTex(e: Tex, env: TexEnv, bound: ReadonlyMap<string, number> = new Map()): number {
  const ev = (x: Tex): number => evalTex(x, env, bound);
  switch (e.t) {
    case 'num':
      return e.v;
    case 'neg':
      return -ev(e.a);
    case 'var': {
      if (e.sub === undefined) {
        const v = own(env.scalars, e.name) ?? (e.name === 'e' ? Math.E : e.name === 'pi' ? Math.PI : undefined);
        if (v === undefined) throw new TexError(`no value for ${e.name}`);
        return v;
      }
      const direct = own(env.scalars, `${e.name}_${e.sub}`);
      if (direct !== undefined) return direct;
      const idx = bound.get(e.sub) ?? own(env.indices, e.sub);
      const vec = own(env.vectors, e.name);
      if (idx === undefined || vec === undefined || idx < 1 || idx > vec.length) throw new TexError(`no value for ${e.name}_${e.sub}`);
      return vec[idx - 1] as number;
    }
    case 'fn': {
      const a = ev(e.a);
      return e.name === 'sqrt' ? Math.sqrt(a) : e.name === 'ln' ? Math.log(a) : e.name === 'exp' ? Math.exp(a) : e.name === 'floor' ? Math.floor(a + 1e-9) : Math.ceil(a - 1e-9);
    }
    case 'bin': {
      const a = ev(e.a);
      const b = ev(e.b);
      return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : e.op === '/' ? a / b : a ** b;
    }
    case 'sum': {
      const to = ev(e.to);
      const skip = e.exclude.map((x) => bound.get(x) ?? own(env.indices, x));
      let s = 0;
      for (let k = e.from; k <= to; k += 1) {
        if (skip.includes(k)) continue;
        s += evalTex(e.body, env, new Map([...bound, [e.index, k]]));
      }
      return s;
    }
  }
}

/** Names a formula reads, as 'name' or 'name_sub' (sum indices excluded). */
export function freeVars(e: Tex, bound: ReadonlySet<string> = new Set()): Set<string> {
  const out = new Set<string>();
  const walk = (x: Tex, b: ReadonlySet<string>): void => {
    if (x.t === 'var') out.add(x.sub === undefined ? x.name : b.has(x.sub) ? x.name : `${x.name}_${x.sub}`);
    else if (x.t === 'neg' || x.t === 'fn') walk(x.a, b);
    else if (x.t === 'bin') { walk(x.a, b); walk(x.b, b); }
    else if (x.t === 'sum') { walk(x.to, b); walk(x.body, new Set([...b, x.index])); }
  };
  walk(e, bound);
  return out;
}
