/**
 * @file Headless Chromium for the browser tests: Debian's `chromium` package, driven by
 * playwright-core (whose own browser download cannot work offline). Without it the browser tests
 * skip with a loud message locally, and fail in CI (CI=true), where .ci/run installs it.
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.LGO_CHROMIUM ?? '/usr/bin/chromium';

/** True when the browser is installed; in CI its absence is an error, never a skip. */
export function chromiumAvailable(): boolean {
  if (fs.existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI) throw new Error(`${CHROMIUM_PATH} is missing in CI: .ci/run must install Debian's chromium (apt-get install -y chromium)`);
  process.stderr.write(
    `\n${'!'.repeat(78)}\n!! BROWSER TESTS SKIPPED: ${CHROMIUM_PATH} is missing.\n!! Install it with: sudo apt-get install -y chromium   (or set LGO_CHROMIUM)\n${'!'.repeat(78)}\n\n`,
  );
  return false;
}

/** Launches headless Chromium with the flags a sandboxed, offline machine needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}
