/**
 * The Electron main process: wiring only. Every service is built by createAppServices (free of
 * Electron); this file gives it Electron's ports, serves the renderer on app://kiosk, hardens the
 * session and every web contents, serves the contract over IPC to our own window only, forwards
 * service events to it, and keeps an unattended kiosk running (crash reload, close guard).
 */
import { electronSlipPrinter } from './electron/printing';
import { describeError } from './k30/protocol';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, crashReporter, ipcMain, Menu, powerMonitor, protocol, session } from 'electron';
import { EVENT_NAMES, eventChannel, type EventName } from '../src-preload/contract';
import { electronKeyValueStore, safeStorageSecretBox } from './electron/adapters';
import { registerAppScheme, serveAppProtocol } from './electron/app-protocol';
import { guardDevTools } from './electron/devtools';
import { createFileLogger, type FileLogger } from './electron/file-logger';
import { registerIpc } from './electron/ipc-registration';
import { hardenSession, hardenWebContents } from './electron/security';
import { senderCheck } from './electron/sender';
import { applyStartAtLogin, guardClose, recoverRenderer, watchOsShutdown } from './electron/unattended';
import { demoControlPlaneEnabled } from './electron/test-switches';
import { createMainWindow, setWindowKiosk } from './electron/window';
import { createDispatcher } from './ipc/dispatch';
import type { TrustedApp } from './ipc/sender-check';
import { APP_INDEX_URL, APP_ORIGIN } from './runtime/app-origin';
import { decideRuntime } from './runtime/runtime-mode';
import { contentSecurityPolicy } from './security-policy';
import { createAppServices, type AppServices } from './services/app-services';

/** Production or development, decided here once (see runtime-mode.ts). */
const runtime = decideRuntime({
  isPackaged: app.isPackaged,
  env: process.env,
  resourcesPath: process.resourcesPath,
  mainDir: dirname(fileURLToPath(import.meta.url)),
});
const trusted: TrustedApp = runtime.devServerUrl ? { origin: new URL(runtime.devServerUrl).origin } : { origin: APP_ORIGIN };
const csp = contentSecurityPolicy({ devServerUrl: runtime.devServerUrl });

/** Our windows: IPC is served to these only, and events go to these only. */
const windows = new Set<BrowserWindow>();
let mainWindow: BrowserWindow | undefined;
let devTools: { open: () => boolean } | undefined;
let osShuttingDown = false;

// Crash dumps stay on this machine (userData/Crashpad); nothing is uploaded.
crashReporter.start({ uploadToServer: false });
// Every renderer sandboxed, whatever a window says.
app.enableSandbox();
// Before 'ready': app:// must be a privileged (standard, secure) scheme.
registerAppScheme(protocol);

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
  const log = createFileLogger(app.getPath('userData'), { echo: runtime.echoLog });
  process.on('uncaughtException', (error) => log.error(`uncaught: ${error?.stack ?? String(error)}`));
  process.on('unhandledRejection', (reason) => log.error(`unhandled rejection: ${describeError(reason, { stack: true })}`));
  log.info(`start: ${runtime.mode}${runtime.devServerUrl ? ` (dev server ${runtime.devServerUrl})` : ''}`);

  // Production has no menu: no View → Toggle Developer Tools, no reload shortcut.
  if (runtime.mode === 'production') Menu.setApplicationMenu(null);
  serveAppProtocol(protocol, runtime.rendererDir, csp, (what) => log.warn(`security: refused ${what}`));
  hardenWebContents(app, (what) => log.warn(`security: blocked ${what}`));
  hardenSession(session.defaultSession, trusted, { devServerUrl: runtime.devServerUrl, onDenied: (what) => log.warn(`security: denied ${what}`) });
  watchOsShutdown(powerMonitor, () => {
    osShuttingDown = true;
  });

  const services = await createAppServices({
    dataDir: app.getPath('userData'),
    store: electronKeyValueStore(log),
    secretBox: safeStorageSecretBox(),
    log,
    demoControlPlane: demoControlPlaneEnabled(app.isPackaged, process.env),
    onSelfServiceModeChange: (on) => {
      for (const win of windows) setWindowKiosk(win, on);
    },
    openDevTools: () => devTools?.open() ?? false,
    slipPrinter: electronSlipPrinter(() => [...windows][0]),
  });
  maskSecrets(log, services);
  services.notifications.onChange(() => maskSecrets(log, services));
  let startAtLogin = services.settings.values.startAtLogin;
  applyStartAtLogin(app, startAtLogin, log);
  services.settings.onChange(() => {
    maskSecrets(log, services);
    if (services.settings.values.startAtLogin !== startAtLogin) {
      startAtLogin = services.settings.values.startAtLogin;
      applyStartAtLogin(app, startAtLogin, log);
    }
  });

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
  log.setSecrets([...services.settings.secretValues(), ...services.notifications.secretValues()]);
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
    preloadPath: runtime.preloadPath,
    rendererUrl: runtime.devServerUrl ?? APP_INDEX_URL,
    // On in both modes; guardDevTools closes any the administrator did not ask for.
    devTools: true,
    icon: runtime.iconPath,
    onLoadError: (error) => log.error(`window: the renderer did not load: ${describeError(error)}`),
  });
  windows.add(win);
  mainWindow = win;
  devTools = guardDevTools(win, runtime.devTools);
  guardClose(
    win,
    () => services.settings.values.selfServiceMode,
    () => osShuttingDown,
    () => (osShuttingDown = true),
    log,
  );
  recoverRenderer(win, log);
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
    void services
      .close()
      .catch((error: unknown) => log.error(`quit: services did not close cleanly: ${describeError(error)}`))
      .then(() => log.close())
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}
