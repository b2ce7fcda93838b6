/**
 * The window follows kiosk mode: full-screen kiosk at start-up when the setting is on, and on and
 * off when it changes (Electron's BrowserWindow replaced by a recording fake).
 */
import { describe, expect, it, vi } from 'vitest';

const made: FakeWindow[] = [];

class FakeWindow {
  options: Record<string, unknown>;
  calls: string[] = [];
  destroyed = false;
  constructor(options: Record<string, unknown>) {
    this.options = options;
    made.push(this);
  }
  isDestroyed() {
    return this.destroyed;
  }
  setKiosk(on: boolean) {
    this.calls.push(`setKiosk(${on})`);
  }
  setAlwaysOnTop(on: boolean) {
    this.calls.push(`setAlwaysOnTop(${on})`);
  }
  setFullScreen(on: boolean) {
    this.calls.push(`setFullScreen(${on})`);
  }
  removeMenu() {
    this.calls.push('removeMenu()');
  }
  on() {}
  once() {}
  loadURL() {
    return Promise.resolve();
  }
  loadFile() {
    return Promise.resolve();
  }
}

vi.mock('electron', () => ({ BrowserWindow: FakeWindow }));

const { createMainWindow, setWindowKiosk } = await import('../../../src-main/electron/window');

describe('kiosk window', () => {
  it('opens full-screen kiosk, without a menu, when kiosk mode is already on', () => {
    const win = createMainWindow({ kiosk: true, preloadPath: '/p.cjs', rendererUrl: 'app://kiosk/index.html' }) as unknown as FakeWindow;
    expect(win.options).toMatchObject({ kiosk: true, fullscreen: true, alwaysOnTop: true });
    expect(win.calls).toContain('removeMenu()');
    const normal = createMainWindow({ kiosk: false, preloadPath: '/p.cjs', rendererUrl: 'app://kiosk/index.html' }) as unknown as FakeWindow;
    expect(normal.options).toMatchObject({ kiosk: false, fullscreen: false });
  });

  it('enters and leaves kiosk mode on a live window, and leaves a closed one alone', () => {
    const win = new FakeWindow({});
    setWindowKiosk(win as never, true);
    expect(win.calls).toEqual(['setKiosk(true)', 'setAlwaysOnTop(true)', 'removeMenu()']);
    win.calls = [];
    setWindowKiosk(win as never, false);
    expect(win.calls).toEqual(['setKiosk(false)', 'setAlwaysOnTop(false)', 'setFullScreen(false)']);
    win.calls = [];
    win.destroyed = true;
    setWindowKiosk(win as never, true);
    expect(win.calls).toEqual([]);
  });
});
