// Task: live stage bars from the task's event stream, messages and warnings
// with their lines, ETA, cancel/resume, the player with chapters and
// captions, and the downloads.
import { h, announce, fmtSeconds, fmtTime, diagText } from './dom.js';
import { getJSON, postJSON, del, taskURL, fileURL, listen, isFinal, TERMINAL, ApiError } from './api.js';

const DOWNLOADS = [
  ['video.mp4', 'Video (MP4)'], ['video.srt', 'Captions (SRT)'], ['video.vtt', 'Captions (WebVTT)'],
  ['video.png', 'Thumbnail (PNG)'], ['video.timing.json', 'Timing (JSON)'],
];

export function taskView(main, id) {
  let task = null;
  let es = null;
  let closed = false;
  let refreshTimer = null;
  let lastStatus = null;
  let lastStage = null;
  const messages = [];
  const seenTypes = new Set();
  let maxSeen = 0;

  const title = h('h1', {}, 'Task ', h('code', {}, id));
  const status = h('p', { class: 'status-line' });
  const overall = h('progress', { max: 1, value: 0, id: 'overall', 'aria-describedby': 'overall-text' });
  const overallText = h('span', { id: 'overall-text' });
  const stagesList = h('ol', { class: 'stages' });
  const now = h('p', { class: 'muted now' });
  const live = h('p', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
  const errorBox = h('div', { class: 'errors', role: 'alert' });
  const cancelBtn = h('button', { type: 'button', class: 'secondary', onclick: () => act('cancel') }, 'Cancel');
  const resumeBtn = h('button', { type: 'button', onclick: () => act('resume') }, 'Resume');
  const deleteBtn = h('button', { type: 'button', class: 'danger', onclick: remove }, 'Delete');
  const msgList = h('ul', { class: 'messages' });
  const msgSection = h('section', { 'aria-labelledby': 'msg-h', hidden: true }, h('h2', { id: 'msg-h' }, 'Messages and warnings'), msgList);
  const scenesSection = h('section', { 'aria-labelledby': 'scenes-h', hidden: true });
  const player = h('section', { class: 'player', 'aria-labelledby': 'player-h', hidden: true });
  const downloads = h('section', { 'aria-labelledby': 'dl-h', hidden: true });

  main.append(title, status,
    h('section', { class: 'progress', 'aria-labelledby': 'progress-h' },
      h('h2', { id: 'progress-h' }, 'Progress'),
      h('div', { class: 'overall' }, h('label', { for: 'overall' }, 'Overall'), overall, overallText),
      stagesList, now, live),
    errorBox,
    h('div', { class: 'actions' }, cancelBtn, resumeBtn, deleteBtn),
    player, downloads, msgSection, scenesSection);

  async function refresh() {
    refreshTimer = null;
    try {
      task = await getJSON(taskURL(id));
      errorBox.replaceChildren();
      draw();
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        stop();
        errorBox.replaceChildren(h('p', {}, 'There is no such task (it may have been deleted). '), h('a', { href: '/tasks' }, 'All tasks'));
        status.textContent = '';
        cancelBtn.hidden = resumeBtn.hidden = deleteBtn.hidden = true;
      } else {
        errorBox.replaceChildren(h('p', {}, `Could not read the task: ${e.message}`));
      }
    }
  }
  function soon(ms = 250) { if (!refreshTimer && !closed) refreshTimer = setTimeout(refresh, ms); }

  function draw() {
    const st = task.status || 'queued';
    main.dataset.status = st;
    title.replaceChildren(task.name ? `${task.name} ` : 'Task ', h('code', {}, task.id || id));
    status.replaceChildren(h('span', { class: `badge st-${st}` }, st),
      task.created ? ` created ${fmtTime(task.created)}` : '',
      task.finished ? `, finished ${fmtTime(task.finished)}` : '');
    const p = st === 'done' ? 1 : clamp(task.progress ?? 0);
    overall.value = p;
    overallText.textContent = `${Math.round(p * 100)} %` + (st === 'running' && task.eta !== undefined && task.eta !== null ? `, about ${fmtSeconds(task.eta)} left` : '') + (st === 'queued' ? ', waiting for a free slot' : '');
    drawStages(task.stages || []);
    if (st !== 'running') now.textContent = '';
    cancelBtn.hidden = !(st === 'running' || st === 'queued');
    resumeBtn.hidden = !(st === 'cancelled' || st === 'failed');
    if (task.error) {
      errorBox.replaceChildren(h('p', {}, typeof task.error === 'string' ? task.error : diagText(task.error)));
    }
    drawMessages();
    drawScenes(task.scenes || []);
    if (st !== lastStatus) {
      if (lastStatus) announce(`Task ${st}`);
      lastStatus = st;
      if (st === 'done') { drawPlayer(); drawDownloads(); }
      else { player.hidden = true; downloads.hidden = st !== 'failed' && st !== 'cancelled'; if (!downloads.hidden) drawDownloads(); }
    }
    if (TERMINAL.has(st)) stop(); else start();
  }

  function drawStages(stages) {
    const ended = task && TERMINAL.has(task.status);
    const rows = stages.map((s, i) => {
      const state = ended && (s.status === 'running' || s.status === 'retrying') ? 'stopped' : (s.status || 'waiting');
      const pid = `stage-${i}`;
      const v = /^(completed|done|skipped)$/.test(s.status || '') ? 1 : clamp(s.progress ?? 0);
      return h('li', { class: `stage st-${state}`, 'data-stage': s.name },
        h('label', { for: pid }, s.name), h('progress', { id: pid, max: 1, value: v }),
        h('span', { class: 'stage-state' }, `${state}${v > 0 && v < 1 ? ` ${Math.round(v * 100)} %` : ''}`));
    });
    stagesList.replaceChildren(...rows);
  }

  function drawMessages() {
    const items = [];
    for (const w of task.warnings || []) items.push({ kind: 'warning', ...(typeof w === 'string' ? { text: w } : w) });
    for (const m of messages) items.push(m);
    msgSection.hidden = items.length === 0;
    msgList.replaceChildren(...items.map((m) => h('li', { class: `msg msg-${m.kind || 'info'}` },
      h('span', { class: 'msg-kind' }, m.kind === 'warning' ? 'Warning' : (m.stage || 'Info')),
      ' ', (m.file || m.line) ? h('code', {}, [m.file, m.line].filter(Boolean).join(':')) : null,
      (m.file || m.line) ? ' ' : null, m.text || m.message || '')));
  }

  function drawScenes(scenes) {
    scenesSection.hidden = scenes.length === 0;
    if (!scenes.length) return;
    scenesSection.replaceChildren(h('h2', { id: 'scenes-h' }, 'Scenes'),
      h('ol', { class: 'scene-status' }, scenes.map((s) => h('li', {},
        `${s.title || `Scene ${s.index}`}: `, s.from_cache ? `from the cache${s.why ? ` (${s.why})` : ''}` : `made${s.why ? ` (${s.why})` : ''}`))));
  }

  // the files the task made; a finished task that does not list them has
  // the usual ones, an unfinished one only what it lists (parts of a split)
  function outputs() {
    const outs = task && task.outputs;
    if (Array.isArray(outs) && outs.length) return outs.map((o) => (typeof o === 'string' ? o : o.name)).filter(Boolean);
    return task && task.status === 'done' ? DOWNLOADS.map(([n]) => n) : [];
  }

  function drawDownloads() {
    const names = outputs();
    const label = new Map(DOWNLOADS);
    downloads.hidden = names.length === 0;
    downloads.replaceChildren(h('h2', { id: 'dl-h' }, 'Downloads'),
      h('ul', { class: 'downloads' }, names.map((n) => h('li', {}, h('a', { href: fileURL(id, n), download: n }, label.get(n) || n, ' ', h('span', { class: 'muted' }, n))))));
  }

  async function drawPlayer() {
    const names = outputs();
    const mp4 = names.find((n) => n === 'video.mp4') || names.find((n) => n.endsWith('.mp4'));
    if (!mp4) { player.hidden = true; return; }
    const base = mp4.replace(/\.mp4$/, '');
    const video = h('video', { controls: true, preload: 'metadata', playsinline: true, id: 'video', src: fileURL(id, mp4) });
    if (names.includes(`${base}.png`)) video.setAttribute('poster', fileURL(id, `${base}.png`));
    const lang = (task.options && task.options.language) || 'en';
    if (names.includes(`${base}.vtt`)) {
      video.append(h('track', { kind: 'captions', src: fileURL(id, `${base}.vtt`), srclang: lang.split(/[-_]/)[0], label: 'Captions', default: true }));
    }
    const chapters = h('nav', { class: 'chapters', 'aria-labelledby': 'chapters-h' });
    player.replaceChildren(h('h2', { id: 'player-h' }, 'Video'), h('div', { class: 'video-wrap' }, video), chapters);
    player.hidden = false;
    if (!names.includes(`${base}.timing.json`)) return;
    try {
      const timing = await getJSON(fileURL(id, `${base}.timing.json`));
      const marks = (timing.chapters && timing.chapters.length ? timing.chapters : timing.scenes) || [];
      if (!marks.length) return;
      chapters.replaceChildren(h('h3', { id: 'chapters-h' }, 'Chapters'),
        h('ol', {}, marks.map((c, i) => h('li', {}, h('button', {
          type: 'button', class: 'link chapter', 'data-start': c.start,
          onclick: () => { video.currentTime = Number(c.start) || 0; video.play().catch(() => {}); video.focus(); },
        }, h('span', { class: 'muted' }, fmtClock(c.start)), ' ', c.title || `Scene ${i + 1}`)))));
    } catch (_) { /* the player works without its chapter menu */ }
  }

  function onEvent(ev) {
    // a task's ids only grow; a new stream (after Resume) replays from the
    // start, and what was seen, the old final event too, is skipped
    const n = Number(ev.id);
    if (Number.isFinite(n) && n > 0) {
      if (n <= maxSeen) return;
      maxSeen = n;
    }
    seenTypes.add(ev.type || 'message');
    main.dataset.eventTypes = [...seenTypes].join(' ');
    if (!task) { soon(0); return; }
    const stages = task.stages || (task.stages = []);
    if (ev.stage) {
      let s = stages.find((x) => x.name === ev.stage);
      if (!s) { s = { name: ev.stage }; stages.push(s); }
      if (ev.type === 'stage.started') { s.status = 'running'; s.progress = 0; }
      else if (ev.type === 'stage.completed') { s.status = 'completed'; s.progress = 1; }
      else if (ev.type === 'stage.skipped') { s.status = 'skipped'; s.progress = 1; }
      else if (ev.type === 'stage.failed') s.status = 'failed';
      else if (ev.type === 'stage.retrying') s.status = 'retrying';
      if (typeof ev.progress === 'number' && ev.type === 'stage.progress') { s.progress = ev.progress; s.status = s.status || 'running'; }
      if (ev.stage !== lastStage && ev.type === 'stage.started') { lastStage = ev.stage; live.textContent = `Stage ${ev.stage} started`; }
      if (task.status === 'queued') task.status = 'running';
      drawStages(stages);
    }
    const d = (ev.data && typeof ev.data === 'object') ? ev.data : {};
    // what the engine is doing now ("planned scene_02"): shown, not announced
    if (ev.message && ev.message !== ev.stage && /^stage\./.test(ev.type || '')) now.textContent = ev.stage ? `${ev.stage}: ${ev.message}` : ev.message;
    if (typeof d.task_progress === 'number') { task.progress = d.task_progress; overall.value = clamp(d.task_progress); }
    if (typeof d.eta === 'number') task.eta = d.eta;
    if (/warn/.test(ev.type || '') || d.level === 'warning' || d.severity === 'warning') {
      messages.push({ kind: 'warning', text: ev.message || d.text, file: d.file, line: d.line, stage: ev.stage });
      drawMessages();
    } else if (ev.type === 'stage.failed' || ev.type === 'pipeline.failed') {
      messages.push({ kind: 'error', text: ev.message || d.error || 'failed', file: d.file, line: d.line, stage: ev.stage });
      drawMessages();
    }
    // the task record has the overall progress, ETA and status: read it
    // at most four times a second, and at once on the big steps
    const big = !/\.progress$/.test(ev.type || '');
    if (isFinal(ev)) { stop(); soon(0); } else soon(big ? 50 : 250);
  }

  function start() {
    if (es || closed) return;
    es = listen(taskURL(id, '/events'), onEvent, () => {
      // EventSource reconnects by itself, with Last-Event-ID; a stream that
      // ended because the task did is not reopened
      soon(500);
    });
  }
  function stop() { if (es) { es.close(); es = null; } }

  async function act(what) {
    const btn = what === 'cancel' ? cancelBtn : resumeBtn;
    btn.disabled = true;
    try {
      await postJSON(taskURL(id, `/${what}`), undefined);
      announce(what === 'cancel' ? 'Cancelling' : 'Resuming');
      if (what === 'resume') { stop(); messages.length = 0; lastStatus = null; }
      await refresh();
      if (what === 'resume') start();
    } catch (e) {
      errorBox.replaceChildren(h('p', {}, e.message));
    } finally { btn.disabled = false; }
  }

  async function remove() {
    if (!window.confirm(`Delete task ${id} and its files?`)) return;
    try {
      await del(taskURL(id));
      stop();
      history.replaceState(null, '', '/tasks');
      window.dispatchEvent(new Event('vg:navigate'));
      announce('Task deleted');
    } catch (e) { errorBox.replaceChildren(h('p', {}, e.message)); }
  }

  refresh();
  return () => { closed = true; stop(); clearTimeout(refreshTimer); };
}

function clamp(v) { v = Number(v); return isFinite(v) ? Math.min(1, Math.max(0, v)) : 0; }
function fmtClock(s) {
  s = Math.max(0, Math.floor(Number(s) || 0));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
