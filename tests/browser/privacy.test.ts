/**
 * Issue #5, privacy gate: the page names nothing on another origin to load; its Content-Security-Policy
 * allows only our own origin and is enforced. That reading the whole story requests only our origin
 * and raises no CSP violation is checked on reading.test.ts's one read of it, at both sizes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { htmlReferences, listFiles } from '../../scripts/bench/bytes.mjs';
import { DIST, launchBrowser, PHONE, requireBuild, serveDir, type StaticServer } from './harness.ts';

let html: string;
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  requireBuild();
  html = readFileSync(join(DIST, 'index.html'), 'utf8');
  server = await serveDir(DIST);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The policy from the <meta http-equiv="Content-Security-Policy"> tag, as directive -> sources. */
function metaCsp(source: string): Map<string, string[]> | null {
  const tag = [...source.matchAll(/<meta\b[^>]*>/gi)].map((m) => m[0]).find((t) => /http-equiv\s*=\s*["']?content-security-policy["']?/i.test(t));
  const content = tag?.match(/\bcontent\s*=\s*"([^"]*)"/i)?.[1] ?? tag?.match(/\bcontent\s*=\s*'([^']*)'/i)?.[1];
  if (content === undefined) return null;
  const policy = new Map<string, string[]>();
  for (const part of content.replace(/&#x27;|&#39;|&apos;/g, "'").split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), values);
  }
  return policy;
}

describe('Content-Security-Policy', () => {
  test('index.html carries a CSP meta tag that allows only our own origin', () => {
    const policy = metaCsp(html);
    expect(policy, 'no <meta http-equiv="Content-Security-Policy"> in dist/index.html').not.toBeNull();
    if (!policy) return;
    console.log(`CSP: ${[...policy].map(([d, v]) => `${d} ${v.join(' ')}`).join('; ')}`);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    const problems: string[] = [];
    for (const [directive, sources] of policy) {
      for (const s of sources) {
        const allowed =
          s === "'self'" ||
          s === "'none'" ||
          /^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(s) ||
          // Inline style attributes only (React's SSR style="" on a few elements); never scripts.
          (s === "'unsafe-inline'" && directive === 'style-src-attr');
        if (!allowed && !['report-uri', 'report-to', 'upgrade-insecure-requests', 'block-all-mixed-content'].includes(directive)) {
          problems.push(`${directive} allows ${s}`);
        }
      }
    }
    for (const d of ['frame-ancestors', 'sandbox', 'report-uri']) if (policy.has(d)) problems.push(`${d} is ignored in a <meta> CSP (send it as a header)`);
    expect(problems).toEqual([]);
  });

  test("every inline script's hash is in script-src, and nothing else inline is allowed to run", () => {
    const policy = metaCsp(html);
    const scriptSrc = policy?.get('script-src') ?? policy?.get('default-src') ?? [];
    const inline = htmlReferences(html).inlineScripts.filter((s) => !/json/i.test(s.type));
    const missing = inline.filter((s) => !scriptSrc.includes(`'sha256-${createHash('sha256').update(s.text).digest('base64')}'`));
    console.log(`CSP: ${inline.length} inline script(s), ${inline.length - missing.length} hashed in script-src`);
    expect(missing.map((s) => s.text.trim().slice(0, 60))).toEqual([]);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
  });
});

test('the CSP is enforced: an injected inline script is blocked and reported (so the listener below can see violations)', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(`${server.origin}/`, { waitUntil: 'load' });
  const seen = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
        const s = document.createElement('script');
        s.textContent = 'window.__injected = true';
        document.head.append(s);
        setTimeout(() => resolve('no violation reported'), 2000);
      }),
  );
  const ran = await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected === true);
  await context.close();
  expect(seen).toBe('script-src-elem');
  expect(ran).toBe(false);
});

describe('no request to another origin', () => {
  test('the built HTML and CSS name no other origin for anything the browser loads', () => {
    const offsite = htmlReferences(html).refs.filter((r) => /^(?:[a-z]+:)?\/\//i.test(r.url));
    const tags = [
      ...html.matchAll(/<(?:img|iframe|source|video|audio|embed|object|link)\b[^>]*\b(?:src|srcset|href|data)\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+/gi),
    ]
      .map((m) => m[0])
      .filter((t) => !/^<link\b/i.test(t) || /\brel\s*=\s*["']?(?:stylesheet|preload|modulepreload|prefetch|preconnect|dns-prefetch|icon|manifest)/i.test(t));
    const css = listFiles(DIST)
      .filter((f) => f.endsWith('.css'))
      .flatMap((f) =>
        [...readFileSync(join(DIST, f), 'utf8').matchAll(/url\(\s*["']?(?:https?:)?\/\/[^)]*\)|@import\s+["']?(?:https?:)?\/\//g)].map((m) => `${f}: ${m[0]}`),
      );
    expect([...offsite.map((r) => r.url), ...tags, ...css]).toEqual([]);
  });
});
