// Images stored with the notes: rendered card Markdown has
// `<img data-media="<sha256>.<ext>">` without a src (cards/render); this fills
// the src with a data: URL fetched once through the API (same token, and the
// CSP allows img-src data:). Names are content hashes, so the cache never goes stale.
import { api } from './api.ts';

const NAME = /^[0-9a-f]{64}\.(png|jpg|gif|webp|svg)$/;
const MAX_CACHED = 200;
const ready = new Map<string, string>();
const inflight = new Map<string, Promise<string | null>>();

function load(name: string): Promise<string | null> {
  let p = inflight.get(name);
  if (!p) {
    p = api.getMedia({ name }).then(
      (m) => {
        const url = `data:${m.mime};base64,${m.dataBase64}`;
        if (ready.size >= MAX_CACHED) ready.delete(ready.keys().next().value as string);
        ready.set(name, url);
        return url;
      },
      () => null, // shown as a broken image with its alt text; the import report named the file
    );
    p.finally(() => inflight.delete(name));
    inflight.set(name, p);
  }
  return p;
}

/** Fill every `img[data-media]` under `root` that has no src yet. */
export function fillMedia(root: ParentNode): void {
  for (const img of root.querySelectorAll<HTMLImageElement>('img[data-media]')) {
    if (img.getAttribute('src')) continue;
    const name = img.dataset.media ?? '';
    if (!NAME.test(name)) continue;
    const hit = ready.get(name);
    if (hit) {
      img.src = hit;
      continue;
    }
    void load(name).then((url) => {
      if (url && img.isConnected && !img.getAttribute('src')) img.src = url;
    });
  }
}
