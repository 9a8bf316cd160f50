/**
 * The data plugin's core in the kit (src/kit/data/dataPlugin.ts), which both stories' plugins are
 * built on: validation at the start of a build (bad data fails it, with the loader's message and no
 * trace), the virtual modules from the validated model, and a dev server that starts on bad data.
 * The stories' own messages are checked where they are made (tests/unit/data/build-fails.test.ts,
 * tests/unit/secondStory.test.ts, tests/browser/dev.test.ts).
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { describe, expect, it, vi } from 'vitest';
import { DATA_RECHECK_MS, dataPlugin, type DataSource } from '../../src/kit/data/dataPlugin.ts';
import { dataPlugin as storyDataPlugin } from '../../src/story/data/vitePlugin.ts';
import { secondStoryData, VIRTUAL_ID } from '../fixtures/second-story/plugin.ts';

const ROOT = resolve(import.meta.dirname, '../..');

type Hook = (this: unknown, ...args: unknown[]) => unknown;
const hook = (plugin: Plugin, name: 'configResolved' | 'buildStart' | 'resolveId' | 'load' | 'configureServer') => plugin[name] as unknown as Hook;

/** Runs the hooks as Vite would for a build or a dev server, with a logger that records. */
function start(plugin: Plugin, command: 'build' | 'serve') {
  const errors: string[] = [];
  const watched: string[] = [];
  hook(plugin, 'configResolved').call(null, { command, logger: { error: (m: string) => errors.push(m) } });
  const buildStart = () => hook(plugin, 'buildStart').call({ addWatchFile: (f: string) => watched.push(f) });
  return { errors, watched, buildStart };
}

const source = (overrides: Partial<DataSource<{ n: number }>> = {}): DataSource<{ n: number }> => ({
  name: 'test:data',
  files: () => ['/tmp/a.json', '/tmp/b.json'],
  load: () => ({ n: 3 }),
  modules: { 'virtual:n': (m) => `export default ${m.n};` },
  ...overrides,
});

describe("the kit's data plugin core", () => {
  it('validates at the start of a build, watches the files and serves each virtual module from the model', () => {
    const load = vi.fn(() => ({ n: 3 }));
    const plugin = dataPlugin(source({ load }));
    const run = start(plugin, 'build');
    run.buildStart();
    expect(load).toHaveBeenCalledTimes(1);
    expect(run.watched).toEqual(['/tmp/a.json', '/tmp/b.json']);
    expect(hook(plugin, 'resolveId').call(null, 'virtual:n')).toBe('\0virtual:n');
    expect(hook(plugin, 'resolveId').call(null, 'virtual:other')).toBeNull();
    expect(hook(plugin, 'load').call(null, '\0virtual:n')).toBe('export default 3;');
    // Loaded once per build, not once per module.
    hook(plugin, 'load').call(null, '\0virtual:n');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("fails a build on bad data with the loader's message alone (no trace through the plugin)", () => {
    const plugin = dataPlugin(
      source({
        load: () => {
          throw new Error('data/a.json: steps[1].id: must be unique');
        },
      }),
    );
    const run = start(plugin, 'build');
    let thrown: unknown;
    try {
      run.buildStart();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toBe('data/a.json: steps[1].id: must be unique');
    expect((thrown as Error).stack).toBe('');
  });

  it('lets the dev server start on bad data, printing the problems', () => {
    const plugin = dataPlugin(
      source({
        load: () => {
          throw new Error('data/b.json: unit: must not be empty');
        },
      }),
    );
    const run = start(plugin, 'serve');
    expect(() => run.buildStart()).not.toThrow();
    expect(run.errors).toEqual(['data/b.json: unit: must not be empty']);
  });

  it('is what both stories build their data plugins on', () => {
    const [story] = storyDataPlugin(ROOT);
    expect(story.name).toBe('driscoll:data');
    expect(hook(story, 'resolveId').call(null, 'virtual:chart-data')).toBe('\0virtual:chart-data');
    const [second] = secondStoryData(resolve(ROOT, 'tests/fixtures/second-story'));
    expect(hook(second, 'resolveId').call(null, VIRTUAL_ID)).toBe(`\0${VIRTUAL_ID}`);
    // The core's own hooks, not copies: one configureServer (the dev-server watcher) shared by both.
    expect(String(story.configureServer)).toBe(String(second.configureServer));
    expect(story.api?.current).toBeTypeOf('function');
    expect(second.api?.current().steps.map((s: { id: string }) => s.id)).toEqual(['boats', 'gulls', 'visitors']);
  });

  describe('the dev server, when a data file changes', () => {
    /** The plugin on a dev server whose watcher the test drives, over one real file; what it sends the page. */
    function serve(initial: string) {
      const dir = mkdtempSync(join(tmpdir(), 'kit-data-'));
      const file = join(dir, 'a.json');
      writeFileSync(file, initial);
      const load = vi.fn(() => {
        const json = JSON.parse(readFileSync(file, 'utf8'));
        if (typeof json.n !== 'number') throw new Error(`data/a.json: n: expected a number, got ${JSON.stringify(json.n)}`);
        return { n: json.n };
      });
      const plugin = dataPlugin(source({ files: () => [file], load }));
      const sent: { type: string; err?: { message: string } }[] = [];
      const watcher = Object.assign(new EventEmitter(), { add: vi.fn() });
      const server = {
        watcher,
        ws: { send: (payload: { type: string }) => sent.push(payload) },
        environments: {},
        config: { root: dir, logger: { error: vi.fn(), info: vi.fn() } },
      };
      start(plugin, 'serve').buildStart();
      hook(plugin, 'configureServer').call(null, server);
      return { file, load, sent, watcher, cleanUp: () => rmSync(dir, { recursive: true, force: true }) };
    }
    const settle = () => new Promise((r) => setTimeout(r, DATA_RECHECK_MS + 80));

    it('shows the problem, then reloads once the file is fixed', async () => {
      const run = serve('{"n": 1}');
      try {
        writeFileSync(run.file, '{"n": "one"}');
        run.watcher.emit('change', run.file);
        expect(run.sent.at(-1)).toEqual(
          expect.objectContaining({ type: 'error', err: expect.objectContaining({ message: 'data/a.json: n: expected a number, got "one"' }) }),
        );
        await settle();
        writeFileSync(run.file, '{"n": 2}');
        run.watcher.emit('change', run.file);
        expect(run.sent.at(-1)).toEqual({ type: 'full-reload', path: '*' });
        await settle();
        // Nothing written since: not validated again.
        expect(run.load).toHaveBeenCalledTimes(3);
        expect(run.sent).toHaveLength(2);
      } finally {
        run.cleanUp();
      }
    });

    it("sees a fix saved inside the watcher's quiet window, when it reports no change (chokidar drops a file's changes for 50 ms after one)", async () => {
      const run = serve('{"n": 1}');
      try {
        writeFileSync(run.file, '{"n": "one"}');
        run.watcher.emit('change', run.file);
        expect(run.sent.at(-1)?.type).toBe('error');
        // Fixed at once, and no event for it.
        writeFileSync(run.file, '{"n": 2}');
        await settle();
        expect(run.sent.at(-1)).toEqual({ type: 'full-reload', path: '*' });
        expect(run.sent).toHaveLength(2);
      } finally {
        run.cleanUp();
      }
    });
  });
});
