#!/usr/bin/env node
// Runs the CLI from its bundle (dist-cli/, built by `npm install`/`npm run build`)
// when no source file that went into it changed since the build; otherwise
// straight from the TypeScript sources through tsx, so an edited checkout never
// runs stale code. The build writes dist-cli/inputs.json (its start time and the
// list of its source files): checking it is one stat per input, no folder walk.
// DEEPRECALL_FROM_SOURCE=1 forces the sources.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Everything this process creates (database, backups, exports) is the user's alone.
if (process.platform !== 'win32') process.umask(0o077);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist-cli', 'deeprecall.mjs');
const manifest = path.join(root, 'dist-cli', 'inputs.json');

function bundleIsFresh() {
  try {
    const { builtAt, inputs } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
    if (!fs.existsSync(bundle) || !Array.isArray(inputs)) return false;
    for (const f of inputs) {
      // A deleted or edited input means the bundle no longer matches the checkout.
      const st = fs.statSync(path.join(root, f), { throwIfNoEntry: false });
      if (!st || st.mtimeMs > builtAt) return false;
    }
    return true;
  } catch {
    return false;
  }
}

let main;
if (process.env.DEEPRECALL_FROM_SOURCE !== '1' && bundleIsFresh()) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(process.argv);
