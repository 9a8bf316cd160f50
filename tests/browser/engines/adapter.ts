/**
 * One test body, three engines. A thin adapter over the three ways this offline Debian machine can
 * drive a browser, so the cross-engine tests (tests/browser/engines/*.test.ts) say what to check
 * once and run in each engine:
 *
 * - chromium: Debian's Chromium via playwright-core (the launcher shared with every other test);
 * - firefox:  Debian's firefox-esr via puppeteer-core over WebDriver BiDi (no geckodriver);
 * - webkit:   WebKitGTK's MiniBrowser via selenium-webdriver and WebKitWebDriver, under Xvfb.
 *
 * The adapter can: launch (with reduced motion or JavaScript off, which Firefox and WebKit only take
 * at launch), open a tab at a viewport size, navigate, run a function in the page or in a child
 * frame, read elements without JavaScript, take a screenshot and collect errors.
 *
 * ENGINE LIMITS (what each engine cannot do here, and what the tests do about it):
 * - fonts: the story's serif stack (Charter, Bitstream Charter, Sitka Text, Cambria, Georgia) has
 *   none of its fonts on this machine. Chromium falls back to Liberation Serif (its default serif
 *   is Times New Roman, which fontconfig maps to it); Firefox and WebKitGTK take fontconfig's
 *   `serif`, DejaVu Serif, about a third wider, so the same paragraph runs to more lines there
 *   (barred's second paragraph at 844 × 390: 304 px in Chromium, 395 px in Firefox, 390 px in
 *   WebKit). The read-and-see test at 844 × 390 says so in its title and, in those two engines,
 *   accepts a block taller than the screen if every row of it was read (phone.engines.test.ts).
 * - all: no touch or mobile emulation (Firefox and WebKit have none over these drivers), so a
 *   "phone" is a 390 × 844 window with a mouse, in every engine alike.
 * - firefox: reduced motion and JavaScript-off are Firefox preferences set at launch
 *   (`ui.prefersReducedMotion`, `javascript.enabled`); BiDi has no emulation for them. The first
 *   tab's size is set explicitly on every tab (setFirefoxViewport). Console errors from cross-origin
 *   frames are not reported by BiDi to this page, so errors are also collected in-page (below).
 * - webkit: MiniBrowser is WebKitGTK, not iOS Safari (no momentum scrolling, no collapsing toolbar,
 *   Linux fonts). It runs under Xvfb with WEBKIT_DISABLE_DMABUF_RENDERER=1 (without it animation
 *   frames drop to 5-25 a second and sessions can hang). Its toolbar keeps windows at least ~447 px
 *   wide, so a GTK stylesheet (XDG_CONFIG_HOME) shrinks the toolbar, and the window is sized so the
 *   page's viewport is exactly the size asked for. Reduced motion is GTK's `gtk-enable-animations`
 *   setting (WebKitGTK maps it to prefers-reduced-motion), JavaScript-off is MiniBrowser's
 *   `--enable-javascript=false`; both need their own MiniBrowser, so their own WebKitWebDriver.
 *   Wheel input is unreliable, so tests scroll with scrollTo/scrollBy in the page. The driver
 *   exposes no console: errors come from a small same-origin script the test server injects
 *   (ERROR_COLLECTOR below), which sees uncaught errors, unhandled rejections, console.error and
 *   CSP violations, but not network errors (the test server's `failures` list covers those).
 *   One window per launch: a tab is the window, and "closing" it navigates to about:blank.
 *   `resize` resizes that window (no window manager under Xvfb, so the size asked for is the size
 *   given); the page's viewport follows it exactly, as in open().
 *   WebDriver's script timeout is raised to 120 s, for scripts that walk the whole story.
 * - resize: Chromium sets the page's viewport (playwright), Firefox too (BiDi's
 *   browsingContext.setViewport, which resizes the page's viewport inside an unchanged window, as
 *   a rotation or a resized window does), WebKit resizes the window.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser as PwBrowser, BrowserContext, Page as PwPage } from 'playwright-core';
import type { Browser as PpBrowser, Page as PpPage } from 'puppeteer-core';
import type { WebDriver } from 'selenium-webdriver';
import { launchChromium } from '../../../scripts/bench/chromium.mjs';

export const ENGINE_NAMES = ['chromium', 'firefox', 'webkit'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

/** The engine this test file runs in: ENGINE from the vitest project (vite.config.ts), Chromium by default. */
export function currentEngine(): EngineName {
  const name = process.env.ENGINE ?? 'chromium';
  if (!(ENGINE_NAMES as readonly string[]).includes(name)) throw new Error(`ENGINE=${name}: expected one of ${ENGINE_NAMES.join(', ')}`);
  return name as EngineName;
}

