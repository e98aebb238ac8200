// A folder from the browser's directory picker → the importFolder payload:
// notes with their paths relative to the folder, and images (base64) the
// notes may reference. Hidden folders, .obsidian/, .trash/ and node_modules
// are skipped like on the host side.

/** Stay under the browser-mode body cap (32 MB) with room for JSON escaping. */
export const FOLDER_BODY_LIMIT = 28 * 1024 * 1024;
const MAX_IMAGE = 5 * 1024 * 1024;
const NOTE = /\.(md|markdown)$/i;
const IMAGE = /\.(png|jpe?g|gif|webp)$/i;

export interface FolderUpload {
  root: string;
  files: { path: string; markdown: string }[];
  images: { path: string; dataBase64: string }[];
  bytes: number;
}

function skipped(parts: string[]): boolean {
  return parts.slice(0, -1).some((p) => p.startsWith('.') || p === 'node_modules');
}

function base64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export async function readFolder(list: readonly File[], onProgress: (done: number, total: number) => void): Promise<FolderUpload> {
  const rel = (f: File) => (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
  const root = rel(list[0]!).split('/')[0] || 'folder';
  const picked = list.filter((f) => {
    const parts = rel(f).split('/').slice(1);
    return parts.length > 0 && !skipped(parts) && (NOTE.test(f.name) || (IMAGE.test(f.name) && f.size <= MAX_IMAGE));
  });
  const out: FolderUpload = { root, files: [], images: [], bytes: 0 };
  let done = 0;
  for (const f of picked) {
    const path = rel(f).split('/').slice(1).join('/');
    if (NOTE.test(f.name)) {
      out.files.push({ path, markdown: await f.text() });
      out.bytes += f.size;
    } else {
      out.images.push({ path, dataBase64: base64(await f.arrayBuffer()) });
      out.bytes += Math.ceil((f.size * 4) / 3);
    }
    done++;
    if (done % 20 === 0 || done === picked.length) onProgress(done, picked.length);
    if (out.bytes > FOLDER_BODY_LIMIT) break;
  }
  return out;
}
