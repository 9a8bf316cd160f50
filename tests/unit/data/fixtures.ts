/** The real data files, parsed fresh for each test so a test can break one without touching others. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DATA_FILES } from '../../../src/story/data/files.ts';
import { loadData } from '../../../src/story/data/load.ts';
import type { DataModel } from '../../../src/story/data/types.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

export type Files = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function realFiles(): Files {
  const files: Files = {};
  for (const path of Object.values(DATA_FILES)) files[path] = JSON.parse(readFileSync(resolve(ROOT, path), 'utf8'));
  return files;
}

/** The real dataset through the one loader, as the build gets it. */
export function realModel(): DataModel {
  const result = loadData(resolve(ROOT, 'data'));
  if (!result.ok) throw new Error(`data/ is invalid: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.model;
}
