// Loaded with `node -r` before dist-electron/main.cjs: answers require('electron')
// with a recording stand-in, so the real bundle runs under plain Node (no
// Electron binary here). When main has loaded the window, it plays a short
// renderer session through the registered IPC handler and prints the record:
//   FAKE-RESULT {json}
// Scenario via FAKE_SCENARIO: "normal" (default) | "second-instance".
'use strict';
const Module = require('node:module');
const { pathToFileURL } = require('node:url');
const path = require('node:path');

const scenario = process.env.FAKE_SCENARIO || 'normal';
const appPath = process.env.FAKE_APP_PATH;
const record = { calls: [], windows: [], ipcChannels: [], errorBoxes: [], menu: null, session: {}, appEvents: [], session_log: [] };
const ipcHandlers = {};

function finish(code) {
  process.stdout.write(`FAKE-RESULT ${JSON.stringify(record)}\n`);
  process.exit(code);
}

const appListeners = {};
const app = {
  isPackaged: false,
  setName: (n) => record.calls.push(['setName', n]),
  setPath: (k, v) => record.calls.push(['setPath', k, v]),
  getPath: (k) => path.join(appPath, `fake-${k}`),
  getAppPath: () => appPath,
  getVersion: () => '0.0.0-test',
  enableSandbox: () => record.calls.push(['enableSandbox']),
  requestSingleInstanceLock: () => {
    record.calls.push(['requestSingleInstanceLock']);
    return scenario !== 'second-instance';
  },
  on: (name, fn) => {
    record.appEvents.push(name);
    appListeners[name] = fn;
  },
  quit: () => {
    record.calls.push(['quit']);
    setTimeout(() => finish(0), 50);
  },
  exit: (code) => {
    record.calls.push(['exit', code]);
    finish(code);
  },
  whenReady: () => Promise.resolve(),
};

class BrowserWindow {
  constructor(options) {
    this.options = options;
    this.webContents = { send: (...a) => record.calls.push(['send', ...a]) };
    this.handlers = {};
    record.windows.push({ options });
    BrowserWindow.all.push(this);
  }
  once(name, fn) {
    this.handlers[name] = fn;
  }
  on(name, fn) {
    this.handlers[name] = fn;
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  isVisible() {
    return true;
  }
  focus() {}
  show() {}
  restore() {}
  loadURL(url) {
    record.windows.at(-1).loaded = url;
    return Promise.resolve();
  }
  loadFile(file) {
    record.windows.at(-1).loaded = file;
    setTimeout(() => void playSession(file), 0);
    return Promise.resolve();
  }
  static getAllWindows() {
    return BrowserWindow.all;
  }
}
BrowserWindow.all = [];

/** What the renderer would do: a summary, one card reviewed, and a foreign page trying the same channel. */
async function playSession(indexFile) {
  const handler = ipcHandlers['deeprecall:invoke'];
  const ours = { senderFrame: { url: `${pathToFileURL(indexFile).href}#/review`, parent: null } };
  const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } };
  const out = (record.session_log = []);
  try {
    out.push(['summary', await handler(ours, 'summary', {})]);
    const next = await handler(ours, 'nextCard', {});
    out.push(['nextCard', next]);
    const cardId = next.value.card.id;
    out.push(['answer', await handler(ours, 'answer', { cardId, quality: 4, elapsedMs: 1200 })]);
    out.push(['bad-args', await handler(ours, 'answer', { cardId, quality: 9, elapsedMs: 1 })]);
    out.push(['unknown', await handler(ours, 'rm', {})]);
    try {
      await handler(foreign, 'summary', {});
      out.push(['foreign', 'ANSWERED']);
    } catch (err) {
      out.push(['foreign', `rejected: ${err.message}`]);
    }
    // Second launch: main's 'second-instance' handler must focus, not open another window.
    appListeners['second-instance']?.({}, ['app'], '/');
    record.windowCountAfterSecond = BrowserWindow.all.length;
  } catch (err) {
    out.push(['crash', String(err && err.stack)]);
  }
  appListeners['will-quit']?.();
  finish(0);
}

const fakeSession = {
  webRequest: { onHeadersReceived: () => (record.session.headers = true) },
  setPermissionRequestHandler: () => (record.session.permissionRequest = true),
  setPermissionCheckHandler: () => (record.session.permissionCheck = true),
  setDevicePermissionHandler: () => (record.session.devicePermission = true),
};

const electron = {
  app,
  BrowserWindow,
  nativeTheme: { shouldUseDarkColors: false },
  dialog: {
    showErrorBox: (title, body) => record.errorBoxes.push({ title, body }),
    showMessageBox: async () => ({ response: 1 }),
  },
  ipcMain: {
    handle: (channel, fn) => {
      ipcHandlers[channel] = fn;
      record.ipcChannels.push(channel);
    },
    on: (channel) => record.calls.push(['ipcMain.on', channel]),
  },
  Menu: {
    buildFromTemplate: (t) => t,
    setApplicationMenu: (t) => (record.menu = t.map((m) => m.label ?? m.role)),
  },
  session: { defaultSession: fakeSession },
  shell: { openExternal: async () => {}, showItemInFolder: () => {} },
  clipboard: { writeText: () => {} },
};

const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'electron') return electron;
  return load.call(this, request, ...rest);
};
process.on('uncaughtException', (err) => {
  record.session_log.push(['uncaught', String(err && err.stack)]);
  finish(3);
});