export interface LaunchOptions {
  /** prefers-reduced-motion: reduce (default: no preference). */
  reducedMotion?: boolean;
  /** JavaScript on (default) or off. */
  javaScript?: boolean;
}

export interface Viewport {
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An element as read without running the page's JavaScript. */
export interface ElementInfo {
  attrs: Record<string, string | null>;
  /** In document coordinates (as WebDriver's element rect), CSS pixels. */
  rect: Rect;
}

/** Somewhere scripts run: a tab's top document or a child frame in it. */
export interface Target {
  /** Runs fn in the document with one JSON-serialisable argument; fn must not close over anything. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
}

export interface Tab extends Target {
  readonly engine: EngineName;
  /** Navigates and waits for the load event. */
  goto(url: string): Promise<void>;
  /** The child frame whose URL starts with `prefix`; waits for it up to `timeout` ms. */
  frame(prefix: string, timeout?: number): Promise<Target>;
  /** Elements matching a selector, with the named attributes and their boxes; works with JavaScript off. */
  elements(selector: string, attrs: string[]): Promise<ElementInfo[]>;
  /** The rendered text of the first element matching selector; works with JavaScript off. */
  text(selector: string): Promise<string>;
  /** Uncaught errors, unhandled rejections, console errors and CSP violations, in the page and its frames. */
  errors(): Promise<string[]>;
  /** Resizes the open tab's viewport (a phone rotated, a window resized), keeping the page. */
  resize(viewport: Viewport): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface Engine {
  readonly name: EngineName;
  /** A browser-and-version line for the log. */
  readonly version: string;
  open(viewport: Viewport): Promise<Tab>;
  close(): Promise<void>;
}

/**
 * In-page error collection, for engines whose driver shows no console (WebKit) and for frames a
 * driver does not report (Firefox's cross-origin frames). Served same-origin (so the page's CSP,
 * script-src 'self', allows it) and inserted as the first thing in <head>.
 */
export const ERROR_COLLECTOR_PATH = '/__engine-errors.js';
export const ERROR_COLLECTOR = `(function () {
  var errors = (window.__engineErrors = []);
  addEventListener('error', function (e) {
    // Firefox fires error on a modulepreload <link> for a module already fetched as a static import,
    // with no failed request and nothing in the console: not an error a reader meets (README).
    if (e.target && e.target.tagName === 'LINK' && e.target.rel === 'modulepreload') return;
    if (e.target && e.target !== window && e.target.tagName) errors.push('load failed: ' + (e.target.src || e.target.href || e.target.tagName));
    else errors.push('uncaught: ' + e.message + ' at ' + e.filename + ':' + e.lineno);
  }, true);
  addEventListener('unhandledrejection', function (e) { errors.push('unhandled rejection: ' + String(e.reason && (e.reason.stack || e.reason))); });
  addEventListener('securitypolicyviolation', function (e) { errors.push('CSP: ' + e.violatedDirective + ' blocked ' + e.blockedURI); });
  var original = console.error;
  console.error = function () {
    errors.push('console.error: ' + Array.prototype.map.call(arguments, String).join(' '));
    return original.apply(console, arguments);
  };
})();`;

/** serveDir options that add the error collector to every HTML page the server sends. */
export const collectErrorsOptions = {
  routes: { [ERROR_COLLECTOR_PATH]: { body: ERROR_COLLECTOR, type: '.js' } },
  injectHead: `<script src="${ERROR_COLLECTOR_PATH}"></script>`,
};

const readCollected = () => ((window as unknown as { __engineErrors?: string[] }).__engineErrors ?? []).slice();

/** Reads elements in the page (used where the engine's script evaluation works with JavaScript off). */
function readElements([selector, names]: [string, string[]]): ElementInfo[] {
  return [...document.querySelectorAll(selector)].map((el) => {
    const r = el.getBoundingClientRect();
    return {
      attrs: Object.fromEntries(names.map((n) => [n, el.getAttribute(n)])),
      rect: { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height },
    };
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, fn: () => Promise<T | null | undefined>, timeout: number): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await fn().catch(() => null);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(50);
  }
}

export function launchEngine(name: EngineName, options: LaunchOptions = {}): Promise<Engine> {
  if (name === 'chromium') return launchChromiumEngine(options);
  if (name === 'firefox') return launchFirefox(options);
  return launchWebKit(options);
}

// --- Chromium: playwright-core ------------------------------------------------------------------

/**
 * One Chromium per test file, however many engines the file launches: reduced motion and JavaScript
 * are options of each context in Chromium, so the engines differ only in their contexts. The browser
 * closes with the last engine using it.
 */
let sharedChromium: { browser: Promise<PwBrowser>; users: number } | null = null;

async function launchChromiumEngine(options: LaunchOptions): Promise<Engine> {
  sharedChromium ??= { browser: launchChromium(), users: 0 };
  const shared = sharedChromium;
  shared.users += 1;
  const browser: PwBrowser = await shared.browser;
  return {
    name: 'chromium',
    version: `Chromium ${browser.version()}`,
    async open(viewport) {
      const context: BrowserContext = await browser.newContext({
        viewport,
        reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference',
        javaScriptEnabled: options.javaScript ?? true,
      });
      const page: PwPage = await context.newPage();
      const native: string[] = [];
      page.on('console', (m) => m.type() === 'error' && native.push(`console: ${m.text()}`));
      page.on('pageerror', (e) => native.push(`pageerror: ${e.message}`));
      return {
        engine: 'chromium',
        goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
        evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
        async frame(prefix, timeout = 10_000) {
          const frame = await until(`a frame at ${prefix}`, async () => page.frames().find((f) => f.url().startsWith(prefix)), timeout);
          return { evaluate: (fn, arg) => frame.evaluate(fn as never, arg) as never };
        },
        elements: (selector, attrs) => page.evaluate(readElements, [selector, attrs] as [string, string[]]),
        text: (selector) => page.locator(selector).first().innerText(),
        async errors() {
          const inFrames = await Promise.all(page.frames().map((f) => f.evaluate(readCollected).catch(() => [] as string[])));
          return [...native, ...inFrames.flat()];
        },
        resize: (size) => page.setViewportSize(size),
        screenshot: async (path) => void (await page.screenshot({ path })),
        close: () => context.close(),
      };
    },
    async close() {
      shared.users -= 1;
      if (shared.users > 0) return;
      if (sharedChromium === shared) sharedChromium = null;
      await browser.close();
    },
  };
}

// --- Firefox: puppeteer-core over WebDriver BiDi ---------------------------------------------------

const FIREFOX_PATHS = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

export function firefoxPath(): string {
  const found = process.env.FIREFOX_PATH ?? FIREFOX_PATHS.find((p) => existsSync(p));
  if (found && existsSync(found)) return found;
  throw new Error(
    `No Firefox found (looked at ${process.env.FIREFOX_PATH ?? FIREFOX_PATHS.join(', ')}). Install Debian's: sudo apt-get install -y firefox-esr`,
  );
}

/**
 * A Firefox tab's size, through BiDi's `browsingContext.setViewport` alone. puppeteer's
 * `page.setViewport` sends `emulation.setScreenOrientationOverride` with it, which Debian's
 * firefox-esr 140.12 answers with "unknown command", failing the call (and every Firefox test)
 * though the size was set. No test here emulates orientation or touch in Firefox (ENGINE LIMITS).
 */
function setFirefoxViewport(page: PpPage, { width, height }: Viewport): Promise<void> {
  // BidiFrame's browsingContext is public on the class but not in puppeteer's exported types.
  const { browsingContext } = page.mainFrame() as unknown as {
    browsingContext: { setViewport(options: { viewport: Viewport | null }): Promise<void> };
  };
  return browsingContext.setViewport({ viewport: { width, height } });
}

async function launchFirefox(options: LaunchOptions): Promise<Engine> {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    extraPrefsFirefox: {
      'ui.prefersReducedMotion': options.reducedMotion ? 1 : 0,
      'javascript.enabled': options.javaScript ?? true,
      // Keep scrollbars classic (as in the other engines), so widths compare.
      'widget.gtk.overlay-scrollbars.enabled': false,
    },
  });
  const version = await browser.version();
  return {
    name: 'firefox',
    version,
    async open(viewport) {
      const page: PpPage = await browser.newPage();
      await setFirefoxViewport(page, viewport);
      const native: string[] = [];
      page.on('console', (m) => m.type() === 'error' && native.push(`console: ${m.text()}`));
      page.on('pageerror', (e) => native.push(`pageerror: ${(e as Error).message ?? String(e)}`));
      return {
        engine: 'firefox',
        goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
        evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
        async frame(prefix, timeout = 10_000) {
          const frame = await until(`a frame at ${prefix}`, async () => page.frames().find((f) => f.url().startsWith(prefix)), timeout);
          return { evaluate: (fn, arg) => frame.evaluate(fn as never, arg) as never };
        },
        // Page-level evaluation works with javascript.enabled off; element-handle evaluation hangs then.
        elements: (selector, attrs) => page.evaluate(readElements, [selector, attrs] as [string, string[]]),
        text: (selector) => page.$eval(selector, (el) => (el as HTMLElement).innerText),
        async errors() {
          const inFrames = await Promise.all(page.frames().map((f) => f.evaluate(readCollected).catch(() => [] as string[])));
          return [...native, ...inFrames.flat()];
        },
        resize: (size) => setFirefoxViewport(page, size),
        screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
        close: () => page.close(),
      };
    },
    async close() {
      // browser.close() waits for Firefox to shut down cleanly (2.1-2.2 s here, every time); the
      // profile is temporary and puppeteer removes it once the process has gone, so ending the
      // process is enough (0.3 s).
      const proc = browser.process();
      await browser.disconnect().catch(() => undefined);
      if (proc && proc.exitCode === null && proc.signalCode === null) {
        const gone = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGKILL');
        await Promise.race([gone, sleep(2000)]);
      }
    },
  };
}

