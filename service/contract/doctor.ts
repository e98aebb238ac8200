// "Check database" in AppApi: a read-only check and a repair that backs the
// file up first. The report types live with the checks in db/doctor.ts.
import type { z } from 'zod';
import type { DoctorReport, RepairResult } from '../../db/doctor.ts';
import { Empty } from './common.ts';

export const doctorSchemas = {
  doctor: Empty,
  repairDb: Empty,
} as const;

export type { CheckName, CheckResult, DoctorReport, RepairResult } from '../../db/doctor.ts';

type In<K extends keyof typeof doctorSchemas> = z.input<(typeof doctorSchemas)[K]>;

export interface DoctorApi {
  doctor(a?: In<'doctor'>): Promise<DoctorReport>;
  repairDb(a?: In<'repairDb'>): Promise<RepairResult>;
}
