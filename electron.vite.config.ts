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
    // electron-vite does not minify the renderer by default.
    build: { minify: true, rollupOptions: { input: { index: resolve('src-renderer/index.html') } } },
    plugins: [react(), cspMeta()],
  },
});
