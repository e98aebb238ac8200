// What the preload exposes as `window.deeprecall`, shared by main, preload and
// the renderer (import type only). No Electron or Node imports here: the
// sandboxed preload bundles this file.

/** The one invoke channel; main checks the sender of every message on it. */
export const INVOKE_CHANNEL = 'deeprecall:invoke';
/** Main → renderer: a native menu item was chosen. */
export const MENU_CHANNEL = 'deeprecall:menu';

/** Menu items the renderer reacts to (the renderer ignores anything else). */
export const MENU_ACTIONS = ['import', 'export', 'check-database', 'go:today', 'go:review', 'go:browse', 'go:import', 'go:settings'] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];

export function isMenuAction(value: unknown): value is MenuAction {
  return typeof value === 'string' && (MENU_ACTIONS as readonly string[]).includes(value);
}

/**
 * What main sends back over INVOKE_CHANNEL. An envelope rather than a thrown
 * error, because Electron rewrites rejected invoke messages ("Error invoking
 * remote method …"); the preload turns `ok: false` into a rejection whose
 * message is exactly the service's message (same text browser mode returns).
 */
export type InvokeReply = { ok: true; value: unknown } | { ok: false; error: { status: number; message: string } };

/** `window.deeprecall` in the Electron renderer. Absent in browser mode. */
export interface DeepRecallBridge {
  /** Calls an AppApi method; rejects with Error(message) on a 4xx/5xx-like failure. */
  invoke(method: string, args?: unknown): Promise<unknown>;
  /** Subscribes to native-menu actions; returns the unsubscribe function. */
  onMenu(callback: (action: MenuAction) => void): () => void;
}

/** Longest method name accepted (AppApi names are short identifiers). */
export const MAX_METHOD_LENGTH = 64;
