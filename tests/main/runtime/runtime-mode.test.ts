import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideRuntime } from '../../../src-main/runtime/runtime-mode';

const base = { resourcesPath: '/opt/k30/resources', mainDir: '/opt/k30/resources/app.asar/out/main' };

describe('runtime mode, decided once', () => {
  it('packaged is production: no dev server even when ELECTRON_RENDERER_URL is set, no DevTools, icon from resourcesPath', () => {
    const runtime = decideRuntime({ ...base, isPackaged: true, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } });
    expect(runtime).toMatchObject({ mode: 'production', devServerUrl: undefined, devTools: false, echoLog: false });
    expect(runtime.iconPath).toBe(join('/opt/k30/resources', 'app.asar', 'resources', 'icon.png'));
    expect(runtime.preloadPath).toBe(join(base.mainDir, '../preload/index.cjs'));
    expect(runtime.rendererDir).toBe(join(base.mainDir, '../renderer'));
  });

  it('unpackaged is development: the loopback dev server is honoured, DevTools on, icon from the checkout', () => {
    const runtime = decideRuntime({
      resourcesPath: '/x',
      mainDir: '/repo/out/main',
      isPackaged: false,
      env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' },
    });
    expect(runtime).toMatchObject({ mode: 'development', devServerUrl: 'http://localhost:5173', devTools: true });
    expect(runtime.iconPath).toBe('/repo/resources/icon.png');
  });

  it('never follows a dev server URL that is not loopback http(s)', () => {
    for (const url of ['https://evil.example:5173', 'file:///tmp/x.html', 'javascript:alert(1)', 'nonsense']) {
      expect(decideRuntime({ ...base, isPackaged: false, env: { ELECTRON_RENDERER_URL: url } }).devServerUrl, url).toBeUndefined();
    }
  });
});
