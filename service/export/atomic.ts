// Every export file is written as PATH.tmp-<pid>-<random>, flushed to disk,
// then renamed over PATH: a reader never sees half a file, and a failure
// (unwritable folder, full disk, a thrown error) leaves nothing behind.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';

export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

function describe(out: string, err: unknown): ExportError {
  if (err instanceof ExportError) return err;
  const e = err as NodeJS.ErrnoException;
  const why: Record<string, string> = {
    ENOENT: 'the folder does not exist',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of the path is not a folder',
  };
  return new ExportError(`cannot write ${out}: ${(e.code && why[e.code]) ?? e.message ?? String(err)}`);
}

export function tmpPathFor(out: string): string {
  return `${out}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Let `produce` create the temporary file however it likes (a stream, VACUUM
 * INTO, a zip), then make it the real file in one rename.
 */
export async function atomicFile(out: string, produce: (tmp: string) => Promise<void> | void): Promise<void> {
  const abs = path.resolve(out);
  if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) throw new ExportError(`cannot write ${abs}: it is a folder`);
  const tmp = tmpPathFor(abs);
  try {
    await produce(tmp);
    // Exports and backups hold the learner's data: user-only, whatever the umask.
    if (process.platform !== 'win32') fs.chmodSync(tmp, 0o600);
    fsyncFile(tmp);
    fs.renameSync(tmp, abs);
  } catch (err) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // the temp file could not even be created (ENOTDIR, EACCES): nothing to remove
    }
    throw describe(abs, err);
  }
}

/**
 * Something that takes text or bytes and waits when the disk is behind
 * (backpressure). write() returns a promise only when the caller must wait,
 * so a million small rows do not cost a million awaits.
 */
export interface Sink {
  write(chunk: string | Uint8Array): Promise<void> | void;
}

/** Buffers small writes into ~256 KB chunks and waits for 'drain' whenever the stream asks it to. */
export function streamSink(stream: fs.WriteStream): Sink & { flush(): Promise<void>; failure(): unknown } {
  // String concatenation builds a rope that V8 flattens once per flush: cheaper than push + join per row.
  let buf = '';
  // A write can fail later, while we are busy reading rows; keep the error
  // (an 'error' with no listener would crash the process) and raise it on the next write.
  let failure: unknown = null;
  stream.on('error', (e) => (failure ??= e));
  const push = async (chunk: string | Uint8Array) => {
    if (failure) throw failure;
    // events.once rejects if the stream emits 'error' while we wait.
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  const flush = async () => {
    if (buf.length === 0) return;
    const text = buf;
    buf = '';
    await push(text);
  };
  return {
    write(chunk) {
      if (typeof chunk !== 'string') return flush().then(() => push(chunk));
      buf += chunk;
      return buf.length >= 256 * 1024 ? flush() : undefined;
    },
    async flush() {
      await flush();
      if (failure) throw failure;
    },
    failure: () => failure,
  };
}

/** Write a file through a stream sink, atomically. */
export async function atomicStream(out: string, write: (sink: Sink) => Promise<void>): Promise<void> {
  await atomicFile(out, async (tmp) => {
    const stream = fs.createWriteStream(tmp, { flags: 'wx' });
    const sink = streamSink(stream);
    try {
      await once(stream, 'open');
      await write(sink);
      await sink.flush();
      stream.end();
      if (!stream.closed) await once(stream, 'close');
      if (sink.failure()) throw sink.failure();
    } catch (err) {
      stream.destroy();
      if (!stream.closed) await once(stream, 'close').catch(() => undefined);
      throw err;
    }
  });
}
