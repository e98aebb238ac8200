// The daily review part of AppApi: schemas validate every argument at the
// boundary; the interfaces are what every host and the renderer see.
import { z } from 'zod';
import type { CardKind, CardLink, SourceWarning } from '../../cards/types.ts';
import { MAX_RETENTION, MIN_RETENTION } from '../../srs/fsrs/config.ts';
import { CardId, Empty, Quality, SectionPath } from './common.ts';

export const Settings = z.object({
  newPerDay: z.number().int().min(0).max(9999),
  reviewsPerDay: z.number().int().min(0).max(99999),
  rolloverHour: z.number().int().min(0).max(23),
  language: z.enum(['zh', 'en']),
  theme: z.enum(['light', 'dark', 'system']),
  /** Folders of notes the running app (browser mode / Electron) watches and re-imports. */
  notesFolders: z.array(z.string().min(1).max(4096)).max(50),
  /** SM-2 (default) or FSRS; changing it converts every card's memory, keeping due days (service/fsrs/switch.ts). */
  scheduler: z.enum(['sm2', 'fsrs']),
  desiredRetention: z.number().min(MIN_RETENTION).max(MAX_RETENTION),
  maximumInterval: z.number().int().min(1).max(36500),
});
export type Settings = z.infer<typeof Settings>;
// Kept beside the zod-free reader of stored settings (service/settings.ts).
export { DEFAULT_SETTINGS } from '../settings.ts';

export const reviewSchemas = {
  summary: Empty,
  nextCard: Empty,
  reveal: z.object({ cardId: CardId, seed: z.number().int().min(0).max(2 ** 32 - 1).optional() }).strict(),
  answer: z
    .object({
      cardId: CardId,
      /** Self-graded quality; for problems it overrides the auto-grade when given with `typed`. */
      quality: Quality.optional(),
      /** A typed answer to a problem card; graded by the formula core. */
      typed: z.string().max(10_000).optional(),
      seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
      elapsedMs: z.number().int().min(0).max(24 * 3600 * 1000),
      /** The client's name for this answer (one per card shown): sending it again returns the first result and writes nothing. */
      answerId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'answerId: 8–64 letters, digits, - or _').optional(),
    })
    .strict()
    .refine((a) => a.quality !== undefined || a.typed !== undefined, { message: 'give a quality or a typed answer' }),
  /** Grade a typed answer without recording it: the learner sees the verdict, then records a grade with `answer`. */
  checkAnswer: z
    .object({
      cardId: CardId,
      typed: z.string().max(10_000),
      seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
      elapsedMs: z.number().int().min(0).max(24 * 3600 * 1000),
    })
    .strict(),
  undo: Empty,
  importNotes: z
    .object({
      name: z.string().min(1).max(255),
      markdown: z.string().max(25 * 1024 * 1024),
      path: z.string().max(4096).optional(),
    })
    .strict(),
  importDefaultDeck: Empty,
  listCards: z
    .object({
      text: z.string().max(500).optional(),
      section: SectionPath.optional(),
      state: z.enum(['all', 'new', 'learning', 'young', 'mature', 'suspended', 'retired', 'due']).optional(),
      kind: z.enum(['section', 'term', 'formula', 'prompt', 'reading', 'qa', 'cloze', 'problem']).optional(),
      deck: z.string().min(1).max(1000).optional(),
      limit: z.number().int().min(1).max(1000).default(100),
      offset: z.number().int().min(0).default(0),
      /** `nextCursor` of the previous page: continue after its last card (keyset paging; the offset then counts from there). */
      cursor: z.string().min(1).max(2000).optional(),
    })
    .strict(),
  cardDetail: z.object({ id: CardId }).strict(),
  setSuspended: z.object({ id: CardId, suspended: z.boolean() }).strict(),
  restoreCard: z.object({ id: CardId }).strict(),
  sections: Empty,
  getSettings: Empty,
  updateSettings: Settings.partial().strict(),
} as const;

export interface Summary {
  today: number; // study day number
  todayIso: string;
  due: number;
  new: number;
  drill: number;
  reviewedToday: number;
  learnedToday: number; // new cards introduced today
  streak: number;
  totalCards: number;
  hasCards: boolean;
  /** Problem cards left out of the queue because their template no longer exists. */
  templateMissing: number;
}

export interface CardView {
  id: string;
  kind: CardKind;
  section: string[];
  front: string; // Markdown with $math$
  /**
   * `front` rendered by the service (cards/render/sanitized.ts: sanitized HTML,
   * math as placeholders, long text folded) — exactly what the UI would make
   * of `front`, so its first bundle needs no Markdown parser or sanitize-html.
   */
  frontHtml?: string;
  links: CardLink[];
  warnings: SourceWarning[];
  tag: 'review' | 'new' | 'drill';
  /** Days until due for each grade, for labelling the grade buttons (in FSRS mode: the interval of the grade's rating). */
  intervals: Record<0 | 1 | 2 | 3 | 4 | 5, number>;
  /** Which scheduler labels the buttons: six SM-2 grades, or FSRS's four ratings (absent = SM-2). */
  scheduler?: 'sm2' | 'fsrs';
  problem?: { templateId: string; seed: number; prompt: { zh: string; en: string }; answerKind: string; targetSeconds: number };
  /** A problem card whose template this version no longer has: no variant can be shown. */
  templateMissing?: true;
}

