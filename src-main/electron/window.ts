import { BrowserWindow } from 'electron';

export const WINDOW_TITLE = 'K30 访客登记';

export interface MainWindowOptions {
  /** Self-service kiosk: full screen, no menu, no way out but the admin PIN. */
  kiosk: boolean;
  /** The built preload (out/preload/index.cjs). */
  preloadPath: string;
  /** The page: app://kiosk/index.html, or in development the Vite dev server. */
  rendererUrl: string;
  /** DevTools allowed on this window (development, or a packaged app whose admin asked). */
  devTools?: boolean;
  /** The window and taskbar icon (resources/icon.png). */
  icon?: string;
  onLoadError?: (error: unknown) => void;
}

/** The app's one window, with every web preference that keeps the renderer boxed in. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    kiosk: options.kiosk,
    fullscreen: options.kiosk,
    // Kiosk: nothing else (a notification, another app) may cover the registration screen.
    alwaysOnTop: options.kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    icon: options.icon,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      devTools: options.devTools ?? false,
    },
  });
  if (options.kiosk) win.removeMenu();
  // Keep our title, whatever the page's <title> says.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => {
    win.show();
    win.focus();
  });
  win.loadURL(options.rendererUrl).catch((error: unknown) => options.onLoadError?.(error));
  return win;
}

/** Enter or leave kiosk mode on a live window. */
export function setWindowKiosk(win: BrowserWindow, on: boolean): void {
  if (win.isDestroyed()) return;
  win.setKiosk(on);
  win.setAlwaysOnTop(on);
  if (on) win.removeMenu();
  else win.setFullScreen(false);
}
