/**
 * The byte-report logic behind the budget test and `npm run bench` (scripts/bench/), on a small
 * hand-made dist/: what counts as first load, what counts as everything the page loads, and the
 * floor page the benchmark compares us with.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assetGraph, byteReport, cssUrls, htmlReferences, sizes, staticImports } from '../../scripts/bench/bytes.mjs';
import { floorPage } from '../../scripts/bench/floor.mjs';
import { median } from '../../scripts/bench/stats.mjs';

const HTML = `<!doctype html><html><head>
<link rel="icon" href="./favicon.svg">
<script>document.documentElement.dataset.x = '1'</script>
<script type="application/ld+json">{"@type":"Article"}</script>
<script type="module" crossorigin src="./assets/index-A1.js"></script>
<link rel="modulepreload" crossorigin href="./assets/vendor-B2.js">
<link rel="stylesheet" href="./assets/index-C3.css">
<meta property="og:image" content="share.png">
</head><body><p>Story text stays.</p><!-- <script src="./assets/commented-Z9.js"></script> -->
<pre>&lt;script src="https://example.org/embed.js"&gt;&lt;/script&gt;</pre></body></html>`;

const FILES: Record<string, string> = {
  'index.html': HTML,
  'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'share.png': 'not really a png',
  'embed.js': 'console.log("host script, never loaded by the page")',
  'assets/index-A1.js': 'import{a as b}from"./vendor-B2.js";import"./side-D4.js";b();setTimeout(()=>import("./lazy-E5.js"));',
  'assets/vendor-B2.js': 'export*from"./vendor2-F6.js";export const a=()=>1;',
  'assets/vendor2-F6.js': 'export const c=2;',
  'assets/side-D4.js': 'document.title+="";',
  'assets/lazy-E5.js': 'fetch(new URL("map-G7.json",import.meta.url));',
  'assets/map-G7.json': '{"type":"Topology"}',
  'assets/index-C3.css': 'body{background:url(./paper-H8.svg)}',
  'assets/paper-H8.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'assets/commented-Z9.js': 'never referenced but in a comment',
};

let dist: string;
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'bench-dist-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('parsing', () => {
  test('static imports and re-exports count; dynamic import() does not', () => {
    expect(staticImports('import{a as b}from"./x.js";import"./y.js";export*from"./z.js";import("./lazy.js");const s="import";')).toEqual([
      './x.js',
      './y.js',
      './z.js',
    ]);
    expect(staticImports('import x from "./q.js"\nimport * as ns from \'./r.js\'')).toEqual(['./q.js', './r.js']);
  });

  test('HTML: tags that make the browser fetch, not text, comments or other link rels; inline scripts', () => {
    const { refs, inlineScripts } = htmlReferences(HTML);
    expect(refs.map((r) => r.url)).toEqual(['./favicon.svg', './assets/index-A1.js', './assets/vendor-B2.js', './assets/index-C3.css']);
    expect(inlineScripts.map((s) => s.type)).toEqual(['', 'application/ld+json']);
  });

  test('CSS url()s and @imports', () => {
    expect(cssUrls('@import "./a.css";b{background:url( "./x.svg" )}c{mask:url(y.svg)}')).toEqual(['./x.svg', 'y.svg', './a.css']);
  });
});

describe('the asset graph', () => {
  test('first load = the HTML, what its tags load and their static imports and CSS urls', () => {
    expect(assetGraph(dist).firstLoad).toEqual([
      'assets/index-A1.js',
      'assets/index-C3.css',
      'assets/paper-H8.svg',
      'assets/side-D4.js',
      'assets/vendor-B2.js',
      'assets/vendor2-F6.js',
      'favicon.svg',
      'index.html',
    ]);
  });

  test('everything the page loads adds dynamic imports and files they name; never the host script or share image', () => {
    const { all } = assetGraph(dist);
    expect(all).toContain('assets/lazy-E5.js');
    expect(all).toContain('assets/map-G7.json');
    expect(all).not.toContain('embed.js');
    expect(all).not.toContain('share.png');
    expect(all).not.toContain('assets/commented-Z9.js');
  });

  test('the report sums exact sizes, and JS includes the inline script but not JSON-LD', () => {
    const r = byteReport(dist);
    const js = ['assets/index-A1.js', 'assets/side-D4.js', 'assets/vendor-B2.js', 'assets/vendor2-F6.js'];
    const gz = js.reduce((n, f) => n + sizes(FILES[f]).gzip, 0) + sizes("document.documentElement.dataset.x = '1'").gzip;
    expect(r.firstLoadJs.files).toEqual(js);
    expect(r.firstLoadJs.gzip).toBe(gz);
    expect(r.pageTotal.raw).toBe(r.pageTotal.files.reduce((n, f) => n + Buffer.byteLength(FILES[f]), 0));
    expect(r.notLoadedByPage).toEqual(['assets/commented-Z9.js', 'embed.js', 'share.png']);
  });

  test('gzip and brotli are real compressions of the bytes', () => {
    const s = sizes('a'.repeat(10_000));
    expect(s.raw).toBe(10_000);
    expect(s.gzip).toBeLessThan(100);
    expect(s.brotli).toBeLessThan(100);
  });
});

describe('the floor page', () => {
  test('is our HTML with every script and module preload removed, and everything else kept', () => {
    const floor = floorPage(HTML);
    expect(floor).not.toMatch(/<script/i);
    expect(floor).not.toMatch(/modulepreload/);
    expect(floor).toContain('<link rel="stylesheet" href="./assets/index-C3.css">');
    expect(floor).toContain('<p>Story text stays.</p>');
  });
});

test('median of noisy runs', () => {
  expect(median([5, 1, 3])).toBe(3);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  expect(median([null, Number.NaN, 7])).toBe(7);
  expect(median([])).toBeNull();
});
