// Notes files and folders → decks, in one process and in batches of one
// write transaction each: walk, read, decode, rewrite images, parse, then
// store every file of the batch together. Every problem with one file (not
// readable, binary, invalid UTF-8, too big) becomes that file's error in the
// report; the other files are imported and nothing already stored is lost.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { decodeNotes } from '../cards/notes/decode.ts';
import { parseNotes } from '../cards/notes/parse.ts';
import { checkNoteFormulas } from '../cards/problems/checkNotes.ts';
import type { CardDraft, SourceWarning } from '../cards/types.ts';
import type { ImportCounts, RenamedCard } from '../db/cards.ts';
import type { Store } from '../db/store.ts';
import type { FileImport, ImportBatchReport } from './contract/decks.ts';
import { deckIdForFile, deckIdFromName } from './deck.ts';
import { walkFolder, NOTE_EXT } from './folder.ts';
import { BUSY_RETRY_BUDGET_MS, stepWhileBusy } from './busy.ts';
import { ImageResolver, type ImageSource } from './media.ts';
import { runSteps, runStepsAsync } from './progress/steps.ts';
import type { ProgressFn } from './progress/tracker.ts';

/** A note over this size in a folder is reported, not parsed: import it alone if it is really notes. */
export const MAX_NOTE_BYTES = 8 * 1024 * 1024;
/** Files per write transaction: bounds memory on huge folders, keeps fsyncs few. */
const BATCH = 250;

export interface Progress {
  done: number;
  total: number;
  file: string;
}

export interface ImportOptions {
  onProgress?: (p: Progress) => void;
  /** Phase-level progress (the API's importProgress): files, then retiring vanished decks. */
  onPhase?: ProgressFn;
  /** Only these files (relative to the root) are re-read; used by the watcher. */
  only?: ReadonlySet<string>;
  /** Parse even files whose text (and the parser) did not change since their last import. */
  force?: boolean;
  /**
   * > 0: a batch write that meets another process's lock waits (a timer pause
   * between steps, async runs only) and is tried again for up to this long,
   * instead of failing the import. Only the write is repeated: a whole retry
   * would parse again and report the batches already stored as unchanged.
   * The async entry points default to BUSY_RETRY_BUDGET_MS.
   */
  busyBudgetMs?: number;
}

let stamp: string | null = null;
/**
 * A fingerprint of the parser: the cards it makes from a probe of the note
 * syntaxes it knows. A file is skipped as unchanged only
 * when its text and this stamp both match its last import, so an app update
 * that parses differently re-imports everything once.
 */
export function parserStamp(): string {
  if (stamp === null) {
    // A small probe: a cold parse of the whole bundled deck costs ~0.5 s before the JIT warms up.
    const cards = parseNotes(PROBE, { deck: 'stamp', check: checkNoteFormulas, title: 'Stamp' });
    stamp = createHash('sha256').update(`importer-1\n${JSON.stringify(cards)}`).digest('hex').slice(0, 16);
  }
  return stamp;
}

const PROBE = `Text before a heading with ![img](media:${'0'.repeat(64)}.png) and [[Other note|alias]] #tag
Q1::A1

# 1.2 Heading: What is a test?

1. What is dropout?
   - Hint: think of ensembles
2. Explain batch norm [M].

| Term | Meaning |
|---|---|
| a | b |

**term**：definition with $ x $ and $$y$$ inline; costs $100k.

> [!note] Callout
> body <br> <center>c</center>

==cloze== text

## 卷积输出尺寸

**感受野**：$r_l = r_{l-1} + (k_l - 1)\\prod s_i$

- 为什么用 ReLU？
- 简述 BN 的作用
`;

/** One note to import, wherever it comes from. */
interface NoteJob {
  rel: string;
  root: string | null; // real path of the imported folder; null for a single file
  deck: string;
  name: string;
  title: string;
  sourcePath: string | null;
  load: () => { text: string } | { error: string };
  images: ImageResolver;
}

const zero = (): ImportCounts => ({ new: 0, updated: 0, unchanged: 0, retired: 0, restored: 0, moved: 0, renamed: 0 });

function errText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'ENOENT') return 'no such file';
  if (e?.code === 'EISDIR') return 'is a folder';
  return e?.code ?? (e instanceof Error ? e.message : String(err));
}

