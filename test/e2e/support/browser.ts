/** Launches the system Chromium (Debian's /usr/bin/chromium) through playwright-core. */
import { existsSync } from 'fs';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const INSTALL_HINT =
  `Chromium not found at ${CHROMIUM_PATH}. Install it with \`apt-get update && apt-get install -y chromium\` ` +
  '(or set CHROMIUM_PATH to a Chromium binary). Set SELFEVAL_SKIP_E2E=1 to skip the browser tests.';

export function skipE2E(): boolean {
  return process.env.SELFEVAL_SKIP_E2E === '1';
}

export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(INSTALL_HINT);
}

/** A persistent context gives Chromium its own fresh --user-data-dir. */
export async function launch(): Promise<BrowserContext> {
  assertChromium();
  const profile = mkdtempSync(join(tmpdir(), 'selfeval-e2e-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
