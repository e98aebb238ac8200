// A site index (a docs folder's index.md / README that lists the chapters
// with links to them and a few study tips): "机器学习基础是什么？" from
// "1. **机器学习基础**：监督/无监督学习、损失函数…" under "面试重点" asks nothing
// the notes teach — the chapters it links to do. Such a page gives no cards. Pure.

/** A Markdown link to another note or folder of the same collection: `](机器学习/SVM.md)`, `](计算机视觉/)`. */
const LOCAL_NOTE_LINK = /\]\((?!https?:|mailto:|#|\/\/)[^)\s]+?(?:\.md|\.markdown|\/)(?:#[^)\s]*)?\)/g;

/** At least this many links to other notes… */
const MIN_LINKS = 8;
/** …on at least this share of the page's text lines (headings not counted). */
const MIN_SHARE = 0.3;

/**
 * True when the page is mostly a map of other notes: ≥ 8 links to local notes
 * or folders, on ≥ 30 % of its non-heading text lines. One linear pass.
 * A note that links to a few others from real text (a chapter's "see also")
 * is far below both.
 */
export function isSiteIndex(text: string): boolean {
  let links = 0;
  let linkLines = 0;
  let textLines = 0;
  let fence = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (/^(?:```|~~~)/.test(line)) {
      fence = !fence;
      continue;
    }
    if (fence || !line || /^#{1,6}\s/.test(line)) continue;
    textLines++;
    const n = line.match(LOCAL_NOTE_LINK)?.length ?? 0;
    if (n) {
      links += n;
      linkLines++;
    }
  }
  return links >= MIN_LINKS && linkLines >= MIN_SHARE * textLines;
}
