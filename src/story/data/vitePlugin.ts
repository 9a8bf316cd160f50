/**
 * The data's way into the page (used by vite.config.ts). The loader (load.ts) validates data/ once
 * per change, and the page gets the parsed model through virtual modules, so no module of the app
 * reads or casts JSON:
 *   virtual:chart-data           the figures the charts draw (in the browser's bundle)
 *   virtual:story-content        the story's words, quotes and sources (server rendering only)
 *   virtual:story-outline        step ids, titles and graphic states
 *   virtual:island-copy          the headline and the labels the charts and step control draw
 *   virtual:council-map          the council boundaries, projected to SVG paths at build time
 *   virtual:candidate-colours.css  party colours as CSS variables
 *
 * Bad data fails the build. In `npm run dev` the same page the build prerenders is rendered on each
 * request, and each save of a data file is validated again: problems go to the terminal and to
 * Vite's error overlay; once the data is good again the page reloads with it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Logger, Plugin, ViteDevServer } from 'vite';
import { projectCouncils } from '../geo/mapLayout.ts';
import { DATA_FILES } from './files.ts';
import { writeJsonSchemas } from './jsonSchemas.ts';
import { dataDirectory, dataFilePath, describeProblems, loadData } from './load.ts';
import type { ChartData, DataModel, StoryContent } from './types.ts';

const PAGE_MODULE = '/src/entry-server.tsx';

const json = (value: unknown) => `export default ${JSON.stringify(value)};`;

const VIRTUAL_MODULES: Record<string, (model: DataModel) => string> = {
  'virtual:chart-data': (model) => {
    const { candidates, results, poll, fundraising, timeline } = model;
    const charts: ChartData = { candidates, results, poll, fundraising, timeline };
    return json(charts);
  },
  'virtual:story-content': (model) => {
    const { story, quotes, sources } = model;
    const content: StoryContent = { story, quotes, sources };
    return json(content);
  },
  /*
   * The few words the browser's JavaScript shows itself: the headline (the embed codes' title), the
   * labels drawn in the charts, the words around figures, those of the step-through control and of
   * the embed panel.
   */
  'virtual:island-copy': ({ story }) =>
    json({ headline: story.headline, graphicLabels: story.graphicLabels, units: story.units, stepNav: story.page.stepNav, embedPanel: story.embedPanel }),
  'virtual:story-outline': (model) => json(model.story.steps.map(({ id, title, graphic }) => ({ id, title, graphic }))),
  'virtual:council-map': (model) => json(projectCouncils(model.councils)),
  /*
   * Party colours become CSS variables (--c-<id>), and any element picks one up as --colour with
   * data-colour="<id>" (no inline styles, so the Content-Security-Policy stays strict).
   */
  'virtual:candidate-colours.css': (model) => {
    const { candidates } = model;
    const light = candidates.map((c) => `--c-${c.id}:${c.colour};`).join('');
    const dark = candidates.map((c) => `--c-${c.id}:${c.colourDark};`).join('');
    const hooks = candidates.map((c) => `[data-colour="${c.id}"]{--colour:var(--c-${c.id})}`).join('');
    return `:root{${light}}@media (prefers-color-scheme: dark){:root{${dark}}}${hooks}`;
  },
};
const isVirtual = (id: string) => Object.hasOwn(VIRTUAL_MODULES, id);

