import type { Command } from 'commander';
import type { CheckName, DoctorReport, RepairResult } from '../../service/contract/index.ts';
import { CliError, printResult, withApp, type Io } from '../context.ts';
import { common } from './options.ts';

const TITLES: Record<CheckName, string> = {
  integrity: 'SQLite integrity check',
  foreignKeys: 'foreign keys',
  orphanHistory: 'history referring to missing cards or mocks (kept as is)',
  orphanStates: 'schedules of missing cards',
  states: 'schedules that disagree with their review log',
  newFlags: '"new" flags that disagree with the schedule',
  templates: 'problem cards whose template this version does not have',
  clock: 'answers dated in the future or after a clock set back (kept as they are)',
};

function describeReport(r: DoctorReport): string[] {
  const lines = [`${r.file}: ${r.cards} cards, ${r.reviews} reviews (checked in ${r.ms} ms)`];
  for (const c of r.checks) {
    lines.push(`  ${c.ok ? 'ok  ' : 'FAIL'}  ${TITLES[c.name]}${c.ok ? '' : `: ${c.count}${c.repairable ? ' (repairable)' : ''}`}`);
    for (const s of c.samples.slice(0, 5)) lines.push(`          ${s}`);
    if (c.count > 5) lines.push(`          … ${c.count - 5} more (--json lists ${c.samples.length})`);
  }
  return lines;
}

function describeRepair(r: RepairResult): string {
  if (!r.backup) return 'nothing to repair';
  return [
    `backup written to ${r.backup}`,
    `rebuilt ${r.rebuiltStates} schedules from the log, removed ${r.removedStates}, fixed ${r.fixedNewFlags} "new" flags, suspended ${r.suspendedMissingTemplates} problem cards without a template`,
    ...describeReport(r.after),
  ].join('\n');
}

export function registerDoctor(program: Command, io: Io): void {
  common(program.command('doctor').description('check the database (integrity, orphaned rows, schedules vs the review log, missing problem templates); --repair rebuilds schedules and suspends unusable problem cards after a backup'))
    .option('--repair', 'rebuild schedules and "new" flags from the review log (a backup is written next to the file first)')
    .action(async (o) => {
      // A problem found is exit 1, so scripts can run `deeprecall doctor` as a health check.
      const ok = await withApp(o, false, async (app) => {
        if (o.repair) {
          const api = app.client();
          const r = await api.repairDb();
          printResult(io, o.json, r, () => describeRepair(r));
          return r.after.ok;
        }
        // The check runs in a worker; on a terminal its progress is one line on stderr, rewritten in place.
        const { runDoctor } = await import('../../service/doctor.ts');
        const tty = process.stderr.isTTY === true;
        const r = await runDoctor(app, tty ? { onProgress: (phase, done, total) => process.stderr.write(`\rchecking: ${phase} ${total ? Math.round((100 * done) / total) : 0}%   `) } : {});
        if (tty) process.stderr.write('\r\x1b[K');
        printResult(io, o.json, r, () =>
          [...describeReport(r), ...(r.repairable ? ['run `deeprecall doctor --repair` to rebuild from the log (a backup is written first)'] : [])].join('\n'),
        );
        return r.ok;
      });
      if (!ok) throw new CliError(o.repair ? 'problems remain that repair cannot fix (see above)' : 'the database has problems (see above)', 1);
    });
}
