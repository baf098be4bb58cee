// Screenshots of every page at desktop and phone width, for a person to look
// at: node screenshots.mjs BASE_URL OUT_DIR [task-id]. Used while working on
// web/ (against the real server or tests/web/mock-api.mjs).
import fs from 'node:fs';
import { launch, newPage } from './lib.mjs';

const [base, out, taskId] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const browser = await launch();
const sizes = { desktop: { width: 1280, height: 900 }, phone: { width: 360, height: 740 } };
const pages = [['create', '/'], ['tasks', '/tasks'], ['editor', '/editor']];
if (taskId) pages.push(['task', `/tasks/${taskId}`]);
for (const [sizeName, size] of Object.entries(sizes)) {
  const page = await newPage(browser, base, size);
  for (const [name, url] of pages) {
    await page.goto(url);
    await page.waitForLoadState('networkidle').catch(() => {});
    if (name === 'create') {
      await page.getByLabel('Or paste text').fill('# A talk\n\n## First\n\n- one\n- two\n\n## Second\n\nText.\n');
      await page.getByRole('button', { name: 'Show the plan' }).click();
      await page.locator('.sheet img').first().waitFor();
      await page.waitForFunction(() => [...document.querySelectorAll('.sheet img')].every((i) => i.complete && i.naturalWidth > 0), null, { timeout: 10000 }).catch(() => {});
    }
    if (name === 'editor') await page.waitForSelector('img.preview[data-rev]', { timeout: 10000 }).catch(() => {});
    if (name === 'task') await page.waitForTimeout(500);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    await page.screenshot({ path: `${out}/${name}-${sizeName}.png`, fullPage: true });
    console.log(`${out}/${name}-${sizeName}.png${wide ? ' (horizontal scroll!)' : ''}${page.problems.length ? ` problems: ${page.problems.join('; ')}` : ''}`);
  }
}
await browser.close();
