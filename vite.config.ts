import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { DATA_FILES, formatProblem, validateDataset } from './src/data/validate.ts';
import { projectCouncils } from './src/graphics/map/mapLayout.ts';

const root = import.meta.dirname;

/** DATA_DIR lets the build be pointed at another copy of data/ (the tests use it to prove bad data fails the build). */
const dataDir = process.env.DATA_DIR ? resolve(process.env.DATA_DIR) : resolve(root, 'data');
const dataPath = (path: string) => resolve(dataDir, path.replace(/^data\//, ''));

function readDataFiles(): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  for (const path of Object.values(DATA_FILES)) {
    try {
      files[path] = JSON.parse(readFileSync(dataPath(path), 'utf8'));
    } catch (error) {
      // A missing file is left for the validator to report; one that does not parse stops here.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${path}: (file): not valid JSON: ${(error as Error).message}`);
    }
  }
  return files;
}

/** Fails the build (and shows an error in dev) when anything in data/ breaks a rule. */
function validateData(): Plugin {
  const check = () => {
    const problems = validateDataset(readDataFiles());
    if (problems.length) {
      throw new Error(
        `The dataset in data/ is invalid (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n  ${problems.map(formatProblem).join('\n  ')}`,
      );
    }
  };
  return {
    name: 'driscoll:validate-data',
    buildStart() {
      check();
      for (const f of readdirSync(dataDir)) this.addWatchFile(resolve(dataDir, f));
    },
  };
}

/** The map is projected once at build time, so the browser gets SVG paths and no geo code. */
function councilMap(): Plugin {
  const id = 'virtual:council-map';
  return {
    name: 'driscoll:council-map',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(loaded) {
      if (loaded !== `\0${id}`) return null;
      const topology = JSON.parse(readFileSync(dataPath(DATA_FILES.councils), 'utf8'));
      return `export default ${JSON.stringify(projectCouncils(topology))};`;
    },
  };
}

/** Step ids, titles and graphic states: all the story the browser's JavaScript needs. */
function storyOutline(): Plugin {
  const id = 'virtual:story-outline';
  return {
    name: 'driscoll:story-outline',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(loaded) {
      if (loaded !== `\0${id}`) return null;
      const story = JSON.parse(readFileSync(dataPath(DATA_FILES.story), 'utf8')) as { steps: { id: string; title: string; graphic: string }[] };
      return `export default ${JSON.stringify(story.steps.map(({ id: stepId, title, graphic }) => ({ id: stepId, title, graphic })))};`;
    },
  };
}

/**
 * The few words the browser's JavaScript shows itself: the headline (the embed codes' title), the
 * labels drawn in the charts and those of the step-through control. The rest of the copy stays in the prerendered HTML.
 */
function islandCopy(): Plugin {
  const id = 'virtual:island-copy';
  return {
    name: 'driscoll:island-copy',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(loaded) {
      if (loaded !== `\0${id}`) return null;
      const { headline, graphicLabels, page } = JSON.parse(readFileSync(dataPath(DATA_FILES.story), 'utf8')) as {
        headline: string;
        graphicLabels: unknown;
        page: { stepNav: unknown };
      };
      return `export default ${JSON.stringify({ headline, graphicLabels, stepNav: page.stepNav })};`;
    },
  };
}

/**
 * Party colours live in data/candidates.json; this turns them into CSS variables (--c-<id>), and
 * lets any element pick one up as --colour with data-colour="<id>" (no inline styles, so CSP stays strict).
 */
function candidateColours(): Plugin {
  const id = 'virtual:candidate-colours.css';
  return {
    name: 'driscoll:candidate-colours',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(loaded) {
      if (loaded !== `\0${id}`) return null;
      const { candidates } = JSON.parse(readFileSync(dataPath(DATA_FILES.candidates), 'utf8')) as {
        candidates: { id: string; colour: string; colourDark: string }[];
      };
      const light = candidates.map((c) => `--c-${c.id}:${c.colour};`).join('');
      const dark = candidates.map((c) => `--c-${c.id}:${c.colourDark};`).join('');
      const hooks = candidates.map((c) => `[data-colour="${c.id}"]{--colour:var(--c-${c.id})}`).join('');
      return `:root{${light}}@media (prefers-color-scheme: dark){:root{${dark}}}${hooks}`;
    },
  };
}

export default defineConfig({
  base: './',
  define: { __SITE_URL__: JSON.stringify(process.env.SITE_URL ?? '') },
  plugins: [validateData(), councilMap(), storyOutline(), islandCopy(), candidateColours(), react()],
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
