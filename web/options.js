// The task options form, shared by Create and the Editor: each menu is
// filled from the server's lists (/api/voices, /api/colors, /api/themes,
// /api/languages). An empty choice means "the document's, else the default".
import { h, field } from './dom.js';
import { choices, getJSON } from './api.js';

export const RESOLUTIONS = [
  ['1920x1080', '1920×1080 (16:9, Full HD)'],
  ['1280x720', '1280×720 (16:9, HD)'],
  ['3840x2160', '3840×2160 (16:9, 4K)'],
  ['1080x1920', '1080×1920 (9:16, phone)'],
  ['1080x1080', '1080×1080 (1:1, square)'],
  ['854x480', '854×480 (16:9, small)'],
];
const FPS = ['24', '25', '30', '50', '60'];
const DETAIL = [['', 'Summary (default)'], ['summary', 'Summary'], ['full', 'Full reading']];

function select(name, opts, def) {
  return h('select', { name }, opts.map(([v, l]) => h('option', { value: v, selected: v === def }, l)));
}

function fill(sel, listName, defLabel) {
  sel.append(h('option', { value: '' }, defLabel));
  choices(listName).then((items) => {
    for (const c of items) sel.append(h('option', { value: c.value }, c.label));
  }).catch(() => {
    sel.append(h('option', { value: '', disabled: true }, '(list unavailable)'));
  });
  return sel;
}

// Returns { el, read() -> options object }.
export function optionsForm() {
  const voice = fill(h('select', { name: 'voice' }), 'voices', "Document's (else male)");
  const color = fill(h('select', { name: 'color' }), 'colors', "Document's (else blue)");
  const theme = fill(h('select', { name: 'theme' }), 'themes', "Document's (else light)");
  const language = fill(h('select', { name: 'language' }), 'languages', 'Detect from the document');
  const languageField = field('Language', language);
  // a task takes `language` only when the server's `vgrun create` has it
  // (/api/languages says so); until then the menu is not offered
  getJSON('/api/languages').then((b) => {
    if (b && b.task_option === false) { languageField.hidden = true; language.value = ''; }
  }).catch(() => {});
  const resolution = select('resolution', RESOLUTIONS, '1920x1080');
  const fps = select('fps', FPS.map((f) => [f, `${f} fps`]), '30');
  const detail = select('detail', DETAIL, '');
  const duration = h('input', { name: 'duration', type: 'number', min: 1, max: 3600, step: 1, inputmode: 'numeric', placeholder: 'narration length' });
  const caps = ['srt', 'vtt', 'burn'].map((c) => h('input', { type: 'checkbox', name: 'captions', value: c, checked: c !== 'burn', id: `cap-${c}` }));
  const capLabels = { srt: 'SRT file', vtt: 'WebVTT file', burn: 'Burn into the picture' };
  // a transcript (.srt, .vtt) may keep its cue times: offered only for one
  const keepTiming = h('input', { type: 'checkbox', name: 'keep_timing', id: 'opt-keep-timing', 'aria-describedby': 'opt-keep-timing-hint' });
  const keepField = h('div', { class: 'check keep-timing', hidden: true }, keepTiming,
    h('label', { for: 'opt-keep-timing' }, "Keep the transcript's timing"),
    h('p', { class: 'hint', id: 'opt-keep-timing-hint' }, 'Each scene starts at its cue time, as in the recording.'));

  const el = h('fieldset', { class: 'options' },
    h('legend', {}, 'Options'),
    h('div', { class: 'grid' },
      field('Voice', voice),
      field('Colour', color),
      field('Theme', theme),
      languageField,
      field('Resolution', resolution),
      field('Frame rate', fps),
      field('Detail', detail, 'Summary says the key points; full reads everything.'),
      field('Duration (seconds)', duration, 'Optional: fit the narration to about this length.')),
    keepField,
    h('fieldset', { class: 'captions' }, h('legend', {}, 'Captions'),
      caps.map((c) => h('div', { class: 'check' }, c, h('label', { for: c.id }, capLabels[c.value])))));

  function read() {
    const o = {};
    for (const [k, sel] of Object.entries({ voice, color, theme, language, detail })) if (sel.value && !sel.closest('[hidden]')) o[k] = sel.value;
    o.resolution = resolution.value;
    o.fps = Number(fps.value);
    if (duration.value) o.duration = Number(duration.value);
    const picked = caps.filter((c) => c.checked).map((c) => c.value);
    // as `vgrun create --captions srt,vtt,burn` takes them; false: none
    o.captions = picked.length ? picked : false;
    if (!keepField.hidden && keepTiming.checked) o.keep_timing = true;
    return o;
  }
  // whether the document is a transcript: only then is keep_timing offered
  function setTranscript(yes) { keepField.hidden = !yes; }
  return { el, read, resolution, setTranscript };
}

// The options for a preview shown `shownWidth` CSS pixels wide: the same
// picture at the size the screen shows it (a 1920×1080 frame in a 600 px box
// costs several times the time and shows nothing more). Even sizes, the
// short side at least 144, as the renderer wants.
export function previewOptions(options, shownWidth) {
  const o = { ...options };
  const [w, h] = String(o.resolution || '1920x1080').split('x').map(Number);
  if (!w || !h) return o;
  const px = Math.max(320, Math.round((shownWidth || 0) * (window.devicePixelRatio || 1)));
  let k = Math.min(1, px / w);
  k = Math.max(k, Math.min(1, 144 / Math.min(w, h)));
  if (k >= 1) return o;
  const even = (x) => Math.max(2, 2 * Math.round(x / 2));
  o.resolution = `${even(w * k)}x${even(h * k)}`;
  return o;
}
