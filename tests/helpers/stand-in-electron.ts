import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './build-app';

/**
 * A directory shaped like an unpacked Electron for Linux (what electron-builder's `electronDist`
 * accepts): a placeholder `electron` executable and the files electron-builder moves or deletes.
 * Nothing here runs; it lets `electron-builder --dir` work where Electron cannot be downloaded.
 */
export function standInElectronDist(): string {
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(repoRoot, '.tmp', 'electron-dist-'));
  mkdirSync(join(dir, 'resources'));
  mkdirSync(join(dir, 'locales'));
  writeFileSync(join(dir, 'electron'), '#!/bin/sh\necho "stand-in electron: not a real binary" >&2\nexit 1\n');
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), 'stand-in');
  writeFileSync(join(dir, 'version'), '0.0.0');
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
  return dir;
}
