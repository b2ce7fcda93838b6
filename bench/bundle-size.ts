/**
 * Bundle sizes of the built app (`npm run bench:size` builds with the chunk manifest, then runs this):
 * - the renderer's initial load: the entry chunk and every chunk it imports statically,
 *   transitively (from Vite's manifest), plus their CSS: what the first screen loads;
 * - what each lazily loaded part (a page, the self-service app, the English dictionary) adds the
 *   first time it is opened, and every lazily loaded chunk with its size;
 * - the preload (raw) and the main bundle.
 * Targets (issue #9): initial renderer ≤ 120 KB gzip with neither zod nor English in it, preload
 * ≤ 30 KB raw. Sizes are gzip level 9; exits 1 when a target is missed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { en } from '../src-renderer/src/i18n/en';

const OUT = join(process.cwd(), 'out');
const RENDERER = join(OUT, 'renderer');
const MANIFEST = join(RENDERER, 'bundle-manifest.json');
const INITIAL_GZIP_LIMIT = 120 * 1024;
const PRELOAD_RAW_LIMIT = 30 * 1024;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

if (!existsSync(MANIFEST)) {
  console.error('out/renderer/bundle-manifest.json is missing: run `npm run bench:size` (it builds with K30_BUNDLE_MANIFEST=1)');
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sizeCache = new Map<string, { raw: number; gzip: number }>();
function sizes(file: string): { raw: number; gzip: number } {
  let s = sizeCache.get(file);
  if (!s) {
    const data = readFileSync(file);
    s = { raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
    sizeCache.set(file, s);
  }
  return s;
}
const row = (name: string, s: { raw: number; gzip: number }, note = '') =>
  `  ${name.padEnd(44)} ${kb(s.raw).padStart(9)} raw ${kb(s.gzip).padStart(9)} gzip${note}`;
const total = (files: Iterable<string>) => {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const s = sizes(join(RENDERER, file));
    raw += s.raw;
    gzip += s.gzip;
  }
  return { raw, gzip };
};

/** A chunk and everything it imports statically, transitively: what loading it loads (files, with CSS). */
function staticClosure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) staticClosure(dep, seen);
  return seen;
}
const filesOf = (keys: Iterable<string>) => new Set([...keys].flatMap((k) => [manifest[k].file, ...(manifest[k].css ?? [])]));

const entries = Object.keys(manifest).filter((k) => manifest[k].isEntry);
if (entries.length !== 1) throw new Error(`expected one renderer entry, found ${entries.join(', ') || 'none'}`);
const initialKeys = staticClosure(entries[0]);
const initialFiles = filesOf(initialKeys);

// Cross-check: index.html must load exactly these (its script, modulepreloads and stylesheets).
const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
const htmlFiles = new Set([...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1]));
const differs = [...initialFiles].filter((f) => !htmlFiles.has(f)).concat([...htmlFiles].filter((f) => !initialFiles.has(f)));
if (differs.length > 0) console.log(`note: index.html and the manifest disagree on: ${differs.join(', ')}`);

console.log('renderer, initial (entry + its static imports, transitively, with their CSS):');
for (const file of [...initialFiles].sort()) console.log(row(file, sizes(join(RENDERER, file))));
const initial = total(initialFiles);
console.log(row('total', initial, `  (target ≤ ${kb(INITIAL_GZIP_LIMIT)} gzip)`));
console.log(row('of which JavaScript', total([...initialFiles].filter((f) => f.endsWith('.js')))));

// What the first screen must not carry: zod (its issue code "invalid_type" survives minifying) and
// the English dictionary (its longer plain messages, which minifying leaves as they are).
const initialJs = [...initialFiles]
  .filter((f) => f.endsWith('.js'))
  .map((f) => readFileSync(join(RENDERER, f), 'utf8'))
  .join('\n');
const zodInInitial = initialJs.includes('invalid_type');
const englishProbes = Object.values(en).filter((text) => text.length >= 25 && /^[A-Za-z ,.]+$/.test(text));
const englishInInitial = englishProbes.filter((text) => initialJs.includes(text)).length;
console.log(`  zod in the initial load: ${zodInInitial ? 'yes' : 'no'}; English messages in it: ${englishInInitial} of ${englishProbes.length} probed`);

console.log('renderer, loaded lazily: what each dynamic import adds when first opened (beyond the initial load):');
const dynamicEntries = Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry);
for (const key of dynamicEntries.sort()) {
  const adds = [...filesOf(staticClosure(key))].filter((f) => !initialFiles.has(f));
  console.log(row(manifest[key].src ?? key, total(adds), `  (${adds.length} file${adds.length === 1 ? '' : 's'})`));
}

console.log('renderer, lazily loaded files:');
const lazyFiles = readdirSync(join(RENDERER, 'assets'))
  .map((name) => `assets/${name}`)
  .filter((f) => /\.(js|css)$/.test(f) && !initialFiles.has(f))
  .sort();
for (const file of lazyFiles) console.log(row(file, sizes(join(RENDERER, file))));

const preload = sizes(join(OUT, 'preload/index.cjs'));
console.log(`preload: out/preload/index.cjs ${kb(preload.raw)} raw, ${kb(preload.gzip)} gzip  (target ≤ ${kb(PRELOAD_RAW_LIMIT)} raw)`);
let mainRaw = 0;
let mainGzip = 0;
for (const entry of readdirSync(join(OUT, 'main'), { withFileTypes: true, recursive: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
  const s = sizes(join(entry.parentPath, entry.name));
  mainRaw += s.raw;
  mainGzip += s.gzip;
}
console.log(`main: out/main ${kb(mainRaw)} raw, ${kb(mainGzip)} gzip (not minified: stack traces in the log stay readable)`);

const misses = [
  initial.gzip > INITIAL_GZIP_LIMIT && 'initial renderer chunk',
  zodInInitial && 'zod in the initial load',
  englishInInitial > 0 && 'English dictionary in the initial load',
  preload.raw > PRELOAD_RAW_LIMIT && 'preload',
].filter(Boolean);
console.log(misses.length === 0 ? 'within targets' : `over target: ${misses.join(', ')}`);
process.exitCode = misses.length === 0 ? 0 : 1;
