/**
 * The kit carries no story's names (docs/ARCHITECTURE.md): the embed attribute prefix, the host
 * page's global, the message sentinel, the Datawrapper key and the placeholder address are the
 * story's configuration (src/story/embedConfig.ts), which the build hands the kit as constants.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_URL, embedCodes } from '../../src/kit/embed/embedCodes.ts';
import { SENTINEL, toWire } from '../../src/kit/embed/protocol.ts';
import { embedConfig, embedDefines } from '../../src/story/embedConfig.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

describe("the kit has no story's names", () => {
  it('no file under src/kit mentions the story (grep -ri driscoll src/kit finds nothing)', () => {
    const files = filesUnder(resolve(ROOT, 'src/kit'));
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/driscoll/i.test(line) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it("the kit's constants are the story's configuration", () => {
    expect(SENTINEL).toBe(embedConfig.sentinel);
    expect(toWire({ type: 'hello', id: 'x', seq: 1 }).sentinel).toBe(embedConfig.sentinel);
    expect(PLACEHOLDER_URL).toBe(embedConfig.placeholderUrl);
    expect(embedCodes(embedConfig.placeholderUrl, 'T')[0].code).toContain(
      `<div data-${embedConfig.prefix}-src="${embedConfig.placeholderUrl}" data-${embedConfig.prefix}-title="T">`,
    );
  });

  it('defines every constant the kit declares, and refuses names that would break an embed code', () => {
    const declared = [...readFileSync(resolve(ROOT, 'src/kit/embed/names.d.ts'), 'utf8').matchAll(/declare const (\w+)/g)].map((m) => m[1]);
    expect(Object.keys(embedDefines()).sort()).toEqual(declared.sort());
    expect(() => embedDefines({ ...embedConfig, prefix: 'Bad Prefix' })).toThrow(/prefix/);
    expect(() => embedDefines({ ...embedConfig, global: 'not-an-identifier' })).toThrow(/global/);
    expect(() => embedDefines({ ...embedConfig, placeholderUrl: 'javascript:alert(1)' })).toThrow(/placeholderUrl/);
  });
});
