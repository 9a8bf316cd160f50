/**
 * A vitest reporter that ends every run with one line per browser engine: how many tests it ran
 * and how they ended. CI's log (and a reader of it) can see at a glance that Firefox and WebKit
 * really ran, how many tests each ran and how long its files took, rather than trusting a green total.
 */
import type { Reporter, TestModule } from 'vitest/node';

const ENGINE_PROJECTS: Record<string, string> = {
  unit: 'none (unit tests, node)',
  browser: 'chromium (Chromium-only browser tests)',
  'browser-embed': 'chromium (Chromium-only browser tests: the embed hosts)',
  chromium: 'chromium (cross-engine tests)',
  firefox: 'firefox (cross-engine tests)',
  webkit: 'webkit (cross-engine tests)',
};

export default class EngineSummary implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const rows = new Map<string, { files: number; failedFiles: number; passed: number; failed: number; skipped: number; ms: number }>();
    for (const module of testModules) {
      const name = module.project.name;
      if (!(name in ENGINE_PROJECTS)) continue;
      const row = rows.get(name) ?? { files: 0, failedFiles: 0, passed: 0, failed: 0, skipped: 0, ms: 0 };
      row.files++;
      // A file can fail outside any test (a failing beforeAll, an import error).
      if (module.state() === 'failed') row.failedFiles++;
      row.ms += module.diagnostic().duration;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') row.passed++;
        else if (state === 'failed') row.failed++;
        else row.skipped++;
      }
      rows.set(name, row);
    }
    if (!rows.size) return;
    const lines = [...rows].map(
      ([name, r]) =>
        `engine ${ENGINE_PROJECTS[name]}: ${r.passed + r.failed + r.skipped} tests in ${r.files} file${r.files === 1 ? '' : 's'}: ` +
        `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} not run` : ''}${r.failedFiles ? `; ${r.failedFiles} file${r.failedFiles === 1 ? '' : 's'} failed` : ''} (${(r.ms / 1000).toFixed(1)} s)`,
    );
    process.stdout.write(`\n${lines.join('\n')}\n`);
  }
}
