/**
 * The benchmark's helpers (scripts/bench/*.mjs) are plain JavaScript node runs as is, and the
 * browser and unit tests import them from TypeScript. Their types are their own JSDoc, checked by
 * `npm run typecheck` (`// @ts-check`, allowJs): no hand-kept .d.mts beside them, which TypeScript
 * would read instead and which drifted from the code they described (issue #20, "Layers crossed").
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const BENCH = join(ROOT, 'scripts/bench');

function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : tsFilesUnder(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** Every scripts/bench module a TypeScript file imports. */
function importedBenchModules(): string[] {
  const found = new Set<string>();
  for (const file of [...tsFilesUnder(join(ROOT, 'src')), ...tsFilesUnder(join(ROOT, 'tests'))]) {
    for (const m of readFileSync(file, 'utf8').matchAll(/from\s+'([^']*scripts\/bench\/[^']+\.mjs)'/g)) found.add(relative(ROOT, resolve(file, '..', m[1])));
  }
  return [...found].sort();
}

describe('the bench helpers the tests import carry their own checked types', () => {
  const modules = importedBenchModules();

  it('finds the modules the tests import', () => {
    expect(modules).toEqual(expect.arrayContaining(['scripts/bench/bytes.mjs', 'scripts/bench/chromium.mjs', 'scripts/bench/server.mjs']));
  });

  it.each(modules)('%s is type-checked and has no hand-kept .d.mts', (module) => {
    const text = readFileSync(join(ROOT, module), 'utf8');
    expect(text.startsWith('// @ts-check\n'), 'first line // @ts-check').toBe(true);
    expect(existsSync(join(ROOT, module.replace(/\.mjs$/, '.d.mts')))).toBe(false);
  });

  it('no .d.mts is kept anywhere in scripts/bench', () => {
    expect(readdirSync(BENCH).filter((f) => f.endsWith('.d.mts'))).toEqual([]);
  });

  it('tsc reads JavaScript (allowJs), so the JSDoc types are what the tests are checked against', () => {
    const tsconfig = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8'));
    expect(tsconfig.compilerOptions.allowJs).toBe(true);
  });
});
