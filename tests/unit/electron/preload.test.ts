// The preload exposes exactly `window.deeprecall.{invoke,onMenu}` and never
// ipcRenderer itself or the IPC event object.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeepRecallBridge } from '../../../electron/bridge.ts';

const exposed = new Map<string, unknown>();
const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
const invoke = vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke,
    on: (channel: string, l: (...a: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(l);
    },
    removeListener: (channel: string, l: (...a: unknown[]) => void) => listeners.get(channel)?.delete(l),
  },
}));

await import('../../../electron/preload.ts');
const { INVOKE_CHANNEL, MENU_CHANNEL } = await import('../../../electron/bridge.ts');
const bridge = exposed.get('deeprecall') as DeepRecallBridge;

const emitMenu = (...args: unknown[]) => {
  for (const l of listeners.get(MENU_CHANNEL) ?? []) l({ sender: 'ipcRenderer-would-leak-here' }, ...args);
};

beforeEach(() => invoke.mockClear());

describe('preload bridge', () => {
  it('exposes one key, deeprecall, with exactly invoke and onMenu', () => {
    expect([...exposed.keys()]).toEqual(['deeprecall']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onMenu']);
    for (const v of Object.values(bridge)) expect(typeof v).toBe('function');
  });

  it('sends method and args on the one invoke channel and unwraps the value', async () => {
    invoke.mockResolvedValueOnce({ ok: true, value: { due: 3 } });
    await expect(bridge.invoke('summary', {})).resolves.toEqual({ due: 3 });
    expect(invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'summary', {});
  });

  it('rejects with the service message for an error reply', async () => {
    invoke.mockResolvedValueOnce({ ok: false, error: { status: 400, message: 'answer: quality: Invalid input' } });
    await expect(bridge.invoke('answer', { cardId: 'x' })).rejects.toThrow(/^answer: quality: Invalid input$/);
  });

  it.each([42, null, undefined, '', 'x'.repeat(65), { toString: () => 'summary' }])('refuses method %s before any IPC', async (method) => {
    await expect(bridge.invoke(method as unknown as string)).rejects.toThrow(TypeError);
    expect(invoke).not.toHaveBeenCalled();
  });

  it('passes only known menu actions, never the IPC event, and unsubscribes', () => {
    const seen: unknown[][] = [];
    const off = bridge.onMenu((...a: unknown[]) => seen.push(a));
    emitMenu('import');
    emitMenu('go:settings');
    emitMenu('rm -rf /');
    emitMenu({ action: 'import' });
    expect(seen).toEqual([['import'], ['go:settings']]);
    off();
    emitMenu('export');
    expect(seen).toHaveLength(2);
  });

  it('refuses a non-function callback', () => {
    expect(() => bridge.onMenu('alert(1)' as never)).toThrow(TypeError);
  });
});
