// @ts-check
/**
 * Exact byte figures for a built dist/: every file raw, gzip and brotli, and which files the first
 * load needs versus everything the page can load. Shared by `npm run bench` and the budget test, so
 * the figures printed and the figures enforced are the same numbers.
 *
 * What counts as "the first load": index.html, the scripts, stylesheets, module preloads and icons
 * its tags reference, and, recursively, the static imports (and CSS url()s) of those files.
 * What counts as "everything the page loads": the first load, plus every built file that a loaded
 * JS or CSS file names by its (hashed, so unique) file name: dynamic imports, Vite's preload lists,
 * new URL(..., import.meta.url), fetch() targets, url(); recursively. That is an upper bound: a file named in a script is counted even if the reader never
 * triggers it. The browser budget test checks the other direction (every request the page makes is
 * in this set).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * @typedef {{ raw: number, gzip: number, brotli: number }} Sizes
 * @typedef {Sizes & { path: string }} FileSizes
 * @typedef {Sizes & { files: string[] }} Total
 * @typedef {{ type: string, text: string }} InlineScript
 * @typedef {{ firstLoadJsGzip: number, totalGzip: number }} Budgets
 * @typedef {{
 *   files: FileSizes[],
 *   dist: Sizes,
 *   firstLoad: Total,
 *   firstLoadJs: Total & { inlineScripts: number },
 *   pageTotal: Total,
 *   notLoadedByPage: string[],
 *   budgets: Budgets,
 * }} ByteReport
 * @typedef {{
 *   file: string,
 *   isEntry?: boolean,
 *   isDynamicEntry?: boolean,
 *   src?: string,
 *   name?: string,
 *   imports?: string[],
 *   dynamicImports?: string[],
 *   css?: string[],
 *   assets?: string[],
 * }} ManifestChunk
 * @typedef {{ name: string, file: string, files: string[], gzip: number }} LazyChunk
 * @typedef {{
 *   entry: string,
 *   firstLoadJs: { files: string[], gzip: number },
 *   firstLoad: { files: string[], gzip: number },
 *   lazyChunks: LazyChunk[],
 *   total: { files: string[], gzip: number },
 * }} ManifestBytes
 */

/**
 * Budgets from issue #5, in bytes of gzip (1 KB = 1000 bytes, the stricter reading).
 * @type {Budgets}
 */
export const BUDGETS = { firstLoadJsGzip: 100_000, totalGzip: 250_000 };

/**
 * @param {Buffer | string} data
 * @returns {Sizes}
 */
export function sizes(data) {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data);
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

/**
 * Exact gzip size alone (level 9, as in sizes()): brotli at quality 11 is slow, and budgets are gzip.
 * @type {(data: Buffer | string) => number}
 */
export const gzipSize = (data) => gzipSync(Buffer.isBuffer(data) ? data : Buffer.from(data), { level: 9 }).length;

/**
 * Every file under dir, as posix paths relative to it, sorted.
 * @param {string} dir
 * @returns {string[]}
 */
