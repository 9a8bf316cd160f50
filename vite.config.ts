import react from '@vitejs/plugin-react';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { bootScript } from './scripts/bootScript.ts';
import { thirdPartyLicenses } from './scripts/thirdPartyLicenses.ts';
import { dataPlugin } from './src/story/data/vitePlugin.ts';
import { markupDefines } from './src/kit/markupConfig.ts';
import { embedDefines, storyMarkup } from './src/story/embedConfig.ts';

const root = import.meta.dirname;

const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
const BROWSER_FILES_AT_ONCE = Number(process.env.BROWSER_FILES_AT_ONCE) || 2;
const EMBED_HOSTS_TEST = 'tests/browser/embed.test.ts';
const ONLY_ENGINE = process.env.ENGINE;
if (ONLY_ENGINE && !(ENGINES as readonly string[]).includes(ONLY_ENGINE)) throw new Error(`ENGINE=${ONLY_ENGINE}: expected one of ${ENGINES.join(', ')}`);

/**
 * A browser-test project. Groups run one after another: the unit tests (which may rebuild dist/), the
 * embed hosts' file alone (its cases already run concurrently inside it; beside another file, a case
 * missed its 5 s wait on a loaded CI machine), then every other browser file, the Chromium-only ones
 * and the three engines' cross-engine ones in one group, two at a time: most of a browser test is
 * waiting (for frames, for a scroll to settle), so two browsers share the two cores well, and in one
 * group no worker idles at the end of the Chromium-only files while the other finishes the last one.
 */
function browserProject(name: string, include: string[], groupOrder: number, { env = {}, exclude = [] as string[], filesAtOnce = BROWSER_FILES_AT_ONCE } = {}) {
  return {
    extends: true as const,
    test: {
      name,
      environment: 'node',
      include,
      exclude,
      env,
      // A test's own waits end as soon as their condition holds; this bound only catches a hang. The
      // axe runs (13 per test) took over 120 s at a load average of 25 on two cores.
      testTimeout: 300_000,
      hookTimeout: 120_000,
      fileParallelism: filesAtOnce > 1,
      maxWorkers: filesAtOnce,
      sequence: { groupOrder },
    },
  };
}

export default defineConfig({
  base: './',
  // The story's embed names and markup (src/story/embedConfig.ts) reach the kit as constants: the kit never imports the story.
  define: { __SITE_URL__: JSON.stringify(process.env.SITE_URL ?? ''), ...embedDefines(), ...markupDefines(storyMarkup) },
  plugins: [dataPlugin(root), react(), thirdPartyLicenses(), bootScript()],
  build: {
    target: 'es2020',
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    // No <link rel=modulepreload> appended to <head> before each lazy chunk: at load those appends
    // were 50 ms of one task on a mid-range phone (the load trace, 4x CPU), and a lazy chunk's few
    // dependencies are mostly the entry's own, already loaded.
    modulePreload: false,
    // dist/.vite/manifest.json: the exact chunk graph the byte budgets are computed from (tests/unit/budget.test.ts).
    manifest: true,
    rollupOptions: {
      // graphic.html: the graphic-only page embed.js pins over the story in sticky mode; it shares the story's chunks.
      input: { index: resolve(root, 'index.html'), graphic: resolve(root, 'graphic.html') },
    },
  },
  test: {
    // Prints, at the end of every run, how many tests each engine ran (tests/browser/engines/summary.ts).
    reporters: ['default', './tests/browser/engines/summary.ts'],
    projects: [
      {
        extends: true,
        // Node by default (fast); a file that needs a DOM says so with `// @vitest-environment jsdom`.
        // One worker per core (vitest's default leaves one core free: one worker on a two-core machine).
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          maxWorkers: availableParallelism(),
          sequence: { groupOrder: 0 },
        },
      },
      // Chromium-only browser tests; left out when ENGINE picks one engine for the cross-engine tests.
      ...(ONLY_ENGINE
        ? []
        : [
            browserProject('browser-embed', [EMBED_HOSTS_TEST], 1, { filesAtOnce: 1 }),
            browserProject('browser', ['tests/browser/**/*.test.ts'], 2, { exclude: ['tests/browser/engines/**', EMBED_HOSTS_TEST] }),
          ]),
      // The cross-engine tests, once per engine: ENGINE=firefox npm run test:browser runs one.
      ...ENGINES.filter((engine) => !ONLY_ENGINE || engine === ONLY_ENGINE).map((engine) =>
        browserProject(engine, ['tests/browser/engines/**/*.test.ts'], 2, { env: { ENGINE: engine } }),
      ),
    ],
  },
});
