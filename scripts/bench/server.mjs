// @ts-check
/**
 * The one static server used by the browser tests, the benchmark and the screenshot script: a folder
 * served on localhost, with paths outside it refused. No test or script here touches the network.
 *
 * Two behaviours, picked by `production`:
 * - tests (the default): every response `cache-control: no-store`, uncompressed, so each test sees
 *   exactly the bytes in dist/ and every request reaches the server (tests read `requests`);
 * - `production: true` (the benchmark): gzip or brotli by Accept-Encoding (precomputed at the
 *   highest levels, as a CDN would), long cache lifetimes for Vite's hashed assets, no-cache for HTML.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * @typedef {object} StaticServer
 * @property {string} origin
 * @property {number} port
 * @property {string[]} requests Every path requested, in order; tests use it to prove what the page loaded.
 * @property {string[]} failures Every request answered with an error status (404, 403), as "path -> HTTP status".
 * @property {() => Promise<void>} close
 *
 * @typedef {object} ServeOptions
 * @property {string} [host] The interface to listen on (default 127.0.0.1); also the origin's host unless originHost is set.
 * @property {string} [originHost]
 * @property {number} [port]
 * @property {Record<string, string>} [aliases] Extra routes mapped to files outside the root, e.g. '/vendor/pym.js' -> node_modules/...
 * @property {Record<string, string | { body: string, type: string }>} [routes] In-memory routes: path -> HTML text, or a body with its file extension for the content type.
 * @property {Record<string, string>} [headers]
 * @property {boolean} [production] Compression and cache headers like a production host (the benchmark); default: uncompressed, no-store.
 * @property {string} [injectHead] Markup inserted right after <head> in every HTML file served from the folder.
 *
 * @typedef {{ raw: Buffer, gzip?: Buffer, br?: Buffer }} Entry
 */

/** @type {Record<string, string>} */
export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.xml', '.webmanifest', '.ico']);

/**
 * @param {string} dir
 * @param {ServeOptions} [options]
 * @returns {Promise<StaticServer>}
 */
export async function serveDir(dir, options = {}) {
  const root = resolve(dir);
  const production = options.production ?? false;
  /** @type {Map<string, Entry>} */
  const cache = new Map();
  /** @type {string[]} */
  const requests = [];
  /** @type {string[]} */
  const failures = [];
  /** @type {(key: string, load: () => Buffer) => Entry} */
  const entryFor = (key, load) => {
    if (!cache.has(key)) {
      const raw = load();
      cache.set(
        key,
        production ? { raw, gzip: gzipSync(raw, { level: 9 }), br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) } : { raw },
      );
    }
    return /** @type {Entry} */ (cache.get(key));
  };
  /** @type {(res: import('node:http').ServerResponse, pathname: string, status: number, text: string) => void} */
  const refuse = (res, pathname, status, text) => {
    failures.push(`${pathname} -> HTTP ${status}`);
    res.writeHead(status, { 'content-type': 'text/plain' }).end(text);
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    requests.push(pathname);
    /** @type {Entry} */
    let entry;
    /** @type {string} */
    let ext;
    const route = options.routes?.[pathname];
    const alias = options.aliases?.[pathname];
    if (route !== undefined) {
      const { body, type = '.html' } = typeof route === 'string' ? { body: route } : route;
      entry = entryFor(`route:${pathname}`, () => Buffer.from(body));
      ext = type;
    } else {
      let file = alias ?? normalize(join(root, pathname));
      if (!alias && !file.startsWith(root)) return void refuse(res, pathname, 403, 'forbidden');
      if (existsSync(file) && statSync(file).isDirectory()) {
        file = join(file, 'index.html');
        pathname = `${pathname.replace(/\/$/, '')}/index.html`;
      }
      if (!existsSync(file)) return void refuse(res, pathname, 404, 'not found');
      ext = extname(file);
      entry = entryFor(file, () => {
        const bytes = readFileSync(file);
        // The WebKit driver has no console: a same-origin script in <head> collects errors instead.
        return options.injectHead && ext === '.html' ? Buffer.from(String(bytes).replace(/<head>/i, (h) => `${h}${options.injectHead}`)) : bytes;
      });
    }
    /** @type {Record<string, string>} */
    const headers = {
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'cache-control': production ? (/\/assets\//.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache') : 'no-store',
      ...options.headers,
    };
    let payload = entry.raw;
    if (production) {
      const accept = String(req.headers['accept-encoding'] ?? '');
      headers.vary = 'Accept-Encoding';
      if (COMPRESSIBLE.has(ext) && /\bbr\b/.test(accept)) {
        payload = entry.br ?? payload;
        headers['content-encoding'] = 'br';
      } else if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(accept)) {
        payload = entry.gzip ?? payload;
        headers['content-encoding'] = 'gzip';
      }
    }
    headers['content-length'] = String(payload.length);
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : payload);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise((ok) => server.listen(options.port ?? 0, host, () => ok(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    port,
    origin: `http://${options.originHost ?? host}:${port}`,
    requests,
    failures,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok(undefined));
      }),
  };
}

/**
 * dist/ as a production static host would serve it, for the benchmark. The origin says localhost,
 * not 127.0.0.1: Lighthouse treats localhost as a secure origin (is-on-https).
 * @param {string} dir
 * @param {ServeOptions} [options]
 * @returns {Promise<StaticServer>}
 */
export function serveDist(dir, options = {}) {
  return serveDir(dir, { production: true, originHost: 'localhost', ...options });
}
