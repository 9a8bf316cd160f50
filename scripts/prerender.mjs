/**
 * Build step 4 of 4: renders the React tree to HTML and writes it, with the head (meta tags from
 * entry-server.tsx and a Content-Security-Policy allowing only our own origin), into dist/index.html. Without JavaScript
 * the reader gets the whole story, the tables and the sources from this HTML.
 *
 * SITE_URL (optional, e.g. https://news.example/driscoll/) adds the canonical URL and absolute
 * Open Graph addresses; without it the page makes no claim about where it lives.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, 'dist');
const ssrDir = resolve(root, 'dist-ssr');

const { render, renderHead } = await import(pathToFileURL(resolve(ssrDir, 'entry-server.js')).href);
const template = readFileSync(resolve(dist, 'index.html'), 'utf8');
if (!template.includes('<!--app-html-->') || !template.includes('<!--app-head-->')) {
  throw new Error('dist/index.html: the <!--app-head--> or <!--app-html--> placeholder is missing');
}

const siteUrl = process.env.SITE_URL ? new URL(process.env.SITE_URL).href : null;

let html = template.replace('<!--app-html-->', await render());

/*
 * On a top-level page the prerendered story paints first and the script is fetched after that paint:
 * the text and first graphic are already there, so nothing waits for JavaScript. Inside a frame the
 * script loads at once, because it reports the frame's height (and an off-screen frame gets no
 * animation frames). The loader reads the entry's address from its own data-entry attribute.
 */
const ENTRY_TAG = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/;
const entry = ENTRY_TAG.exec(html)?.[1];
if (!entry) throw new Error('dist/index.html: no module entry script found to defer');
const LOADER = `(function (entry) {
  function load() {
    var s = document.createElement('script');
    s.type = 'module';
    s.src = entry;
    document.head.appendChild(s);
  }
  var top = false;
  try { top = window.self === window.top; } catch (e) {}
  // Two animation frames after the load event: the first paint has been presented by then.
  function afterFirstPaint() {
    requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(load, 0); }); });
  }
  if (!top) load();
  else if (document.readyState === 'complete') afterFirstPaint();
  else addEventListener('load', afterFirstPaint);
})(document.currentScript.dataset.entry);`;
html = html
  .replace(ENTRY_TAG, '')
  .replace(/<link rel="modulepreload"[^>]*>\s*/g, '')
  .replace('</body>', `  <script data-entry="${entry}">${LOADER}</script>\n  </body>`);

// Inline scripts (the boot script in index.html and the entry loader) are allowed by hash, never by 'unsafe-inline'.
const inlineHashes = [...html.matchAll(/<script(?![^>]*\ssrc=)(?:\s[^>]*)?>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`,
);
export const CSP = [
  "default-src 'self'",
  `script-src 'self' ${inlineHashes.join(' ')}`.trim(),
  "style-src 'self'",
  // React and framer-motion set style attributes (transforms, bar widths); no style elements are allowed.
  "style-src-attr 'unsafe-inline'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

html = html.replace('<!--app-head-->', [`<meta http-equiv="Content-Security-Policy" content="${CSP}" />`, renderHead(siteUrl)].join('\n    '));
writeFileSync(resolve(dist, 'index.html'), html);
// The graphic-only page embed.js pins in sticky mode: no inline scripts, so no hashes.
const graphicCsp = CSP.replace(/script-src [^;]*/, "script-src 'self'");
const graphicPage = readFileSync(resolve(dist, 'graphic.html'), 'utf8');
if (!graphicPage.includes('<!--app-head-->')) throw new Error('dist/graphic.html: the <!--app-head--> placeholder is missing');
writeFileSync(resolve(dist, 'graphic.html'), graphicPage.replace('<!--app-head-->', `<meta http-equiv="Content-Security-Policy" content="${graphicCsp}" />`));
rmSync(ssrDir, { recursive: true, force: true });
console.log(`prerendered dist/index.html (${Buffer.byteLength(html)} bytes); CSP: ${CSP}`);
