// Browser tests of the studio (web/) on a running server: VG_WEB_BASE is its
// URL (run.sh starts `vgrun serve`). Each scenario waits on the page's own
// state (data-status, data-rev, readyState), never on a clock.
import { launch, newPage, scenario, failed, assert } from './lib.mjs';

const base = process.env.VG_WEB_BASE;
if (!base) { console.error('VG_WEB_BASE is not set'); process.exit(2); }
const LONG = 240000; // ms: an upper bound for a render on a slow, shared machine
const nonce = `${process.pid}-${Date.now()}`; // fresh text: nothing comes from a cache

const SMALL = `# Browser test ${nonce}\n\nA short video made in a browser test.\n\n## First point\n\n- Pages are served from the binary\n- Progress comes through events\n\n## Second point\n\nThe end of the test video.\n`;
let BIG = `# Long test ${nonce}\n\nA longer video, to cancel while it renders.\n`;
for (let i = 1; i <= 24; i++) BIG += `\n## Part ${i}\n\n- Point ${i} has a bullet that is said aloud\n- and a second bullet for good measure\n\nParagraph ${i} gives the narration a few more words to say.\n`;

const browser = await launch();
let doneTask = null;

async function problems(page) {
  assert(page.problems.length === 0, `script errors or CSP violations: ${page.problems.join(' | ')}`);
}
async function smallOptions(page) {
  await page.selectOption('select[name=resolution]', '854x480');
  await page.selectOption('select[name=fps]', '24');
}
// a page is ready when its own content is there (an open event stream
// means the network is never idle)
async function ready(page, url) {
  if (url === '/') await page.waitForFunction(() => document.querySelector('select[name=voice]')?.options.length > 1);
  else if (url === '/tasks') await page.waitForFunction(() => document.querySelector('main [role=status]')?.textContent);
  else if (url === '/editor') await page.waitForSelector('img.preview[data-rev]', { timeout: 60000 });
  else await page.waitForSelector('main[data-status]');
}
const statusIs = (page, s, timeout = LONG) => page.waitForSelector(`main[data-status="${s}"]`, { timeout });

await scenario('create from an upload, watch progress to the end through SSE', async () => {
  const page = await newPage(browser, base);
  await page.goto('/');
  // the menus are filled from the server's lists
  await page.waitForFunction(() => ['voice', 'color', 'theme', 'language'].every((n) => document.querySelector(`select[name=${n}]`).options.length > 1));
  await page.setInputFiles('#doc-file', { name: 'talk.md', mimeType: 'text/markdown', buffer: Buffer.from(SMALL) });
  await smallOptions(page);
  await page.getByRole('button', { name: 'Show the plan' }).click();
  await page.waitForFunction(() => {
    const imgs = [...document.querySelectorAll('.sheet img')];
    return imgs.length >= 3 && imgs.every((i) => i.complete && i.naturalWidth > 0);
  }, null, { timeout: 60000 });
  const titles = await page.locator('.sheet h3').allTextContents();
  assert(titles.some((t) => /First point/.test(t)), `the plan names the scenes: ${titles}`);
  await Promise.all([page.waitForURL(/\/tasks\/[\w.-]+$/), page.getByRole('button', { name: 'Start rendering' }).click()]);
  doneTask = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
  await statusIs(page, 'done');
  const seen = await page.evaluate(() => document.querySelector('main').dataset.eventTypes || '');
  assert(/stage\.(progress|completed)/.test(seen), `stage events arrived through SSE: ${seen}`);
  const overall = await page.$eval('#overall', (p) => p.value);
  assert(overall === 1, `overall progress is 100 % (${overall})`);
  const bars = await page.$$eval('.stages progress', (ps) => ps.map((p) => p.value));
  assert(bars.length > 0 && bars.every((v) => v === 1), `every stage bar is full: ${bars}`);
  await problems(page);
  await page.context().close();
});

