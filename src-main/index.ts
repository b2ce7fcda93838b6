/**
 * The Electron main process: wiring only. Every service is built by createAppServices (free of
 * Electron); this file gives it Electron's ports, hardens the session and every web contents,
 * serves the contract over IPC to our own window only, and forwards service events to it.
 */
import { describeError } from './k30/protocol';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { EVENT_NAMES, eventChannel, type EventName } from '../src-preload/contract';
import { electronKeyValueStore, safeStorageSecretBox } from './electron/adapters';
import { createFileLogger, type FileLogger } from './electron/file-logger';
import { registerIpc } from './electron/ipc-registration';
import { hardenSession, hardenWebContents } from './electron/security';
import { senderCheck } from './electron/sender';
import { createMainWindow, setWindowKiosk } from './electron/window';
import { createDispatcher } from './ipc/dispatch';
import type { TrustedApp } from './ipc/sender-check';
import { createAppServices, type AppServices } from './services/app-services';

/** Set by electron-vite in development: the renderer's dev server. */
const DEV_SERVER_URL = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
/** out/main → out/preload, out/renderer. */
const MAIN_DIR = dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = join(MAIN_DIR, '../renderer');
const PRELOAD_PATH = join(MAIN_DIR, '../preload/index.cjs');
/** out/main → the project's resources/ (the app icon). */
const ICON_PATH = join(MAIN_DIR, '../../resources/icon.png');

const trusted: TrustedApp = DEV_SERVER_URL ? { origin: new URL(DEV_SERVER_URL).origin } : { origin: 'file://', rendererPath: RENDERER_DIR };

/** Our windows: IPC is served to these only, and events go to these only. */
const windows = new Set<BrowserWindow>();
let mainWindow: BrowserWindow | undefined;

// Every renderer sandboxed, whatever a window says.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = mainWindow;
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  start().catch((error: unknown) => {
    console.error('K30 kiosk failed to start:', describeError(error));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  const log = createFileLogger(app.getPath('userData'), { echo: !app.isPackaged });
  process.on('uncaughtException', (error) => log.error(`uncaught: ${error?.stack ?? String(error)}`));
  process.on('unhandledRejection', (reason) => log.error(`unhandled rejection: ${describeError(reason, { stack: true })}`));

  hardenWebContents(app, (what) => log.warn(`security: blocked ${what}`));
  hardenSession(session.defaultSession, trusted, { devServerUrl: DEV_SERVER_URL, onDenied: (what) => log.warn(`security: denied ${what}`) });

  const services = await createAppServices({
    dataDir: app.getPath('userData'),
    store: electronKeyValueStore(log),
    secretBox: safeStorageSecretBox(),
    log,
    onSelfServiceModeChange: (on) => {
      for (const win of windows) setWindowKiosk(win, on);
    },
  });
  maskSecrets(log, services);
  services.settings.onChange(() => maskSecrets(log, services));

  registerIpc(
    ipcMain,
    createDispatcher(services.handlers, (line) => log.error(line), { checkOutputs: !app.isPackaged }),
    senderCheck(trusted, (win) => windows.has(win)),
    (channel) => log.warn(`ipc: refused ${channel} from a sender that is not our window`),
  );

  for (const name of EVENT_NAMES) forward(services, name);

  openMainWindow(services, log);
  app.on('activate', () => {
    if (windows.size === 0) openMainWindow(services, log);
  });
  app.on('window-all-closed', () => app.quit());
  closeOnQuit(services, log);
}

/** The logger masks the current secrets wherever they might turn up. */
function maskSecrets(log: FileLogger, services: AppServices): void {
  log.setSecrets(services.settings.secretValues());
}

function forward<K extends EventName>(services: AppServices, name: K): void {
  // Through the self-service filter: a kiosk window gets its current visitor's events only.
  services.onWindowEvent(name, (payload) => {
    for (const win of windows) {
      if (!win.isDestroyed()) win.webContents.send(eventChannel(name), payload);
    }
  });
}

function openMainWindow(services: AppServices, log: FileLogger): void {
  const win = createMainWindow({
    kiosk: services.settings.values.selfServiceMode,
    preloadPath: PRELOAD_PATH,
    rendererUrl: DEV_SERVER_URL,
    rendererFile: join(RENDERER_DIR, 'index.html'),
    devTools: !app.isPackaged,
    icon: ICON_PATH,
    onLoadError: (error) => log.error(`window: the renderer did not load: ${describeError(error)}`),
  });
  windows.add(win);
  mainWindow = win;
  win.on('closed', () => {
    windows.delete(win);
    if (mainWindow === win) mainWindow = undefined;
  });
}

/** Services (ledger, sweeper, callback receiver, demo simulator) close before the process ends. */
function closeOnQuit(services: AppServices, log: FileLogger): void {
  let state: 'running' | 'closing' | 'closed' = 'running';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    services
      .close()
      .catch((error: unknown) => log.error(`quit: services did not close cleanly: ${describeError(error)}`))
      .then(() => log.close())
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}
