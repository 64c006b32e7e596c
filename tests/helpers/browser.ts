/**
 * Headless Chromium for the browser tests, through playwright-core and the system's Chromium
 * (never a downloaded one). A missing Chromium fails the tests: they never skip.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/paths';

/** The Chromium the tests drive; CHROMIUM_PATH overrides the Debian package's path. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where the tests save screenshots; ignored by git. */
export const SCREENSHOT_DIR = join(PROJECT_ROOT, 'test-artifacts', 'screenshots');

/** Launches headless Chromium, or throws saying how to install it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}, so the browser tests cannot run. ` +
        'Install it (`apt-get install -y chromium`, as .ci/run does) or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: asRoot ? ['--no-sandbox'] : [] });
}

/** Builds the dashboard bundle when it is missing or stale (as `npm test` does before jest). */
export function ensureDashboardBuilt(): void {
  execFileSync(process.execPath, [join(PROJECT_ROOT, 'tools', 'build-dashboard.mjs'), '--if-stale'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
}

/** What a page did: console errors, uncaught exceptions, and every URL it requested. */
export interface PageRecord {
  errors: string[];
  requests: string[];
}

/** Starts recording a page's console errors, page errors and requests. */
export function record(page: Page): PageRecord {
  const rec: PageRecord = { errors: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') rec.errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => rec.errors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => rec.requests.push(request.url()));
  return rec;
}

/** The requests that left this machine: to any host other than 127.0.0.1 or localhost. */
export function foreignRequests(rec: PageRecord): string[] {
  return rec.requests.filter((url) => {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return false;
    return hostname !== '127.0.0.1' && hostname !== 'localhost';
  });
}

/** Saves a full-page screenshot as test-artifacts/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
