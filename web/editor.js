// Editor: the document on the left, the frame of the scene the caret is in on
// the right, redrawn as you type. Each keystroke asks for one frame (the
// previous request is aborted); the plan and the diagnostics follow a little
// later, so the picture does not wait for them.
import { h, field, navigate, diagText } from './dom.js';
import { postJSON, postBlob, documentBody, ApiError } from './api.js';
import { optionsForm, previewOptions } from './options.js';

const SAMPLES = {
  md: '# A short talk\n\nWhy a video says more than a page.\n\n## The idea\n\nA document becomes a narrated video.\n\n- Scenes come from the headings\n- Bullets come from the lists\n\n## The end\n\nThank you for watching.\n',
  yaml: 'title: A short talk\nscenes:\n  - type: title\n    title: A short talk\n    narration: Why a video says more than a page.\n  - type: bullets\n    title: The idea\n    bullets:\n      - Scenes come from the headings\n      - Bullets come from the lists\n    narration: A document becomes a narrated video.\n',
};
const FRAME_DELAY = 15;   // ms after a keystroke: enough to fold a burst of keys
const PLAN_DELAY = 250;   // ms: the plan and diagnostics are not on the picture's path
const KEY = 'vgrun-editor';

export function editorView(main) {
  const saved = loadSaved();
  const format = h('select', { name: 'format' }, h('option', { value: 'md' }, 'Markdown'), h('option', { value: 'yaml' }, 'YAML'));
  format.value = saved.format;
  const text = h('textarea', { name: 'document', class: 'code', spellcheck: 'false', wrap: 'off', rows: 24, 'aria-describedby': 'ed-where' });
  text.value = saved.text;
  const gutter = h('pre', { class: 'gutter', 'aria-hidden': 'true' });
  const where = h('p', { id: 'ed-where', class: 'muted where' });
  const diags = h('ul', { class: 'diags inline-diags', 'aria-label': 'Diagnostics' });
  const diagStatus = h('p', { role: 'status', 'aria-live': 'polite', class: 'diag-status' });
  const img = h('img', { class: 'preview', alt: 'Preview of the current scene', width: 1920, height: 1080 });
  const caption = h('p', { class: 'caption', 'aria-live': 'polite' });
  const timing = h('p', { class: 'muted latency' });
  const time = h('input', { type: 'range', min: 0, max: 1, step: 0.05, value: 0.6, name: 'time' });
  const opts = optionsForm();
  const renderBtn = h('button', { type: 'button', onclick: render }, 'Render this document');
  const errors = h('div', { class: 'errors', role: 'alert' });

  let scenes = [];
  let sceneIdx = 1;
  let frameCtl = null, planCtl = null;
  let frameTimer = null, planTimer = null;
  let url = null;
  let rev = 0;
  let closed = false;

  main.append(h('h1', {}, 'Editor'),
    h('div', { class: 'editor' },
      h('section', { class: 'ed-left', 'aria-label': 'Document' },
        h('div', { class: 'toolbar' }, field('Format', format),
          h('button', { type: 'button', class: 'secondary', onclick: sample }, 'Load an example')),
        h('div', { class: 'field' }, h('label', { for: 'ed-text' }, 'Document'),
          h('div', { class: 'code-wrap' }, gutter, text)),
        where, diagStatus, diags),
      h('section', { class: 'ed-right', 'aria-label': 'Preview' },
        h('div', { class: 'frame' }, img), caption,
        field('Time in the scene', time, 'From its start (left) to its end (right).'),
        timing)),
    h('details', { class: 'ed-options' }, h('summary', {}, 'Options for the preview and the video'), opts.el),
    errors, h('div', { class: 'actions' }, renderBtn));
  text.id = 'ed-text';

  function doc() { return { text: text.value, format: format.value }; }

  function lineOf(pos) { return text.value.slice(0, pos).split('\n').length; }

  // Which scene the caret is in: a scene's title is looked for, in order,
  // on the document's lines (a heading, or a YAML title:); a scene that
  // says its line (scene.line) is taken at its word.
  function sceneAtCaret() {
    if (!scenes.length) return 1;
    const lines = text.value.split('\n');
    const caret = lineOf(text.selectionStart);
    let from = 0, found = 1;
    for (const s of scenes) {
      let at = Number(s.line) || 0;
      if (!at && s.title) {
        const t = norm(s.title);
        for (let i = from; i < lines.length; i++) {
          const l = norm(lines[i].replace(/^\s*(#+|-?\s*title:|-)\s*/, ''));
          if (l && (l === t || (t.length > 8 && l.startsWith(t)))) { at = i + 1; break; }
        }
      }
      if (at) { from = at; if (at <= caret) found = s.index; else break; }
    }
    return found;
  }

  function drawCaption() {
    const s = scenes.find((x) => x.index === sceneIdx);
    caption.textContent = `Scene ${sceneIdx}${s && s.title ? `: ${s.title}` : ''}`;
  }

  function showWhere() {
    const idx = sceneAtCaret();
    const s = scenes.find((x) => x.index === idx);
    where.textContent = `Line ${lineOf(text.selectionStart)}` + (scenes.length ? `, scene ${idx} of ${scenes.length}${s && s.title ? `: ${s.title}` : ''}` : '');
    if (idx !== sceneIdx) { sceneIdx = idx; scheduleFrame(0); }
  }

  function drawGutter(marks) {
    const n = text.value.split('\n').length;
    const out = [];
    for (let i = 1; i <= n; i++) out.push(marks && marks.has(i) ? `! ${i}` : String(i));
    gutter.textContent = out.join('\n');
    gutter.scrollTop = text.scrollTop;
  }

  function drawDiags(list) {
    const marks = new Set(list.map((d) => Number(d.line)).filter(Boolean));
    drawGutter(marks);
    diags.replaceChildren(...list.map((d) => h('li', { class: `sev-${d.severity || 'error'}` },
      d.line ? h('button', { type: 'button', class: 'link', onclick: () => goLine(Number(d.line)) }, `Line ${d.line}`) : null,
      d.line ? ': ' : null, d.message || d.text || diagText(d))));
    diagStatus.textContent = list.length ? `${list.length} problem${list.length === 1 ? '' : 's'}` : 'No problems';
  }

  function goLine(n) {
    const lines = text.value.split('\n');
    let pos = 0;
    for (let i = 0; i < n - 1 && i < lines.length; i++) pos += lines[i].length + 1;
    text.focus();
    text.setSelectionRange(pos, pos);
    showWhere();
  }

  function scheduleFrame(delay = FRAME_DELAY) {
    clearTimeout(frameTimer);
    frameTimer = setTimeout(frame, delay);
  }
  function schedulePlan() {
    clearTimeout(planTimer);
    planTimer = setTimeout(plan, PLAN_DELAY);
  }

  async function frame() {
    if (closed || !text.value.trim()) return;
    const t0 = performance.now();
    if (frameCtl) frameCtl.abort();
    const ctl = frameCtl = new AbortController();
    const s = scenes.find((x) => x.index === sceneIdx);
    const secs = s && Number(s.seconds) > 0 ? Number(s.seconds) : 2;
    try {
      const blob = await postBlob('/api/frame', documentBody(doc(), previewOptions(opts.read(), img.clientWidth), { scene: sceneIdx, time: +(secs * Number(time.value)).toFixed(3) }), { signal: ctl.signal });
      if (ctl.signal.aborted) return;
      const u = URL.createObjectURL(blob);
      const next = new Image();
      next.src = u;
      await next.decode().catch(() => {});
      if (ctl.signal.aborted || closed) { URL.revokeObjectURL(u); return; }
      img.src = u;
      if (url) URL.revokeObjectURL(url);
      url = u;
      rev += 1;
      img.dataset.rev = String(rev);
      img.classList.remove('stale');
      const ms = Math.round(performance.now() - t0);
      img.dataset.ms = String(ms);
      timing.textContent = `Picture in ${ms} ms`;
      drawCaption();
    } catch (e) {
      if (e.name === 'AbortError') return;
      img.classList.add('stale');
      timing.textContent = `No new picture: ${e.message}`;
      if (e instanceof ApiError && e.diagnostics.length) drawDiags(e.diagnostics);
    }
  }

  async function plan() {
    if (closed) return;
    if (planCtl) planCtl.abort();
    const ctl = planCtl = new AbortController();
    if (!text.value.trim()) { scenes = []; drawDiags([]); showWhere(); return; }
    const body = documentBody(doc(), opts.read());
    const [sc, ck] = await Promise.allSettled([
      postJSON('/api/scenes', body, { signal: ctl.signal }),
      postJSON('/api/check', body, { signal: ctl.signal }),
    ]);
    if (ctl.signal.aborted || closed) return;
    if (sc.status === 'fulfilled') scenes = sc.value.scenes || [];
    let list = [];
    if (ck.status === 'fulfilled') list = ck.value.diagnostics || [];
    else if (ck.reason instanceof ApiError) list = ck.reason.diagnostics.length ? ck.reason.diagnostics : [{ message: ck.reason.message }];
    if (!list.length && sc.status === 'rejected' && sc.reason instanceof ApiError) list = sc.reason.diagnostics;
    drawDiags(list);
    showWhere();
    if (rev) drawCaption();
  }

  function save() {
    try { localStorage.setItem(KEY, JSON.stringify(doc())); } catch (_) { /* private mode */ }
  }

  text.addEventListener('input', () => { drawGutter(); scheduleFrame(); schedulePlan(); save(); });
  text.addEventListener('scroll', () => { gutter.scrollTop = text.scrollTop; });
  for (const ev of ['keyup', 'click', 'select']) text.addEventListener(ev, showWhere);
  format.addEventListener('change', () => { scheduleFrame(0); schedulePlan(); save(); });
  time.addEventListener('input', () => scheduleFrame(0));
  opts.el.addEventListener('change', () => scheduleFrame(0));

  function sample() {
    text.value = SAMPLES[format.value] || SAMPLES.md;
    drawGutter(); save(); plan().then(() => scheduleFrame(0));
  }

  async function render() {
    errors.replaceChildren();
    renderBtn.disabled = true;
    try {
      const fd = new FormData();
      fd.append('text', text.value);
      fd.append('format', format.value);
      fd.append('options', JSON.stringify(opts.read()));
      const res = await postJSON('/api/tasks', fd);
      navigate(`/tasks/${encodeURIComponent(res.id)}`);
    } catch (e) {
      errors.replaceChildren(h('p', {}, e.message));
      if (e instanceof ApiError && e.diagnostics.length) drawDiags(e.diagnostics);
      renderBtn.disabled = false;
    }
  }

  drawGutter();
  plan().then(() => scheduleFrame(0));
  return () => {
    closed = true;
    clearTimeout(frameTimer); clearTimeout(planTimer);
    if (frameCtl) frameCtl.abort();
    if (planCtl) planCtl.abort();
    if (url) URL.revokeObjectURL(url);
  };
}

function norm(s) { return String(s).toLowerCase().replace(/[*_`"'#]/g, '').replace(/\s+/g, ' ').trim(); }

function loadSaved() {
  try {
    const s = JSON.parse(localStorage.getItem(KEY) || 'null');
    if (s && typeof s.text === 'string' && (s.format === 'md' || s.format === 'yaml')) return s;
  } catch (_) { /* nothing saved */ }
  return { text: SAMPLES.md, format: 'md' };
}
