import type { Command } from 'commander';
// The generators (mathjs) load only when a command runs, so --help stays fast.
const catalogue = () => import('../../cards/problems/catalogue.ts');
const generator = () => import('../../cards/problems/generate.ts');
import type { Problem } from '../../cards/problems/types.ts';
import { CliError, printResult, type Io } from '../context.ts';
import { intArg } from './options.ts';

async function checkTemplate(id: string): Promise<string> {
  const { templateIds } = await catalogue();
  if (!templateIds().includes(id)) throw new CliError(`unknown template ${JSON.stringify(id)} (deeprecall problems --all lists them)`);
  return id;
}

export function registerProblems(program: Command, io: Io): void {
  program
    .command('problems')
    .description('generate seeded problem variants')
    .option('--template <id>', 'one template')
    .option('--all', 'every template')
    .option('--count <n>', 'variants per template', intArg('--count', 1, 10_000), 1)
    .option('--seed <s>', 'first seed', intArg('--seed', 0, 2 ** 32 - 1), 1)
    .option('--json', 'print JSON')
    .action(async (o) => {
      if (!o.template && !o.all) throw new CliError('give --template ID or --all');
      const [{ templateIds }, { generate }] = await Promise.all([catalogue(), generator()]);
      const ids = o.all ? templateIds() : [await checkTemplate(o.template)];
      const out: Pick<Problem, 'template' | 'seed' | 'params' | 'prompt' | 'answer' | 'solution'>[] = [];
      for (const id of ids) {
        for (let i = 0; i < o.count; i++) {
          const p = generate(id, (o.seed + i) >>> 0);
          out.push({ template: p.template, seed: p.seed, params: p.params, prompt: p.prompt, answer: p.answer, solution: p.solution });
        }
      }
      printResult(io, o.json, out, () => out.map((p) => `${p.template} #${p.seed}\n  ${p.prompt.en}\n  answer: ${JSON.stringify(p.answer)}`).join('\n'));
    });

  program
    .command('grade')
    .description('grade a typed answer against one variant')
    .requiredOption('--template <id>', 'template id')
    .requiredOption('--seed <s>', 'variant seed', intArg('--seed', 0, 2 ** 32 - 1))
    .requiredOption('--answer <text>', 'the answer as typed')
    .option('--ms <n>', 'time taken in milliseconds', intArg('--ms', 0, 86_400_000), 0)
    .option('--json', 'print JSON')
    .action(async (o) => {
      const [{ grade }, { generate }] = await Promise.all([import('../../cards/answer/grade.ts'), generator()]);
      const verdict = grade(generate(await checkTemplate(o.template), o.seed), o.answer, o.ms);
      printResult(io, o.json, verdict, () =>
        [
          `${verdict.status}${verdict.quality !== undefined ? ` (quality ${verdict.quality})` : ''}`,
          verdict.reason ? `reason: ${verdict.reason}` : '',
          `expected: ${JSON.stringify(verdict.expected)}`,
          verdict.mistake ? `hint: ${verdict.mistake.hint.en}` : '',
        ].filter(Boolean).join('\n'),
      );
    });
}
