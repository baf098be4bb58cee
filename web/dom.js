// Small DOM helpers. Every page builds its elements with h(): text from the
// server (titles, messages, file names) is set as text, never as HTML.

// h('button', { class: 'x', onclick: fn, disabled: true }, 'Label', child...)
export function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = !!v;
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, kids);
  return el;
}

export function append(el, kids) {
  for (const k of kids.flat(Infinity)) {
    if (k === undefined || k === null || k === false) continue;
    el.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
  return el;
}

let uid = 0;
export function newId(prefix) { uid += 1; return `${prefix}-${uid}`; }

// A labelled control: <div class="field"><label for=id>Label</label>control hint</div>
export function field(label, control, hint) {
  if (!control.id) control.id = newId('f');
  const kids = [h('label', { for: control.id }, label), control];
  if (hint) {
    const hid = newId('hint');
    control.setAttribute('aria-describedby', hid);
    kids.push(h('p', { class: 'hint', id: hid }, hint));
  }
  return h('div', { class: 'field' }, kids);
}

// Client-side navigation: app.js listens and draws the page.
export function navigate(path) {
  history.pushState(null, '', path);
  window.dispatchEvent(new Event('vg:navigate'));
}

// Says something to screen readers (the polite live region of index.html).
export function announce(text) {
  const el = document.getElementById('announce');
  if (!el) return;
  el.textContent = '';
  // a fresh text node is announced even when the text repeats
  setTimeout(() => { el.textContent = text; }, 30);
}

export function fmtSeconds(s) {
  if (s === undefined || s === null || !isFinite(s)) return '';
  s = Math.max(0, Math.round(s));
  const m = Math.floor(s / 60), r = s % 60;
  return m ? `${m} min ${String(r).padStart(2, '0')} s` : `${r} s`;
}

export function fmtTime(t) {
  if (!t) return '';
  const d = typeof t === 'number' ? new Date(t < 1e12 ? t * 1000 : t) : new Date(t);
  return isNaN(d) ? String(t) : d.toLocaleString();
}

// "file:line: message" for a diagnostic of `vgrun check`
export function diagText(d) {
  if (typeof d === 'string') return d;
  const where = [d.file, d.line, d.col].filter((x) => x !== undefined && x !== null && x !== '').join(':');
  const msg = d.message || d.text || '';
  return (where ? `${where}: ` : '') + (d.severity && d.severity !== 'error' ? `${d.severity}: ` : '') + msg;
}

export function diagList(diags, cls = 'diags') {
  return h('ul', { class: cls }, (diags || []).map((d) =>
    h('li', { class: `sev-${(d && d.severity) || 'error'}` }, diagText(d))));
}
