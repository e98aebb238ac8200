// Walk an imported folder: every .md/.markdown note (recursively) and every
// image (for Obsidian's "find the attachment by name anywhere in the vault").
// Never follows a symlink into a folder it has already seen (loops), skips
// .obsidian/, .trash/, hidden folders and node_modules, and turns every
// problem into a per-path error instead of stopping.
import fs from 'node:fs';
import path from 'node:path';

export const NOTE_EXT = /\.(md|markdown)$/i;
const IMAGE_EXT = /\.(png|jpe?g|gif|webp|svg)$/i;
const SKIP_DIRS = new Set(['node_modules', '.obsidian', '.trash', '.git']);
/** Beyond this many notes in one folder, the rest is reported, not imported (a mistaken `import ~`). */
export const MAX_NOTES = 20_000;

export interface WalkResult {
  root: string; // real absolute path
  notes: { abs: string; rel: string; size: number }[]; // rel uses '/' on every platform
  images: Map<string, string[]>; // lower-case file name → absolute paths
  errors: { rel: string; message: string }[];
}

export function isSkippedDir(name: string): boolean {
  return SKIP_DIRS.has(name) || name.startsWith('.');
}

export function walkFolder(rootIn: string): WalkResult {
  const root = fs.realpathSync(rootIn);
  const out: WalkResult = { root, notes: [], images: new Map(), errors: [] };
  const seen = new Set<string>([root]);
  const stack: string[] = [root];
  let over = false;
  while (stack.length) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      out.errors.push({ rel: rel(root, dir) || '.', message: `cannot read folder (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      let size = 0;
      if (e.isSymbolicLink()) {
        try {
          const st = fs.statSync(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
          size = st.size;
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (NOTE_EXT.test(e.name) || code === 'ELOOP') {
            out.errors.push({ rel: rel(root, abs), message: code === 'ELOOP' ? 'symlink loop' : `broken symlink (${code ?? 'error'})` });
          }
          continue;
        }
      }
      if (isDir) {
        if (isSkippedDir(e.name)) continue;
        let real: string;
        try {
          real = fs.realpathSync(abs);
        } catch (err) {
          out.errors.push({ rel: rel(root, abs), message: `cannot resolve folder (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
          continue;
        }
        if (seen.has(real)) {
          if (e.isSymbolicLink()) out.errors.push({ rel: rel(root, abs), message: 'symlink loop: this folder was already imported through another path; skipped' });
          continue;
        }
        seen.add(real);
        subdirs.push(abs);
      } else if (isFile) {
        if (NOTE_EXT.test(e.name)) {
          if (!size) {
            try {
              size = fs.statSync(abs).size;
            } catch (err) {
              out.errors.push({ rel: rel(root, abs), message: `cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
              continue;
            }
          }
          if (out.notes.length >= MAX_NOTES) {
            if (!over) out.errors.push({ rel: rel(root, abs), message: `more than ${MAX_NOTES} notes in one folder; this one and the rest were not imported` });
            over = true;
            continue;
          }
          out.notes.push({ abs, rel: rel(root, abs), size });
        } else if (IMAGE_EXT.test(e.name)) {
          const k = e.name.toLowerCase();
          const list = out.images.get(k);
          if (list) list.push(abs);
          else out.images.set(k, [abs]);
        }
      }
    }
    // Depth-first in name order: pop takes the last, so push reversed.
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
  }
  out.notes.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return out;
}

function rel(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}
