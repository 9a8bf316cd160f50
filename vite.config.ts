import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { thirdPartyLicenses } from './scripts/thirdPartyLicenses.ts';
import { dataPlugin } from './src/data/vitePlugin.ts';

const root = import.meta.dirname;

export default defineConfig({
  base: './',
  define: { __SITE_URL__: JSON.stringify(process.env.SITE_URL ?? '') },
  plugins: [dataPlugin(root), react(), thirdPartyLicenses()],
  build: {
    target: 'es2020',
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'jsdom', include: ['tests/unit/**/*.test.{ts,tsx}'] },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
