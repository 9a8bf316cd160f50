/**
 * The appendix's tables on a small phone in every engine: Firefox and WebKit set them in wider
 * fallback fonts than Chromium (adapter.ts, ENGINE LIMITS: fonts), and the row cards hang on
 * container queries whose thresholds are in the container's own em (appendix.css). At 320 × 568
 * nothing scrolls sideways, nothing is cut, and every figure shows its column header.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DIST, requireBuild, serveDir, type StaticServer } from '../harness.ts';
import { expectTablesToFit, readTablesInPage } from '../tableProbe.ts';
import { collectErrorsOptions, currentEngine, launchEngine, type Engine } from './adapter.ts';

const ENGINE = currentEngine();
let server: StaticServer;
let engine: Engine;

beforeAll(async () => {
  requireBuild();
  server = await serveDir(DIST, { host: '127.0.0.1', ...collectErrorsOptions });
  engine = await launchEngine(ENGINE);
});
afterAll(async () => {
  await engine?.close();
  await server?.close();
});

test(`${ENGINE}: at 320×568 every table fits its box, nothing is cut, every figure shows its header`, async () => {
  const tab = await engine.open({ width: 320, height: 568 });
  try {
    await tab.goto(`${server.origin}/`);
    expectTablesToFit(await tab.evaluate(readTablesInPage));
    expect(await tab.errors()).toEqual([]);
  } finally {
    await tab.close();
  }
}, 60_000);
