// What a module loads before it runs: the source files esbuild puts in its
// chunk and in every chunk that chunk imports statically (import() chunks are
// left out). Tests use it to check that something heavy stays behind an
// import() — a module graph, not a timing.
import path from 'node:path';
import * as esbuild from 'esbuild';
import { tmpDir } from './tmp.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ModuleGraph {
  /** Inputs loaded before `entry` runs. */
  static: string[];
  /** Every input reachable at all, through import() too. */
  all: string[];
}

export async function moduleGraph(entry: string, alias: Record<string, string> = {}): Promise<ModuleGraph> {
  const r = await esbuild.build({ entryPoints: [path.join(ROOT, entry)], bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', splitting: true, outdir: path.join(tmpDir(), 'out'), external: ['better-sqlite3'], logLevel: 'silent', absWorkingDir: ROOT, alias });
  const first = Object.entries(r.metafile.outputs).find(([, o]) => o.entryPoint?.endsWith(entry));
  if (!first) throw new Error(`esbuild made no chunk for ${entry}`);
  const seen = new Set<string>();
  const walk = (out: string) => {
    if (seen.has(out)) return;
    seen.add(out);
    for (const i of r.metafile.outputs[out]!.imports) if (i.kind === 'import-statement' && !i.external) walk(i.path);
  };
  walk(first[0]);
  return {
    static: [...seen].flatMap((o) => Object.keys(r.metafile.outputs[o]!.inputs)),
    all: Object.values(r.metafile.outputs).flatMap((o) => Object.keys(o.inputs)),
  };
}
