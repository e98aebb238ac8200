import { describe, expect, it } from 'vitest';
import { chunksOf, splitEquals } from '../../../cards/problems/notes/chunks.ts';
import { parseTex, TexError } from '../../../cards/problems/notes/latex.ts';
import { evalTex, freeVars, type TexEnv } from '../../../cards/problems/notes/texEval.ts';

const ev = (tex: string, env: TexEnv = { scalars: {} }) => evalTex(parseTex(tex), env);

describe('note LaTeX reader', () => {
  it('evaluates fractions, roots, powers, floor/ceil and e^x', () => {
    expect(ev('\\frac{1}{1+e^{-x}}', { scalars: { x: 0 } })).toBe(0.5);
    expect(ev('\\sqrt{\\frac{6}{n}}', { scalars: { n: 24 } })).toBe(0.5);
    expect(ev('\\lfloor\\frac{n_{in}-k}{s}\\rfloor+1', { scalars: { n_in: 224, k: 7, s: 2 } })).toBe(109);
    expect(ev('\\left\\lceil\\frac{7}{2}\\right\\rceil')).toBe(4);
    expect(ev('(b-a)^{2}', { scalars: { a: -1, b: 2 } })).toBe(9);
    expect(ev('2 \\times 3 \\cdot 4')).toBe(24);
    expect(ev('-2^2')).toBe(-4);
  });

  it('reads implicit products of subscripted variables and \\log as ln', () => {
    const env: TexEnv = { scalars: {}, vectors: { y: [0.1, 0.2, 0.7] }, indices: { i: 3, j: 1 } };
    expect(ev('2y_jy_i(1-y_i)', env)).toBeCloseTo(2 * 0.1 * 0.7 * 0.3, 15);
    expect(ev('\\log y_i', env)).toBeCloseTo(Math.log(0.7), 15);
    expect(ev('\\theta_{t-1}', { scalars: { 'theta_t-1': 3 } })).toBe(3);
  });

  it('sums over an index with exclusions, the sum taking the rest of the product', () => {
    const env: TexEnv = { scalars: { K: 3 }, vectors: { y: [1, 2, 4] }, indices: { i: 1, j: 2 } };
    expect(ev('\\sum_{j=1}^{K}{y_j}', env)).toBe(7);
    expect(ev('\\sum_{j=1,j\\not=i}^{K}2y_j', env)).toBe(12);
    expect(ev('\\sum_{k=1,k\\not=i,k\\not=j}^{K}-2y_k^2y_j', env)).toBe(-2 * 16 * 2);
    expect(ev('1+\\sum_{j=1}^{K}y_j-1', env)).toBe(7);
  });

  it('rejects what it does not understand instead of guessing', () => {
    for (const bad of ['\\frac{\\partial l}{\\partial x}', 'KL(P||Q)', '\\int x', '\\frac{1}{', '\\sum_{j}^{K}x_j', 'x)']) {
      expect(() => parseTex(bad), bad).toThrow(TexError);
    }
    expect(() => ev('x')).toThrow(TexError);
    expect(() => ev('y_{constructor}', { scalars: {}, vectors: { y: [1] }, indices: {} })).toThrow(TexError);
  });

  it('lists free variables, not sum indices', () => {
    expect([...freeVars(parseTex('\\sum_{j=1}^{K}q_j\\log y_j+x_{min}'))].sort()).toEqual(['K', 'q', 'x_min', 'y']);
  });
});

describe('chunks', () => {
  it('joins adjacent inline spans and the trailing +1', () => {
    const c = chunksOf('1.VALID：$\\lfloor$$\\frac{n-k}{s}$$\\rfloor$+1 *or* $\\lceil$$\\frac{n-k+1}{s}$$\\rceil$');
    expect(c.map((x) => x.tex)).toEqual(['\\lfloor\\frac{n-k}{s}\\rfloor+1', '\\lceil\\frac{n-k+1}{s}\\rceil']);
    expect(c[1]?.lead).toContain('or');
  });

  it('splits at top-level = but not \\not= or >=', () => {
    expect(splitEquals('a=\\sum_{j=1,j\\not=i}^{K}b=c')).toEqual(['a', '\\sum_{j=1,j\\not=i}^{K}b', 'c']);
    expect(splitEquals('>=0')).toEqual(['>=0']);
  });

  it('carries bold labels, display blocks, conditions and cases rows', () => {
    const c = chunksOf('**sigmoid+MSE**\n$$\\frac{\\partial{l}}{\\partial{x}}=2y \\quad \\quad q=1$$\n$$p_i=\\left\\lbrace\\begin{aligned}\n&1-\\epsilon \\quad &i=y \\newline\n&\\epsilon \\quad &i\\not=y\n\\end{aligned}\\right.$$');
    expect(c[0]).toMatchObject({ label: 'sigmoid+mse', lhs: '\\frac{\\partial{l}}{\\partial{x}}', rhs: ['2y'], cond: 'q=1' });
    expect(c.slice(1).map((x) => [x.lhs, x.rhs[0], x.cond])).toEqual([['p_i', '1-\\epsilon', 'i=y'], ['p_i', '\\epsilon', 'i\\not=y']]);
  });
});
