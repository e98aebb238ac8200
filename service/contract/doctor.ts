// "Check database" in AppApi: a read-only check and a repair that backs the
// file up first. The report types live with the checks in db/doctor.ts.
import { z } from 'zod';
import type { DoctorReport, RepairResult } from '../../db/doctor.ts';
import { Empty } from './common.ts';

export const doctorSchemas = {
  doctor: Empty,
  repairDb: Empty,
  /** Check database as a job (it runs in a worker): returns at once; doctorStatus gives progress, then the report. */
  doctorStart: Empty,
  doctorStatus: z.object({ id: z.string().regex(/^[a-f0-9]{32}$/, 'a Check database job id') }).strict(),
} as const;

/**
 * A background job a client polls (Check database here; the shape is service/worker/jobs.ts's):
 * running with a phase and counts, then ready with its result or failed with its error.
 */
export interface TaskJob<R> {
  id: string;
  state: 'running' | 'ready' | 'failed';
  phase: string;
  done: number;
  total: number;
  error?: string;
  result?: R;
}

/** A running or finished Check database: phase integrity → indexes → history → references, then the report. */
export type DoctorJob = TaskJob<DoctorReport>;

export type { CheckName, CheckResult, DoctorReport, RepairResult } from '../../db/doctor.ts';

type In<K extends keyof typeof doctorSchemas> = z.input<(typeof doctorSchemas)[K]>;

export interface DoctorApi {
  doctor(a?: In<'doctor'>): Promise<DoctorReport>;
  repairDb(a?: In<'repairDb'>): Promise<RepairResult>;
  doctorStart(a?: In<'doctorStart'>): Promise<DoctorJob>;
  doctorStatus(a: In<'doctorStatus'>): Promise<DoctorJob>;
}