/** Images on disk: next to the note, from the root, then by file name anywhere in the folder. */
export function diskImages(root: string, byName: ReadonlyMap<string, string[]> = new Map()): ImageSource {
  return {
    candidates(notePath, ref) {
      const out: string[] = [];
      if (path.isAbsolute(ref) && !ref.startsWith('/')) out.push(ref);
      else {
        if (!ref.startsWith('/')) out.push(path.resolve(path.dirname(notePath), ref));
        out.push(path.join(root, ref));
      }
      for (const p of byName.get(path.basename(ref).toLowerCase()) ?? []) out.push(p);
      return [...new Set(out)];
    },
    read: (p) => fs.readFileSync(p),
    size(p) {
      try {
        const st = fs.statSync(p);
        return st.isFile() ? st.size : null;
      } catch {
        return null;
      }
    },
  };
}

/** Images uploaded with a browser folder, by their path relative to the folder. */
export function uploadedImages(images: readonly { path: string; data: Uint8Array }[]): ImageSource {
  const norm = (p: string) => path.posix.normalize(p.replace(/\\/g, '/')).replace(/^\.\//, '').replace(/^\/+/, '');
  const byPath = new Map(images.map((i) => [norm(i.path), i.data]));
  const byName = new Map<string, string[]>();
  for (const p of byPath.keys()) {
    const k = path.posix.basename(p).toLowerCase();
    byName.set(k, [...(byName.get(k) ?? []), p]);
  }
  return {
    candidates(notePath, ref) {
      const out = ref.startsWith('/') ? [norm(ref)] : [norm(path.posix.join(path.posix.dirname(notePath), ref)), norm(ref)];
      return [...new Set([...out, ...(byName.get(path.posix.basename(ref).toLowerCase()) ?? [])])];
    },
    read: (p) => byPath.get(p) ?? null,
    size: (p) => byPath.get(p)?.byteLength ?? null,
  };
}

export class NotesImporter {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  /** Files and folders on this machine. A file is its own deck (id from its name, as before); a folder gives one deck per note. */
  importPaths(paths: readonly string[], opts: ImportOptions = {}): ImportBatchReport {
    return runSteps(this.pathsSteps(paths, opts));
  }

  /** The same in time slices: the event loop answers progress polls between them. */
  importPathsAsync(paths: readonly string[], opts: ImportOptions = {}): Promise<ImportBatchReport> {
    return runStepsAsync(this.pathsSteps(paths, { busyBudgetMs: BUSY_RETRY_BUDGET_MS, ...opts }));
  }

  private *pathsSteps(paths: readonly string[], opts: ImportOptions): Generator<unknown, ImportBatchReport> {
    const report = emptyReport();
    const jobs: NoteJob[] = [];
    const walked: { root: string; rels: Set<string> }[] = [];
    const fileIds = new Set<string>();
    for (const p of paths) {
      const abs = path.resolve(p);
      let st: fs.Stats;
      try {
        st = fs.statSync(abs);
      } catch (err) {
        report.files.push({ file: p, root: null, deck: null, cards: 0, warnings: [], error: errText(err) });
        continue;
      }
      if (st.isDirectory()) {
        const w = walkFolder(abs);
        report.roots.push(w.root);
        for (const e of w.errors) report.errors.push({ root: w.root, path: e.rel, message: e.message });
        const images = new ImageResolver(diskImages(w.root, w.images));
        const rootName = path.basename(w.root) || 'notes';
        const ids = new Set<string>();
        const rels = new Set<string>();
        for (const n of w.notes) {
          rels.add(n.rel);
          if (opts.only && !opts.only.has(n.rel)) continue;
          const deck = this.uniqueDeckId(deckIdForFile(rootName, n.rel), w.root, n.rel, ids);
          jobs.push({
            rel: n.rel, root: w.root, deck, name: n.rel, title: titleOf(n.rel), sourcePath: n.abs, images,
            load: () => readNote(n.abs, n.size),
          });
        }
        walked.push({ root: w.root, rels });
      } else {
        const root = path.dirname(abs);
        const name = path.basename(abs);
        // As before, a single file's deck is named after the file; two same-name files in one call stay apart.
        let deck = deckIdFromName(name);
        if (fileIds.has(deck)) deck = `${deck}~${shortHash(abs)}`;
        fileIds.add(deck);
        jobs.push({
          rel: name, root: null, deck, name, title: titleOf(name), sourcePath: abs,
          images: new ImageResolver(diskImages(root)), load: () => readNote(abs, st.size),
        });
      }
    }
    yield* this.run(jobs, report, opts);
    opts.onPhase?.('finish', 0, 1);
    for (const w of walked) yield* this.retireGone(w.root, w.rels, report, opts, opts.only);
    return finish(report);
  }

  /** A folder uploaded by the browser: its notes' text and (optionally) its images. */
  importUploaded(rootName: string, files: readonly { path: string; markdown: string }[], images: readonly { path: string; data: Uint8Array }[]): ImportBatchReport {
    return runSteps(this.uploadedSteps(rootName, files, images, {}));
  }

  importUploadedAsync(
    rootName: string,
    files: readonly { path: string; markdown: string }[],
    images: readonly { path: string; data: Uint8Array }[],
    opts: ImportOptions = {},
  ): Promise<ImportBatchReport> {
    return runStepsAsync(this.uploadedSteps(rootName, files, images, { busyBudgetMs: BUSY_RETRY_BUDGET_MS, ...opts }));
  }

  private *uploadedSteps(
    rootName: string,
    files: readonly { path: string; markdown: string }[],
    images: readonly { path: string; data: Uint8Array }[],
    opts: ImportOptions,
  ): Generator<unknown, ImportBatchReport> {
    const report = emptyReport();
    // Uploads have no real path; the folder name stands for the root, marked so it never matches a disk folder.
    const root = `upload:${rootName}`;
    report.roots.push(root);
    const resolver = new ImageResolver(uploadedImages(images));
    const ids = new Set<string>();
    const rels = new Set<string>();
    const jobs: NoteJob[] = [];
    for (const f of files) {
      const rel = path.posix.normalize(f.path.replace(/\\/g, '/')).replace(/^\.\//, '');
      if (!NOTE_EXT.test(rel) || rel.split('/').some((s) => s.startsWith('.') || s === 'node_modules')) continue;
      rels.add(rel);
      jobs.push({
        rel, root, deck: this.uniqueDeckId(deckIdForFile(rootName, rel), root, rel, ids), name: rel, title: titleOf(rel), sourcePath: null,
        images: resolver, load: () => ({ text: f.markdown }),
      });
    }
    yield* this.run(jobs, report, opts);
    opts.onPhase?.('finish', 0, 1);
    yield* this.retireGone(root, rels, report, opts);
    return finish(report);
  }

  /** One note's text (already decoded) as a deck; used by `importNotes`. */
  importText(a: { deck: string; name: string; title: string; markdown: string; sourcePath: string | null; images: ImageSource | null }): FileImport {
    const report = emptyReport();
    const empty: ImageSource = { candidates: () => [], read: () => null, size: () => null };
    runSteps(this.run(
      [{ rel: a.name, root: null, deck: a.deck, name: a.name, title: a.title, sourcePath: a.sourcePath, images: new ImageResolver(a.images ?? empty), load: () => ({ text: a.markdown }) }],
      report,
      {},
    ));
    return report.files[0]!;
  }

  /** Same id from another folder, or two paths that slug alike: keep them apart with a short hash. */
  private uniqueDeckId(id: string, root: string, rel: string, taken: Set<string>): string {
    let out = id;
    const other = this.store.cards.deck(out);
    if (other && other.root !== null && other.root !== root) out = `${out}~${shortHash(root)}`;
    if (taken.has(out)) out = `${out}~${shortHash(rel)}`;
    taken.add(out);
    return out;
  }

  /**
   * Read, parse and store the notes, one write transaction per batch. Yields
   * after each file's parse and after each batch's write: never inside a
   * transaction, so another call between two steps sees whole batches only.
   */
  private *run(jobs: readonly NoteJob[], report: ImportBatchReport, opts: ImportOptions): Generator<unknown, void> {
    const progress = (done: number, file: string) => {
      opts.onProgress?.({ done, total: jobs.length, file });
      opts.onPhase?.('files', done, jobs.length, file);
    };
    for (let start = 0; start < jobs.length; start += BATCH) {
      const batch = jobs.slice(start, start + BATCH);
      const parsed: { job: NoteJob; out: FileImport; drafts: CardDraft[]; hash: string; images: string[] }[] = [];
      for (let i = 0; i < batch.length; i++) {
        if (i > 0) yield;
        const job = batch[i]!;
        const out: FileImport = { file: job.rel, root: job.root, deck: job.deck, cards: 0, warnings: [] };
        report.files.push(out);
        progress(start + i, job.rel);
        const existing = this.store.cards.deck(job.deck);
        if (existing?.removedAt != null && job.root !== null) {
          out.skipped = 'removed';
          continue;
        }
        let loaded: { text: string } | { error: string };
        try {
          loaded = job.load();
        } catch (err) {
          loaded = { error: errText(err) };
        }
        if ('error' in loaded) {
          out.error = loaded.error;
          continue;
        }
        const img = job.images.rewrite(job.sourcePath ?? job.rel, loaded.text);
        const hash = createHash('sha256').update(`${parserStamp()}\n${job.title}\n`).update(img.markdown).digest('hex');
        if (!opts.force && existing && existing.sourceHash === hash && existing.removedAt === null && existing.root === job.root
          && existing.sourcePath === job.sourcePath && existing.name === job.name) {
          // Same bytes, same parser: the stored cards are what a parse would give. Nothing to write.
          const byKind = this.store.decks.liveByKind(job.deck);
          const n = Object.values(byKind).reduce((a, b) => a + b, 0);
          out.cards = n;
          out.byKind = byKind;
          out.counts = { ...zero(), unchanged: n };
          out.warnings = existing.warnings ? (JSON.parse(existing.warnings) as SourceWarning[]) : [];
          continue;
        }
        const result = parseNotes(img.markdown, { deck: job.deck, check: checkNoteFormulas, title: job.title });
        out.warnings = mergeWarnings(img.warnings, result.warnings);
        out.cards = result.cards.length;
        const byKind: Record<string, number> = {};
        for (const d of result.cards) byKind[d.kind] = (byKind[d.kind] ?? 0) + 1;
        out.byKind = byKind;
        parsed.push({ job, out, drafts: result.cards, hash, images: img.images });
      }
      if (parsed.length === 0) {
        progress(Math.min(start + BATCH, jobs.length), batch[batch.length - 1]!.rel);
        yield;
        continue;
      }
      const now = this.now();
      yield* this.writeStep(opts, () => this.store.write(() => {
        for (const p of parsed) {
          for (const name of p.images) {
            const m = p.job.images.pending.get(name);
            if (m && this.store.media.put(m.name, m.mime, m.data, now)) report.totals.images++;
          }
          if (this.store.cards.deck(p.job.deck)?.removedAt != null) this.store.decks.restore(p.job.deck, this.store.cards.deck(p.job.deck)!.removedAt!, now);
          const renamed: RenamedCard[] = [];
          p.out.counts = this.store.cards.syncDeck(
            {
              id: p.job.deck, name: p.job.name, sourcePath: p.job.sourcePath, sourceHash: p.hash, root: p.job.root, relPath: p.job.root ? p.job.rel : null,
              warnings: p.out.warnings.length ? JSON.stringify(p.out.warnings.slice(0, 1000)) : null,
            },
            p.drafts,
            now,
            renamed,
            true,
          );
          if (renamed.length) p.out.renamed = renamed;
        }
      }));
      progress(Math.min(start + BATCH, jobs.length), batch[batch.length - 1]!.rel);
      yield;
    }
  }

  /** One write transaction; with a busy budget, waiting out another process's lock (only this step is repeated). */
  private *writeStep<T>(opts: ImportOptions, fn: () => T): Generator<unknown, T> {
    if (!opts.busyBudgetMs) return fn();
    return yield* stepWhileBusy(fn, opts.busyBudgetMs);
  }

  /** Decks of this folder whose file is gone: retire their cards (restored when the file comes back). */
  private *retireGone(root: string, present: ReadonlySet<string>, report: ImportBatchReport, opts: ImportOptions, only?: ReadonlySet<string>): Generator<unknown, void> {
    const now = this.now();
    for (const d of this.store.decks.byRoot(root)) {
      if (d.relPath === null || d.removedAt !== null || present.has(d.relPath)) continue;
      if (only && !only.has(d.relPath)) continue;
      const retired = yield* this.writeStep(opts, () => this.store.decks.retireAll(d.id, now));
      report.gone.push({ file: d.relPath, root, deck: d.id, retired });
      report.totals.retired += retired;
    }
  }
}

function readNote(abs: string, size: number): { text: string } | { error: string } {
  if (size > MAX_NOTE_BYTES) {
    return { error: `${(size / 1024 / 1024).toFixed(1)} MB is too large for a note in a folder (limit ${MAX_NOTE_BYTES / 1024 / 1024} MB); import it on its own` };
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(abs);
  } catch (err) {
    return { error: `cannot read (${errText(err)})` };
  }
  return decodeNotes(bytes);
}

const titleOf = (rel: string) => path.posix.basename(rel).replace(/\.(md|markdown|txt)$/i, '');
const shortHash = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 6);

function mergeWarnings(images: SourceWarning[], parse: SourceWarning[]): SourceWarning[] {
  return images.length ? [...images, ...parse].sort((a, b) => a.line - b.line) : parse;
}

function emptyReport(): ImportBatchReport {
  return { roots: [], files: [], gone: [], errors: [], totals: { ...zero(), files: 0, imported: 0, failed: 0, cards: 0, images: 0 } };
}

function finish(r: ImportBatchReport): ImportBatchReport {
  const t = r.totals;
  for (const f of r.files) {
    t.files++;
    if (f.error) t.failed++;
    else if (!f.skipped) t.imported++;
    t.cards += f.cards;
    if (f.counts) for (const k of Object.keys(f.counts) as (keyof ImportCounts)[]) t[k] += f.counts[k];
  }
  return r;
}
