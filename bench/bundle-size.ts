/**
 * Bundle sizes of the built app (run after `electron-vite build`; `npm run bench:size` does both):
 * the renderer's initial chunk (what index.html loads before the first screen: its entry script,
 * modulepreloads and CSS), each lazily loaded chunk, the preload and the main bundle.
 * Targets (issue #9): initial renderer ≤ 120 KB gzip, preload ≤ 30 KB raw.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUT = join(process.cwd(), 'out');
const RENDERER = join(OUT, 'renderer');
const INITIAL_GZIP_LIMIT = 120 * 1024;
const PRELOAD_RAW_LIMIT = 30 * 1024;

if (!existsSync(join(RENDERER, 'index.html'))) {
  console.error('out/renderer/index.html is missing: run `npx electron-vite build` first');
  process.exit(2);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sizes = (file: string) => {
  const data = readFileSync(file);
  return { raw: data.length, gzip: gzipSync(data).length };
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** What index.html itself pulls in: <script src>, <link rel=modulepreload|stylesheet href>. */
function initialFiles(): string[] {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g)].map((m) => m[1]);
  return refs.filter((ref) => !/^[a-z]+:/i.test(ref)).map((ref) => join(RENDERER, ref.replace(/^\.?\//, '')));
}

const initial = initialFiles();
const initialSet = new Set(initial);
let initialRaw = 0;
let initialGzip = 0;
console.log('renderer, initial (loaded by index.html):');
for (const file of initial) {
  const s = sizes(file);
  initialRaw += s.raw;
  initialGzip += s.gzip;
  console.log(`  ${relative(RENDERER, file).padEnd(40)} ${kb(s.raw).padStart(10)} raw ${kb(s.gzip).padStart(10)} gzip`);
}
console.log(`  ${'total'.padEnd(40)} ${kb(initialRaw).padStart(10)} raw ${kb(initialGzip).padStart(10)} gzip  (target ≤ ${kb(INITIAL_GZIP_LIMIT)} gzip)`);

console.log('renderer, loaded lazily:');
const lazy = filesUnder(RENDERER).filter((file) => /\.(js|css)$/.test(file) && !initialSet.has(file));
if (lazy.length === 0) console.log('  (none)');
for (const file of lazy.sort()) {
  const s = sizes(file);
  console.log(`  ${relative(RENDERER, file).padEnd(40)} ${kb(s.raw).padStart(10)} raw ${kb(s.gzip).padStart(10)} gzip`);
}

const preload = sizes(join(OUT, 'preload/index.cjs'));
console.log(`preload: out/preload/index.cjs ${kb(preload.raw)} raw, ${kb(preload.gzip)} gzip  (target ≤ ${kb(PRELOAD_RAW_LIMIT)} raw)`);
let mainRaw = 0;
let mainGzip = 0;
for (const file of filesUnder(join(OUT, 'main')).filter((f) => f.endsWith('.js'))) {
  const s = sizes(file);
  mainRaw += s.raw;
  mainGzip += s.gzip;
}
console.log(`main: out/main ${kb(mainRaw)} raw, ${kb(mainGzip)} gzip (not minified: stack traces in the log stay readable)`);

const misses = [initialGzip > INITIAL_GZIP_LIMIT && 'initial renderer chunk', preload.raw > PRELOAD_RAW_LIMIT && 'preload'].filter(Boolean);
console.log(misses.length === 0 ? 'within targets' : `over target: ${misses.join(', ')}`);
