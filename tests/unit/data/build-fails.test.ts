/**
 * The validator is wired into the build: each kind of broken dataset (brokenData.ts) must make
 * `vite build` fail with a message naming the file, the path and the rule. Validation runs when the
 * build starts, so a failing build takes a fraction of a second.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { BROKEN_DATA, copyOfData, ROOT } from './brokenData.ts';

async function buildWith(dataDir: string): Promise<string> {
  process.env.DATA_DIR = dataDir;
  try {
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { write: false } });
    return 'build succeeded';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    delete process.env.DATA_DIR;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('npm run build with a broken dataset', () => {
  it('covers at least ten kinds of mistake', () => {
    expect(BROKEN_DATA.length).toBeGreaterThanOrEqual(10);
  });

  for (const broken of BROKEN_DATA) {
    it(`fails on ${broken.name}, naming file, path and rule`, async () => {
      const message = await buildWith(copyOfData(broken));
      expect(message).toContain('The dataset in data/ is invalid');
      expect(message).toContain(broken.expected);
    });
  }
});
