/**
 * Browser-test plumbing: Debian's Chromium driven by playwright-core, and tiny static servers on
 * localhost. No test here downloads a browser or touches the network.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');

const CANDIDATE_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The browser binary, from CHROMIUM_PATH or Debian's usual place. Fails loudly when there is none. */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  const found = fromEnv ? (existsSync(fromEnv) ? fromEnv : undefined) : CANDIDATE_PATHS.find((p) => existsSync(p));
  if (found) return found;
  const banner = [
    '',
    '################################################################',
    '#  NO CHROMIUM FOUND: the browser tests cannot run.',
    `#  Looked at: ${fromEnv ? `CHROMIUM_PATH=${fromEnv}` : CANDIDATE_PATHS.join(', ')}`,
    "#  Install Debian's Chromium:  sudo apt-get install -y chromium",
    '#  or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    process.env.CI === 'true' ? '#  CI=true: this is a failure.' : '#  These tests fail rather than pass without a browser.',
    '################################################################',
    '',
  ].join('\n');
  console.error(banner);
  throw new Error('No Chromium found for the browser tests (see the message above).');
}

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Any non-local host fails at once, which the privacy tests rely on.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

/** A fresh browser with a fresh profile (playwright makes a new temporary user-data-dir per launch). */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_FLAGS, ...extraArgs],
    // Keep scrollbars, so an inner scrollbar in an iframe shows up in measurements.
    ignoreDefaultArgs: ['--hide-scrollbars'],
  });
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  origin: string;
  port: number;
  /** Every path requested, in order; tests use it to prove what the page loaded. */
  requests: string[];
  close(): Promise<void>;
}

export interface ServeOptions {
  host?: string;
  port?: number;
  /** Extra routes mapped to files outside the root, e.g. '/vendor/pym.js' -> node_modules/... */
  aliases?: Record<string, string>;
  headers?: Record<string, string>;
}

/** Serves a folder on localhost. Paths outside the folder are refused. */
export async function serveDir(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
  const requests: string[] = [];
  const root = resolve(dir);
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const pathname = decodeURIComponent(url.pathname);
    requests.push(pathname);
    let file = options.aliases?.[pathname] ?? normalize(join(root, pathname));
    if (!options.aliases?.[pathname] && !file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...options.headers });
    res.end(readFileSync(file));
  };
  const server: Server = createServer(handler);
  await new Promise<void>((ok) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    requests,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/** Fails fast with a clear message when the tests run before `npm run build`. */
export function requireBuild(): void {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/index.html is missing: run `npm run build` before the browser tests.');
}

export interface PageErrors {
  errors: string[];
}

/** Collects console errors and uncaught exceptions from a page and all its frames. */
export function watchErrors(page: Page): PageErrors {
  const collected: PageErrors = { errors: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') collected.errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => collected.errors.push(`pageerror: ${err.message}`));
  return collected;
}

export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

/** Polls until fn returns a truthy value or the time runs out; returns the last value. */
export async function waitFor<T>(fn: () => Promise<T>, { timeout = 5000, interval = 50 } = {}): Promise<T> {
  const end = Date.now() + timeout;
  let last = await fn();
  while (!last && Date.now() < end) {
    await new Promise((r) => setTimeout(r, interval));
    last = await fn();
  }
  return last;
}
