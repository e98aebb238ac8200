import type { Command } from 'commander';
import { printResult, withApp, type Io } from '../context.ts';
import { common } from './options.ts';

export function registerDecks(program: Command, io: Io): void {
  common(program.command('decks').description('list decks: name, source file, cards, due, new, last import')).action(async (o) => {
    await withApp(o, false, async (app) => {
      const decks = await app.client().listDecks();
      printResult(io, o.json, decks, () =>
        decks
          .map((d) => {
            const flags = [d.suspended ? 'suspended' : '', d.removedAt !== null ? 'removed' : ''].filter(Boolean).join(', ');
            const when = d.importedAt ? new Date(d.importedAt).toISOString().slice(0, 16).replace('T', ' ') : '-';
            return `${d.id}  ${d.name}${flags ? ` (${flags})` : ''}\n  ${d.cards} cards · ${d.due} due · ${d.fresh} new · imported ${when}${d.sourcePath ? ` · ${d.sourcePath}` : ''}`;
          })
          .join('\n') || 'no decks',
      );
    });
  });
}
