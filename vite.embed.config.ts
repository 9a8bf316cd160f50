/**
 * Builds the host script (src/kit/embed-host/embed.ts) as dist/embed.js: one small IIFE for newsroom
 * pages, no framework, old enough syntax for any browser a news site still serves. Runs after the
 * main build, so it must leave the rest of dist/ alone.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { embedConfig, embedDefines } from './src/story/embedConfig.ts';

const root = import.meta.dirname;

export default defineConfig({
  // The story's names (attribute prefix, global, message sentinel): the kit has none of its own.
  define: embedDefines(),
  publicDir: false,
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: false,
    target: 'es2017',
    minify: true,
    sourcemap: false,
    copyPublicDir: false,
    reportCompressedSize: false,
    lib: {
      entry: resolve(root, 'src/kit/embed-host/embed.ts'),
      formats: ['iife'],
      name: `${embedConfig.global}Host`,
      fileName: () => 'embed.js',
    },
  },
});