await scenario('play the video: readyState 4, time advances, captions have cues, chapters, downloads', async () => {
  assert(doneTask, 'needs the task of the first scenario');
  const page = await newPage(browser, base);
  await page.goto(`/tasks/${encodeURIComponent(doneTask)}`);
  await statusIs(page, 'done', 30000);
  await page.waitForSelector('video');
  await page.evaluate(() => {
    const v = document.querySelector('video');
    v.muted = true;
    for (const t of v.textTracks) t.mode = 'hidden';
    return v.play();
  });
  await page.waitForFunction(() => { const v = document.querySelector('video'); return v.readyState === 4 && v.currentTime > 0.3; }, null, { timeout: 60000 });
  await page.waitForFunction(() => { const t = document.querySelector('video').textTracks[0]; return t && t.cues && t.cues.length > 0; }, null, { timeout: 30000 });
  const cues = await page.evaluate(() => [...document.querySelector('video').textTracks[0].cues].map((c) => c.text).join(' '));
  assert(/\w/.test(cues), `the captions have text: ${cues.slice(0, 120)}`);
  const chapters = await page.locator('.chapters button').count();
  assert(chapters >= 2, `a chapter per scene (${chapters})`);
  await page.locator('.chapters button').nth(1).click();
  const t = await page.evaluate(() => document.querySelector('video').currentTime);
  const start = Number(await page.locator('.chapters button').nth(1).getAttribute('data-start'));
  assert(Math.abs(t - start) < 1, `a chapter seeks to its start (${t} vs ${start})`);
  const links = await page.$$eval('.downloads a', (as) => as.map((a) => a.getAttribute('href')));
  for (const n of ['video.mp4', 'video.srt', 'video.vtt', 'video.png', 'video.timing.json']) {
    const href = links.find((l) => l.endsWith(`/${n}`));
    assert(href, `a download link for ${n}`);
    const r = await page.request.get(href);
    assert(r.status() === 200 && (await r.body()).length > 0, `${n} downloads (${r.status()})`);
  }
  await problems(page);
  await page.context().close();
});

await scenario('cancel and resume', async () => {
  const page = await newPage(browser, base);
  await page.goto('/');
  await page.getByLabel('Or paste text').fill(BIG);
  await page.selectOption('select[name=format]', 'md');
  await smallOptions(page);
  await Promise.all([page.waitForURL(/\/tasks\/[\w.-]+$/), page.getByRole('button', { name: 'Start rendering' }).click()]);
  await page.waitForFunction(() => document.querySelector('main').dataset.status === 'running' &&
    [...document.querySelectorAll('.stages progress')].some((p) => p.value > 0), null, { timeout: LONG });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await statusIs(page, 'cancelled', 60000);
  assert(await page.getByRole('button', { name: 'Resume' }).isVisible(), 'Resume is offered');
  assert(!(await page.getByRole('button', { name: 'Cancel' }).isVisible()), 'Cancel is not offered');
  await page.getByRole('button', { name: 'Resume' }).click();
  await statusIs(page, 'done');
  await page.waitForSelector('video');
  await problems(page);
  await page.context().close();
});

await scenario('tasks: live status from /api/events, filter, delete', async () => {
  const page = await newPage(browser, base);
  await page.goto('/tasks');
  await ready(page, '/tasks');
  // a task started elsewhere appears and reaches done without a reload
  const id = await page.evaluate(async (text) => {
    const fd = new FormData();
    fd.append('text', text);
    fd.append('format', 'md');
    fd.append('options', JSON.stringify({ resolution: '854x480', fps: 24 }));
    const r = await fetch('/api/tasks', { method: 'POST', body: fd });
    return (await r.json()).id;
  }, SMALL.replace('A short video', 'A listed video'));
  assert(id, 'the API made a task');
  const row = `li.task[data-id="${id}"]`;
  await page.waitForSelector(`${row}[data-status="done"]`, { timeout: LONG });
  await page.selectOption('select[name=status]', 'failed');
  await page.waitForSelector(row, { state: 'detached' });
  await page.selectOption('select[name=status]', 'done');
  await page.waitForSelector(row);
  assert(new URL(page.url()).search === '?status=done', `the filter is in the address: ${page.url()}`);
  const others = await page.$$eval('li.task', (ls) => ls.map((l) => l.dataset.status));
  assert(others.every((s) => s === 'done'), `only done tasks: ${others}`);
  await page.locator(`${row} button`).click(); // the confirmation is accepted
  await page.waitForSelector(row, { state: 'detached' });
  const r = await page.request.get(`/api/tasks/${encodeURIComponent(id)}`);
  assert(r.status() === 404, `the task is gone (${r.status()})`);
  await problems(page);
  await page.context().close();
});

