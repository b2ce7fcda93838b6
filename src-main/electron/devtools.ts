import type { BrowserWindow } from 'electron';

/**
 * DevTools: always in development; in a packaged app only after the administrator asked (the
 * openDevTools call, behind the admin PIN). Any other way in (a shortcut, a menu role) is closed
 * again at once. The grant ends when they are closed.
 */
export function guardDevTools(win: BrowserWindow, development: boolean): { open: () => boolean } {
  let granted = development;
  win.webContents.on('devtools-opened', () => {
    if (!granted) win.webContents.closeDevTools();
  });
  win.webContents.on('devtools-closed', () => {
    granted = development;
  });
  return {
    open() {
      if (win.isDestroyed()) return false;
      granted = true;
      win.webContents.openDevTools({ mode: 'detach' });
      return true;
    },
  };
}
