/**
 * Writes dist/THIRD-PARTY-LICENSES.txt: the name, version, licence and licence text of every npm
 * package whose code is in the browser's bundle, found from the modules the bundle was built from
 * (so it lists exactly what ships, not what package.json declares).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import type { Plugin } from 'vite';

interface PackageInfo {
  name: string;
  version: string;
  license: string;
  text: string;
}

/** The folder of an installed package, resolved from `from` (a file), or null if it is not installed. */
function installedDir(name: string, from: string): string | null {
  try {
    return dirname(createRequire(from).resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

/** The folder of the npm package a module file belongs to, or null for our own code. */
function packageDir(moduleId: string): string | null {
  // Helpers the bundler writes into the bundle (module preload, the chunk runtime) are Vite's and Rolldown's code.
  if (moduleId.startsWith('\0vite/')) return installedDir('vite', import.meta.filename);
  if (moduleId.startsWith('\0rolldown/')) {
    const vite = installedDir('vite', import.meta.filename);
    return vite && installedDir('rolldown', join(vite, 'package.json'));
  }
  const path = moduleId.replace(/^\0/, '').split('?')[0];
  const marker = `${sep}node_modules${sep}`;
  const at = path.lastIndexOf(marker);
  if (at < 0) return null;
  const rest = path.slice(at + marker.length).split(sep);
  const depth = rest[0].startsWith('@') ? 2 : 1;
  return join(path.slice(0, at + marker.length), ...rest.slice(0, depth));
}

function readPackage(dir: string): PackageInfo {
  const manifest: unknown = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const field = (key: string) => {
    const value = typeof manifest === 'object' && manifest !== null ? Reflect.get(manifest, key) : undefined;
    return typeof value === 'string' ? value : '';
  };
  const licenceFile = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  return {
    name: field('name') || dir,
    version: field('version'),
    license: field('license') || 'UNKNOWN',
    text: licenceFile ? readFileSync(join(dir, licenceFile), 'utf8').trim() : '(no licence file in the package)',
  };
}

export function thirdPartyLicenses(fileName = 'THIRD-PARTY-LICENSES.txt'): Plugin {
  return {
    name: 'driscoll:third-party-licences',
    apply: 'build',
    generateBundle(_options, bundle) {
      // The SSR build runs at build time only; its dependencies are not shipped.
      if (this.environment.config.consumer !== 'client') return;
      const dirs = new Set<string>();
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        for (const id of item.moduleIds) {
          const dir = packageDir(id);
          if (dir && existsSync(join(dir, 'package.json'))) dirs.add(dir);
        }
      }
      const packages = [...dirs].map(readPackage).sort((a, b) => a.name.localeCompare(b.name));
      const header =
        "Third-party software in this page's JavaScript, with the licence of each package.\n" +
        `Generated at build time from the bundle's modules (${packages.length} packages).\n`;
      const body = packages.map((p) => `${'='.repeat(72)}\n${p.name} ${p.version} (${p.license})\n${'='.repeat(72)}\n\n${p.text}\n`);
      this.emitFile({ type: 'asset', fileName, source: [header, ...body].join('\n') });
    },
  };
}
