/**
 * Make sure a Chromium-family browser exists for the end-to-end tests.
 * On Debian run as root it installs Debian's chromium and a Japanese font itself;
 * elsewhere it says exactly how to get one. Never downloads a browser build.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser, HOW_TO_GET_A_BROWSER } from '../../test/support/browser.ts';

export function ensureBrowser(): { ok: boolean; message: string } {
  const needFont = process.platform === 'linux' && !hasJapaneseFont();
  const found = findBrowser();
  if (found && !needFont) return { ok: true, message: found };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (existsSync('/etc/debian_version') && isRoot) {
    const pkgs = [...(found ? [] : ['chromium']), ...(needFont ? ['fonts-ipafont-gothic'] : [])];
    console.log(`\nInstalling ${pkgs.join(' ')} from Debian for the browser tests…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const r = spawnSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: 'inherit', env });
    if (r.status !== 0) return { ok: false, message: `apt-get install ${pkgs.join(' ')} failed` };
    const now = findBrowser();
    return now ? { ok: true, message: now } : { ok: false, message: HOW_TO_GET_A_BROWSER };
  }
  if (found) return { ok: true, message: `${found} (no Japanese font found: screenshots may show boxes; apt-get install fonts-ipafont-gothic)` };
  console.error(`\n${HOW_TO_GET_A_BROWSER}`);
  return { ok: false, message: 'no browser' };
}

function hasJapaneseFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=ja'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return true; // no fontconfig: not a Linux desktop stack we can check
  }
}