await scenario('editor: the preview changes after typing', async () => {
  const page = await newPage(browser, base);
  await page.goto('/editor');
  await page.waitForSelector('img.preview[data-rev]', { timeout: 60000 });
  // the pixels (a blob: URL is not fetched: the server's CSP may forbid it)
  const picture = () => page.evaluate(async () => {
    const img = document.querySelector('img.preview');
    const c = document.createElement('canvas');
    c.width = img.naturalWidth; c.height = img.naturalHeight;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const px = g.getImageData(0, 0, c.width, c.height).data;
    const d = new Uint8Array(await crypto.subtle.digest('SHA-256', px));
    return { rev: Number(img.dataset.rev), sum: [...d].map((b) => b.toString(16).padStart(2, '0')).join('') };
  });
  const before = await picture();
  // the caret on the first heading: scene 1
  await page.locator('#ed-text').focus();
  await page.evaluate(() => { const t = document.getElementById('ed-text'); const end = t.value.indexOf('\n'); t.setSelectionRange(end, end); });
  await page.keyboard.type(' and a longer title');
  await page.waitForFunction((rev) => Number(document.querySelector('img.preview').dataset.rev) > rev, before.rev, { timeout: 30000 });
  // the last answer is for the last keystroke (older requests were aborted)
  await page.waitForFunction(() => !document.querySelector('img.preview').classList.contains('stale'));
  const after = await picture();
  assert(after.sum !== before.sum, 'the picture changed');
  const where = await page.locator('#ed-where').textContent();
  assert(/scene 1 of \d+/.test(where), `the caret's scene is shown: ${where}`);
  await problems(page);
  await page.context().close();
});

await scenario('keyboard only: the create form in order, every control labelled, focus visible', async () => {
  const page = await newPage(browser, base);
  await page.goto('/');
  await page.waitForFunction(() => document.querySelector('select[name=voice]').options.length > 1);
  // Language is offered only when tasks take it (`vgrun create --language`)
  const langs = await (await page.request.get('/api/languages')).json();
  await page.waitForFunction((on) => !document.querySelector('select[name=language]').closest('[hidden]') === on, langs.task_option);
  const want = ['Skip to content', 'vgrun studio', 'Create', 'Tasks', 'Editor', 'Upload a document', 'Or paste text', 'Format of the text',
    'Voice', 'Colour', 'Theme', ...(langs.task_option ? ['Language'] : []), 'Resolution', 'Frame rate', 'Detail', 'Duration (seconds)',
    'SRT file', 'WebVTT file', 'Burn into the picture', 'Show the plan', 'Start rendering'];
  const seen = [];
  for (let i = 0; i < 40 && seen.at(-1)?.name !== 'Start rendering'; i++) {
    await page.keyboard.press('Tab');
    seen.push(await page.evaluate(() => {
      const el = document.activeElement;
      const name = (el.labels && el.labels[0] ? el.labels[0].textContent : (el.getAttribute('aria-label') || el.textContent || '')).trim().replace(/\s+/g, ' ');
      const cs = getComputedStyle(el);
      return { name, outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 };
    }));
  }
  const names = seen.map((s) => s.name);
  let at = 0;
  for (const w of want) {
    const j = names.indexOf(w, at);
    assert(j >= 0, `Tab reaches "${w}" in order; got: ${names.join(' > ')}`);
    at = j + 1;
  }
  const noRing = seen.filter((s) => !s.outline).map((s) => s.name);
  assert(noRing.length === 0, `a visible focus ring on: ${noRing.join(', ')}`);
  // type a document and ask for the plan, keys only
  await page.keyboard.press('Shift+Tab'); // back from Start rendering to Show the plan
  for (let i = 0; i < 30; i++) {
    const n = await page.evaluate(() => (document.activeElement.labels?.[0]?.textContent || '').trim());
    if (n === 'Or paste text') break;
    await page.keyboard.press('Shift+Tab');
  }
  await page.keyboard.type('# Keys only\n\n## One\n\nSaid with the keyboard.\n');
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement.textContent.trim())) === 'Show the plan') break;
  }
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.sheet li.scene').length >= 2, null, { timeout: 60000 });
  // every control of every page has a name
  for (const url of ['/', '/tasks', '/editor', doneTask ? `/tasks/${encodeURIComponent(doneTask)}` : null].filter(Boolean)) {
    await page.goto(url);
    await ready(page, url);
    const unnamed = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea, button, a[href]')].filter((el) => {
      if (el.closest('[hidden]') || el.type === 'hidden') return false;
      const name = el.labels?.length ? el.labels[0].textContent : (el.getAttribute('aria-label') || el.textContent);
      return !(name && name.trim());
    }).map((el) => el.outerHTML.slice(0, 80)));
    assert(unnamed.length === 0, `${url}: controls without a name: ${unnamed.join(' | ')}`);
  }
  await problems(page);
  await page.context().close();
});

