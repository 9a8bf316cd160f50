/** The real data files, parsed fresh for each test so a test can break one without touching others. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DATA_FILES } from '../../../src/data/files.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

export type Files = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function realFiles(): Files {
  const files: Files = {};
  for (const path of Object.values(DATA_FILES)) files[path] = JSON.parse(readFileSync(resolve(ROOT, path), 'utf8'));
  return files;
}
