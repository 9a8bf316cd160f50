/**
 * The local Chromium for the benchmark: same binary lookup and the same launch flags as the browser
 * tests (tests/browser/harness.ts). A test (tests/browser/benchPlumbing.test.ts) fails if the two
 * flag lists drift apart.
 */
import { existsSync } from 'node:fs';

const CANDIDATE_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath() {
  const fromEnv = process.env.CHROMIUM_PATH;
  const found = fromEnv ? (existsSync(fromEnv) ? fromEnv : undefined) : CANDIDATE_PATHS.find((p) => existsSync(p));
  if (found) return found;
  throw new Error(
    `No Chromium found (looked at ${fromEnv ? `CHROMIUM_PATH=${fromEnv}` : CANDIDATE_PATHS.join(', ')}). ` +
      "Install Debian's: sudo apt-get install -y chromium, or set CHROMIUM_PATH.",
  );
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
  // Any non-local host fails at once: the benchmark never talks to the internet.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];
