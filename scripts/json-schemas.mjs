/**
 * `npm run schemas`: regenerates data/schemas/*.schema.json from the zod schemas in
 * src/story/data/schema.ts (a build does the same). Commit the result.
 */
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const root = resolve(import.meta.dirname, '..');
const { module } = await runnerImport('/src/story/data/jsonSchemas.ts', { root, configFile: false, logLevel: 'silent' });
const written = module.writeJsonSchemas(root);
console.log(written.length ? `data/schemas: rewrote ${written.join(', ')}` : 'data/schemas: already current');
