/**
 * The lint rule that holds the architecture (docs/ARCHITECTURE.md): the kit never imports the story,
 * and the story's data code never imports graphics code. A wrong-way import fails `npm run lint`.
 */
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

async function problems(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) });
  return result.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

// Loading the lint config (typescript-eslint and plugins) takes seconds on a busy machine.
describe('the import boundaries', { timeout: 60_000 }, () => {
  it('a kit module importing the story fails lint', async () => {
    const found = await problems('src/kit/scroll/wrongWay.ts', "import { derived } from '../../story/data/dataset.ts';\nexport const x = derived;\n");
    expect(found).toEqual([{ ruleId: 'no-restricted-imports', message: expect.stringContaining('The kit never imports the story') }]);
  });

  it("a kit module importing the story's virtual modules or a dynamic story import fails lint", async () => {
    const found = await problems(
      'src/kit/embed/wrongWay.ts',
      "import outline from 'virtual:story-outline';\nexport const x = () => [outline, import('../../story/islands.tsx')];\n",
    );
    expect(found.map((p) => p.ruleId)).toEqual(['no-restricted-imports', 'no-restricted-syntax']);
  });

  it('data code importing graphics code fails lint', async () => {
    const found = await problems('src/story/data/wrongWay.ts', "import type { ChartModel } from '../graphics/chartModel.ts';\nexport type X = ChartModel;\n");
    expect(found).toEqual([{ ruleId: 'no-restricted-imports', message: expect.stringContaining('Data code never imports graphics code') }]);
  });

  it('the right way round is allowed: the story imports the kit, graphics import data', async () => {
    expect(
      await problems(
        'src/story/graphics/rightWay.ts',
        "import { boxKey } from '../../kit/graphics/layoutCache.ts';\nimport { formatCount } from '../data/format.ts';\nexport const x = [boxKey, formatCount];\n",
      ),
    ).toEqual([]);
  });
});
