// Start an FSRS job (optimise, evaluate, simulate) and poll it to the end,
// reporting progress; the host runs the work off its request path.
import type { FsrsJob, FsrsJobKind } from '../../../service/contract/index.ts';
import { api } from '../../lib/api.ts';

export async function runFsrsJob(kind: FsrsJobKind, onProgress: (pct: number) => void): Promise<FsrsJob> {
  let job = await api.fsrsJobStart({ kind });
  while (job.state === 'running') {
    await new Promise((r) => setTimeout(r, 250));
    job = await api.fsrsJobStatus({ id: job.id });
    onProgress(job.total > 0 ? Math.round((100 * job.done) / job.total) : 0);
  }
  if (job.state === 'failed') throw new Error(job.error ?? 'failed');
  return job;
}
