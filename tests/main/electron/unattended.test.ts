/**
 * The unattended-kiosk glue with fake windows: close refused in kiosk mode until the OS shuts
 * down; a crashed or hung renderer reloaded and logged; start at login per platform.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { memoryLogger } from '../../../src-main/services/ports';

vi.mock('electron', () => ({}));
const { applyStartAtLogin, guardClose, recoverRenderer } = await import('../../../src-main/electron/unattended');

class FakeWindow extends EventEmitter {
  webContents = Object.assign(new EventEmitter(), { reload: vi.fn(), forcefullyCrashRenderer: vi.fn() });
  isDestroyed = () => false;
}

function close(win: FakeWindow): boolean {
  let prevented = false;
  win.emit('close', { preventDefault: () => (prevented = true) });
  return !prevented;
}

describe('unattended kiosk glue', () => {
  it('refuses the window’s close in kiosk mode, until the session ends', () => {
    const win = new FakeWindow();
    let selfService = true;
    let shuttingDown = false;
    const log = memoryLogger();
    guardClose(
      win as never,
      () => selfService,
      () => shuttingDown,
      () => (shuttingDown = true),
      log,
    );
    expect(close(win)).toBe(false);
    expect(log.lines.some((l) => l.includes('close refused'))).toBe(true);
    selfService = false;
    expect(close(win)).toBe(true);
    selfService = true;
    win.emit('session-end');
    expect(close(win)).toBe(true);
  });

  it('reloads a crashed or hung renderer and logs it, but not a clean exit', () => {
    const win = new FakeWindow();
    const log = memoryLogger();
    recoverRenderer(win as never, log);
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    win.emit('unresponsive');
    expect(win.webContents.reload).toHaveBeenCalledTimes(2);
    expect(win.webContents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
    expect(log.lines.filter((l) => l.includes('reloading'))).toHaveLength(2);
  });

  it('starts at login through Electron on Windows and an XDG autostart entry on Linux', () => {
    const app = { setLoginItemSettings: vi.fn(), getName: () => 'K30 Visitor Kiosk' };
    applyStartAtLogin(app, true, memoryLogger(), 'win32');
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true });
    const home = mkdtempSync(join(tmpdir(), 'k30-xdg-'));
    const before = process.env['XDG_CONFIG_HOME'];
    process.env['XDG_CONFIG_HOME'] = home;
    try {
      applyStartAtLogin(app, true, memoryLogger(), 'linux');
      const file = join(home, 'autostart/k30-visitor-kiosk.desktop');
      expect(readFileSync(file, 'utf8')).toContain('Name=K30 Visitor Kiosk');
      applyStartAtLogin(app, false, memoryLogger(), 'linux');
      expect(existsSync(file)).toBe(false);
    } finally {
      if (before === undefined) delete process.env['XDG_CONFIG_HOME'];
      else process.env['XDG_CONFIG_HOME'] = before;
    }
  });
});
