import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TrustedApp } from '../../src-main/ipc/sender-check';

/** The packaged renderer's folder, as on an installed PC. */
export const RENDERER_DIR = '/opt/k30-kiosk/resources/app.asar/out/renderer';
/** The packaged app (file://, this folder) and the dev server. */
export const prod: TrustedApp = { origin: 'file://', rendererPath: RENDERER_DIR };
export const dev: TrustedApp = { origin: 'http://localhost:5173' };
/** Our own page, as the packaged app loads it. */
export const ourFile = pathToFileURL(join(RENDERER_DIR, 'index.html')).href;
