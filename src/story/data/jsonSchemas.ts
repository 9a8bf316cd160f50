/**
 * JSON Schema files for editors' tools, generated from the zod schemas (schema.ts) and committed in
 * data/schemas/. Each data file names its schema with "$schema", so VS Code and other editors
 * validate and autocomplete it as you type. `npm run build` (through the data plugin) and
 * `npm run schemas` rewrite them when the schemas change; a unit test fails if the committed files
 * are stale. Build time only.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { SLOT_FIELDS, TOKEN_FIELDS } from './copyFields.ts';
import { DATA_FILES, schemaFileName } from './files.ts';
import { FILE_SCHEMAS, type DataFileKey } from './schema.ts';

const TITLES: Record<DataFileKey, string> = {
  sources: 'Sources: every publication a figure, quote or claim is taken from',
  candidates: 'Candidates: names, parties and party colours',
  results: 'Results: declared totals and counts by council area (shares, margins and winners are computed)',
  poll: 'The opinion poll',
  fundraising: "Fundraising: Driscoll's crowdfunder and union donations",
  timeline: 'Timeline events, in date order',
  quotes: 'Quotes, exactly as said or written, with their sources',
  story: "The story's copy: headline, steps, and each step's graphic state",
  councils: 'Council boundaries (TopoJSON), one per result area',
};

/** The node of a JSON Schema at a field pattern such as "steps[].paragraphs[]" ("[]": the list's items). */
function nodeAt(schema: unknown, pattern: string): object | null {
  let node: unknown = schema;
  for (const part of pattern.split('.')) {
    const [name, ...lists] = part.split('[]');
    const step = (from: unknown, key: string) => (typeof from === 'object' && from !== null ? Reflect.get(from, key) : undefined);
    node = step(step(node, 'properties'), name);
    for (let i = 1; i < lists.length + 1; i++) node = step(node, 'items');
  }
  return typeof node === 'object' && node !== null ? node : null;
}

/** Tells editors, on hover, which copy fields take {{tokens}} and which {slots} (from copyFields.ts). */
function describeCopyFields(schema: object): void {
  const note = (pattern: string, text: string) => {
    const node = nodeAt(schema, pattern);
    if (!node) throw new Error(`copyFields.ts names ${pattern}, which data/story.json's schema does not have`);
    const before = Reflect.get(node, 'description');
    Reflect.set(node, 'description', typeof before === 'string' ? `${before}. ${text}` : text);
  };
  for (const pattern of TOKEN_FIELDS) note(pattern, 'Takes {{tokens}} for computed figures, e.g. {{votes:mcguinness}} (src/story/data/tokens.ts)');
  for (const [pattern, slots] of Object.entries(SLOT_FIELDS)) note(pattern, `Takes ${slots.map((slot) => `{${slot}}`).join(' ')}`);
}

/** The schema of each data file as JSON text, by file name in data/schemas/. */
export function jsonSchemaFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const key of Object.keys(DATA_FILES).filter((k): k is DataFileKey => Object.hasOwn(FILE_SCHEMAS, k))) {
    const schema = z.toJSONSchema(FILE_SCHEMAS[key], { io: 'input', target: 'draft-2020-12' });
    if (key === 'story') describeCopyFields(schema);
    const withTitle = {
      $schema: schema.$schema,
      title: TITLES[key],
      description: `Generated from src/story/data/schema.ts for ${DATA_FILES[key]}; do not edit.`,
      ...schema,
    };
    files[schemaFileName(key)] = `${JSON.stringify(withTitle, null, 2)}\n`;
  }
  return files;
}

/** Rewrites the files in <root>/data/schemas/ that differ from the generated ones; returns the names written. */
export function writeJsonSchemas(root: string): string[] {
  const dir = resolve(root, 'data/schemas');
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of Object.entries(jsonSchemaFiles())) {
    const path = resolve(dir, name);
    if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
    writeFileSync(path, text);
    written.push(name);
  }
  return written;
}
