/**
 * The validator is wired into the build: each of these broken datasets must make `vite build` fail
 * with a message naming the file and the field.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
let dir = '';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into arbitrary JSON to break it
async function buildWith(file: string, breakIt: string | ((json: any) => void)): Promise<string> {
  dir = mkdtempSync(join(tmpdir(), 'driscoll-data-'));
  cpSync(join(ROOT, 'data'), dir, { recursive: true });
  if (typeof breakIt === 'string') writeFileSync(join(dir, file), breakIt);
  else {
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    breakIt(json);
    writeFileSync(join(dir, file), JSON.stringify(json));
  }
  process.env.DATA_DIR = dir;
  try {
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { write: false } });
    return 'build succeeded';
  } catch (error) {
    return String((error as Error).message);
  } finally {
    delete process.env.DATA_DIR;
  }
}

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run build with a broken dataset', () => {
  it('fails on a vote count that is a string', async () => {
    const message = await buildWith('results.json', (r) => (r.areas[3].votes.king = '4.696'));
    expect(message).toContain('data/results.json: areas[3].votes.king: expected a whole non-negative number, got "4.696"');
  });

  it('fails when a source that a step cites is deleted', async () => {
    const message = await buildWith('sources.json', (s) => (s.sources = s.sources.filter((x: { id: string }) => x.id !== 'mic-2024-04-28-poll')));
    expect(message).toContain('data/story.json: steps[8].sourceIds[0]: source "mic-2024-04-28-poll" does not exist');
  });

  it('fails when an area sum breaks', async () => {
    const message = await buildWith('results.json', (r) => (r.areas[5].votes.donaghy = 11564));
    expect(message).toContain('data/results.json: declaredTotals.donaghy: the seven area counts add up to 41,148 but the declared total is 41,147');
  });

  it('fails when an event is out of date order', async () => {
    const message = await buildWith('timeline.json', (t) => (t.events[2].date = '2024-01-01'));
    expect(message).toContain('data/timeline.json: events[3].date: events must be in date order, but 2023-06-02 comes after 2024-01-01');
  });

  it('fails on a file that is not valid JSON, naming it', async () => {
    const message = await buildWith('poll.json', '{ "poll": ');
    expect(message).toContain('data/poll.json: (file): not valid JSON');
  });
});
