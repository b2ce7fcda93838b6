/**
 * `npm run dist` (after `npm run build`): installers for this platform's configured targets.
 *   npm run dist -- --dir       an unpacked app in dist/<platform>-unpacked (for inspection)
 *   npm run dist -- --win       Windows NSIS installer (on Windows, or Linux with wine)
 *   npm run dist -- --linux     AppImage and deb
 *   npm run dist -- --e2e       the test build for Playwright (inspect fuse on; dist/e2e)
 * Electron itself comes from GitHub (electron-builder's cache), as do the NSIS/AppImage tools.
 */
import { build } from 'electron-builder';
import { builderConfig } from './electron-builder';

const args = new Set(process.argv.slice(2));
const known = new Set(['--dir', '--win', '--linux', '--e2e']);
const unknown = [...args].filter((arg) => !known.has(arg));
if (unknown.length > 0) {
  console.error(`dist: unknown option(s) ${unknown.join(' ')}; use --dir, --win, --linux, --e2e`);
  process.exit(2);
}

const artifacts = await build({
  config: builderConfig({ e2e: args.has('--e2e') }),
  dir: args.has('--dir') || args.has('--e2e'),
  ...(args.has('--win') ? { win: [] } : {}),
  ...(args.has('--linux') ? { linux: [] } : {}),
  publish: 'never',
});
for (const artifact of artifacts) console.log(artifact);
