/**
 * DATA_DIR points the whole build at another copy of data/: the prerendered page (words, tables,
 * head), the browser's chart data, the map and the party colours all come from that copy, and
 * nothing from ./data. Also: `npm run validate` on a good and on a broken copy.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { BROKEN_DATA, copyOfData, ROOT } from './brokenData.ts';

const run = promisify(execFile);
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const EDITED = {
  headline: 'A headline only the copy has',
  title: 'A step title only the copy has',
  paragraph: 'A paragraph only the copy has.',
  colour: '#123456',
  label: 'A label only the copy has',
  council: 'A council name only the copy has',
  greenVotes: 17_731,
};

/** A copy of data/ in which each part of the page (copy, figures, labels, map, colours) differs from ./data. */
function editedCopy(): string {
  const dir = copyOfData();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- edits arbitrary JSON, as an editor would
  const edit = (file: string, change: (json: any) => void) => {
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    change(json);
    writeFileSync(join(dir, file), JSON.stringify(json));
  };
  edit('story.json', (s) => {
    s.headline = EDITED.headline;
    s.steps[0].title = EDITED.title;
    // Added in front, not replacing: the paragraph's names and terms link to the guide, and a guide entry no step mentions fails the build.
    s.steps[0].paragraphs[0] = `${EDITED.paragraph} ${s.steps[0].paragraphs[0]}`;
  });
  edit('candidates.json', (c) => (c.candidates.find((x: { id: string }) => x.id === 'gray').colour = EDITED.colour));
  edit('timeline.json', (t) => (t.events[0].shortLabel = EDITED.label));
  edit('councils.topo.json', (t) => (t.objects.councils.geometries[0].properties.name = EDITED.council));
  edit('results.json', (r) => {
    r.areas[0].votes.gray += 100;
    r.declaredTotals.gray += 100;
  });
  return dir;
}

async function withDataDir<T>(dir: string, work: () => Promise<T>): Promise<T> {
  process.env.DATA_DIR = dir;
  try {
    return await work();
  } finally {
    delete process.env.DATA_DIR;
  }
}

/** The text of every file a `write: false` build produced (or of those whose name passes `only`). */
function outputText(result: Awaited<ReturnType<typeof build>>, only: (fileName: string) => boolean = () => true): string {
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((o) => ('output' in o ? o.output : []));
  return outputs
    .filter((file) => only(file.fileName))
    .map((file) => (file.type === 'chunk' ? file.code : String(file.source)))
    .join('\n');
}

describe('a build with DATA_DIR', () => {
  it('takes every part of the page from that folder', { timeout: 180_000 }, async () => {
    const dir = editedCopy();
    made.push(dir);
    const ssrDir = mkdtempSync(join(ROOT, 'node_modules/.driscoll-ssr-test-'));
    made.push(ssrDir);

    const [client] = await withDataDir(dir, () =>
      Promise.all([
        build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { write: false } }),
        build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { ssr: 'src/entry-server.tsx', outDir: ssrDir } }),
      ]),
    );
    const page = await import(pathToFileURL(join(ssrDir, 'entry-server.js')).href);
    const html: string = (await page.render()) + page.renderHead();
    const browserCode = outputText(client);

    // The prerendered page: story copy and the results table.
    expect(html).toContain(EDITED.headline);
    expect(html).toContain(EDITED.title);
    expect(html).toContain(EDITED.paragraph);
    expect(html).toContain('17,731');
    // The browser's JavaScript and CSS: chart data, step outline, map, colours.
    expect(browserCode).toContain(String(EDITED.greenVotes));
    expect(browserCode).toContain(EDITED.label);
    expect(browserCode).toContain(EDITED.title);
    expect(browserCode).toContain(EDITED.council);
    expect(browserCode).toContain(`--c-gray:${EDITED.colour}`);
    // The schemas and validator run at build time only: the reader downloads none of zod.
    expect(browserCode).not.toMatch(/ZodError|_zod|toJSONSchema/);
    // And nothing from ./data where the copy differs.
    expect(browserCode).not.toContain('17631');
    expect(html).not.toContain('17,631');
    // The licences of what ships: every package in the bundle, nothing that is only used at build time.
    const licences = outputText(client, (name) => name === 'THIRD-PARTY-LICENSES.txt');
    for (const name of ['react 19', 'react-dom', 'framer-motion', 'd3-scale']) expect(licences).toContain(`\n${name}`);
    for (const name of ['zod', 'd3-geo', 'topojson-client']) expect(licences).not.toContain(`\n${name} `);
  });
});

describe('npm run validate', () => {
  const validate = (dataDir: string) =>
    run('node', ['scripts/validate-data.mjs'], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir } }).then(
      ({ stdout }) => ({ code: 0, out: stdout }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, out: error.stdout + error.stderr }),
    );

  it('prints what it checked on a good copy, and every problem with a non-zero exit on a broken one', { timeout: 60_000 }, async () => {
    const good = copyOfData();
    const broken = copyOfData(BROKEN_DATA[0]);
    made.push(good, broken);
    const [ok, bad] = await Promise.all([validate(good), validate(broken)]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('the dataset is valid');
    expect(ok.out).toContain('12 steps');
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(BROKEN_DATA[0].expected);
  });
});
