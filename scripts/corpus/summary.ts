// Aggregate per-card flags into one corpus row, and print rows as a table.
// Pure: the runner feeds it cards, note texts and import warnings.
import { analyseCard, cjkShare, firstH1, imageStats, langOf, proseOf, rawMarkupTotal, type CardFlags, type ReportCard } from './metrics.ts';

export interface NoteFile {
  rel: string; // path relative to the corpus root, '/' separated
  text: string; // decoded Markdown ('' when unreadable)
}

export interface ImportWarning {
  code: string;
  file?: string;
  line?: number;
  message?: string;
}

/** Does a note hold prose a card could come from (beyond headings, front matter and blank lines)? */
export function hasNoteText(markdown: string): boolean {
  const body = markdown
    .replace(/^\uFEFF/, '')
    .replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .split(/\r?\n/)
    .filter((l) => !/^\s{0,3}#{1,6}\s/.test(l) && !/^\s*(-{3,}|\*{3,}|_{3,})\s*$/.test(l))
    .join('\n');
  return body.replace(/\s+/g, '').length >= 20;
}

export function noteLang(markdown: string): 'zh' | 'en' {
  return langOf(proseOf(markdown));
}

export interface CorpusRow {
  corpus: string;
  importMode: string;
  files: number;
  filesWithTextNoCards: number | null; // null: cards carry no file/deck to map back
  filesWithTextNoCardsList: string[];
  cards: number;
  byKind: Record<string, number>;
  byLang: { zh: number; en: number };
  warningsByCode: Record<string, number>;
  importErrors: number;
  mathErrors: number; // cards with ≥ 1
  strayDollar: number; // cards with ≥ 1
  rawMarkup: number; // cards with any
  rawByType: { image: number; wikilink: number; bold: number; escapedTag: number; highlight: number };
  rawImages: number; // cards showing image syntax as text
  englishCards: number;
  enWithZhScaffolding: number;
  numberedFront: number;
  fillerFront: number;
  longAnswer: number;
  topicMissing: number; // cards whose note title is on neither the crumbs nor the front
  codeAnswer: number; // cards whose answer is mostly fenced code
  duplicateFront: number; // cards whose rendered front is shared with another card of the corpus
  images: { shown: number; missing: number; remote: number; remoteLoaded: number }; // see imageStats (all cards)
  fieldsMissing: string[];
}

/** Map each card to its note: `file` when printed, else through the deck id. */
export function fileOfCard(card: ReportCard, deckToFile: ReadonlyMap<string, string>): string | undefined {
  if (card.file) return card.file.replace(/\\/g, '/');
  if (card.deck) return deckToFile.get(card.deck);
  return undefined;
}

export interface AnalysedCard {
  card: ReportCard;
  flags: CardFlags;
  file: string | undefined;
}

export function analyseCorpus(
  corpus: string,
  importMode: string,
  files: readonly NoteFile[],
  cards: readonly ReportCard[],
  warnings: readonly ImportWarning[],
  importErrors: number,
  deckToFile: ReadonlyMap<string, string>,
): { row: CorpusRow; analysed: AnalysedCard[] } {
  const langByFile = new Map(files.map((f) => [f.rel, noteLang(f.text)]));
  const h1ByFile = new Map(files.map((f) => [f.rel, firstH1(f.text)]));
  const analysed = cards.map((card) => {
    const file = fileOfCard(card, deckToFile);
    return { card, file, flags: analyseCard(card, file ? langByFile.get(file) : undefined, file, file ? (h1ByFile.get(file) ?? null) : null) };
  });
  const byKind: Record<string, number> = {};
  const warningsByCode: Record<string, number> = {};
  for (const w of warnings) warningsByCode[w.code] = (warningsByCode[w.code] ?? 0) + 1;
  const rawByType = { image: 0, wikilink: 0, bold: 0, escapedTag: 0, highlight: 0 };
  const row: CorpusRow = {
    corpus, importMode, files: files.length, filesWithTextNoCards: null, filesWithTextNoCardsList: [], cards: cards.length, byKind,
    byLang: { zh: 0, en: 0 }, warningsByCode, importErrors, mathErrors: 0, strayDollar: 0, rawMarkup: 0, rawByType, rawImages: 0,
    englishCards: 0, enWithZhScaffolding: 0, numberedFront: 0, fillerFront: 0, longAnswer: 0, topicMissing: 0, codeAnswer: 0, duplicateFront: 0, images: { shown: 0, missing: 0, remote: 0, remoteLoaded: 0 }, fieldsMissing: [],
  };
  for (const { card, flags } of analysed) {
    byKind[card.kind] = (byKind[card.kind] ?? 0) + 1;
    row.byLang[flags.lang]++;
    if (flags.mathErrors) row.mathErrors++;
    if (flags.strayDollars) row.strayDollar++;
    if (rawMarkupTotal(flags.raw)) row.rawMarkup++;
    for (const k of Object.keys(rawByType) as (keyof typeof rawByType)[]) if (flags.raw[k]) rawByType[k]++;
    if (flags.raw.image) row.rawImages++;
    if (flags.english) row.englishCards++;
    if (flags.zhScaffolding.length) row.enWithZhScaffolding++;
    if (flags.numbered) row.numberedFront++;
    if (flags.filler) row.fillerFront++;
    if (flags.longAnswer) row.longAnswer++;
    if (flags.topicMissing) row.topicMissing++;
    if (flags.codeAnswer) row.codeAnswer++;
    const img = imageStats(`${card.frontHtml ?? ''}${card.backHtml ?? ''}`);
    row.images.shown += img.shown;
    row.images.missing += img.missing;
    row.images.remote += img.remote;
    row.images.remoteLoaded += img.remoteLoaded;
  }
  const fronts = new Map<string, number>();
  const frontKey = (c: ReportCard) => (c.frontHtml ?? c.front).replace(/\s+/g, ' ').trim();
  for (const { card } of analysed) fronts.set(frontKey(card), (fronts.get(frontKey(card)) ?? 0) + 1);
  row.duplicateFront = analysed.filter(({ card }) => card.kind !== 'reading' && (fronts.get(frontKey(card)) ?? 0) > 1).length;
  const mapped = analysed.some((a) => a.file !== undefined);
  if (mapped || cards.length === 0) {
    const withCards = new Set(analysed.map((a) => a.file));
    row.filesWithTextNoCardsList = files.filter((f) => hasNoteText(f.text) && !withCards.has(f.rel)).map((f) => f.rel);
    row.filesWithTextNoCards = row.filesWithTextNoCardsList.length;
  }
  for (const field of ['deck', 'file', 'line', 'tags', 'lang', 'frontHtml', 'backHtml'] as const) {
    if (cards.length && cards.every((c) => c[field] === undefined)) row.fieldsMissing.push(field);
  }
  return { row, analysed };
}

/** CJK share of a whole corpus' notes, for the README-style overview. */
export function corpusCjkShare(files: readonly NoteFile[]): number {
  return cjkShare(proseOf(files.map((f) => f.text).join('\n')));
}

const pct = (n: number, of: number) => (of ? `${n} (${((100 * n) / of).toFixed(1)} %)` : `${n}`);

/** Markdown table, one row per corpus; counts of cards with the defect and their share. */
export function summaryTable(rows: readonly CorpusRow[]): string {
  const head = [
    'corpus', 'files', 'text, no cards', 'cards', 'zh / en', 'kinds', 'warnings', 'math errors', 'stray $', 'raw markup', 'raw images',
    'en + zh scaffolding', 'numbered Q', 'filler front', '> 1500 chars', 'no note title', 'code answer', 'same front',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) {
    const kinds = Object.entries(r.byKind).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
    const warns = Object.entries(r.warningsByCode).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ') || '0';
    lines.push(
      `| ${[
        r.corpus, r.files, r.filesWithTextNoCards === null ? 'n/a' : pct(r.filesWithTextNoCards, r.files), r.cards,
        `${r.byLang.zh} / ${r.byLang.en}`, kinds, warns + (r.importErrors ? `; errors ${r.importErrors}` : ''),
        pct(r.mathErrors, r.cards), pct(r.strayDollar, r.cards), pct(r.rawMarkup, r.cards), pct(r.rawImages, r.cards),
        pct(r.enWithZhScaffolding, r.englishCards), pct(r.numberedFront, r.cards), pct(r.fillerFront, r.cards), pct(r.longAnswer, r.cards), pct(r.topicMissing, r.cards),
        pct(r.codeAnswer, r.cards), pct(r.duplicateFront, r.cards),
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}
