/**
 * Issue #5's byte budgets, enforced here in the fast unit project so a breach fails `npm run
 * test:unit` within seconds: first-load JS at most 100 KB gzip, everything the page can load at most
 * 250 KB gzip (1 KB = 1000 bytes). The figures come from Vite's build manifest (exact chunk graph:
 * the entry and its static imports, then every lazy chunk), with the same code `npm run bench`
 * prints with (scripts/bench/bytes.mjs). Also: the HTML-graph byte report on a hand-made dist/, and
 * the floor page the benchmark compares us with.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assetGraph,
  BUDGETS,
  budgetBreaches,
  byteReport,
  cssUrls,
  htmlReferences,
  kb,
  MANIFEST,
  manifestBytes,
  manifestReport,
  sizes,
  staticImports,
  type ManifestChunk,
} from '../../scripts/bench/bytes.mjs';
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

// --- Budgets from Vite's build manifest ---------------------------------------------------------

/** A fake build: an entry with a shared import, two lazy chunks (one nested), CSS and an asset. */
const FAKE: Record<string, ManifestChunk> = {
  'index.html': {
    file: 'assets/index.js',
    src: 'index.html',
    isEntry: true,
    imports: ['_shared.js'],
    dynamicImports: ['src/Map.tsx'],
    css: ['assets/index.css'],
  },
  '_shared.js': { file: 'assets/shared.js' },
  '_scale.js': { file: 'assets/scale.js', imports: ['_shared.js'] },
  'src/Map.tsx': {
    file: 'assets/Map.js',
    isDynamicEntry: true,
    imports: ['index.html', '_scale.js'],
    dynamicImports: ['src/Inset.tsx'],
    assets: ['assets/map.json'],
  },
  'src/Inset.tsx': { file: 'assets/Inset.js', isDynamicEntry: true, imports: ['_scale.js'] },
};
const FAKE_GZIP: Record<string, number> = {
  'assets/index.js': 60_000,
  'assets/shared.js': 20_000,
  'assets/index.css': 5_000,
  'assets/scale.js': 7_000,
  'assets/Map.js': 9_000,
  'assets/map.json': 3_000,
  'assets/Inset.js': 1_000,
};
const gzipOf = (f: string) => FAKE_GZIP[f] ?? Number.NaN;

describe('byte figures from a build manifest', () => {
  test('first load = the entry chunk and its static imports; each lazy chunk adds only what is not loaded yet', () => {
    const r = manifestBytes(FAKE, gzipOf, { htmlGzip: 4_000, inlineJsGzip: 500 });
    expect(r.entry).toBe('index.html');
    expect(r.firstLoadJs).toEqual({ files: ['assets/index.js', 'assets/shared.js'], gzip: 80_500 });
    expect(r.firstLoad.gzip).toBe(4_000 + 60_000 + 20_000 + 5_000);
    expect(r.lazyChunks.map((c) => [c.name, c.files, c.gzip])).toEqual([
      ['src/Inset.tsx', ['assets/Inset.js', 'assets/scale.js'], 8_000],
      ['src/Map.tsx', ['assets/Map.js', 'assets/scale.js', 'assets/map.json'], 19_000],
    ]);
    // Everything once: shared chunks are not counted twice.
    expect(r.total.gzip).toBe(4_000 + 60_000 + 20_000 + 5_000 + 7_000 + 9_000 + 3_000 + 1_000);
  });

  test('a build over budget is reported, naming the budget and the files', () => {
    const under = manifestBytes(FAKE, gzipOf);
    expect(budgetBreaches(under)).toEqual([]);
    const heavy = manifestBytes(FAKE, (f) => (f === 'assets/shared.js' ? 45_000 : gzipOf(f)));
    expect(heavy.firstLoadJs.gzip).toBe(105_000);
    expect(budgetBreaches(heavy)).toEqual(['first-load JS is 105000 B gzip, over the 100000 B budget (assets/index.js, assets/shared.js)']);
    const bloatedLazy = manifestBytes(FAKE, (f) => (f === 'assets/map.json' ? 200_000 : gzipOf(f)));
    const breaches = budgetBreaches(bloatedLazy);
    expect(breaches).toHaveLength(1);
    expect(breaches[0]).toMatch(/^everything the page can load is 302000 B gzip, over the 250000 B budget \(largest lazy chunks: src\/Map.tsx 216000 B/);
  });

  test('a manifest naming a chunk it does not list is an error, not a smaller figure', () => {
    expect(() => manifestBytes({ ...FAKE, 'index.html': { ...FAKE['index.html'], imports: ['_gone.js'] } }, gzipOf)).toThrow(/_gone.js/);
  });
});

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');

/** Newest modification time of anything the client build reads. */
function newestSource(): number {
  let newest = 0;
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const name of readdirSync(p)) walk(join(p, name));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ['src', 'data', 'public', 'index.html', 'vite.config.ts', 'vite.embed.config.ts', 'scripts/prerender.mjs']) {
    if (existsSync(join(ROOT, p))) walk(join(ROOT, p));
  }
  return newest;
}

