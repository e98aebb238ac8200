import type { Command } from 'commander';
import { printResult, withApp, type Io } from '../context.ts';
import { common } from './options.ts';

const STATES = ['new', 'learning', 'young', 'mature', 'suspended', 'retired'] as const;

export function registerStats(program: Command, io: Io): void {
  common(program.command('stats').description('card counts by state')).action(async (o) => {
    await withApp(o, false, async (app) => {
      const api = app.client();
      const counts: Record<string, number> = {};
      for (const state of STATES) counts[state] = (await api.listCards({ state, limit: 1 })).total;
      const summary = await api.summary();
      const out = { counts, due: summary.due, streak: summary.streak, reviewedToday: summary.reviewedToday };
      printResult(io, o.json, out, () => STATES.map((s) => `${s.padEnd(10)} ${counts[s]}`).join('\n'));
    });
  });
}
