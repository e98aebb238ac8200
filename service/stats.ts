// Handlers for the stats part of AppApi: the stats report, export jobs and
// restore. Arguments arrive validated (see App.dispatch).
import { BackupError } from '../db/backup.ts';
import { buildStats, firstDay } from '../srs/stats/build.ts';
import { rangeDays, sectionIds } from '../srs/stats/range.ts';
import type { Stats, StatsRange } from '../srs/stats/types.ts';
import type { App, HandlersFor } from './app.ts';
import { ApiError } from './contract/common.ts';
import type { ExportFormat, RestoreResult, statsSchemas } from './contract/stats.ts';
import { RestoreRefused, restoreBackupBytes } from './export/backup.ts';
import { ExportJobs } from './export/jobs.ts';
import { EXPORT_MIME, exportFilename, exportTo, type ExportContext } from './export/run.ts';

const MS_PER_DAY = 86_400_000;

export class StatsService {
  readonly jobs: ExportJobs;

  constructor(private readonly app: App) {
    this.jobs = new ExportJobs(() => app.clock.now());
  }

  stats(a: { range: StatsRange; section?: string[] }): Stats {
    const { store, clock } = this.app;
    const now = clock.now();
    const settings = this.app.library.getSettings();
    const today = this.app.review.today(now);
    const offset = clock.utcOffsetMinutes(now);
    const repo = store.stats;
    const sections = repo.sections();
    const section = a.section?.length ? a.section : null;
    const ids = sectionIds(sections, section);
    // One read transaction: every number in the report comes from the same moment.
    return store.db.transaction(() => {
      const daily = repo.daily(-1e9, today, ids);
      const { from, to } = rangeDays(a.range, today, firstDay(daily));
      return buildStats({
        today,
        range: a.range,
        section,
        utcOffsetMinutes: offset,
        rolloverHour: settings.rolloverHour,
        daily,
        activeDays: repo.activeDays(null),
        hourly: repo.hourly(from, to, ids),
        bySection: repo.bySection(from, to, ids),
        sections,
        cardClasses: repo.cardClasses(ids),
        due: repo.due(today, today + 29, ids),
        intervals: repo.intervals(ids),
        ease: repo.ease(ids),
        mocks: repo.mockScores(),
      });
    })();
  }

  exportContext(lang?: 'zh' | 'en'): ExportContext {
    const now = this.app.clock.now();
    const settings = this.app.library.getSettings();
    const today = this.app.review.today(now);
    return {
      store: this.app.store,
      now,
      today,
      // Local start of today's study day, in epoch ms (Anki counts due days from it).
      todayStartMs: today * MS_PER_DAY + settings.rolloverHour * 3_600_000 - this.app.clock.utcOffsetMinutes(now) * 60_000,
      lang: lang ?? settings.language,
      rolloverHour: settings.rolloverHour,
      stats: () => this.stats({ range: 'all' }),
    };
  }

  startExport(format: ExportFormat, lang?: 'zh' | 'en') {
    const ctx = this.exportContext(lang);
    return this.jobs.start(format, exportFilename(format, ctx.today), EXPORT_MIME[format], (file, progress) => exportTo(format, file, ctx, progress));
  }

  async restore(base64: string, overwrite: boolean): Promise<RestoreResult> {
    try {
      const r = await restoreBackupBytes(this.app.store, Buffer.from(base64, 'base64'), { overwrite });
      return { restored: true, ...r };
    } catch (err) {
      if (err instanceof RestoreRefused) throw new ApiError(409, err.message);
      if (err instanceof BackupError) throw new ApiError(422, err.message);
      throw err;
    }
  }
}

export function statsHandlers(app: App): HandlersFor<typeof statsSchemas> {
  const s = new StatsService(app);
  return {
    stats: (a) => s.stats(a),
    exportStart: (a) => s.startExport(a.format, a.lang),
    exportStatus: (a) => s.jobs.status(a.id),
    exportRead: (a) => s.jobs.read(a.id, a.offset, a.length),
    exportFinish: (a) => s.jobs.finish(a.id),
    restoreBackup: (a) => s.restore(a.base64, a.overwrite),
  };
}
