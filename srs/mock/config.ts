// Mock-interview configuration: defaults, presets, and the checks that turn an
// unsatisfiable request into one clear message before anything is drawn.

export interface MockConfig {
  questions: number;
  totalSeconds: number;
  perQuestionSeconds: number;
  /** Heading paths; a card belongs to a path when its own path starts with it. Empty = every section. */
  sections: string[][];
  /** Target share of problem cards, 0..1. */
  mix: number;
  /** Answers go through the normal answer path (SM-2, logged with mode 'mock'). */
  feedSrs: boolean;
}

export const DEFAULT_CONFIG: MockConfig = {
  questions: 10,
  totalSeconds: 1200,
  perQuestionSeconds: 120,
  sections: [],
  mix: 0.3,
  feedSrs: true,
};

export const PRESETS = {
  quick: { questions: 5, totalSeconds: 600, perQuestionSeconds: 120 },
  standard: { questions: 10, totalSeconds: 1200, perQuestionSeconds: 120 },
  full: { questions: 15, totalSeconds: 1800, perQuestionSeconds: 120 },
} as const satisfies Record<string, Partial<MockConfig>>;

export type PresetName = keyof typeof PRESETS;

/** A request the engine cannot honour; the service maps it to ApiError 422. */
export class MockConfigError extends Error {
  constructor(
    message: string,
    readonly field: keyof MockConfig | 'cards',
  ) {
    super(message);
    this.name = 'MockConfigError';
  }
}

export function withDefaults(partial: Partial<MockConfig>): MockConfig {
  const out = { ...DEFAULT_CONFIG };
  for (const [k, v] of Object.entries(partial)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** The shortest time a mock may give one question, or all of them. */
export const MIN_SECONDS = 5;

const isPosInt = (n: number) => Number.isInteger(n) && n > 0;

/** Checks that need no cards. Throws MockConfigError. */
export function checkLimits(c: MockConfig): void {
  if (!isPosInt(c.questions)) throw new MockConfigError(`questions must be a positive integer, got ${c.questions}`, 'questions');
  // Nobody answers an interview question in less than a few seconds; 1e-300 would time every question out at once.
  if (!(Number.isFinite(c.totalSeconds) && c.totalSeconds >= MIN_SECONDS)) {
    throw new MockConfigError(`totalSeconds must be at least ${MIN_SECONDS}, got ${c.totalSeconds}`, 'totalSeconds');
  }
  if (!(Number.isFinite(c.perQuestionSeconds) && c.perQuestionSeconds >= MIN_SECONDS)) {
    throw new MockConfigError(`perQuestionSeconds must be at least ${MIN_SECONDS}, got ${c.perQuestionSeconds}`, 'perQuestionSeconds');
  }
  if (!(c.mix >= 0 && c.mix <= 1)) throw new MockConfigError(`mix must be between 0 and 1, got ${c.mix}`, 'mix');
}

export function sectionLabel(path: readonly string[]): string {
  return path.join(' › ');
}

export function inSection(cardSection: readonly string[], path: readonly string[]): boolean {
  return path.length <= cardSection.length && path.every((h, i) => cardSection[i] === h);
}

/** Every chosen path must name a heading that exists (alone or as a prefix of one). */
export function checkSections(c: MockConfig, known: readonly (readonly string[])[]): void {
  for (const p of c.sections) {
    if (p.length === 0) throw new MockConfigError('a section path must not be empty', 'sections');
    if (!known.some((k) => inSection(k, p))) {
      throw new MockConfigError(`unknown section "${sectionLabel(p)}"`, 'sections');
    }
  }
}
