import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CardKind, CardLink } from '../../cards/types.ts';
import { DEFAULT_DECK_ID, defaultDeckPath, deckIdFromName } from '../../service/deck.ts';
// The parser, problem catalogue, importer and KaTeX load only when this command runs (fast --help).
import { CliError, withApp, type Io } from '../context.ts';
import { common } from './options.ts';

interface CardOut {
  id: string;
  kind: CardKind;
  section: string[];
  front: string;
  back: string;
  links: CardLink[];
  deck: string;
  /** The notes file, relative to the imported folder (its name for a single file). */
  file: string | null;
  line: number;
  tags: string[];
  lang: 'zh' | 'en' | null;
  frontHtml?: string;
  backHtml?: string;
}

const out = (c: { id: string; kind: CardKind; section: string[]; front: string; back: string; links: CardLink[]; deck: string; line: number; tags?: string[]; lang?: 'zh' | 'en' | null }, file: string | null): CardOut => ({
  id: c.id, kind: c.kind, section: c.section, front: c.front, back: c.back, links: c.links,
  deck: c.deck, file, line: c.line, tags: c.tags ?? [], lang: c.lang ?? null,
});

async function fromNotes(file: string, isDefault: boolean): Promise<CardOut[]> {
  const [{ decodeNotes }, { parseNotes }, { checkNoteFormulas }, { problemCards }, { problemPartCards }, { diskImages }, { ImageResolver }] = await Promise.all([
    import('../../cards/notes/decode.ts'),
    import('../../cards/notes/parse.ts'),
    import('../../cards/problems/checkNotes.ts'),
    import('../../cards/problems/cards.ts'),
    import('../../cards/problems/part.ts'),
    import('../../service/importer.ts'),
    import('../../service/media.ts'),
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
  const name = path.basename(abs);
  const deck = isDefault ? DEFAULT_DECK_ID : deckIdFromName(name);
  // As `import` does: local images rewritten (looked up next to the file, not stored), the file name as title.
  const text = isDefault ? decoded.text : new ImageResolver(diskImages(path.dirname(abs))).rewrite(abs, decoded.text).markdown;
  const cards = parseNotes(text, { deck, check: checkNoteFormulas, ...(isDefault ? {} : { title: name.replace(/\.(md|markdown|txt)$/i, '') }) }).cards;
  return [...cards, ...(isDefault ? [...problemPartCards(deck), ...problemCards(deck)] : [])].map((c) => out(c, name));
}

// A Record, so a new CardKind cannot be forgotten here.
const KIND_SET: Record<CardKind, true> = { formula: true, term: true, section: true, prompt: true, reading: true, qa: true, cloze: true, problem: true };
const KINDS = Object.keys(KIND_SET) as CardKind[];

/**
 * Which kinds to print. The default is every card the profile holds, reading
 * lists (kind `reading`: a section's references, never scheduled) included,
 * so a note whose only content is links is visibly covered; `--review` keeps
 * the cards a learner is asked, `--kind` names kinds.
 */
function kindFilter(o: { review?: boolean; kind?: string }): (k: CardKind) => boolean {
  if (o.kind !== undefined) {
    const want = o.kind.split(',').map((k) => k.trim()).filter(Boolean);
    const bad = want.filter((k) => !(KINDS as readonly string[]).includes(k));
    if (bad.length || want.length === 0) throw new CliError(`--kind: unknown kind ${JSON.stringify(bad[0] ?? o.kind)} (one or more of ${KINDS.join(', ')}, comma-separated)`);
    return (k) => want.includes(k);
  }
  return o.review ? (k) => k !== 'reading' : () => true;
}

export function registerCards(program: Command, io: Io): void {
  common(program.command('cards').description('print every card (the bundled deck unless --notes or --db is given)'))
    .option('--notes <file>', 'parse this notes file instead of the bundled deck')
    .option('--html', 'add frontHtml/backHtml rendered with KaTeX')
    .option('--deck <id>', 'with --db: only this deck')
    .option('--review', 'only cards a learner is asked (leave out reading lists: references, never reviewed)')
    .option('--kind <kinds>', `only these kinds, comma-separated (${KINDS.join(', ')})`)
    .action(async (o) => {
      if (o.notes && o.db) throw new CliError('give --notes or --db, not both');
      if (o.review && o.kind !== undefined) throw new CliError('give --review or --kind, not both');
      const keep = kindFilter(o);
      let cards: CardOut[];
      if (o.db) {
        cards = await withApp(o, false, async (app) => {
          // Every live card of every deck (or of --deck), in each deck's notes order.
          const today = app.review.today();
          const decks = app.store.decks.list(today).filter((d) => !o.deck || d.id === o.deck);
          if (o.deck && decks.length === 0) throw new CliError(`no deck with id ${JSON.stringify(o.deck)}`);
          const all: CardOut[] = [];
          for (const d of decks) {
            const file = d.relPath ?? (d.sourcePath ? path.basename(d.sourcePath) : null);
            for (let offset = 0; ; offset += 1000) {
              const page = app.store.cards.list({ deck: d.id, today, limit: 1000, offset });
              for (const c of page.cards) all.push(out(c, file));
              if (page.cards.length < 1000) break;
            }
          }
          return all;
        });
      } else {
        cards = await (o.notes ? fromNotes(o.notes, false) : fromNotes(defaultDeckPath(), true));
      }
      cards = cards.filter((c) => keep(c.kind));
      if (o.html) {
        const { renderCard } = await import('../../cards/render/render.ts');
        for (const c of cards) Object.assign(c, renderCard({ ...c, lang: c.lang ?? undefined }));
      }
      if (o.json) io.out(JSON.stringify(cards, null, 2));
      else for (const c of cards) io.out(`[${c.kind}] ${c.section.join(' › ')}\n  Q: ${c.front.replace(/\n/g, '\n     ')}\n`);
    });
}
