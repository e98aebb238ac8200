// Evaluates a mathjs syntax tree ourselves, behind an allow-list of node
// types, operators, functions and names. mathjs only parses: nothing typed by
// a learner ever reaches mathjs' evaluate/compile.
import type { MathNode } from 'mathjs';

export const FUNCTIONS: ReadonlyMap<string, { arity: [number, number]; fn: (...xs: number[]) => number }> = new Map([
  ['sqrt', { arity: [1, 1], fn: Math.sqrt }],
  ['exp', { arity: [1, 1], fn: Math.exp }],
  ['ln', { arity: [1, 1], fn: Math.log }],
  // log(x) is the natural log, as in mathjs and most of ML; log(x, b) has base b.
  ['log', { arity: [1, 2], fn: (x: number, b?: number) => (b === undefined ? Math.log(x) : Math.log(x) / Math.log(b)) }],
  ['log2', { arity: [1, 1], fn: Math.log2 }],
  ['log10', { arity: [1, 1], fn: Math.log10 }],
  ['abs', { arity: [1, 1], fn: Math.abs }],
] as const);

export const CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['e', Math.E],
  ['pi', Math.PI],
]);

const BINARY: ReadonlyMap<string, (a: number, b: number) => number> = new Map([
  ['add', (a: number, b: number) => a + b],
  ['subtract', (a: number, b: number) => a - b],
  ['multiply', (a: number, b: number) => a * b],
  ['divide', (a: number, b: number) => a / b],
  ['pow', (a: number, b: number) => a ** b],
]);

export class NotAllowed extends Error {}

export const MAX_TREE_DEPTH = 40;

/** A node as mathjs builds it; only the fields we read, all optional. */
interface Loose {
  type?: string;
  value?: unknown;
  fn?: unknown;
  op?: string;
  name?: string;
  args?: Loose[];
  content?: Loose;
  items?: Loose[];
  implicit?: boolean;
}

/** Evaluates one scalar expression; `scope` adds named values (used by the notes checker, never for learner input). */
export function evaluateScalar(node: MathNode, scope?: ReadonlyMap<string, number>, depth = 0): number {
  const n = node as unknown as Loose;
  if (depth > MAX_TREE_DEPTH) throw new NotAllowed('expression nested too deeply');
  const sub = (c: Loose | undefined): number => {
    if (!c) throw new NotAllowed('malformed expression');
    return evaluateScalar(c as unknown as MathNode, scope, depth + 1);
  };
  switch (n.type) {
    case 'ConstantNode':
      if (typeof n.value !== 'number') throw new NotAllowed('only numbers are allowed');
      return n.value;
    case 'ParenthesisNode':
      return sub(n.content);
    case 'SymbolNode': {
      const v = scope?.get(n.name ?? '') ?? CONSTANTS.get(n.name ?? '');
      if (v === undefined) throw new NotAllowed(`unknown name "${String(n.name).slice(0, 20)}"`);
      return v;
    }
    case 'OperatorNode': {
      const args = n.args ?? [];
      const fn = typeof n.fn === 'string' ? n.fn : '';
      if (args.length === 1 && fn === 'unaryMinus') return -sub(args[0]);
      if (args.length === 1 && fn === 'unaryPlus') return sub(args[0]);
      const op = BINARY.get(fn);
      if (!op || args.length !== 2) throw new NotAllowed(`operator "${String(n.op).slice(0, 5)}" is not allowed`);
      if (n.implicit && args.every((a) => a.type === 'ConstantNode')) throw new NotAllowed('missing operator between numbers');
      return op(sub(args[0]), sub(args[1]));
    }
    case 'FunctionNode': {
      const callee = n.fn as Loose | undefined;
      const f = callee?.type === 'SymbolNode' ? FUNCTIONS.get(callee.name ?? '') : undefined;
      if (!f) throw new NotAllowed('unknown function');
      const args = n.args ?? [];
      if (args.length < f.arity[0] || args.length > f.arity[1]) throw new NotAllowed(`wrong number of arguments to ${callee?.name}`);
      return f.fn(...args.map(sub));
    }
    default:
      throw new NotAllowed(n.type === 'ArrayNode' ? 'vectors cannot be nested' : `${String(n.type).slice(0, 30)} is not allowed`);
  }
}

/** A scalar, or a flat vector of scalars at the top level. */
export function evaluateAnswer(node: MathNode): number | number[] {
  const n = node as unknown as Loose;
  if (n.type === 'ArrayNode') return (n.items ?? []).map((item) => evaluateScalar(item as unknown as MathNode, undefined, 1));
  return evaluateScalar(node);
}
