// Shared by the browser tests: playwright-core (installed by run.sh outside
// the source tree, folder in VG_WEB_MODULES) driving Debian's Chromium.
import { createRequire } from 'node:module';
import path from 'node:path';

export function playwright() {
  const dir = process.env.VG_WEB_MODULES;
  if (!dir) throw new Error('VG_WEB_MODULES is not set (run through tests/web/run.sh)');
  return createRequire(path.join(dir, 'package.json'))('playwright-core');
}

export const CHROMIUM = process.env.VG_CHROMIUM || '/usr/bin/chromium';

export async function launch() {
  const { chromium } = playwright();
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--autoplay-policy=no-user-gesture-required', '--mute-audio'],
  });
}

// A page that records script errors, failed requests and CSP violations, so
// a test can say none happened.
export async function newPage(browser, base, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, baseURL: base });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy|Refused to/i.test(m.text())) page.problems.push(`CSP: ${m.text()}`);
  });
  page.on('dialog', (d) => d.accept());
  return page;
}

let failures = 0;
export async function scenario(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failures += 1;
    console.log(`FAIL ${name}: ${e && e.stack ? e.stack : e}`);
  }
}
export function failed() { return failures; }

export function assert(cond, msg) { if (!cond) throw new Error(`assertion failed: ${msg}`); }
