// scripts/zod-english-only.js: the bundles carry zod with its English locale
// only (the other ~50 were half of the zod the server compiles at start-up),
// and zod's messages stay what they were.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { zodEnglishOnly } from '../../../scripts/zod-english-only.js';
import { tmpDir } from '../../helpers/tmp.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const ENTRY = "import { z } from 'zod'; export const locales = Object.keys(z.locales); export const message = z.object({ n: z.number().min(0) }).strict().safeParse({ n: -1, x: 1 }).error.issues.map((i) => i.message);";

async function bundle(plugins: esbuild.Plugin[]) {
  const outfile = path.join(tmpDir(), 'zod.mjs');
  await esbuild.build({ stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'js' }, outfile, bundle: true, platform: 'node', format: 'esm', plugins, logLevel: 'silent' });
  return { size: fs.statSync(outfile).size, mod: (await import(pathToFileURL(outfile).href)) as { locales: string[]; message: string[] } };
}

describe('zod with English only', () => {
  it('drops every locale but English, keeps the messages, and shrinks the bundle', { timeout: 60_000 }, async () => {
    const [all, en] = await Promise.all([bundle([]), bundle([zodEnglishOnly()])]);
    expect(all.mod.locales.length).toBeGreaterThan(20);
    expect(en.mod.locales).toEqual(['en']);
    expect(en.mod.message).toEqual(all.mod.message);
    expect(en.mod.message.join(' ')).toMatch(/Too small/);
    expect(en.size).toBeLessThan(all.size * 0.7);
  });
});