// --- WebKit: selenium-webdriver + WebKitWebDriver + MiniBrowser under Xvfb -------------------------

const MINIBROWSER_PATHS = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
];

export function miniBrowserPath(): string {
  const found = process.env.MINIBROWSER_PATH ?? MINIBROWSER_PATHS.find((p) => existsSync(p));
  if (found && existsSync(found)) return found;
  throw new Error(
    `No WebKitGTK MiniBrowser found (looked at ${process.env.MINIBROWSER_PATH ?? MINIBROWSER_PATHS.join(', ')}). Install Debian's: sudo apt-get install -y webkit2gtk-driver xvfb`,
  );
}

/** Toolbar widgets shrunk to nothing, so the window (and the page) can be 320 px wide. */
const GTK_CSS = '* { min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; font-size: 1px; }\nimage { -gtk-icon-transform: scale(0.1); }\n';

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

function start(cmd: string, args: string[], env: NodeJS.ProcessEnv, stdio: ('ignore' | 'pipe' | 'inherit')[]): ChildProcess {
  const child = spawn(cmd, args, { env, stdio });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([gone, sleep(2000)]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  await new Promise((ok) => server.close(ok));
  return port;
}

/**
 * Runs fn after every fn handed here before it has finished: a port found free stays free only until
 * someone binds it, so launches started together take turns from finding a port to their driver
 * listening on it.
 */
let driverStarts: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const run = driverStarts.then(fn, fn);
  driverStarts = run.catch(() => undefined);
  return run;
}

