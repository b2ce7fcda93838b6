import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');

/**
 * `electron-vite build` into OUT_DIR (absolute), as `npm run build` does without the typecheck. The
 * default is a fresh dir under the repo's .tmp/, so main's bare imports (zod, electron-store) find
 * node_modules, and a parallel test using out/ is not disturbed.
 */
export function buildApp(outDir = freshDir()): string {
  execFileSync(process.execPath, [join(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', outDir], {
    cwd: repoRoot,
    stdio: 'pipe',
  });
  return outDir;
}

function freshDir(): string {
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true });
  return mkdtempSync(join(repoRoot, '.tmp', 'build-'));
}
