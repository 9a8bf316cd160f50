// @ts-check
/**
 * The one Chromium launcher, used by the browser tests (tests/browser/harness.ts re-exports it), the
 * benchmark and the screenshot script: Debian's Chromium driven by playwright-core, never a
 * downloaded browser, with no network but localhost.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const CANDIDATE_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * The browser binary, from CHROMIUM_PATH or Debian's usual place. Fails loudly when there is none.
 * @returns {string}
 */
export function chromiumPath() {
  const fromEnv = process.env.CHROMIUM_PATH;
  const found = fromEnv ? (existsSync(fromEnv) ? fromEnv : undefined) : CANDIDATE_PATHS.find((p) => existsSync(p));
  if (found) return found;
  const banner = [
    '',
    '################################################################',
    '#  NO CHROMIUM FOUND: the browser tests cannot run.',
    `#  Looked at: ${fromEnv ? `CHROMIUM_PATH=${fromEnv}` : CANDIDATE_PATHS.join(', ')}`,
    "#  Install Debian's Chromium:  sudo apt-get install -y chromium",
    '#  or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    process.env.CI === 'true' ? '#  CI=true: this is a failure.' : '#  These tests fail rather than pass without a browser.',
    '################################################################',
    '',
  ].join('\n');
  console.error(banner);
  throw new Error('No Chromium found (see the message above).');
}

/** @type {string[]} */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Any non-local host fails at once, which the privacy tests rely on.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

/**
 * A fresh browser with a fresh profile (playwright makes a new temporary user-data-dir per launch).
 * @param {string[]} [extraArgs]
 * @returns {Promise<import('playwright-core').Browser>}
 */
export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_FLAGS, ...extraArgs],
    // Keep scrollbars, so an inner scrollbar in an iframe shows up in measurements.
    ignoreDefaultArgs: ['--hide-scrollbars'],
  });
}
