/**
 * The JSON Schemas editors' tools read (data/schemas/, generated from src/story/data/schema.ts) are
 * current, every data file points at its own, and a stock JSON Schema validator (ajv) agrees with
 * the build: it accepts today's data and rejects every per-file mistake the build rejects.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { DATA_FILES, schemaFileName } from '../../../src/story/data/files.ts';
import { jsonSchemaFiles } from '../../../src/story/data/jsonSchemas.ts';
import type { DataFileKey } from '../../../src/story/data/schema.ts';
import { BROKEN_DATA, brokenFile, ROOT } from './brokenData.ts';

const SCHEMAS = join(ROOT, 'data/schemas');
const keys = Object.keys(DATA_FILES).filter((k): k is DataFileKey => k in DATA_FILES);
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const keyOf = (file: string) => keys.find((k) => DATA_FILES[k] === `data/${file}`);

function validatorFor(key: DataFileKey) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  return ajv.compile(readJson(join(SCHEMAS, schemaFileName(key))));
}

describe('data/schemas', () => {
  it('are the ones generated from src/story/data/schema.ts (a build rewrites them; commit the result)', () => {
    const generated = jsonSchemaFiles();
    expect(readdirSync(SCHEMAS).sort()).toEqual(Object.keys(generated).sort());
    for (const [name, text] of Object.entries(generated)) expect(readFileSync(join(SCHEMAS, name), 'utf8'), name).toBe(text);
  });

  it('are named by each data file\'s "$schema"', () => {
    for (const key of keys) expect(readJson(join(ROOT, DATA_FILES[key])).$schema, DATA_FILES[key]).toBe(`./schemas/${schemaFileName(key)}`);
  });

  it('accept the data as it is', () => {
    for (const key of keys) {
      const validate = validatorFor(key);
      expect(validate(readJson(join(ROOT, DATA_FILES[key]))), `${DATA_FILES[key]}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  const perFile = BROKEN_DATA.filter((b) => b.perFile);
  it('cover at least ten of the mistakes the build rejects', () => expect(perFile.length).toBeGreaterThanOrEqual(10));

  for (const broken of perFile) {
    it(`reject ${broken.name}, at the same path as the build`, () => {
      const key = keyOf(broken.file);
      if (!key) throw new Error(`no schema for ${broken.file}`);
      const validate = validatorFor(key);
      expect(validate(brokenFile(broken))).toBe(false);
      // ajv points at the field as a JSON Pointer (or at its object, for a missing or unknown field).
      const pointers = (validate.errors ?? []).map((e) => e.instancePath);
      const path = broken.expected.split(': ')[1];
      const pointer = `/${path
        .replace(/\[(\d+)\]/g, '.$1')
        .split('.')
        .join('/')}`;
      const parent = pointer.slice(0, pointer.lastIndexOf('/'));
      expect(pointers.includes(pointer) || pointers.includes(parent), JSON.stringify(validate.errors)).toBe(true);
    });
  }
});
