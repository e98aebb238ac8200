// The mock screens' rules as pure functions (keyboard map, timer colours,
// presets, form → API arguments), so they are tested without a browser.
import type { MockConfigOut } from '../../../service/contract/index.ts';
import type { KeyEventLike } from '../../lib/keys.ts';

export type Quality = 0 | 1 | 2 | 3 | 4 | 5;

/** The presets of the start screen; the engine has the same numbers (srs/mock/config.ts). */
export const PRESETS = {
  quick: { questions: 5, totalMinutes: 10, perQuestionSeconds: 120 },
  standard: { questions: 10, totalMinutes: 20, perQuestionSeconds: 120 },
  full: { questions: 15, totalMinutes: 30, perQuestionSeconds: 120 },
} as const;
export type PresetName = keyof typeof PRESETS;
export const PRESET_KEYS: Record<string, PresetName> = { '1': 'quick', '2': 'standard', '3': 'full' };

export interface StartForm {
  questions: number;
  totalMinutes: number;
  perQuestionSeconds: number;
  mixPercent: number;
  feedSrs: boolean;
  sections: string[][];
  seed: string;
}

/** One-click section groups (issue 15): "Transformers & LLMs" = the attention notes + the Problems part's Transformers, LLM cost and Decoding sections (cards/problems/sections.ts; a test keeps them equal). */
export const SECTION_GROUPS = {
  transformersLlms: [['注意力机制'], ['Problems', 'Transformers'], ['Problems', 'LLM cost'], ['Problems', 'Decoding']],
} as const satisfies Record<string, readonly (readonly string[])[]>;
export type SectionGroup = keyof typeof SECTION_GROUPS;

const samePath = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((h, i) => b[i] === h);
const under = (path: readonly string[], prefix: readonly string[]) => prefix.length <= path.length && prefix.every((h, i) => path[i] === h);

/** The group's paths that exist in the collection (sections as api.sections() lists them). */
export function availableGroupPaths(group: SectionGroup, known: readonly (readonly string[])[]): string[][] {
  return SECTION_GROUPS[group].filter((p) => known.some((k) => under(k, p))).map((p) => [...p]);
}

/** A group is on when all of its available paths are chosen. */
export function groupOn(chosen: readonly (readonly string[])[], paths: readonly (readonly string[])[]): boolean {
  return paths.length > 0 && paths.every((p) => chosen.some((c) => samePath(c, p)));
}

/** Ticking a group adds its missing paths; unticking removes them all. */
export function toggleGroup(chosen: readonly string[][], paths: readonly (readonly string[])[]): string[][] {
  if (groupOn(chosen, paths)) return chosen.filter((c) => !paths.some((p) => samePath(c, p)));
  return [...chosen, ...paths.filter((p) => !chosen.some((c) => samePath(c, p))).map((p) => [...p])];
}

export const DEFAULT_FORM: StartForm = { ...PRESETS.standard, mixPercent: 30, feedSrs: true, sections: [], seed: '' };

/** Form → mockStart arguments. Range checks are the server's (one message for UI, API and CLI). */
export function startArgs(f: StartForm): Record<string, unknown> {
  const args: Record<string, unknown> = {
    questions: Math.trunc(Number(f.questions)),
    totalSeconds: Math.round(Number(f.totalMinutes) * 60),
    perQuestionSeconds: Number(f.perQuestionSeconds),
    mix: Math.round(Number(f.mixPercent)) / 100,
    feedSrs: f.feedSrs,
  };
  if (f.sections.length) args.sections = f.sections;
  const seed = f.seed.trim();
  if (/^\d+$/.test(seed) && Number(seed) < 2 ** 32) args.seed = Number(seed);
  return args;
}

export function formFromConfig(c: MockConfigOut, seed?: number): StartForm {
  return {
    questions: c.questions,
    totalMinutes: Math.round((c.totalSeconds / 60) * 100) / 100,
    perQuestionSeconds: c.perQuestionSeconds,
    mixPercent: Math.round(c.mix * 100),
    feedSrs: c.feedSrs,
    sections: c.sections,
    seed: seed === undefined ? '' : String(seed),
  };
}

export type TimerLevel = 'ok' | 'warn' | 'danger';

/** Amber in the last quarter (at least 10 s), red in the last tenth (at least 5 s). */
export function timerLevel(leftMs: number, limitMs: number): TimerLevel {
  if (leftMs <= Math.max(5_000, limitMs * 0.1)) return 'danger';
  if (leftMs <= Math.max(10_000, limitMs * 0.25)) return 'warn';
  return 'ok';
}

/** Remaining time as m:ss, rounded up so 0:00 means really over. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * question  a question is on screen (concept: before reveal; problem: typing)
 * revealed  a concept card's answer is shown; grade 0–5
 * sending   a call is on its way (keys are ignored rather than queued)
 * confirm   "end the interview?" — finish or abandon
 */
export type RunPhase = 'question' | 'revealed' | 'sending' | 'confirm';

export type RunAction =
  | { type: 'reveal' }
  | { type: 'grade'; quality: Quality }
  | { type: 'submit' }
  | { type: 'skip' }
  | { type: 'focus' }
  | { type: 'blur' }
  | { type: 'confirm' }
  | { type: 'finish' }
  | { type: 'abandon' }
  | { type: 'cancel' };

/** The same key shape the review screen reads (renderer/lib/keys.ts). */
export type KeyLike = KeyEventLike;

export function runKey(phase: RunPhase, kind: 'concept' | 'problem', ev: KeyLike): RunAction | null {
  if (ev.repeat || ev.altKey) return null;
  const k = ev.key;
  const mod = ev.ctrlKey || ev.metaKey;
  if (phase === 'sending') return null;
  if (phase === 'confirm') {
    if (k === 'Escape') return { type: 'cancel' };
    if (mod || ev.inTextField) return null;
    if (k === 'f' || k === 'F' || k === 'Enter') return { type: 'finish' };
    if (k === 'a' || k === 'A') return { type: 'abandon' };
    return null;
  }
  if (ev.inTextField) {
    if (k === 'Escape') return { type: 'blur' };
    if (kind === 'problem' && k === 'Enter' && !mod) return { type: 'submit' };
    // Notes are multi-line, so plain Enter types a newline; Ctrl/⌘+Enter reveals.
    if (kind === 'concept' && phase === 'question' && k === 'Enter' && mod) return { type: 'reveal' };
    return null;
  }
  if (mod) return null;
  if (k === 'Escape') return { type: 'confirm' };
  if (kind === 'concept') {
    if (phase === 'question') {
      if (k === ' ' || k === 'Enter') return { type: 'reveal' };
      if (k === 'n' || k === 'N') return { type: 'focus' };
      return null;
    }
    if (k.length === 1 && k >= '0' && k <= '5') return { type: 'grade', quality: Number(k) as Quality };
    return null;
  }
  if (k === 'Enter') return { type: 'focus' };
  if (k === 's' || k === 'S') return { type: 'skip' };
  return null;
}

export type ReportAction = 'print' | 'json' | 'html' | 'back';

export function reportKey(ev: KeyLike): ReportAction | null {
  if (ev.repeat || ev.altKey || ev.ctrlKey || ev.metaKey || ev.inTextField) return null;
  switch (ev.key) {
    case 'p':
    case 'P':
      return 'print';
    case 'j':
    case 'J':
      return 'json';
    case 'h':
    case 'H':
      return 'html';
    case 'Escape':
      return 'back';
    default:
      return null;
  }
}

/** Save text as a file from the page (browser mode and Electron both honour <a download>). */
export function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
