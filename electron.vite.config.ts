import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { metaContentSecurityPolicy } from './src-main/security-policy';

/** The built index.html gets the CSP as a meta tag from the one definition main also sends as a header. */
function cspMeta(): Plugin {
  return {
    name: 'k30-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy() }, injectTo: 'head' }],
  };
}

/**
 * The English dictionary (i18n/en.ts) is a lazily loaded chunk, but each feature's strings file
 * holds both languages. A module cannot be split between chunks, so en.ts imports its own copy of
 * each strings file (`?lang=en`, a module of its own): in that copy only the English half is used,
 * in the one zh-CN.ts imports only the Chinese half, and tree-shaking drops the other half of each.
 * The first screen thus carries zh-CN only, with the sources kept as they are.
 */
function englishStringsApart(): Plugin {
  return {
    name: 'k30-english-strings-apart',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      // en.ts, and the English copies themselves (a strings file may spread another's).
      if (!/[\\/]src-renderer[\\/]src[\\/]i18n[\\/](en\.ts|[\w-]+-strings\.ts\?lang=en)$/.test(id)) return null;
      return { code: code.replace(/from '\.\/([\w-]+-strings)'/g, "from './$1.ts?lang=en'"), map: null };
    },
  };
}

export default defineConfig({
  main: {
    build: { rollupOptions: { input: { index: resolve('src-main/index.ts') } } },
  },
  preload: {
    // A sandboxed preload must be CommonJS.
    build: {
      // A sandboxed preload cannot require node_modules: bundle what it uses (channels.ts only, no zod).
      externalizeDeps: false,
      minify: true,
      rollupOptions: {
        input: { index: resolve('src-preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    build: {
      // electron-vite does not minify the renderer by default.
      minify: true,
      // The chunk graph for `npm run bench:size` (which chunks the first screen loads); only then,
      // so the packaged app carries no build metadata.
      manifest: process.env.K30_BUNDLE_MANIFEST === '1' ? 'bundle-manifest.json' : false,
      rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
    plugins: [englishStringsApart(), react(), cspMeta()],
  },
});
