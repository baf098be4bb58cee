// Create: a document (dropped, chosen or pasted), the options, the plan with
// a contact sheet (one frame per scene), then start a task.
import { h, field, navigate, announce, fmtSeconds, diagList } from './dom.js';
import { postJSON, postBlob, documentBody, ApiError } from './api.js';
import { optionsForm, previewOptions } from './options.js';

const FORMATS = [['md', 'Markdown'], ['rst', 'reStructuredText'], ['txt', 'Plain text'], ['yaml', 'YAML'], ['json', 'JSON'], ['srt', 'SRT transcript'], ['vtt', 'WebVTT transcript']];
const ACCEPT = '.md,.markdown,.rst,.rest,.adoc,.asciidoc,.txt,.text,.html,.htm,.xhtml,.yaml,.yml,.json,.srt,.vtt,.zip,.tar,.tgz,.tar.gz';

export function createView(main) {
  let file = null;
  let planCtl = null;
  const urls = [];

  const fileInput = h('input', { type: 'file', id: 'doc-file', name: 'file', accept: ACCEPT, class: 'file-input' });
  const fileName = h('span', { class: 'file-name', 'aria-live': 'polite' });
  const clearFile = h('button', { type: 'button', class: 'link', hidden: true, onclick: () => setFile(null) }, 'Remove the file');
  const drop = h('div', { class: 'drop' },
    h('p', {}, h('label', { for: 'doc-file', class: 'drop-label' }, 'Upload a document'), ' (or drop it here)'),
    fileInput,
    h('p', { class: 'hint', id: 'doc-file-hint' }, 'Markdown, YAML, JSON, SRT or VTT, or a zip/tar of a set.'),
    h('p', {}, fileName, ' ', clearFile));
  fileInput.setAttribute('aria-describedby', 'doc-file-hint');
  const text = h('textarea', { name: 'text', rows: 10, spellcheck: 'false', placeholder: '# My talk\n\n## First point\n\nSomething worth saying.' });
  const format = h('select', { name: 'format' }, FORMATS.map(([v, l]) => h('option', { value: v }, l)));
  const opts = optionsForm();
  const planBtn = h('button', { type: 'button', class: 'secondary', onclick: showPlan }, 'Show the plan');
  const startBtn = h('button', { type: 'submit' }, 'Start rendering');
  const errors = h('div', { class: 'errors', role: 'alert' });
  const plan = h('section', { class: 'plan', 'aria-labelledby': 'plan-h', hidden: true });

  // keep_timing is offered for a transcript: an .srt/.vtt file, or pasted
  // text in one of those formats
  function transcript() {
    return file ? /\.(srt|vtt)$/i.test(file.name) : format.value === 'srt' || format.value === 'vtt';
  }
  format.addEventListener('change', () => opts.setTranscript(transcript()));

  function setFile(f) {
    file = f;
    fileName.textContent = f ? `${f.name} (${Math.ceil(f.size / 1024)} KB) will be used; the text box is ignored.` : '';
    clearFile.hidden = !f;
    if (!f) fileInput.value = '';
    text.disabled = !!f;
    format.disabled = !!f;
    opts.setTranscript(transcript());
  }
  fileInput.addEventListener('change', () => setFile(fileInput.files[0] || null));
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const f = e.dataTransfer && e.dataTransfer.files[0];
    if (f) { setFile(f); announce(`${f.name} chosen`); }
  });

  function doc() {
    if (file) return { file };
    return { text: text.value, format: format.value };
  }

  function showError(e) {
    errors.replaceChildren();
    if (!e) return;
    errors.append(h('p', {}, e.message || String(e)));
    if (e instanceof ApiError && e.diagnostics.length) errors.append(diagList(e.diagnostics));
    errors.focus?.();
  }

  function empty() {
    if (!file && !text.value.trim()) {
      showError(new Error('Choose a document or paste some text first.'));
      return true;
    }
    return false;
  }

  async function showPlan() {
    if (empty()) return;
    if (planCtl) planCtl.abort();
    const ctl = planCtl = new AbortController();
    showError(null);
    planBtn.disabled = true;
    plan.hidden = false;
    plan.replaceChildren(h('h2', { id: 'plan-h' }, 'The plan'), h('p', { class: 'muted' }, 'Reading the document…'));
    const options = opts.read();
    try {
      const res = await postJSON('/api/scenes', documentBody(doc(), options), { signal: ctl.signal });
      drawPlan(res, options, ctl);
    } catch (e) {
      if (e.name === 'AbortError') return;
      plan.hidden = true;
      showError(e);
    } finally {
      if (planCtl === ctl) planBtn.disabled = false;
    }
  }

  function drawPlan(res, options, ctl) {
    const scenes = res.scenes || [];
    const [w, hgt] = (options.resolution || '1920x1080').split('x').map(Number);
    const list = h('ol', { class: 'sheet' });
    plan.replaceChildren(h('h2', { id: 'plan-h' }, 'The plan'),
      h('p', {}, `${scenes.length} scene${scenes.length === 1 ? '' : 's'}, about ${fmtSeconds(res.seconds)}.`),
      list);
    const jobs = [];
    for (const s of scenes) {
      const img = h('img', { alt: `Frame of scene ${s.index}: ${s.title || s.type || ''}`, width: w, height: hgt, loading: 'lazy' });
      const box = h('div', { class: 'frame' }, img);
      list.append(h('li', { class: 'scene' }, box,
        h('div', { class: 'scene-text' },
          h('h3', {}, `${s.index}. ${s.title || '(untitled)'}`),
          h('p', { class: 'muted' }, [s.type, s.seconds !== undefined ? fmtSeconds(s.seconds) : null].filter(Boolean).join(' · ')),
          s.bullets && s.bullets.length ? h('ul', {}, s.bullets.map((b) => h('li', {}, typeof b === 'string' ? b : (b.text || '')))) : null,
          s.narration ? h('details', {}, h('summary', {}, 'Narration'), h('p', {}, s.narration)) : null)));
      jobs.push([s, img, box]);
    }
    // frames two at a time: the server renders each on the engine's pool
    let next = 0;
    const worker = async () => {
      while (next < jobs.length && !ctl.signal.aborted) {
        const [s, img, box] = jobs[next++];
        const t = s.seconds ? Math.min(s.seconds * 0.6, s.seconds) : 1;
        try {
          const blob = await postBlob('/api/frame', documentBody(doc(), previewOptions(options, img.clientWidth || 400), { scene: s.index, time: t }), { signal: ctl.signal });
          const u = URL.createObjectURL(blob);
          urls.push(u);
          img.src = u;
        } catch (e) {
          if (e.name === 'AbortError') return;
          box.append(h('p', { class: 'frame-error' }, `No frame: ${e.message}`));
        }
      }
    };
    Promise.all([worker(), worker()]).then(() => { if (!ctl.signal.aborted) announce('Contact sheet ready'); });
    announce(`Plan ready: ${scenes.length} scenes`);
  }

  async function start(e) {
    e.preventDefault();
    if (empty()) return;
    showError(null);
    startBtn.disabled = true;
    startBtn.textContent = 'Starting…';
    try {
      const res = await postJSON('/api/tasks', documentBody(doc(), opts.read()), {});
      if (!res.id) throw new Error('The server made no task.');
      navigate(`/tasks/${encodeURIComponent(res.id)}`);
    } catch (err) {
      showError(err);
      startBtn.disabled = false;
      startBtn.textContent = 'Start rendering';
    }
  }

  const form = h('form', { class: 'create', novalidate: true, onsubmit: start },
    h('fieldset', { class: 'source' }, h('legend', {}, 'Document'),
      drop,
      h('div', { class: 'paste' },
        field('Or paste text', text),
        field('Format of the text', format))),
    opts.el,
    errors,
    h('div', { class: 'actions' }, planBtn, startBtn));
  errors.setAttribute('tabindex', '-1');

  main.append(h('h1', {}, 'Make a video'),
    h('p', { class: 'lead' }, 'A document becomes a narrated video. Check the plan and the pictures first, then start.'),
    form, plan);

  return () => {
    if (planCtl) planCtl.abort();
    for (const u of urls) URL.revokeObjectURL(u);
  };
}
