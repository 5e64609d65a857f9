/**
 * Builds the channel tab (index.html) and its configuration page (config.html) into src/tab/dist, served by
 * express at /tab/. No React plugin: Vite 8's Oxc transform handles TSX with the automatic runtime, and a production
 * build needs no fast refresh.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/tab/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: { index: `${root}index.html`, config: `${root}config.html` },
      // Fluent's 'use client' directives mean nothing in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