export function listFiles(dir) {
  /** @type {string[]} */
  const out = [];
  /** @param {string} d */
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      // dist/.vite/ holds Vite's build manifest: build metadata, never served to readers.
      if (d === dir && name === '.vite') continue;
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

const TAG = /<(script|link)\b([^>]*)>/gi;
const ATTR = /([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;
/** rel values of <link> that make the browser fetch the file during the first load. */
const LOADING_RELS = new Set(['stylesheet', 'modulepreload', 'preload', 'icon', 'shortcut', 'manifest']);

/**
 * @param {string} source
 * @returns {Record<string, string>}
 */
function attrs(source) {
  /** @type {Record<string, string>} */
  const found = {};
  for (const m of source.matchAll(ATTR)) found[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  return found;
}

/**
 * Strips HTML comments and the text of <script>/<style>/<template> so only real tags are read.
 * @param {string} html
 */
function tagsOnly(html) {
  return html.replace(/<!--[\s\S]*?-->/g, '');
}

/**
 * Files an HTML document makes the browser fetch by its tags, and its inline scripts.
 * @param {string} html
 * @returns {{ refs: { url: string, kind: string }[], inlineScripts: InlineScript[] }}
 */
export function htmlReferences(html) {
  /** @type {{ url: string, kind: string }[]} */
  const refs = [];
  /** @type {InlineScript[]} */
  const inlineScripts = [];
  const clean = tagsOnly(html);
  for (const m of clean.matchAll(TAG)) {
    const a = attrs(m[2]);
    if (m[1].toLowerCase() === 'script') {
      if (a.src) refs.push({ url: a.src, kind: 'script' });
      // The deferred-entry loader (scripts/prerender.mjs) names the module it loads after first paint.
      if (a['data-entry']) refs.push({ url: a['data-entry'], kind: 'script' });
    } else if (
      a.href &&
      a.rel &&
      a.rel
        .toLowerCase()
        .split(/\s+/)
        .some((r) => LOADING_RELS.has(r))
    ) {
      refs.push({ url: a.href, kind: a.rel.toLowerCase() });
    }
  }
  for (const m of clean.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const a = attrs(m[1]);
    if (!a.src && m[2].trim()) inlineScripts.push({ type: a.type ?? '', text: m[2] });
  }
  return { refs, inlineScripts };
}

/**
 * Static `import ... from "x"`, `import "x"` and `export ... from "x"` (never dynamic `import(`).
 * @param {string} js
 * @returns {string[]}
 */
export function staticImports(js) {
  const out = [];
  const re = /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+)["']/g;
  for (const m of js.matchAll(re)) out.push(m[1]);
  return out;
}

/**
 * CSS url()s and @imports.
 * @param {string} css
 * @returns {string[]}
 */
export function cssUrls(css) {
  const out = [];
  for (const m of css.matchAll(/url\(\s*["']?([^"')]+?)["']?\s*\)/g)) out.push(m[1]);
  for (const m of css.matchAll(/@import\s+["']([^"']+)["']/g)) out.push(m[1]);
  return out;
}

/**
 * Resolves a reference against the referring file; undefined if it is not a local file in dist.
 * @param {string} ref
 * @param {string} fromFile
 * @param {Set<string>} files
 * @returns {string | undefined}
 */
function resolveLocal(ref, fromFile, files) {
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(ref)) return undefined; // other scheme, other origin, fragment
  const clean = ref.split(/[?#]/)[0];
  if (!clean) return undefined;
  const candidates = clean.startsWith('/') ? [clean.slice(1)] : [posix.normalize(posix.join(posix.dirname(fromFile), clean)), posix.normalize(clean)];
  return candidates.find((c) => files.has(c));
}

/**
 * The dependency graph of dist/ from an entry HTML file.
 * @param {string} dist
 * @param {string} [entry]
 * @returns {{ firstLoad: string[], all: string[], inlineScripts: InlineScript[] }}
 */
export function assetGraph(dist, entry = 'index.html') {
  const files = new Set(listFiles(dist));
  /** @param {string} f */
  const read = (f) => readFileSync(join(dist, f), 'utf8');
  const html = read(entry);
  const { refs, inlineScripts } = htmlReferences(html);

  const firstLoad = new Set([entry]);
  /** @type {string[]} */
  const queue = [];
  for (const r of refs) {
    const f = resolveLocal(r.url, entry, files);
    if (f && !firstLoad.has(f)) {
      firstLoad.add(f);
      queue.push(f);
    }
  }
  // Static imports of JS, url()s and @imports of CSS: all needed before the first load completes.
  for (let f = queue.shift(); f !== undefined; f = queue.shift()) {
    const text = /\.(m?js|css)$/.test(f) ? read(f) : '';
    const deps = f.endsWith('.css') ? cssUrls(text) : staticImports(text);
    for (const d of deps) {
      const r = resolveLocal(d, f, files);
      if (r && !firstLoad.has(r)) {
        firstLoad.add(r);
        queue.push(r);
      }
    }
  }

  // Everything a loaded JS or CSS file names: hashed file names are unique, so a file's name
  // appearing in the text of a loaded file is taken as "may be loaded" (an upper bound).
  const all = new Set(firstLoad);
  const candidates = [...files].filter((f) => !/\.html?$/.test(f) && !all.has(f));
  const more = [...firstLoad].filter((f) => /\.(m?js|css)$/.test(f));
  for (let next = more.shift(); next !== undefined; next = more.shift()) {
    const text = read(next);
    for (const c of candidates) {
      if (all.has(c) || !text.includes(posix.basename(c))) continue;
      all.add(c);
      if (/\.(m?js|css)$/.test(c)) more.push(c);
    }
  }
  return { firstLoad: [...firstLoad].sort(), all: [...all].sort(), inlineScripts };
}

/** @type {(rows: readonly Sizes[], key: keyof Sizes) => number} */
const sum = (rows, key) => rows.reduce((n, r) => n + r[key], 0);
/** @param {string} f */
const isJs = (f) => /\.m?js$/.test(f);

/**
 * The whole byte report for a dist folder.
 * Inline scripts are counted twice on purpose only in the JS figure: their bytes are inside
 * index.html (counted in the totals) and also reported as JS the first load runs.
 * @param {string} dist
 * @param {string} [entry]
 * @returns {ByteReport}
 */
export function byteReport(dist, entry = 'index.html') {
  const files = listFiles(dist).map((path) => ({ path, ...sizes(readFileSync(join(dist, path))) }));
  const byPath = new Map(files.map((f) => [f.path, f]));
  const graph = assetGraph(dist, entry);
  /** @type {(paths: string[]) => FileSizes[]} */
  const pick = (paths) => paths.map((p) => /** @type {FileSizes} */ (byPath.get(p)));
  const inline = graph.inlineScripts.filter((s) => !/json/i.test(s.type)).map((s) => sizes(s.text));
  const firstLoadJsFiles = pick(graph.firstLoad.filter(isJs));
  const firstLoadJs = {
    files: firstLoadJsFiles.map((f) => f.path),
    inlineScripts: inline.length,
    raw: sum(firstLoadJsFiles, 'raw') + sum(inline, 'raw'),
    gzip: sum(firstLoadJsFiles, 'gzip') + sum(inline, 'gzip'),
    brotli: sum(firstLoadJsFiles, 'brotli') + sum(inline, 'brotli'),
  };
  /** @type {(paths: string[]) => Total} */
  const totalOf = (paths) => {
    const rows = pick(paths);
    return { files: paths, raw: sum(rows, 'raw'), gzip: sum(rows, 'gzip'), brotli: sum(rows, 'brotli') };
  };
  return {
    files,
    dist: { raw: sum(files, 'raw'), gzip: sum(files, 'gzip'), brotli: sum(files, 'brotli') },
    firstLoad: totalOf(graph.firstLoad),
    firstLoadJs,
    pageTotal: totalOf(graph.all),
    notLoadedByPage: files.map((f) => f.path).filter((p) => !graph.all.includes(p)),
    budgets: BUDGETS,
  };
}

/**
 * Sizes of arbitrary dist paths (e.g. the ones a browser actually requested).
 * @param {string} dist
 * @param {string[]} paths
 * @returns {Total}
 */
export function sizesOf(dist, paths) {
  const rows = paths.map((p) => ({ path: p, ...sizes(readFileSync(join(dist, p))) }));
  return { files: paths, raw: sum(rows, 'raw'), gzip: sum(rows, 'gzip'), brotli: sum(rows, 'brotli') };
}

/** @type {(n: number) => string} */
export const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

/**
 * A fixed-width text table of the byte report.
 * @param {ByteReport} r
 * @returns {string}
 */
export function formatByteReport(r) {
  const lines = [];
  const w = Math.max(...r.files.map((f) => f.path.length), 'EVERYTHING THE PAGE LOADS'.length);
  /** @type {(name: string, x: Sizes, mark?: string) => string} */
  const row = (name, x, mark = '') =>
    `  ${name.padEnd(w)}  ${String(x.raw).padStart(9)}  ${String(x.gzip).padStart(9)}  ${String(x.brotli).padStart(9)}${mark}`;
  lines.push(`  ${'file'.padEnd(w)}  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}  ${'brotli'.padStart(9)}   (bytes; * first load, + loaded later)`);
  for (const f of r.files) {
    const mark = r.firstLoad.files.includes(f.path) ? ' *' : r.pageTotal.files.includes(f.path) ? ' +' : '';
    lines.push(row(f.path, f, mark));
  }
  lines.push(row('ALL FILES IN dist/', r.dist));
  lines.push(row('FIRST LOAD (all types)', r.firstLoad));
  lines.push(row('FIRST-LOAD JS', r.firstLoadJs));
  lines.push(row('EVERYTHING THE PAGE LOADS', r.pageTotal));
  /** @type {(v: number, b: number) => string} */
  const ok = (v, b) => (v <= b ? 'within' : 'OVER');
  lines.push(
    `  budget: first-load JS ${kb(r.firstLoadJs.gzip)} gzip of ${kb(r.budgets.firstLoadJsGzip)} (${ok(r.firstLoadJs.gzip, r.budgets.firstLoadJsGzip)}); ` +
      `page total ${kb(r.pageTotal.gzip)} gzip of ${kb(r.budgets.totalGzip)} (${ok(r.pageTotal.gzip, r.budgets.totalGzip)})`,
  );
  if (r.notLoadedByPage.length) lines.push(`  not loaded by the page: ${r.notLoadedByPage.join(', ')}`);
  return lines.join('\n');
}

/** Where Vite writes the build manifest (`build.manifest: true` in vite.config.ts). */
export const MANIFEST = '.vite/manifest.json';

/**
 * Byte figures straight from Vite's build manifest, which knows the chunk graph exactly (no parsing
 * of minified code): the first load is the entry chunk and its static imports (with their CSS and
 * assets); each dynamic import is a lazy chunk, counted with the static imports it adds. Pure: sizes
 * come from `gzipOf(file)`, so a test can hand it a fake manifest.
 *
 * @param {Record<string, ManifestChunk>} manifest
 * @param {(file: string) => number} gzipOf
 * @param {{ htmlGzip?: number, inlineJsGzip?: number, extraFirstLoad?: string[] }} [page]
 *   the built HTML entry: its own gzip size, its inline scripts' gzip size, other files its tags load
 * @returns {ManifestBytes}
 */
export function manifestBytes(manifest, gzipOf, page = {}) {
  // The story's page; another HTML entry (graphic.html, embed.js's graphic frame) is not the first load.
  const entryKey =
    (manifest['index.html']?.isEntry ? 'index.html' : undefined) ??
    Object.keys(manifest).find((k) => manifest[k].isEntry && k.endsWith('.html')) ??
    Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entryKey) throw new Error('the build manifest has no entry chunk');
  /** Static closure of chunk keys, skipping those already loaded. */
  /** @type {(start: string, loaded: Set<string>) => Set<string>} */
  const closure = (start, loaded) => {
    /** @type {Set<string>} */
    const seen = new Set();
    const stack = [start];
    for (let key = stack.pop(); key !== undefined; key = stack.pop()) {
      if (seen.has(key) || loaded.has(key)) continue;
      if (!manifest[key]) throw new Error(`the build manifest names a chunk it does not list: ${key}`);
      seen.add(key);
      stack.push(...(manifest[key].imports ?? []));
    }
    return seen;
  };
  /** @type {(keys: Iterable<string>) => { js: string[], other: string[] }} */
  const filesOf = (keys) => {
    const js = [];
    /** @type {string[]} */
    const other = [];
    for (const key of keys) {
      js.push(manifest[key].file);
      other.push(...(manifest[key].css ?? []), ...(manifest[key].assets ?? []));
    }
    return { js: [...new Set(js)].sort(), other: [...new Set(other)].sort() };
  };
  /** @type {(files: readonly string[]) => number} */
  const gzip = (files) => files.reduce((n, f) => n + gzipOf(f), 0);

  const firstKeys = closure(entryKey, new Set());
  const first = filesOf(firstKeys);
  const firstOther = [...new Set([...first.other, ...(page.extraFirstLoad ?? [])])].sort();
  const firstLoadJs = { files: first.js, gzip: gzip(first.js) + (page.inlineJsGzip ?? 0) };

  // Every dynamic import reachable from anywhere, each with what it adds beyond the first load.
  /** @type {LazyChunk[]} */
  const lazyChunks = [];
  const dynamicSeen = new Set();
  const queue = [...firstKeys].flatMap((k) => manifest[k].dynamicImports ?? []);
  for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
    if (dynamicSeen.has(key) || firstKeys.has(key)) continue;
    dynamicSeen.add(key);
    const keys = closure(key, firstKeys);
    const { js, other } = filesOf(keys);
    const extra = other.filter((f) => !firstOther.includes(f));
    lazyChunks.push({ name: key, file: manifest[key].file, files: [...js, ...extra], gzip: gzip(js) + gzip(extra) });
    for (const k of keys) queue.push(...(manifest[k].dynamicImports ?? []));
  }
  lazyChunks.sort((a, b) => a.name.localeCompare(b.name));

  const allFiles = [...new Set([...first.js, ...firstOther, ...lazyChunks.flatMap((c) => c.files)])].sort();
  return {
    entry: entryKey,
    firstLoadJs,
    firstLoad: { files: [...first.js, ...firstOther].sort(), gzip: gzip(first.js) + gzip(firstOther) + (page.htmlGzip ?? 0) },
    lazyChunks,
    total: { files: allFiles, gzip: gzip(allFiles) + (page.htmlGzip ?? 0) },
  };
}

/**
 * manifestBytes for a built dist/ folder: reads the manifest and index.html, sizes are exact gzip.
 * @param {string} dist
 * @param {string} [entry]
 * @returns {ManifestBytes}
 */
export function manifestReport(dist, entry = 'index.html') {
  /** @type {Record<string, ManifestChunk>} */
  const manifest = JSON.parse(readFileSync(join(dist, MANIFEST), 'utf8'));
  const html = readFileSync(join(dist, entry), 'utf8');
  const { refs, inlineScripts } = htmlReferences(html);
  const files = new Set(listFiles(dist));
  const chunkFiles = new Set(Object.values(manifest).map((c) => c.file));
  // Files the HTML's own tags load that are not chunks (the icon); the entry chunk itself is in the manifest.
  const extraFirstLoad = refs
    .map((r) => resolveLocal(r.url, entry, files))
    .filter(/** @returns {f is string} */ (f) => f !== undefined && !chunkFiles.has(f) && !/\.css$/.test(f));
  return manifestBytes(manifest, (f) => gzipSize(readFileSync(join(dist, f))), {
    htmlGzip: gzipSize(html),
    inlineJsGzip: inlineScripts.filter((s) => !/json/i.test(s.type)).reduce((n, s) => n + gzipSize(s.text), 0),
    extraFirstLoad: [...new Set(extraFirstLoad)],
  });
}

/**
 * Every budget the figures break, as sentences; empty when all are kept.
 * @param {ManifestBytes} r
 * @param {Budgets} [budgets]
 * @returns {string[]}
 */
export function budgetBreaches(r, budgets = BUDGETS) {
  const out = [];
  if (r.firstLoadJs.gzip > budgets.firstLoadJsGzip)
    out.push(`first-load JS is ${r.firstLoadJs.gzip} B gzip, over the ${budgets.firstLoadJsGzip} B budget (${r.firstLoadJs.files.join(', ')})`);
  if (r.total.gzip > budgets.totalGzip) {
    const biggest = [...r.lazyChunks].sort((a, b) => b.gzip - a.gzip).slice(0, 3);
    out.push(
      `everything the page can load is ${r.total.gzip} B gzip, over the ${budgets.totalGzip} B budget (largest lazy chunks: ${biggest.map((c) => `${c.name} ${c.gzip} B`).join(', ')})`,
    );
  }
  return out;
}
