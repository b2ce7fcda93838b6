/**
 * Production or development, decided once at start-up from what Electron says (is the app
 * packaged?) instead of `!app.isPackaged` tests scattered through main. Everything that differs
 * between the two (dev server, DevTools, where files are) is answered here. Pure: tests call it.
 */
import { join } from 'node:path';

export type RuntimeMode = 'production' | 'development';

export interface RuntimeFacts {
  /** Electron's app.isPackaged. */
  isPackaged: boolean;
  env: Record<string, string | undefined>;
  /** Electron's process.resourcesPath (the packaged app's resources/). */
  resourcesPath: string;
  /** The directory of the built main bundle (out/main, inside app.asar when packaged). */
  mainDir: string;
}

export interface Runtime {
  mode: RuntimeMode;
  /** electron-vite's renderer dev server; never honoured in production. */
  devServerUrl?: string;
  /** DevTools on the window from the start (development); production opens them only via the admin. */
  devTools: boolean;
  /** Echo the log to the terminal (development). */
  echoLog: boolean;
  rendererDir: string;
  preloadPath: string;
  iconPath: string;
}

export function decideRuntime(facts: RuntimeFacts): Runtime {
  const mode: RuntimeMode = facts.isPackaged ? 'production' : 'development';
  const development = mode === 'development';
  const devServerUrl = development ? validDevServer(facts.env['ELECTRON_RENDERER_URL']) : undefined;
  return {
    mode,
    devServerUrl,
    devTools: development,
    echoLog: development,
    rendererDir: join(facts.mainDir, '../renderer'),
    preloadPath: join(facts.mainDir, '../preload/index.cjs'),
    // Packaged, resources/icon.png lives inside app.asar (the out/main → ../../resources walk
    // only holds in a checkout).
    iconPath: facts.isPackaged ? join(facts.resourcesPath, 'app.asar', 'resources', 'icon.png') : join(facts.mainDir, '../../resources/icon.png'),
  };
}

/** Only a loopback http(s) dev server: an environment variable must not point the app elsewhere. */
function validDevServer(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && loopback ? url : undefined;
  } catch {
    return undefined;
  }
}
