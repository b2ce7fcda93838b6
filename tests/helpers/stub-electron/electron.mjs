/**
 * A stand-in for the `electron` module that records what main does with it: enough of app,
 * BrowserWindow, ipcMain, session, protocol and friends for out/main/index.js to boot under Node.
 * `recorder` (not part of Electron) is what the boot driver reads. STUB_USER_DATA names userData;
 * STUB_PACKAGED=1 makes app.isPackaged true.
 */
import { EventEmitter } from 'node:events';

// Electron sets this on process; main reads it when packaged.
process.resourcesPath ??= process.env.STUB_RESOURCES_PATH ?? '/nonexistent/resources';

export const recorder = {
  events: [],
  privilegedSchemes: [],
  protocolHandlers: new Map(),
  ipcHandlers: new Map(),
  ipcListeners: new Map(),
  windows: [],
  singleInstanceLock: false,
  sandboxEnabled: false,
  crashReporter: undefined,
  applicationMenu: 'default',
  permissionRequestHandler: undefined,
  permissionCheckHandler: undefined,
  devicePermissionHandler: undefined,
  headersReceived: undefined,
  loginItem: undefined,
  windowCreated: undefined,
};
let windowCreated;
recorder.windowCreated = new Promise((resolve) => (windowCreated = resolve));

class StubApp extends EventEmitter {
  isPackaged = process.env.STUB_PACKAGED === '1';
  enableSandbox() {
    recorder.sandboxEnabled = true;
  }
  requestSingleInstanceLock() {
    recorder.singleInstanceLock = true;
    return true;
  }
  whenReady() {
    return Promise.resolve();
  }
  isReady() {
    return true;
  }
  getPath(name) {
    return name === 'userData' ? process.env.STUB_USER_DATA : process.env.STUB_USER_DATA + '/' + name;
  }
  getName() {
    return 'K30 Visitor Kiosk';
  }
  getVersion() {
    return '0.0.0-stub';
  }
  getAppPath() {
    return process.cwd();
  }
  setLoginItemSettings(settings) {
    recorder.loginItem = settings;
  }
  quit() {
    recorder.events.push('app.quit');
  }
  exit(code) {
    recorder.events.push(`app.exit(${code})`);
  }
}
export const app = new StubApp();

class StubWebContents extends EventEmitter {
  constructor() {
    super();
    this.mainFrame = { url: '', parent: null, processId: 1, routingId: 1 };
    this.windowOpenHandler = undefined;
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  send() {}
  reload() {
    recorder.events.push('webContents.reload');
  }
  openDevTools() {
    recorder.events.push('webContents.openDevTools');
  }
  closeDevTools() {}
  forcefullyCrashRenderer() {}
}

export class BrowserWindow extends EventEmitter {
  static fromWebContents(contents) {
    return recorder.windows.find((win) => win.webContents === contents) ?? null;
  }
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new StubWebContents();
    this.loaded = undefined;
    this.destroyed = false;
    recorder.windows.push(this);
    // As Electron does: app 'web-contents-created' for every new contents.
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    this.loaded = url;
    this.webContents.mainFrame.url = url;
    windowCreated(this);
    return Promise.resolve();
  }
  loadFile(file) {
    return this.loadURL(`file://${file}`);
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  removeMenu() {}
  setKiosk() {}
  setAlwaysOnTop() {}
  setFullScreen() {}
  show() {}
  focus() {}
  restore() {}
}

export const ipcMain = {
  handle(channel, handler) {
    if (recorder.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
    recorder.ipcHandlers.set(channel, handler);
  },
  removeHandler(channel) {
    recorder.ipcHandlers.delete(channel);
  },
  on(channel, listener) {
    recorder.ipcListeners.set(channel, listener);
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    recorder.privilegedSchemes.push(...schemes);
  },
  handle(scheme, handler) {
    recorder.protocolHandlers.set(scheme, handler);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler) {
      recorder.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler) {
      recorder.permissionCheckHandler = handler;
    },
    setDevicePermissionHandler(handler) {
      recorder.devicePermissionHandler = handler;
    },
    webRequest: {
      onHeadersReceived(handler) {
        recorder.headersReceived = handler;
      },
    },
  },
};

export const crashReporter = {
  start(options) {
    recorder.crashReporter = options;
  },
};
export const Menu = {
  setApplicationMenu(menu) {
    recorder.applicationMenu = menu;
  },
};
export const powerMonitor = new EventEmitter();
export const safeStorage = {
  isEncryptionAvailable: () => false,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString: () => {
    throw new Error('no encryption in the stub');
  },
  decryptString: () => {
    throw new Error('no encryption in the stub');
  },
};
export const shell = { openPath: async () => '' };

export default { app, BrowserWindow, ipcMain, protocol, session, crashReporter, Menu, powerMonitor, safeStorage, shell, recorder };