describe('the real build keeps the budgets', () => {
  beforeAll(() => {
    // `npm test` builds first; `npm run test:unit` on its own builds when dist/ is missing or older than the sources.
    const manifest = join(DIST, MANIFEST);
    if (!existsSync(manifest) || statSync(manifest).mtimeMs < newestSource()) {
      console.log('budget: dist/ is missing or stale; running npm run build');
      // NODE_ENV is "test" inside vitest; a build under it would bundle React's development code.
      execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
    }
  }, 120_000);

  test('first-load JS at most 100 KB gzip, everything the page can load at most 250 KB gzip', () => {
    const r = manifestReport(DIST);
    console.log(
      `budget: first-load JS ${r.firstLoadJs.files.join(', ')} = ${r.firstLoadJs.gzip} B gzip (${kb(r.firstLoadJs.gzip)} of ${kb(BUDGETS.firstLoadJsGzip)}); ` +
        `${r.lazyChunks.length} lazy chunks (${r.lazyChunks.map((c) => `${c.name.split('/').pop()} ${kb(c.gzip)}`).join(', ')}); ` +
        `everything ${r.total.gzip} B gzip (${kb(r.total.gzip)} of ${kb(BUDGETS.totalGzip)})`,
    );
    expect(r.firstLoadJs.files.length).toBeGreaterThan(0);
    expect(r.lazyChunks.length).toBeGreaterThan(0);
    expect(budgetBreaches(r)).toEqual([]);
  });

  test('embed.js’s graphic frame (graphic.html) loads at most 40 KB gzip beyond what the story’s own frame already loads', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, MANIFEST), 'utf8')) as Record<string, ManifestChunk>;
    const gzipOf = (f: string) => sizes(readFileSync(join(DIST, f))).gzip;
    // The graphic page as its own entry: the same manifest without the story's page.
    const { 'index.html': story, ...withoutStory } = manifest;
    expect(story?.isEntry, 'the story’s page is an entry').toBe(true);
    const graphic = manifestBytes(withoutStory, gzipOf, { htmlGzip: gzipOf('graphic.html') });
    expect(graphic.entry).toBe('graphic.html');
    // Same origin: whatever the text frame loaded (its first load and its lazy chunks) comes from the cache.
    const cached = new Set(manifestReport(DIST).total.files);
    const extra = graphic.total.files.filter((f) => !cached.has(f));
    const extraGzip = extra.reduce((n, f) => n + gzipOf(f), 0) + gzipOf('graphic.html');
    console.log(`budget: graphic frame beyond the text frame: graphic.html + ${extra.join(', ')} = ${extraGzip} B gzip (${kb(extraGzip)} of ${kb(40_000)})`);
    expect(extra.length, 'its own entry chunk at least').toBeGreaterThan(0);
    expect(extraGzip).toBeLessThanOrEqual(40_000);
  });

  test("the manifest's first-load JS is the set the built HTML really loads (two methods agree)", () => {
    const fromHtml = assetGraph(DIST).firstLoad.filter((f) => /\.m?js$/.test(f));
    expect(manifestReport(DIST).firstLoadJs.files).toEqual(fromHtml);
  });
});
