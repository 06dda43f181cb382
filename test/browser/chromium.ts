import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, driven by playwright-core. `npm test` installs it first
 * (scripts/ensure-chromium.sh); a missing browser fails loudly here rather than skipping.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
}