/** Starts Xvfb on a free display number; resolves with ":N" once it accepts clients. */
async function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  const xvfb = start('Xvfb', ['-displayfd', '3', '-screen', '0', '1600x1200x24', '-nolisten', 'tcp', '-nolisten', 'unix'], process.env, [
    'ignore',
    'ignore',
    'ignore',
    'pipe',
  ]);
  const display = await new Promise<string>((ok, fail) => {
    xvfb.once('error', fail);
    xvfb.once('exit', (code) => fail(new Error(`Xvfb exited (${code}); install it with: sudo apt-get install -y xvfb`)));
    xvfb.stdio[3]!.once('data', (d) => ok(`:${String(d).trim()}`));
  });
  return { display, process: xvfb };
}

async function launchWebKit(options: LaunchOptions): Promise<Engine> {
  const { Builder, By } = await import('selenium-webdriver');
  const binary = miniBrowserPath();
  const home = mkdtempSync(join(tmpdir(), 'webkit-engine-'));
  mkdirSync(join(home, 'config/gtk-3.0'), { recursive: true });
  writeFileSync(join(home, 'config/gtk-3.0/gtk.css'), GTK_CSS);
  writeFileSync(join(home, 'config/gtk-3.0/settings.ini'), `[Settings]\ngtk-enable-animations=${options.reducedMotion ? 'false' : 'true'}\n`);
  let xvfb: ChildProcess | undefined;
  let driverProcess: ChildProcess | undefined;
  let driver: WebDriver | undefined;
  const cleanUp = async () => {
    await driver?.quit().catch(() => undefined);
    await stop(driverProcess);
    await stop(xvfb);
    rmSync(home, { recursive: true, force: true });
  };
  try {
    const x = await startXvfb();
    xvfb = x.process;
    const env = {
      ...process.env,
      DISPLAY: x.display,
      WEBKIT_DISABLE_DMABUF_RENDERER: '1',
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_CACHE_HOME: join(home, 'cache'),
      XDG_DATA_HOME: join(home, 'data'),
      NO_AT_BRIDGE: '1',
    };
    const url = await oneAtATime(async () => {
      const port = await freePort();
      driverProcess = start('WebKitWebDriver', [`--port=${port}`], env, ['ignore', 'ignore', 'inherit']);
      const listening = `http://127.0.0.1:${port}`;
      await until('WebKitWebDriver to listen', async () => (await fetch(`${listening}/status`)).ok, 10_000);
      return listening;
    });
    const args = ['--automation'];
    if (options.javaScript === false) args.push('--enable-javascript=false');
    driver = await new Builder().usingServer(url).withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary, args } }).build();
    const d = driver;
    // Scripts that walk the whole story in the page take longer than WebDriver's default 30 s.
    await d.manage().setTimeouts({ script: 120_000 });
    const caps = await d.getCapabilities();
    const version = `WebKitGTK MiniBrowser ${String(caps.get('browserVersion') ?? '')}`.trim();
    /** Window size minus page viewport size, measured once with a blank page. */
    let chrome: { width: number; height: number } | undefined;

    const run = async <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> =>
      (await d.executeScript(`return (${fn.toString()})(arguments[0]);`, arg ?? null)) as R;

    const withFrame = async <T>(prefix: string, body: () => Promise<T>): Promise<T> => {
      const frames = await d.findElements(By.css('iframe'));
      for (const f of frames) {
        const src = (await f.getAttribute('src')) ?? '';
        if (!src.startsWith(prefix)) continue;
        await d.switchTo().frame(f);
        try {
          return await body();
        } finally {
          await d.switchTo().defaultContent();
        }
      }
      throw new Error(`no frame at ${prefix}`);
    };

    return {
      name: 'webkit',
      version,
      async open(viewport) {
        if (!chrome) {
          // A page whose <html> fills the viewport gives the viewport's size without running a script
          // (so it also works with JavaScript off); the toolbar's share is the rest of the window.
          await d.manage().window().setRect({ x: 0, y: 0, width: 800, height: 800 });
          await d.get('data:text/html,<style>html,body{margin:0;height:100%;overflow:hidden}</style>');
          const inner = await d.findElement(By.css('html')).getRect();
          chrome = { width: 800 - inner.width, height: 800 - inner.height };
        }
        const chromeSize = chrome;
        const size = (v: Viewport) =>
          d
            .manage()
            .window()
            .setRect({ x: 0, y: 0, width: v.width + chromeSize.width, height: v.height + chromeSize.height });
        await size(viewport);
        return {
          engine: 'webkit',
          async goto(target) {
            await d.get(target);
          },
          evaluate: run,
          async frame(prefix, timeout = 10_000) {
            await until(
              `a frame at ${prefix}`,
              async () => {
                for (const f of await d.findElements(By.css('iframe'))) if (((await f.getAttribute('src')) ?? '').startsWith(prefix)) return true;
                return false;
              },
              timeout,
            );
            return { evaluate: (fn, arg) => withFrame(prefix, () => run(fn, arg)) };
          },
          async elements(selector, attrs) {
            const out: ElementInfo[] = [];
            for (const el of await d.findElements(By.css(selector))) {
              const values = await Promise.all(attrs.map((a) => el.getAttribute(a)));
              const r = await el.getRect();
              out.push({ attrs: Object.fromEntries(attrs.map((a, i) => [a, values[i]])), rect: { x: r.x, y: r.y, width: r.width, height: r.height } });
            }
            return out;
          },
          text: (selector) => d.findElement(By.css(selector)).getText(),
          async errors() {
            const top = await run(readCollected).catch(() => [] as string[]);
            const inFrames: string[] = [];
            for (const f of await d.findElements(By.css('iframe'))) {
              await d.switchTo().frame(f);
              inFrames.push(...(await run(readCollected).catch(() => [] as string[])));
              await d.switchTo().defaultContent();
            }
            return [...top, ...inFrames];
          },
          async resize(v) {
            await size(v);
          },
          async screenshot(path) {
            writeFileSync(path, Buffer.from(await d.takeScreenshot(), 'base64'));
          },
          async close() {
            await d.get('about:blank');
          },
        };
      },
      close: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
