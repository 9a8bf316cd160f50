/**
 * The one loader of data/: reads the files from disk, parses them and validates them into the typed
 * model (validate.ts). Everything that needs the data at build time (the Vite plugin and its virtual
 * modules, `npm run validate`, the dev server) goes through here; nothing else reads data/*.json.
 * Node only.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DATA_FILES, formatProblem, type Problem } from './files.ts';
import { validateDataset, type ValidationResult } from './validate.ts';

/** DATA_DIR points the build, the dev server and the validator at another copy of data/. */
export function dataDirectory(root: string, dataDir = process.env.DATA_DIR): string {
  return dataDir ? resolve(dataDir) : resolve(root, 'data');
}

export const dataFilePath = (dir: string, path: string): string => resolve(dir, path.replace(/^data\//, ''));

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
}

/** Reads and validates every data file in `dir`. A missing file is left for the validator to report. */
export function loadData(dir: string): ValidationResult {
  const files: Record<string, unknown> = {};
  const problems: Problem[] = [];
  for (const path of Object.values(DATA_FILES)) {
    let text: string;
    try {
      text = readFileSync(dataFilePath(dir, path), 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') continue;
      throw error;
    }
    try {
      files[path] = JSON.parse(text);
    } catch (error) {
      problems.push({ file: path, path: '(file)', message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  if (problems.length) return { ok: false, problems };
  return validateDataset(files);
}

/** The problems as the build, the dev server and `npm run validate` print them. */
export function describeProblems(problems: readonly Problem[]): string {
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  return `The dataset in data/ is invalid (${count}):\n  ${problems.map(formatProblem).join('\n  ')}`;
}