export interface NextCard {
  card: CardView | null;
  /**
   * The card that follows once `card` is answered with 4 or 5, so the UI can
   * show it the instant a grade key is pressed and confirm it afterwards.
   */
  upcoming?: CardView | null;
  remaining: { review: number; new: number; drill: number };
  done: { total: number };
}

export interface Reveal {
  cardId: string;
  back: string; // Markdown
  /** `back` rendered by the service, as `CardView.frontHtml`. */
  backHtml?: string;
  links: CardLink[];
  solution?: { zh: string; en: string };
  answer?: number | number[];
}

export interface Verdict {
  status: 'right' | 'wrong' | 'unparseable';
  reason?: string;
  value?: number | number[];
  expected: number | number[];
  mistake?: { id: string; hint: { zh: string; en: string } };
  relError?: number;
  quality?: number;
}

export interface AnswerResult {
  /** False when a typed answer could not be parsed: nothing was recorded, retype it. */
  recorded: boolean;
  reviewId?: number;
  mode?: 'review' | 'drill' | 'mock';
  quality?: number;
  verdict?: Verdict;
  solution?: { zh: string; en: string };
  nextDueInDays?: number;
  /** True when this answerId was already recorded: the result is the first one's, nothing was written. */
  repeated?: true;
}

export interface AnswerCheck {
  verdict: Verdict;
  solution: { zh: string; en: string };
  /** The quality the verdict maps to (absent when unparseable). */
  quality?: number;
}

export interface UndoResult {
  undone: boolean;
  cardId?: string;
}

export interface ImportReport {
  deck: string;
  cards: number;
  counts: { new: number; updated: number; unchanged: number; retired: number; restored: number; moved: number; renamed: number };
  byKind: Record<string, number>;
  warnings: SourceWarning[];
  /** Cards whose heading was renamed or whose section moved: same card, history kept. */
  renamed?: { id: string; from: string[]; to: string[]; line: number }[];
}

export interface CardListItem {
  id: string;
  kind: CardKind;
  section: string[];
  front: string;
  state: 'new' | 'learning' | 'young' | 'mature' | 'suspended' | 'retired';
  dueDay: number | null;
  intervalDays: number | null;
  easeFactor: number | null;
  templateMissing?: true;
}

export interface CardList {
  total: number;
  cards: CardListItem[];
  /** Pass as `cursor` for the page after this one; absent on the last page. */
  nextCursor?: string;
}

export interface ReviewHistoryItem {
  id: number;
  reviewedAt: number;
  day: number;
  quality: number;
  elapsedMs: number;
  mode: 'review' | 'drill' | 'mock';
  intervalAfter: number;
  easeAfter: number;
  undone: boolean;
  answer: string | null;
}

export interface CardDetail {
  card: CardListItem & { back: string; links: CardLink[]; warnings: SourceWarning[]; templateId: string | null; line: number };
  state: { repetitions: number; easeFactor: number; intervalDays: number; dueDay: number; lapses: number } | null;
  history: ReviewHistoryItem[];
}

export interface SectionInfo {
  section: string[];
  count: number;
}

type In<K extends keyof typeof reviewSchemas> = z.input<(typeof reviewSchemas)[K]>;

export interface ReviewApi {
  summary(a?: In<'summary'>): Promise<Summary>;
  nextCard(a?: In<'nextCard'>): Promise<NextCard>;
  reveal(a: In<'reveal'>): Promise<Reveal>;
  answer(a: In<'answer'>): Promise<AnswerResult>;
  checkAnswer(a: In<'checkAnswer'>): Promise<AnswerCheck>;
  undo(a?: In<'undo'>): Promise<UndoResult>;
  importNotes(a: In<'importNotes'>): Promise<ImportReport>;
  importDefaultDeck(a?: In<'importDefaultDeck'>): Promise<ImportReport>;
  listCards(a: In<'listCards'>): Promise<CardList>;
  cardDetail(a: In<'cardDetail'>): Promise<CardDetail>;
  setSuspended(a: In<'setSuspended'>): Promise<{ ok: boolean }>;
  restoreCard(a: In<'restoreCard'>): Promise<{ ok: boolean }>;
  sections(a?: In<'sections'>): Promise<SectionInfo[]>;
  getSettings(a?: In<'getSettings'>): Promise<Settings>;
  updateSettings(a: In<'updateSettings'>): Promise<Settings>;
}
