import type { Command } from 'commander';
import type { Io } from '../context.ts';
import { registerCards } from './cards.ts';
import { registerDecks } from './decks.ts';
import { registerDoctor } from './doctor.ts';
import { registerDue } from './due.ts';
import { registerEvaluate } from './evaluate.ts';
import { registerExport } from './export.ts';
import { registerImport } from './import.ts';
import { registerMock } from './mock.ts';
import { registerProblems } from './problems.ts';
import { registerServe } from './serve.ts';
import { registerStats } from './stats.ts';

/** Each area registers its own commands; add new ones here. */
export const COMMANDS: ((program: Command, io: Io) => void)[] = [
  registerImport,
  registerCards,
  registerDecks,
  registerDue,
  registerStats,
  registerExport,
  registerProblems,
  registerMock,
  registerServe,
  registerDoctor,
  registerEvaluate,
];
