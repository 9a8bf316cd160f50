/**
 * `npm run validate`: checks data/ (or DATA_DIR) with the same loader and rules as the build, without
 * building. Prints every problem as "<file>: <path>: <rule>" and exits with 1, or prints what it
 * checked and exits with 0.
 */
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const root = resolve(import.meta.dirname, '..');
// The loader is TypeScript; Vite's module runner loads it as the build does (no config, no plugins needed).
const { module: load } = await runnerImport('/src/story/data/load.ts', { root, configFile: false, logLevel: 'silent' });
const { module: files } = await runnerImport('/src/story/data/files.ts', { root, configFile: false, logLevel: 'silent' });

const dir = load.dataDirectory(root);
const result = load.loadData(dir);
if (!result.ok) {
  console.error(`${dir}\n${load.describeProblems(result.problems)}`);
  process.exit(1);
}

const m = result.model;
const count = (n, what) => `${n} ${what}${n === 1 ? '' : 's'}`;
console.log(
  [
    `${dir}: the dataset is valid.`,
    `Checked ${count(Object.keys(files.DATA_FILES).length, 'file')} against their schemas: ${count(m.story.steps.length, 'step')}, ` +
      `${count(m.candidates.length, 'candidate')}, ${count(m.results.areas.length, 'area')}, ${count(m.timeline.length, 'timeline event')}, ` +
      `${count(m.quotes.length, 'quote')}, ${count(m.sources.length, 'source')}.`,
    'Every source, quote and graphic state referred to exists; dates and running totals are in order; the map has one boundary per area;',
    `area counts add up to the declared totals (${m.results.discrepancies.length} recorded discrepanc${m.results.discrepancies.length === 1 ? 'y' : 'ies'}); every {{token}} in the copy resolves.`,
  ].join('\n'),
);
