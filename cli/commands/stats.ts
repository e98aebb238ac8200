import { Option, type Command } from 'commander';
import { SECTION_SEPARATOR } from '../../service/export/csv.ts';
import type { Stats } from '../../srs/stats/types.ts';
import { printResult, withApp, type Io } from '../context.ts';
import { common } from './options.ts';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

function human(s: Stats): string {
  const c = s.counts;
  const r = s.retention;
  const lines = [
    `${s.todayIso}  range ${s.range} (${s.daily[0]?.iso ?? s.todayIso} – ${s.todayIso})${s.section ? `  section ${s.section.join(SECTION_SEPARATOR)}` : ''}`,
    `reviews ${s.totals.reviews} (review ${s.totals.byMode.review} · drill ${s.totals.byMode.drill} · mock ${s.totals.byMode.mock}) · ${Math.round(s.totals.ms / 60000)} min · learned ${s.totals.learned}`,
    `streak ${s.streak.current} (longest ${s.streak.longest}) · active days ${s.totals.activeDays}`,
    `cards  new ${c.new} · learning ${c.learning} · young ${c.young} · mature ${c.mature} · suspended ${c.suspended} · retired ${c.retired}`,
    `retention young  today ${pct(r.today.young.rate)} · week ${pct(r.week.young.rate)} · month ${pct(r.month.young.rate)} · all ${pct(r.all.young.rate)}`,
    `retention mature today ${pct(r.today.mature.rate)} · week ${pct(r.week.mature.rate)} · month ${pct(r.month.mature.rate)} · all ${pct(r.all.mature.rate)}`,
    `due  overdue ${s.forecast.overdue} · next 7 days ${s.forecast.days.slice(0, 7).map((d) => d.n).join(' ')}`,
  ];
  if (s.sections.length) {
    lines.push('weakest sections:');
    for (const m of s.sections.slice(0, 5)) lines.push(`  ${pct(m.mastery).padStart(6)}  ${m.section.join(SECTION_SEPARATOR)}`);
  }
  return lines.join('\n');
}

export function registerStats(program: Command, io: Io): void {
  common(program.command('stats').description('progress stats: reviews, retention, forecast, cards, sections (use --json for everything)'))
    .addOption(new Option('--range <range>', 'time range for the charts').choices(['1m', '3m', '1y', 'all']).default('3m'))
    .option('--section <path>', `only this section and below, headings joined with "${SECTION_SEPARATOR.trim()}" or ">"`)
    .action(async (o) => {
      await withApp(o, false, async (app) => {
        const section = o.section ? String(o.section).split(/\s*[›>]\s*/).filter(Boolean) : undefined;
        const s = await app.client().stats({ range: o.range, section });
        printResult(io, o.json, s, () => human(s));
      });
    });
}
