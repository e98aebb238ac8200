// Row ↔ domain mapping, kept apart from the SQL so the repositories stay short.
import type { CardDraft, CardKind, CardLink, SourceWarning } from '../cards/types.ts';
import type { Quality, Sm2State } from '../srs/sm2.ts';

export interface CardRow {
  id: string;
  deck_id: string;
  kind: string;
  section: string;
  card_key: string;
  front: string;
  back: string;
  links: string;
  template_id: string | null;
  warnings: string;
  ord: number;
  line: number;
  content_hash: string;
  is_new: number;
  suspended: number;
  retired_at: number | null;
  created_at: number;
  updated_at: number;
  tags: string; // JSON string[] (v5)
  lang: string | null; // 'zh' | 'en' (v5)
}

export interface StoredCard {
  id: string;
  deck: string;
  kind: CardKind;
  section: string[];
  key: string;
  front: string;
  back: string;
  links: CardLink[];
  templateId: string | null;
  warnings: SourceWarning[];
  order: number;
  line: number;
  isNew: boolean;
  suspended: boolean;
  retiredAt: number | null;
  tags: string[];
  lang: 'zh' | 'en' | null;
}

export function toCard(r: CardRow): StoredCard {
  return {
    id: r.id,
    deck: r.deck_id,
    kind: r.kind as CardKind,
    section: JSON.parse(r.section) as string[],
    key: r.card_key,
    front: r.front,
    back: r.back,
    links: JSON.parse(r.links) as CardLink[],
    templateId: r.template_id,
    warnings: JSON.parse(r.warnings) as SourceWarning[],
    order: r.ord,
    line: r.line,
    isNew: r.is_new === 1,
    // 1: suspended on its own; 2: suspended with its deck (see migration 5).
    suspended: r.suspended !== 0,
    retiredAt: r.retired_at,
    tags: r.tags ? (JSON.parse(r.tags) as string[]) : [],
    lang: r.lang === 'zh' || r.lang === 'en' ? r.lang : null,
  };
}

export interface StateRow {
  card_id: string;
  repetitions: number;
  ease_factor: number;
  interval_days: number;
  due_day: number;
  lapses: number;
  last_day: number;
}

export function toState(r: StateRow): Sm2State {
  return {
    repetitions: r.repetitions,
    easeFactor: r.ease_factor,
    intervalDays: r.interval_days,
    dueDay: r.due_day,
    lapses: r.lapses,
  };
}

export interface ReviewRow {
  id: number;
  card_id: string;
  reviewed_at: number;
  day: number;
  quality: number;
  elapsed_ms: number;
  mode: 'review' | 'drill' | 'mock';
  reps_before: number | null;
  ease_before: number | null;
  ivl_before: number | null;
  due_before: number | null;
  lapses_before: number | null;
  reps_after: number;
  ease_after: number;
  ivl_after: number;
  due_after: number;
  lapses_after: number;
  last_day_before: number | null;
  answer: string | null;
  seed: number | null;
  correct: number | null;
  mock_id: number | null;
  undone_at: number | null;
  /** Schema v7: 'fsrs' when FSRS scheduled this answer, with the FSRS memory before it (JSON). */
  sched?: 'sm2' | 'fsrs' | null;
  fsrs_before?: string | null;
}

export function stateBefore(r: ReviewRow): Sm2State | null {
  if (r.reps_before === null) return null;
  return {
    repetitions: r.reps_before,
    easeFactor: r.ease_before!,
    intervalDays: r.ivl_before!,
    dueDay: r.due_before!,
    lapses: r.lapses_before!,
  };
}

export function stateAfter(r: ReviewRow): Sm2State {
  return {
    repetitions: r.reps_after,
    easeFactor: r.ease_after,
    intervalDays: r.ivl_after,
    dueDay: r.due_after,
    lapses: r.lapses_after,
  };
}

export type { Quality, CardDraft };
