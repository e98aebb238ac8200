// The review screen's keyboard map as a pure function of the phase, so the
// rules ("grades never fire while typing", "Enter accepts the auto grade")
// are tested without a browser.
import { ratingToQuality, type Rating } from '../../srs/rating.ts';

export type Quality = 0 | 1 | 2 | 3 | 4 | 5;
export type Scheduler = 'sm2' | 'fsrs';

/**
 * loading   waiting for a card
 * front     a self-graded card's question is shown
 * typing    a problem card waits for a typed answer
 * checking  a typed answer / reveal is on its way
 * back      the answer is shown; pick a grade
 * verdict   a typed answer was graded; Enter accepts the pre-selected grade
 * saving    an answer is on its way
 * done      the queue is empty: session summary
 */
export type Phase = 'loading' | 'front' | 'typing' | 'checking' | 'back' | 'verdict' | 'saving' | 'done' | 'error';

export type KeyAction =
  | { type: 'reveal' }
  | { type: 'grade'; quality: Quality }
  | { type: 'accept' }
  | { type: 'submit' }
  | { type: 'undo' }
  | { type: 'focusInput' }
  | { type: 'blurInput' }
  | { type: 'leave' };

export interface KeyEventLike {
  key: string;
  repeat?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The event comes from an <input>, <textarea>, <select> or contenteditable. */
  inTextField: boolean;
}

/** The grade Space/Enter gives on a revealed self-graded card (Anki's "Good"). */
export const DEFAULT_GRADE: Quality = 4;

const isReveal = (k: string) => k === ' ' || k === 'Enter';

/** SM-2: keys 0–5 are the grades. FSRS: keys 1–4 are Again/Hard/Good/Easy, sent as their quality (srs/rating.ts). */
function digit(k: string, scheduler: Scheduler): Quality | null {
  if (scheduler === 'fsrs') return k.length === 1 && k >= '1' && k <= '4' ? ratingToQuality(Number(k) as Rating) : null;
  return k.length === 1 && k >= '0' && k <= '5' ? (Number(k) as Quality) : null;
}

export function reviewKey(phase: Phase, ev: KeyEventLike, scheduler: Scheduler = 'sm2'): KeyAction | null {
  // Held keys and chords belong to the browser / OS (copy, reload, menus).
  if (ev.repeat || ev.ctrlKey || ev.metaKey || ev.altKey) return null;
  const k = ev.key;
  if (ev.inTextField) {
    // While typing, only Enter (submit) and Escape (leave the box) mean anything.
    if (phase === 'typing' && k === 'Enter') return { type: 'submit' };
    if (k === 'Escape') return { type: 'blurInput' };
    return null;
  }
  const undo = k === 'u' || k === 'U';
  switch (phase) {
    case 'front':
      if (isReveal(k)) return { type: 'reveal' };
      break;
    case 'typing':
      // The box lost focus: Enter goes back to it, Space gives up and shows the solution.
      if (k === 'Enter') return { type: 'focusInput' };
      if (k === ' ') return { type: 'reveal' };
      break;
    case 'back': {
      const q = digit(k, scheduler);
      if (q !== null) return { type: 'grade', quality: q };
      if (isReveal(k)) return { type: 'grade', quality: DEFAULT_GRADE };
      break;
    }
    case 'verdict': {
      const q = digit(k, scheduler);
      if (q !== null) return { type: 'grade', quality: q };
      if (isReveal(k)) return { type: 'accept' };
      break;
    }
    case 'done':
      if (k === 'Enter' || k === 'Escape') return { type: 'leave' };
      break;
    case 'error':
      if (k === 'Escape') return { type: 'leave' };
      return null;
    default:
      return null; // loading / checking / saving: ignore keys rather than queue them
  }
  if (undo) return { type: 'undo' };
  if (k === 'Escape') return { type: 'leave' };
  return null;
}

/** True when a key event's target is a place to type text. */
export function isTextField(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const el = target as HTMLElement;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'file', 'color'].includes(type);
  }
  return el.isContentEditable === true;
}
