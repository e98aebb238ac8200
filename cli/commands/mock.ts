// `deeprecall mock`: print a drawn question set, run a mock from scripted
// answers, or show saved reports and the history.
//
// Answers (--answers FILE, or - for stdin), one line per question in order:
//   concept cards   q:N [notes]   self-grade N (0–5) after the reveal; text after it is kept as notes
//   problem cards   the typed answer, auto-graded (an unreadable one is counted wrong, quality 1)
//   either          an empty line or "skip" gives up the question with quality 0
// Fewer lines than questions end the mock early; the rest count as not reached.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { AppApi, MockAnswerResult, MockReport, MockView } from '../../service/contract/index.ts';
import { CliError, printResult, withApp, type Io } from '../context.ts';
import { formatDraw, formatHistory, formatReport } from './mock-format.ts';
import { common, intArg } from './options.ts';

/** "卷积,CNN的训练>正则化" → [["卷积"], ["CNN的训练", "正则化"]]; › and / also separate levels. */
export function parseSections(v: string): string[][] {
  const paths = v.split(',').map((p) => p.split(/\s*[>›/]\s*/).map((h) => h.trim()).filter(Boolean)).filter((p) => p.length);
  if (!paths.length) throw new CliError('--sections needs at least one heading');
  return paths;
}

function numArg(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n)) throw new CliError(`${name} must be a number, got ${JSON.stringify(v)}`);
    return n;
  };
}

function readAnswers(src: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(src === '-' ? 0 : path.resolve(src), 'utf8');
  } catch (err) {
    throw new CliError(`${src}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

async function answerOne(api: AppApi, v: MockView, line: string, lineNo: number): Promise<MockAnswerResult> {
  const q = v.question;
  const base = { mockId: v.mockId, index: v.index, elapsedMs: 0 };
  const skip = line.trim() === '' || line.trim().toLowerCase() === 'skip';
  if (q.kind === 'concept') {
    const m = /^\s*q\s*:\s*([0-5])\b\s*(.*)$/i.exec(line);
    if (!skip && !m) throw new CliError(`answers line ${lineNo}: question ${v.index + 1} is a concept card; write q:0 … q:5 (got ${JSON.stringify(line.slice(0, 40))})`);
    const notes = m?.[2]?.trim() || undefined;
    await api.mockReveal({ mockId: v.mockId, index: v.index, ...(notes ? { notes } : {}) });
    return api.mockAnswer({ ...base, quality: (skip ? 0 : Number(m![1])) as 0 | 1 | 2 | 3 | 4 | 5 });
  }
  if (skip) return api.mockAnswer({ ...base, quality: 0 });
  const r = await api.mockAnswer({ ...base, typed: line });
  if (r.recorded || r.timedOut) return r;
  return api.mockAnswer({ ...base, quality: 1 }); // unreadable in a script: there is no one to retype it
}

async function runMock(api: AppApi, config: Parameters<AppApi['mockStart']>[0], lines: string[], log: (s: string) => void): Promise<MockReport> {
  let v: MockView | null = await api.mockStart(config);
  const mockId = v.mockId;
  for (let i = 0; v && i < lines.length; i++) {
    const r = await answerOne(api, v, lines[i]!, i + 1);
    log(`${v.index + 1}. ${r.timedOut ? 'timed out' : `quality ${r.quality}${r.correct ? ' ✓' : ' ✗'}`}`);
    if (r.report) return r.report;
    v = r.next;
  }
  return api.mockFinish({ mockId });
}

export function registerMock(program: Command, io: Io): void {
  common(program.command('mock').description('timed mock interviews: draw a question set, run one from scripted answers, reports, history'))
    .option('--preset <name>', 'quick | standard | full')
    .option('--questions <n>', 'number of questions (default 10)', intArg('--questions', -1_000_000, 1000))
    .option('--seed <s>', 'seed: the same seed draws the same questions', intArg('--seed', 0, 2 ** 32 - 1))
    .option('--sections <paths>', 'comma-separated heading paths, levels joined by > (e.g. "卷积,CNN的训练>正则化")', parseSections)
    .option('--mix <x>', 'share of problem cards, 0–1 (default 0.3)', numArg('--mix'))
    .option('--total <s>', 'total time limit in seconds (default 1200)', numArg('--total'))
    .option('--per-question <s>', 'per-question limit in seconds (default 120)', numArg('--per-question'))
    .option('--no-feed-srs', 'keep the answers out of SM-2 scheduling')
    .option('--answers <file>', 'run the mock with answers from FILE (- for stdin; see the format in --help)')
    .option('--report <id>', 'print a saved report', intArg('--report', 1, Number.MAX_SAFE_INTEGER))
    .option('--out <file>', 'with --report or --answers: also write the report as JSON to FILE')
    .option('--html <file>', 'with --report or --answers: also write the report as a printable HTML page')
    .option('--lang <lang>', 'language of the HTML page: zh | en', 'zh')
    .option('--history', 'list past mocks, newest first')
    .addHelpText('after', '\nAnswer lines: "q:N [notes]" for concept cards (N = 0–5), the typed answer for problems, empty or "skip" to give up.\nExample: deeprecall mock --questions 3 --seed 7 --answers - < answers.txt')
    .action(async (o) => {
      if (o.preset && !['quick', 'standard', 'full'].includes(o.preset)) throw new CliError(`--preset must be quick, standard or full, got ${JSON.stringify(o.preset)}`);
      if (o.lang !== 'zh' && o.lang !== 'en') throw new CliError(`--lang must be zh or en, got ${JSON.stringify(o.lang)}`);
      const readOnly = o.report !== undefined || o.history;
      if (o.report !== undefined && o.history) throw new CliError('give --report ID or --history, not both');
      const lines = o.answers ? readAnswers(o.answers) : null;
      await withApp(o, !readOnly, async (app) => {
        const api = app.client();
        if (o.history) {
          const items = await api.mockHistory({});
          return printResult(io, o.json, items, () => formatHistory(items));
        }
        const config = {
          ...(o.preset ? { preset: o.preset } : {}), ...(o.questions !== undefined ? { questions: o.questions } : {}),
          ...(o.seed !== undefined ? { seed: o.seed } : {}), ...(o.sections ? { sections: o.sections } : {}),
          ...(o.mix !== undefined ? { mix: o.mix } : {}), ...(o.total !== undefined ? { totalSeconds: o.total } : {}),
          ...(o.perQuestion !== undefined ? { perQuestionSeconds: o.perQuestion } : {}), ...(o.feedSrs === false ? { feedSrs: false } : {}),
        };
        if (!readOnly) await app.ensureDefaultDeck();
        if (!lines && o.report === undefined) {
          const draw = await api.mockDraw(config);
          return printResult(io, o.json, draw, () => formatDraw(draw));
        }
        const report = lines ? await runMock(api, config, lines, o.json ? () => {} : io.err) : await api.mockReport({ id: o.report });
        if (o.out) fs.writeFileSync(path.resolve(o.out), `${JSON.stringify(report, null, 2)}\n`);
        if (o.html) fs.writeFileSync(path.resolve(o.html), (await api.mockExportHtml({ id: report.mockId, lang: o.lang })).html);
        printResult(io, o.json, report, () => formatReport(report));
      });
    });
}