export function dataPlugin(root: string): Plugin {
  const dir = dataDirectory(root);
  let model: DataModel | null = null;
  let isBuild = false;
  let devServer: ViteDevServer | null = null;
  let logger: Logger | null = null;

  /** The validated model; throws the editor-facing list of problems if the data is bad. */
  const current = (): DataModel => {
    if (model) return model;
    const result = loadData(dir);
    if (!result.ok) {
      const error = new Error(describeProblems(result.problems));
      // The editor needs the problems, not a trace through the plugin's code (the overlay shows both).
      error.stack = '';
      throw error;
    }
    model = result.model;
    return model;
  };

  return {
    name: 'driscoll:data',
    configResolved(config) {
      isBuild = config.command === 'build';
      logger = config.logger;
    },
    buildStart() {
      model = null;
      if (isBuild) {
        // A build leaves the committed JSON Schemas current. Not under vitest: the test that they are current must see them as committed.
        if (!process.env.VITEST) writeJsonSchemas(root);
        current(); // bad data fails the build here, before anything is bundled
        for (const path of Object.values(DATA_FILES)) this.addWatchFile(dataFilePath(dir, path));
        return;
      }
      // The dev server starts even on bad data: the problems are printed now, and shown in the page (overlay) until fixed.
      try {
        current();
      } catch (error) {
        logger?.error(error instanceof Error ? error.message : String(error), { timestamp: true });
      }
    },
    resolveId: (source) => (isVirtual(source) ? `\0${source}` : null),
    load(id) {
      if (!id.startsWith('\0') || !isVirtual(id.slice(1))) return null;
      return VIRTUAL_MODULES[id.slice(1)](current());
    },
    /*
     * The static page's components (Header, StepCard, ...) run only on the server, so the browser's
     * HMR never hears of them: after such an edit the page reloads to get the new server rendering.
     */
    hotUpdate({ file, modules }) {
      if (this.environment.name !== 'ssr' || !modules.length || !devServer) return;
      if (devServer.environments.client.moduleGraph.getModulesByFile(file)?.size) return;
      this.environment.moduleGraph.invalidateAll();
      devServer.environments.client.hot.send({ type: 'full-reload', path: '*' });
    },
    configureServer(server) {
      devServer = server;
      watchData(server, dir, () => {
        model = null;
        current();
      });
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0];
        if (req.method !== 'GET' || (path !== '/' && path !== '/index.html')) return next();
        renderPage(server, root, req.url ?? '/').then(
          (html) => {
            res.setHeader('Content-Type', 'text/html; charset=utf-8');
            res.setHeader('Cache-Control', 'no-cache');
            res.end(html);
          },
          (error: unknown) => {
            if (error instanceof Error) server.ssrFixStacktrace(error);
            next(error);
          },
        );
      });
    },
  };
}

/** The page as the build prerenders it (without the build's CSP and deferred script loading). */
async function renderPage(server: ViteDevServer, root: string, url: string): Promise<string> {
  const template = await server.transformIndexHtml(url, readFileSync(resolve(root, 'index.html'), 'utf8'));
  const page = await server.ssrLoadModule(PAGE_MODULE);
  if (typeof page.render !== 'function' || typeof page.renderHead !== 'function') throw new Error(`${PAGE_MODULE} must export render() and renderHead()`);
  const body: unknown = await page.render();
  const head: unknown = page.renderHead();
  if (typeof body !== 'string' || typeof head !== 'string') throw new Error(`${PAGE_MODULE}: render() and renderHead() must give HTML strings`);
  return template.replace('<!--app-head-->', head).replace('<!--app-html-->', body);
}

/** Validates again on each change in the data folder: shows the problems, or reloads the page with the new data. */
function watchData(server: ViteDevServer, dir: string, reload: () => void): void {
  server.watcher.add(dir);
  // Only the dataset's own files: not data/schemas/, not an editor's scratch copy.
  const dataFiles = new Set(Object.values(DATA_FILES).map((path) => dataFilePath(dir, path)));
  const onChange = (file: string) => {
    if (!dataFiles.has(resolve(file))) return;
    try {
      reload();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      server.config.logger.error(message, { timestamp: true });
      server.ws.send({ type: 'error', err: { message, stack: '', plugin: 'driscoll:data', id: file } });
      return;
    }
    for (const environment of Object.values(server.environments)) environment.moduleGraph.invalidateAll();
    server.config.logger.info(`data changed (${file.slice(dir.length + 1)}): the dataset is valid; reloading the page`, { timestamp: true });
    server.ws.send({ type: 'full-reload', path: '*' });
  };
  server.watcher.on('change', onChange);
  server.watcher.on('add', onChange);
  server.watcher.on('unlink', onChange);
}
