/**
 * A build for reading traces, in dist-profile/: the same page, unminified, so the CPU profiler in a
 * trace of the scroll run names our functions and components. With --react-tracks it also uses
 * React's profiling build (react-dom/profiling), which writes its scheduler tracks to the trace
 * (console.timeStamp: each render, commit and effects pass, blocking or transition); that build is
 * slower (its logging shows as prepareFreshStack and logCommitPhase time), so read names from it,
 * never figures.
 *
 *   node scripts/bench/profileBuild.mjs [--react-tracks]
 *   node scripts/bench/scroll.mjs --dist dist-profile --trace bench-results/scroll-trace.json
 *
 * It builds into dist/ (the prerender step reads and writes there), moves the result to
 * dist-profile/ and rebuilds dist/ as `npm run build` would.
 */
import { execFileSync } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '../..');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

await build({
  root,
  configFile: resolve(root, 'vite.config.ts'),
  logLevel: 'warn',
  build: { minify: false },
  resolve: { alias: process.argv.includes('--react-tracks') ? [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }] : [] },
});
run('npx', ['vite', 'build', '--logLevel', 'warn', '--ssr', 'src/entry-server.tsx', '--outDir', 'dist-ssr']);
run('npx', ['vite', 'build', '--logLevel', 'warn', '--config', 'vite.embed.config.ts']);
run('node', ['scripts/prerender.mjs']);
rmSync(resolve(root, 'dist-profile'), { recursive: true, force: true });
renameSync(resolve(root, 'dist'), resolve(root, 'dist-profile'));
run('npm', ['run', 'build', '--silent']);
console.log('profiling build in dist-profile/; dist/ rebuilt');
