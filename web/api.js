// The HTTP API of `vgrun serve` (docs/architecture.md, "serve"): JSON in and
// out; errors are {"error": message, "diagnostics": [...]}.

export class ApiError extends Error {
  constructor(status, message, diagnostics) {
    super(message);
    this.status = status;
    this.diagnostics = Array.isArray(diagnostics) ? diagnostics : [];
  }
}

async function request(method, url, { body, signal } = {}) {
  const init = { method, signal, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  const r = await fetch(url, init);
  if (!r.ok) {
    let msg = `${r.status} ${r.statusText}`, diags = [];
    try {
      const b = await r.json();
      if (b && b.error) msg = typeof b.error === 'string' ? b.error : (b.error.message || msg);
      if (b && b.diagnostics) diags = b.diagnostics;
    } catch (_) { /* not JSON: keep the status line */ }
    if (r.status === 413) msg = `The document is too large for this server (${msg}).`;
    throw new ApiError(r.status, msg, diags);
  }
  return r;
}

export const getJSON = async (url, opts) => (await request('GET', url, opts)).json();
export const postJSON = async (url, body, opts) => {
  const r = await request('POST', url, { ...opts, body });
  const t = await r.text();
  return t ? JSON.parse(t) : {};
};
export const postBlob = async (url, body, opts) => (await request('POST', url, { ...opts, body })).blob();
export const del = (url) => request('DELETE', url);

// A document in one of the forms every document route takes: a file
// (multipart `file`) or text with its format. extra: more fields (scene,
// time); options: the task options, sent as JSON.
export function documentBody(doc, options, extra) {
  if (doc.file) {
    const fd = new FormData();
    fd.append('file', doc.file, doc.file.name);
    if (options) fd.append('options', JSON.stringify(options));
    for (const [k, v] of Object.entries(extra || {})) fd.append(k, String(v));
    return fd;
  }
  const body = { text: doc.text, format: doc.format, ...(extra || {}) };
  if (options) body.options = options;
  return body;
}

// The lists behind the option menus (/api/voices ...), as [{value, label}].
// Accepts an array of names, an array of objects, or {"voices": [...]}.
const lists = new Map();
export function choices(name) {
  if (!lists.has(name)) {
    lists.set(name, getJSON(`/api/${name}`).then((b) => normalize(b, name)).catch((e) => {
      lists.delete(name);
      throw e;
    }));
  }
  return lists.get(name);
}

function normalize(b, name) {
  let arr = b;
  if (!Array.isArray(arr) && arr && typeof arr === 'object') {
    arr = arr[name] || arr[name.replace(/-/g, '_')] || arr.items || Object.values(arr).find(Array.isArray);
    if (!arr && b && typeof b === 'object') {
      // {"male": {...}, "female": {...}}
      arr = Object.entries(b).map(([k, v]) => ({ name: k, ...(typeof v === 'object' ? v : { description: v }) }));
    }
  }
  return (arr || []).map((x) => {
    if (typeof x !== 'object') return { value: String(x), label: String(x) };
    const value = String(x.id ?? x.name ?? x.value ?? x.code ?? x.tag ?? '');
    const extra = x.label ?? x.description ?? x.title ?? (x.hex ? x.hex : undefined) ?? x.language;
    return { value, label: extra && extra !== value ? `${value} (${extra})` : value, hex: x.hex || x.color || x.value_hex };
  }).filter((c) => c.value);
}

export function taskURL(id, rest = '') { return `/api/tasks/${encodeURIComponent(id)}${rest}`; }
export function fileURL(id, name) { return taskURL(id, `/files/${encodeURIComponent(name)}`); }

// An SSE event's JSON, whatever framing the server chose (a bare event or
// one wrapped in {data}); type is the engine's (stage.progress, ...).
export function parseEvent(msg) {
  let ev;
  try { ev = JSON.parse(msg.data); } catch (_) { ev = { data: msg.data }; }
  if (!ev || typeof ev !== 'object') ev = { data: ev };
  if (!ev.type && msg.type && msg.type !== 'message') ev.type = msg.type;
  if (ev.id === undefined && msg.lastEventId) ev.id = msg.lastEventId;
  const d = (ev.data && typeof ev.data === 'object') ? ev.data : {};
  ev.task = ev.task ?? ev.task_id ?? d.task ?? d.task_id;
  ev.stage = ev.stage ?? d.stage;
  ev.progress = ev.progress ?? d.progress;
  ev.message = ev.message ?? d.message ?? d.text;
  ev.status = ev.status ?? d.task_status ?? d.status;
  return ev;
}

// Event types the engine and the task manager send; the pages listen to each
// by name as well as to unnamed messages, so either framing works.
export const EVENT_TYPES = [
  'pipeline.started', 'pipeline.completed', 'pipeline.failed', 'pipeline.cancelled',
  'stage.started', 'stage.progress', 'stage.completed', 'stage.skipped', 'stage.failed', 'stage.retrying',
  'task.queued', 'task.started', 'task.status', 'task.progress', 'task.done', 'task.failed',
  'task.cancelled', 'task.deleted', 'task.created', 'task.warning', 'warning', 'log', 'message', 'end',
];

export const TERMINAL = new Set(['done', 'failed', 'cancelled']);

export function listen(url, onEvent, onError) {
  const es = new EventSource(url);
  const seen = new Set();
  const handler = (msg) => {
    // a named event also reaches no other handler, but guard against a
    // server that sends both framings
    const key = msg.lastEventId ? `${msg.lastEventId}` : null;
    if (key && seen.has(key)) return;
    if (key) { seen.add(key); if (seen.size > 4096) seen.clear(); }
    onEvent(parseEvent(msg));
  };
  es.onmessage = handler;
  for (const t of EVENT_TYPES) es.addEventListener(t, handler);
  es.onerror = () => { if (onError) onError(es); };
  return es;
}

export function isFinal(ev) {
  // a split document runs several pipelines: only the task's last event ends
  // the stream (the pages refetch the task on pipeline.* to see its status)
  return ev.final === true || ev.type === 'end' || /^task\.(done|failed|cancelled|deleted)$/.test(ev.type || '');
}
