// Loaded with `node -r` before dist-electron/main.cjs: answers require('electron')
// with a recording stand-in, so the real bundle runs under plain Node (no
// Electron binary here). When main has loaded the window, it plays a short
// renderer session through the registered IPC handler and prints the record:
//   FAKE-RESULT {json}
// Scenario via FAKE_SCENARIO: "normal" (default) | "second-instance".
'use strict';
const Module = require('node:module');
const path = require('node:path');

const scenario = process.env.FAKE_SCENARIO || 'normal';
const appPath = process.env.FAKE_APP_PATH;
const record = { calls: [], windows: [], ipcChannels: [], errorBoxes: [], menu: null, session: {}, appEvents: [], session_log: [], schemes: null, protocolHandlers: [], protocol_log: [], contents_log: {}, openExternal: [] };
const protocolHandlers = {};
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
  whenReady: () => {
    record.calls.push(['whenReady']);
    return Promise.resolve();
  },
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
    setTimeout(() => void playSession(url), 0);
    return Promise.resolve();
  }
  loadFile(file) {
    record.windows.at(-1).loaded = `loadFile:${file}`;
    return Promise.resolve();
  }
  static getAllWindows() {
    return BrowserWindow.all;
  }
}
BrowserWindow.all = [];

/** Requests the page would make through the registered app:// handler: status, type and CSP of each. */
async function playProtocol(pageUrl) {
  const handle = protocolHandlers.app;
  if (!handle) return;
  const urls = [pageUrl, 'app://deeprecall/../../etc/passwd', 'app://deeprecall/..%2f..%2fetc%2fpasswd', 'app://deeprecall/%2e%2e/%2e%2e/etc/passwd', 'app://evil/index.html', 'app://deeprecall/missing.js'];
  for (const url of urls) {
    const res = await handle(new Request(url));
    const body = await res.text();
    record.protocol_log.push({ url, status: res.status, type: res.headers.get('content-type'), csp: res.headers.get('content-security-policy'), body: body.slice(0, 200) });
  }
}

/** A web contents as Electron would hand it to 'web-contents-created': the handlers main installed decide. */
function playContents(pageUrl) {
  const listeners = {};
  let openHandler = null;
  const contents = {
    on: (name, fn) => ((listeners[name] ??= []).push(fn), contents),
    setWindowOpenHandler: (fn) => (openHandler = fn),
    getURL: () => pageUrl,
  };
  appListeners['web-contents-created']?.({}, contents);
  const fire = (name, url) => {
    let prevented = false;
    for (const fn of listeners[name] ?? []) fn({ url, preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  const click = (url) => openHandler?.({ url, frameName: '', features: '', disposition: 'foreground-tab', referrer: { url: '', policy: 'no-referrer' } });
  record.contents_log = {
    navigateHttpPrevented: fire('will-navigate', 'https://example.com/from-navigation'),
    navigateFilePrevented: fire('will-navigate', 'file:///etc/passwd'),
    navigateOwnPagePrevented: fire('will-navigate', `${pageUrl}#/browse`),
    openHttps: click('https://example.com/clicked'),
    openFile: click('file:///etc/passwd'),
    openJavascript: click('javascript:alert(1)'),
  };
}

/** What the renderer would do: a summary, one card reviewed, and a foreign page trying the same channel. */
async function playSession(pageUrl) {
  const handler = ipcHandlers['deeprecall:invoke'];
  const ours = { senderFrame: { url: `${pageUrl}#/review`, parent: null } };
  const oldFileUrl = { senderFrame: { url: require('node:url').pathToFileURL(path.join(appPath, 'dist', 'index.html')).href, parent: null } };
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
    for (const [label, sender] of [['foreign', foreign], ['file-url', oldFileUrl]]) {
      try {
        await handler(sender, 'summary', {});
        out.push([label, 'ANSWERED']);
      } catch (err) {
        out.push([label, `rejected: ${err.message}`]);
      }
    }
    await playProtocol(pageUrl);
    playContents(pageUrl);
    await new Promise((r) => setTimeout(r, 10)); // openExternal is fire-and-forget
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
  protocol: {
    registerSchemesAsPrivileged: (schemes) => {
      record.calls.push(['registerSchemesAsPrivileged']);
      record.schemes = schemes;
    },
    handle: (scheme, fn) => {
      record.calls.push(['protocol.handle', scheme]);
      record.protocolHandlers.push(scheme);
      protocolHandlers[scheme] = fn;
    },
  },
  shell: { openExternal: async (url) => void record.openExternal.push(url), showItemInFolder: () => {} },
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
