import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CardKind, CardLink } from '../../cards/types.ts';
import { DEFAULT_DECK_ID, defaultDeckPath, deckIdFromName } from '../../service/deck.ts';
// The parser, problem catalogue and KaTeX load only when this command runs (fast --help).
import { CliError, withApp, type Io } from '../context.ts';
import { common } from './options.ts';

interface CardOut {
  id: string;
  kind: CardKind;
  section: string[];
  front: string;
  back: string;
  links: CardLink[];
  frontHtml?: string;
  backHtml?: string;
}

async function fromNotes(file: string, isDefault: boolean): Promise<CardOut[]> {
  const [{ decodeNotes }, { parseNotes }, { checkNoteFormulas }, { problemCards }] = await Promise.all([
    import('../../cards/notes/decode.ts'),
    import('../../cards/notes/parse.ts'),
    import('../../cards/problems/checkNotes.ts'),
    import('../../cards/problems/cards.ts'),
  ]);
  const abs = path.resolve(file);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(abs);
  } catch (err) {
    throw new CliError(`${abs}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  const decoded = decodeNotes(bytes);
  if ('error' in decoded) throw new CliError(`${abs}: ${decoded.error}`);
  const deck = isDefault ? DEFAULT_DECK_ID : deckIdFromName(path.basename(abs));
  const cards = parseNotes(decoded.text, { deck, check: checkNoteFormulas }).cards;
  return [...cards, ...(isDefault ? problemCards(deck) : [])];
}

export function registerCards(program: Command, io: Io): void {
  common(program.command('cards').description('print every card (the bundled deck unless --notes or --db is given)'))
    .option('--notes <file>', 'parse this notes file instead of the bundled deck')
    .option('--html', 'add frontHtml/backHtml rendered with KaTeX')
    .action(async (o) => {
      if (o.notes && o.db) throw new CliError('give --notes or --db, not both');
      let cards: CardOut[];
      if (o.db) {
        cards = await withApp(o, false, async (app) => {
          const out: CardOut[] = [];
          for (let offset = 0; ; offset += 1000) {
            const page = app.library.listCards({ limit: 1000, offset }, app.review.today());
            for (const c of page.cards) {
              const full = app.store.cards.byId(c.id)!;
              out.push({ id: c.id, kind: c.kind, section: c.section, front: full.front, back: full.back, links: full.links });
            }
            if (page.cards.length < 1000) break;
          }
          return out;
        });
      } else {
        cards = await (o.notes ? fromNotes(o.notes, false) : fromNotes(defaultDeckPath(), true));
      }
      if (o.html) {
        const { renderCard } = await import('../../cards/render/render.ts');
        for (const c of cards) Object.assign(c, renderCard(c));
      }
      if (o.json) io.out(JSON.stringify(cards, null, 2));
      else for (const c of cards) io.out(`[${c.kind}] ${c.section.join(' › ')}\n  Q: ${c.front.replace(/\n/g, '\n     ')}\n`);
    });
}
