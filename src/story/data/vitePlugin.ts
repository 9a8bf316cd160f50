/**
 * The data's way into the page (used by vite.config.ts). The loader (load.ts) validates data/ once
 * per change, and the page gets the parsed model through virtual modules, so no module of the app
 * reads or casts JSON:
 *   virtual:chart-data           the figures the charts draw (in the browser's bundle)
 *   virtual:story-content        the story's words, quotes and sources (server rendering only)
 *   virtual:story-outline        step ids, titles, graphic states and their charts' captions (filled)
 *   virtual:island-copy          the headline and the labels the charts and step control draw
 *   virtual:council-map          the council boundaries, projected to SVG paths at build time
 *   virtual:candidate-colours.css  party colours as CSS variables
 *
 * Loading, validating, serving the modules and watching the files is the kit's data core
 * (src/kit/data/dataPlugin.ts): bad data fails the build; in `npm run dev` each save of a data file
 * is validated again, problems go to the terminal and to Vite's error overlay, and once the data is
 * good again the page reloads with it. This file adds the story's loader and modules, and the dev
 * server's page, rendered on each request as the build prerenders it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { dataPlugin as kitDataPlugin } from '../../kit/data/dataPlugin.ts';
import { projectCouncils } from '../geo/mapLayout.ts';
import { chartCaption } from './captions.ts';
import { derive } from './derive.ts';
import { DATA_FILES } from './files.ts';
import { writeJsonSchemas } from './jsonSchemas.ts';
import { dataDirectory, dataFilePath, describeProblems, loadData } from './load.ts';
import { fillTokens } from './tokens.ts';
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
  /* Each step's chart caption is filled here, at build time: the browser gets three strings per step, not the token filler. */
  'virtual:story-outline': (model) => {
    const derived = derive(model);
    const fill = (text: string) => fillTokens(text, model, derived, model.story.units);
    return json(
      model.story.steps.map(({ id, title, graphic, chart }) => ({ id, title, graphic, chart: chartCaption(chart, model.sources, model.story.page, fill) })),
    );
  },
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
/**
 * The kit's data core (src/kit/data/dataPlugin.ts) with this story's loader and modules, and the dev
 * server's page: the same page the build prerenders, rendered on each request.
 */
export function dataPlugin(root: string): Plugin[] {
  const dir = dataDirectory(root);
  const data = kitDataPlugin<DataModel>({
    name: 'driscoll:data',
    files: () => Object.values(DATA_FILES).map((path) => dataFilePath(dir, path)),
    load: () => {
      const result = loadData(dir);
      if (!result.ok) throw new Error(describeProblems(result.problems));
      return result.model;
    },
    modules: VIRTUAL_MODULES,
    // A build leaves the committed JSON Schemas current. Not under vitest: the test that they are current must see them as committed.
    beforeBuild: () => {
      if (!process.env.VITEST) writeJsonSchemas(root);
    },
  });
  let devServer: ViteDevServer | null = null;
  const devPage: Plugin = {
    name: 'driscoll:dev-page',
    apply: 'serve',
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
  return [data, devPage];
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
