/**
 * One loader: the app's code gets the data only from the validated model (src/story/data/load.ts, through
 * the data plugin's virtual modules), so DATA_DIR reaches every part of the page and nothing uses
 * unvalidated JSON. This fails if a module imports a data file or reads data/ itself.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './brokenData.ts';

const LOADER = 'src/story/data/load.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [relative(ROOT, path)] : [];
  });
}

describe('the data is read in one place', () => {
  const files = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'scripts')), 'vite.config.ts'];

  it('no module imports a data file', () => {
    const importsData = files.filter((f) =>
      /from\s+['"][^'"]*\bdata\/[\w.-]+\.json['"]|import\(\s*['"][^'"]*\bdata\/[\w.-]+\.json/.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(importsData).toEqual([]);
  });

  it('only the loader reads the data files from disk', () => {
    const readsData = files.filter(
      (f) => f !== LOADER && /readFileSync\([^)]*(DATA_FILES|dataFilePath|['"`][^'"`]*data\/)/.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(readsData).toEqual([]);
    expect(readFileSync(join(ROOT, LOADER), 'utf8')).toMatch(/readFileSync\(dataFilePath\(/);
  });
});
