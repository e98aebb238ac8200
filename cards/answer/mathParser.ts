// Only mathjs' parser, built through its factory API: a bundler then drops
// the rest of mathjs (most of its 1+ s load time). Nothing here evaluates.
import { create, parseDependencies } from 'mathjs';

if (!parseDependencies) throw new Error('mathjs: parseDependencies missing');
export const { parse } = create({ parseDependencies });
