// `serve --open` hands the browser a one-time code, never the token: a
// browser's command line is world-readable in /proc/<pid>/cmdline.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kill9, spawnServe } from '../../helpers/serve.ts';
import { tmpDir } from '../../helpers/tmp.ts';

describe.runIf(process.platform === 'linux')('serve --open', () => {
  it('starts the opener with a one-time URL that redirects to the token once', async () => {
    const dir = tmpDir();
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    const argsFile = path.join(dir, 'opener-args');
    // A stand-in for xdg-open that records what it was given.
    fs.writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$*" > '${argsFile}'\n`, { mode: 0o755 });
    const served = spawnServe(path.join(dir, 'o.db'), { PATH: `${bin}:${process.env.PATH ?? ''}` }, ['--open']);
    try {
      const info = await served.ready;
      for (let i = 0; i < 100 && !fs.existsSync(argsFile); i++) await new Promise((r) => setTimeout(r, 50));
      const given = fs.readFileSync(argsFile, 'utf8');
      expect(given).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?code=[\w-]+$/);
      expect(given).not.toContain(info.token);
      const hop = await fetch(given, { redirect: 'manual' });
      expect(hop.status).toBe(303);
      expect(hop.headers.get('location')).toBe(`/?token=${info.token}`);
      expect((await fetch(given, { redirect: 'manual' })).status).toBe(403);
    } finally {
      await kill9(served);
    }
  });
});
