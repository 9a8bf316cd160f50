/**
 * The data plugin's story-agnostic core: a story's data files go through one loader (which reads and
 * validates them, and names file, field and rule for every problem), and the page gets the validated
 * model only through virtual modules, so no module of the app reads or casts JSON.
 *
 * - A build validates at its start: bad data fails it before anything is bundled.
 * - The dev server starts even on bad data (the problems are printed, and shown in Vite's error
 *   overlay until fixed); each save of a data file is validated again, and once the data is good
 *   the page reloads with it.
 *
 * What the story adds (its loader, its modules, a dev-server page render) stays in the story; the
 * core knows no file name, schema or module of any story. Node only (build and dev server).
 */
import { statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Logger, Plugin, ViteDevServer } from 'vite';

export interface DataSource<M> {
  /** The plugin's name, as Vite's messages and the error overlay show it. */
  name: string;
  /** The data files (absolute paths): a build watches them, the dev server validates again when one changes. */
  files: () => readonly string[];
  /** Reads and validates the files; throws an Error whose message lists every problem for the editor. */
  load: () => M;
  /** Each virtual module's id (`virtual:…`) and its code, from the validated model. */
  modules: Readonly<Record<string, (model: M) => string>>;
  /** Runs at the start of a build, before the data is validated (e.g. to write files derived from the schema). */
  beforeBuild?: () => void;
}

/** What other plugins of the same story can ask the core (Vite's `api` convention). */
export interface DataPluginApi<M> {
  /** The validated model; throws the editor-facing problems if the data is bad. */
  current(): M;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function dataPlugin<M>(source: DataSource<M>): Plugin<DataPluginApi<M>> {
  let model: M | null = null;
  let isBuild = false;
  let logger: Logger | null = null;
  const isVirtual = (id: string) => Object.hasOwn(source.modules, id);

  const current = (): M => {
    if (model !== null) return model;
    try {
      model = source.load();
    } catch (cause) {
      const error = cause instanceof Error ? cause : new Error(String(cause));
      // The editor needs the problems, not a trace through the plugin's code (the overlay shows both).
      error.stack = '';
      throw error;
    }
    return model;
  };

  return {
    name: source.name,
    api: { current },
    configResolved(config) {
      isBuild = config.command === 'build';
      logger = config.logger;
    },
    buildStart() {
      model = null;
      if (isBuild) {
        source.beforeBuild?.();
        current();
        for (const file of source.files()) this.addWatchFile(file);
        return;
      }
      try {
        current();
      } catch (error) {
        logger?.error(messageOf(error), { timestamp: true });
      }
    },
    resolveId: (id) => (isVirtual(id) ? `\0${id}` : null),
    load(id) {
      if (!id.startsWith('\0') || !isVirtual(id.slice(1))) return null;
      return source.modules[id.slice(1)](current());
    },
    configureServer(server) {
      watchData(server, source, () => {
        model = null;
        current();
      });
    },
  };
}

/*
 * Vite's watcher (chokidar) reports a file's change, then drops that file's changes for 50 ms with no
 * report after the window: a save inside it (a formatter's second write, a fix made at once) went
 * unseen, and the overlay kept showing a problem the file no longer had. So each file is looked at
 * again once the window has passed, and validated again if it was written since.
 */
export const DATA_RECHECK_MS = 120;

/** A file's last write as the file system records it (size too: two writes can share a timestamp). */
const writeStamp = (file: string) => {
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats ? `${stats.mtimeMs}:${stats.size}` : 'missing';
};

/** Validates again on each change to a data file: shows the problems, or reloads the page with the new data. */
function watchData<M>(server: ViteDevServer, source: DataSource<M>, reload: () => void): void {
  const files = new Set(source.files().map((file) => resolve(file)));
  // Their folders, so a file deleted and written again (as some editors save) is still seen.
  for (const dir of new Set([...files].map((file) => dirname(file)))) server.watcher.add(dir);
  const validate = (file: string) => {
    try {
      reload();
    } catch (error) {
      const message = messageOf(error);
      server.config.logger.error(message, { timestamp: true });
      server.ws.send({ type: 'error', err: { message, stack: '', plugin: source.name, id: file } });
      return;
    }
    for (const environment of Object.values(server.environments)) environment.moduleGraph.invalidateAll();
    server.config.logger.info(`data changed (${relative(server.config.root, file)}): the data is valid; reloading the page`, { timestamp: true });
    server.ws.send({ type: 'full-reload', path: '*' });
  };
  // Only the story's own data files: not derived files beside them, not an editor's scratch copy.
  const onChange = (changed: string) => {
    const file = resolve(changed);
    if (!files.has(file)) return;
    const validated = writeStamp(file);
    validate(file);
    setTimeout(() => {
      if (writeStamp(file) !== validated) onChange(file);
    }, DATA_RECHECK_MS).unref();
  };
  server.watcher.on('change', onChange);
  server.watcher.on('add', onChange);
  server.watcher.on('unlink', onChange);
}
