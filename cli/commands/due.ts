import type { Command } from 'commander';
import { printResult, withApp, type Io } from '../context.ts';
import { common } from './options.ts';

export function registerDue(program: Command, io: Io): void {
  common(program.command('due').description("today's queue: due reviews, new cards, drills, streak")).action(async (o) => {
    await withApp(o, false, async (app) => {
      const s = await app.client().summary();
      printResult(io, o.json, s, () =>
        [
          `${s.todayIso}  due ${s.due} · new ${s.new} · drill ${s.drill}`,
          `answered today ${s.reviewedToday} (new learned ${s.learnedToday}) · streak ${s.streak} day(s) · ${s.totalCards} cards`,
        ].join('\n'),
      );
    });
  });
}
