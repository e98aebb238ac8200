import { Option, type Command } from 'commander';
import { DB_ENV } from '../../db/paths.ts';
import { CliError } from '../context.ts';

/** --db and --json, added to every command so each one documents them in its own --help. */
export function common(cmd: Command, { json = true } = {}): Command {
  cmd.addOption(new Option('--db <file>', `database file (default: $${DB_ENV} or the user-data folder)`));
  if (json) cmd.option('--json', 'print machine-readable JSON');
  return cmd;
}

export function intArg(name: string, min: number, max: number) {
  return (v: string): number => {
    if (!/^-?\d+$/.test(v)) throw new CliError(`${name} must be an integer, got ${JSON.stringify(v)}`);
    const n = Number(v);
    if (n < min || n > max) throw new CliError(`${name} must be between ${min} and ${max}, got ${n}`);
    return n;
  };
}
