/**
 * Find a real Chromium-family browser for the end-to-end tests (never a downloaded one).
 * Debian: /usr/bin/chromium (installed by scripts/ensure-browser.ts when run as root).
 * Laptops: an installed Chrome or Edge. CHROME_PATH overrides.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
];

export const HOW_TO_GET_A_BROWSER =
  'No Chromium, Chrome or Edge found for the browser tests.\n' +
  '  Debian/Ubuntu: sudo apt-get install -y chromium fonts-ipafont-gothic\n' +
  '  Windows/macOS: install Google Chrome or Microsoft Edge, or set CHROME_PATH to its executable.';

export function findBrowser(): string | undefined {
  return CANDIDATES.find((p): p is string => !!p && existsSync(p));
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(HOW_TO_GET_A_BROWSER);
  return chromium.launch({
    executablePath,
    // Without the background-networking flags Chromium tries to reach Google's hosts (closed network).
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps'],
  });
}
