/**
 * What every page's build shares: the tab's folder as root, served at /tab/, written to src/tab/dist, no source maps.
 * No React plugin: Vite 8's Oxc transform handles TSX with the automatic runtime, and a production build needs no
 * fast refresh. Each page builds on its own (vite.config.mts, vite.me.config.mts, vite.auth-end.config.mts), so its
 * first bundle holds only what it paints first.
 */
import { fileURLToPath } from 'node:url';

import { defineConfig, type UserConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export function pageConfig(page: {
  /** The page's HTML file in src/tab; default index.html. */
  html?: string;
  /** Only the first build empties dist. */
  emptyOutDir: boolean;
  /**
   * The name of the one file holding everything the page loads before its first paint (rolldown's `$initial`
   * modules): one request instead of nine, measured 15–25 ms sooner to the charter (bench/tab-load.ts). What loads
   * later stays split. Omitted: rolldown's default chunks.
   */
  firstPaintChunk?: string;
}): UserConfig {
  return defineConfig({
    root,
    base: '/tab/',
    logLevel: 'warn',
    oxc: { jsx: { runtime: 'automatic' } },
    build: {
      outDir: 'dist',
      emptyOutDir: page.emptyOutDir,
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
      rollupOptions: {
        ...(page.html ? { input: `${root}${page.html}` } : {}),
        ...(page.firstPaintChunk
          ? { output: { codeSplitting: { groups: [{ name: page.firstPaintChunk, tags: ['$initial'] }] } } }
          : {}),
        // Fluent's 'use client' directives mean nothing in a client-only bundle.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  });
}
