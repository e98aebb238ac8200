// Only mathjs' parser, built through its factory API: a bundler then drops
// the rest of mathjs (most of its 1+ s load time). Nothing here evaluates.
// Built on first use, not at import: the server and CLI start without paying
// for it until an answer or a formula is actually parsed.
import { create, parseDependencies, type FactoryFunctionMap, type MathNode } from 'mathjs';

function dependencies(): FactoryFunctionMap {
  if (!parseDependencies) throw new Error('mathjs: parseDependencies missing');
  return parseDependencies;
}
dependencies(); // fail at import, as before, if mathjs lacks the parser

let parser: ((expr: string) => MathNode) | null = null;

export function parse(expr: string): MathNode {
  parser ??= create({ parseDependencies: dependencies() }).parse as (expr: string) => MathNode;
  return parser(expr);
}
