import { describeError } from '../k30/protocol/describe-error';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { App, BrowserWindow, PowerMonitor } from 'electron';
import type { Logger } from '../services/ports';
import { closeAllowed, reloadAfterGone, ReloadBudget, xdgAutostartEntry } from '../runtime/unattended-policy';

/** Set once the OS says it is going down: then nothing is held open. */
export function watchOsShutdown(powerMonitor: Pick<PowerMonitor, 'on'>, onShutdown: () => void): void {
  // Linux and macOS; on Windows the window's 'session-end' says the same (see guardClose).
  powerMonitor.on('shutdown', onShutdown);
}

/** Refuses the window's close (Alt+F4, the close button) while a visitor could be the one closing. */
export function guardClose(win: BrowserWindow, isSelfService: () => boolean, isShuttingDown: () => boolean, onShutdown: () => void, log: Logger): void {
  win.on('session-end', onShutdown);
  win.on('close', (event) => {
    if (closeAllowed({ selfServiceMode: isSelfService(), osShuttingDown: isShuttingDown() })) return;
    event.preventDefault();
    log.warn('window: close refused in kiosk mode');
  });
}

/** A crashed or hung renderer is logged and the page reloaded (within a budget). */
export function recoverRenderer(win: BrowserWindow, log: Logger, budget = new ReloadBudget()): void {
  const reload = (why: string) => {
    if (win.isDestroyed()) return;
    if (!budget.take()) {
      log.error(`window: ${why}; not reloading again (too many reloads in a minute)`);
      return;
    }
    log.error(`window: ${why}; reloading`);
    win.webContents.reload();
  };
  win.webContents.on('render-process-gone', (_event, details) => {
    if (reloadAfterGone(details.reason)) reload(`renderer gone (${details.reason}, exit code ${details.exitCode})`);
  });
  win.on('unresponsive', () => {
    if (win.isDestroyed()) return;
    log.error('window: renderer unresponsive; restarting it');
    win.webContents.forcefullyCrashRenderer();
    reload('renderer was unresponsive');
  });
}

const AUTOSTART_NAME = 'k30-visitor-kiosk.desktop';

/** Start at login: Electron's login item on Windows and macOS, an XDG autostart entry on Linux. */
export function applyStartAtLogin(app: Pick<App, 'setLoginItemSettings' | 'getName'>, on: boolean, log: Logger, platform = process.platform): void {
  try {
    if (platform === 'linux') {
      const dir = join(process.env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), 'autostart');
      const file = join(dir, AUTOSTART_NAME);
      if (on) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(file, xdgAutostartEntry({ name: app.getName(), exec: process.env['APPIMAGE'] || process.execPath, comment: 'K30 visitor kiosk' }));
      } else if (existsSync(file)) rmSync(file);
      return;
    }
    app.setLoginItemSettings({ openAtLogin: on });
  } catch (error) {
    log.error(`start at login: could not ${on ? 'enable' : 'disable'}: ${describeError(error)}`);
  }
}
