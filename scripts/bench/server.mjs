/**
 * A static server for the benchmark that behaves like a production static host: gzip or brotli by
 * Accept-Encoding (precomputed at the highest levels, as a CDN would), long cache lifetimes for
 * Vite's hashed assets, no-cache for HTML. Extra in-memory routes serve pages made on the fly (the
 * floor page).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const MIME = {
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
 * @param {{ routes?: Record<string, string>, host?: string }} [options] routes: path -> HTML text
 */
export async function serveDist(dir, options = {}) {
  const root = resolve(dir);
  const cache = new Map();
  const requests = [];
  const body = (key, load) => {
    if (!cache.has(key)) {
      const raw = load();
      cache.set(key, {
        raw,
        gzip: gzipSync(raw, { level: 9 }),
        br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      });
    }
    return cache.get(key);
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    requests.push(pathname);
    let entry;
    let ext;
    if (options.routes?.[pathname] !== undefined) {
      entry = body(`route:${pathname}`, () => Buffer.from(options.routes[pathname]));
      ext = '.html';
    } else {
      let file = normalize(join(root, pathname));
      if (!file.startsWith(root)) return void res.writeHead(403).end();
      if (existsSync(file) && statSync(file).isDirectory()) {
        file = join(file, 'index.html');
        pathname = `${pathname.replace(/\/$/, '')}/index.html`;
      }
      if (!existsSync(file)) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      entry = body(file, () => readFileSync(file));
      ext = extname(file);
    }
    const accept = String(req.headers['accept-encoding'] ?? '');
    const headers = {
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'cache-control': /\/assets\//.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'Accept-Encoding',
    };
    let payload = entry.raw;
    if (COMPRESSIBLE.has(ext) && /\bbr\b/.test(accept)) {
      payload = entry.br;
      headers['content-encoding'] = 'br';
    } else if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(accept)) {
      payload = entry.gzip;
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = String(payload.length);
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : payload);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise((ok) => server.listen(0, host, ok));
  const { port } = server.address();
  return {
    port,
    /** localhost, not 127.0.0.1: Lighthouse treats localhost as a secure origin (is-on-https). */
    origin: `http://localhost:${port}`,
    requests,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