await scenario('the Detail menu: full reads every sentence, in the plan and in the video', async () => {
  const page = await newPage(browser, base);
  await page.goto('/');
  await page.waitForFunction(() => document.querySelector('select[name=voice]').options.length > 1);
  let doc = `# Detail test ${nonce}\n\n## The part\n\n`;
  for (let i = 0; i < 12; i++) doc += `Sentence marker${i} says one thing about topic number ${i} here. `;
  await page.getByLabel('Or paste text').fill(doc + '\n');
  await page.selectOption('select[name=format]', 'md');
  await smallOptions(page);
  const plan = async () => {
    await page.getByRole('button', { name: 'Show the plan' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.sheet details p').length > 0
      && !document.querySelector('.plan .muted')?.textContent.startsWith('Reading'), null, { timeout: 60000 });
    return (await page.locator('.sheet details p').allTextContents()).join(' ');
  };
  await page.selectOption('select[name=detail]', 'summary');
  const summary = await plan();
  await page.selectOption('select[name=detail]', 'full');
  const full = await plan();
  const words = (t) => new Set(t.match(/marker\d+/g) || []);
  const only = [...words(full)].filter((m) => !words(summary).has(m));
  assert(words(full).size === 12 && only.length > 0, `full says every sentence (${words(full).size}), summary fewer (${words(summary).size})`);
  await Promise.all([page.waitForURL(/\/tasks\/[\w.-]+$/), page.getByRole('button', { name: 'Start rendering' }).click()]);
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
  const t = await (await page.request.get(`/api/tasks/${encodeURIComponent(id)}`)).json();
  assert(t.options && t.options.detail === 'full', `the task has detail full: ${JSON.stringify(t.options)}`);
  await statusIs(page, 'done');
  const vtt = await (await page.request.get(`/api/tasks/${encodeURIComponent(id)}/files/video.vtt`)).text();
  assert(only.every((m) => vtt.includes(m)), `the captions say what only full reads (${only.join(' ')})`);
  await page.request.delete(`/api/tasks/${encodeURIComponent(id)}`);
  await problems(page);
  await page.context().close();
});

await scenario('a transcript is offered its cue times: the plan and the task keep them', async () => {
  const page = await newPage(browser, base);
  await page.goto('/');
  await page.waitForFunction(() => document.querySelector('select[name=voice]').options.length > 1);
  const keep = page.getByLabel("Keep the transcript's timing");
  await page.getByLabel('Or paste text').fill(SMALL);
  await page.selectOption('select[name=format]', 'md');
  assert(!(await keep.isVisible()), 'a Markdown document is not offered keep_timing');
  const srt = `1\n00:00:03,000 --> 00:00:05,000\nA transcript ${nonce} starts here.\n\n`
    + '2\n00:00:09,000 --> 00:00:11,000\nIts second cue comes after a pause.\n';
  await page.getByLabel('Or paste text').fill(srt);
  await page.selectOption('select[name=format]', 'srt');
  assert(await keep.isVisible(), 'an SRT transcript is offered keep_timing');
  await keep.check();
  await smallOptions(page);
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/scenes')),
    page.getByRole('button', { name: 'Show the plan' }).click()]);
  const sent = JSON.parse(res.request().postData() || '{}');
  const got = await res.json();
  assert(sent.options && sent.options.keep_timing === true, `the plan asks keep_timing: ${res.request().postData()}`);
  assert(res.status() === 200 && got.scenes.length > 0 && got.scenes.every((x) => typeof x.start === 'number'), `the plan is on the cue times: ${JSON.stringify(got.scenes)}`);
  await Promise.all([page.waitForURL(/\/tasks\/[\w.-]+$/), page.getByRole('button', { name: 'Start rendering' }).click()]);
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
  const t = await (await page.request.get(`/api/tasks/${encodeURIComponent(id)}`)).json();
  assert(t.options && t.options.keep_timing === true, `the task keeps keep_timing: ${JSON.stringify(t.options)}`);
  await page.request.post(`/api/tasks/${encodeURIComponent(id)}/cancel`);
  await page.request.delete(`/api/tasks/${encodeURIComponent(id)}`);
  await problems(page);
  await page.context().close();
});

await scenario('phone width (360 px): no horizontal scroll on any page', async () => {
  const page = await newPage(browser, base, { width: 360, height: 740 });
  for (const url of ['/', '/tasks', '/editor', doneTask ? `/tasks/${encodeURIComponent(doneTask)}` : null].filter(Boolean)) {
    await page.goto(url);
    await ready(page, url);
    const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }));
    assert(w.scroll <= w.view, `${url}: ${w.scroll} px wide in a ${w.view} px window`);
  }
  await problems(page);
  await page.context().close();
});

await browser.close();
const n = failed();
console.log(n ? `${n} scenario(s) failed` : 'all scenarios passed');
process.exit(n ? 1 : 0);
