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
 * @param {import('./server.d.mts').ServeOptions} [options]
 * @returns {Promise<import('./server.d.mts').StaticServer>}
 */
export async function serveDir(dir, options = {}) {
  const root = resolve(dir);
  const production = options.production ?? false;
  const cache = new Map();
  const requests = [];
  const failures = [];
  const entryFor = (key, load) => {
    if (!cache.has(key)) {
      const raw = load();
      cache.set(
        key,
        production ? { raw, gzip: gzipSync(raw, { level: 9 }), br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) } : { raw },
      );
    }
    return cache.get(key);
  };
  const refuse = (res, pathname, status, text) => {
    failures.push(`${pathname} -> HTTP ${status}`);
    res.writeHead(status, { 'content-type': 'text/plain' }).end(text);
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    requests.push(pathname);
    let entry;
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
        payload = entry.br;
        headers['content-encoding'] = 'br';
      } else if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(accept)) {
        payload = entry.gzip;
        headers['content-encoding'] = 'gzip';
      }
    }
    headers['content-length'] = String(payload.length);
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : payload);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise((ok) => server.listen(options.port ?? 0, host, ok));
  const { port } = server.address();
  return {
    port,
    origin: `http://${options.originHost ?? host}:${port}`,
    requests,
    failures,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

/**
 * dist/ as a production static host would serve it, for the benchmark. The origin says localhost,
 * not 127.0.0.1: Lighthouse treats localhost as a secure origin (is-on-https).
 * @param {string} dir
 * @param {import('./server.d.mts').ServeOptions} [options]
 */
export function serveDist(dir, options = {}) {
  return serveDir(dir, { production: true, originHost: 'localhost', ...options });
}
