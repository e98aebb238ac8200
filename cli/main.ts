import { Command, CommanderError } from 'commander';
import { describeError, stdio, type Io } from './context.ts';
import { COMMANDS } from './commands/index.ts';

export function buildProgram(io: Io): Command {
  const program = new Command('deeprecall')
    .description('DeepRecall — spaced repetition and mock interviews for deep-learning job interviews')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();
  for (const register of COMMANDS) register(program, io);
  return program;
}

/** Returns the exit code; never throws, so `bin/` can set process.exitCode. */
export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version exit 0; usage errors were already printed by commander
      return err.exitCode === 0 ? 0 : 2;
    }
    io.err(`deeprecall: ${describeError(err)}`);
    return (err as { exitCode?: number }).exitCode ?? 1;
  }
}
