// `deeprecall evaluate`: which scheduler predicts this learner better — on the
// profile's history, or on any fsrs-rs / py-fsrs review-log CSV (--revlog).
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { EvaluateReport } from '../../service/fsrs/evaluate.ts';
// The worker client, the CSV reader and the metrics load only when the command runs (fast --help).
import { CliError, printResult, withApp, type Io } from '../context.ts';
import { progressLine } from '../progress.ts';
import { common, intArg } from './options.ts';

const f4 = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : '   —  ');

function human(r: EvaluateReport): string {
  const lines = [
    `${r.reviews} reviews · ${r.cards} cards · ${r.items} prediction targets (fit on ${r.trainItems} earlier, scored on the last ${r.testReviews})`,
    'model            log loss  RMSE(bins)     AUC',
    ...r.models.map((m) => `${m.name.padEnd(16)} ${f4(m.logLoss).padStart(8)}  ${f4(m.rmseBins).padStart(10)}  ${f4(m.auc).padStart(6)}`),
  ];
  if (r.optimizer.message) lines.push(`note: ${r.optimizer.message}`);
  // Issue 14: the fit uses the most recent 20,000 training items (srs/eval MAX_TRAIN_ITEMS); say so when it applied.
  if (r.trainTotal > r.trainItems) lines.push(`note: training is capped at the ${r.trainItems.toLocaleString('en')} most recent of ${r.trainTotal.toLocaleString('en')} items`);
  lines.push('', r.verdict.en, 'Lower log loss and RMSE(bins) are better; higher AUC is better.');
  return lines.join('\n');
}

export function registerEvaluate(program: Command, io: Io): void {
  common(program.command('evaluate').description('compare SM-2, FSRS (default) and FSRS (fitted on your earlier reviews) at predicting your later reviews'))
    .option('--revlog <file.csv>', 'evaluate a review log CSV instead (card_id, review_rating 1–4, review_time ISO 8601 or ms, review_duration)')
    .option('--rollover <hour>', 'with --revlog: hour the study day starts, local time', intArg('--rollover', 0, 23), 4)
    .action(async (o) => {
      // The same task worker as the app's Stats panel (service/worker/): one code path for the
      // numbers, and the terminal's progress line keeps moving while the fit runs.
      const [{ systemClock }, { evaluateJson }, { parseRevlog }, { runInWorker }, { packLog }] = await Promise.all([
        import('../../service/clock.ts'),
        import('../../service/fsrs/evaluate.ts'),
        import('../../service/fsrs/revlog.ts'),
        import('../../service/worker/client.ts'),
        import('../../service/worker/protocol.ts'),
      ]);
      const run = async (request: { file: string | null; log: ReturnType<typeof packLog> | null }, label: string) => {
        const line = progressLine(process.stderr, `evaluate ${label}`, { json: o.json });
        let r: EvaluateReport;
        try {
          r = await runInWorker({ kind: 'evaluate', ...request }, { onProgress: (phase, done, total) => line?.update(total ? done / total : null, phase) });
        } finally {
          line?.end();
        }
        printResult(io, o.json, evaluateJson(r), () => human(r));
        if (o.json && r.optimizer.message) io.err(`note: ${r.optimizer.message}`);
      };
      if (o.revlog) {
        let text: string;
        try {
          text = fs.readFileSync(String(o.revlog), 'utf8');
        } catch (err) {
          throw new CliError(`${String(o.revlog)}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
        }
        const log = parseRevlog(text, { utcOffsetMinutes: systemClock.utcOffsetMinutes, rolloverHour: o.rollover as number, label: String(o.revlog) });
        // Parsed here, so a bad row is named before any worker starts; handed over as transferable arrays.
        await run({ file: null, log: packLog(log) }, path.basename(String(o.revlog)));
        return;
      }
      // The worker opens the profile read-only, as the app's does.
      await withApp(o, false, (app) => run({ file: app.store.file, log: null }, path.basename(app.store.file)));
    });
}
