// Sandboxed preload: exposes exactly `window.deeprecall.invoke` and
// `window.deeprecall.onMenu`, never ipcRenderer itself. Bundled to
// dist-electron/preload.cjs (a sandboxed preload may only require 'electron').
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { INVOKE_CHANNEL, MAX_METHOD_LENGTH, MENU_CHANNEL, isMenuAction, type DeepRecallBridge, type InvokeReply, type MenuAction } from './bridge.ts';

const bridge: DeepRecallBridge = {
  async invoke(method: string, args?: unknown): Promise<unknown> {
    if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
      throw new TypeError('deeprecall.invoke: method must be a non-empty string');
    }
    const reply = (await ipcRenderer.invoke(INVOKE_CHANNEL, method, args)) as InvokeReply;
    if (reply.ok) return reply.value;
    throw new Error(reply.error.message);
  },
  onMenu(callback: (action: MenuAction) => void): () => void {
    if (typeof callback !== 'function') throw new TypeError('deeprecall.onMenu: callback must be a function');
    // The renderer never sees the IpcRendererEvent (it carries `sender`, i.e. ipcRenderer).
    const listener = (_event: IpcRendererEvent, action: unknown) => {
      if (isMenuAction(action)) callback(action);
    };
    ipcRenderer.on(MENU_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('deeprecall', bridge);
