// DEVELOPMENT ONLY: a mock of `vgrun serve`'s HTTP API, used to work on the
// pages (web/) before the real server existed and to take screenshots. The
// tests in this folder run against the real `vgrun serve`; nothing here is
// part of vgrun. Usage: node tests/web/mock-api.mjs [port]  (serves web/)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const WEB = path.resolve(here, '../../web');
const port = Number(process.argv[2] || 8099);
const STEP_MS = Number(process.env.MOCK_STEP_MS || 150);

// media for "done" tasks: a 4 s clip made once with ffmpeg
const media = fs.mkdtempSync('/tmp/vg-mock-media-');
execFileSync('ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=640x360:rate=30', '-f', 'lavfi', '-i', 'sine=f=440',
  '-t', '4', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-movflags', '+faststart', path.join(media, 'video.mp4')]);
execFileSync('ffmpeg', ['-loglevel', 'error', '-i', path.join(media, 'video.mp4'), '-frames:v', '1', path.join(media, 'video.png')]);
fs.writeFileSync(path.join(media, 'video.vtt'), 'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHello from the mock video.\n\n00:00:02.000 --> 00:00:04.000\nSecond cue.\n');
fs.writeFileSync(path.join(media, 'video.srt'), '1\n00:00:00,000 --> 00:00:02,000\nHello from the mock video.\n\n2\n00:00:02,000 --> 00:00:04,000\nSecond cue.\n');
fs.writeFileSync(path.join(media, 'video.timing.json'), JSON.stringify({ duration: 4, scenes: [
  { id: 'scene_01', title: 'Welcome', start: 0, end: 2, type: 'title' }, { id: 'scene_02', title: 'The idea', start: 2, end: 4, type: 'bullets' }] }));

const TYPES = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml', png: 'image/png', json: 'application/json', mp4: 'video/mp4', vtt: 'text/vtt', srt: 'application/x-subrip' };
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; connect-src 'self'";

// ---- PNG: a solid picture whose colour follows the text and scene --------
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
function crc(buf) { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; }
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4); c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
}
function png(w, h, seed) {
  const r = seed & 0xff, g = (seed >> 8) & 0xff, b = (seed >> 16) & 0xff;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const o = y * (w * 3 + 1) + 1 + x * 3;
      const band = (y > h * 0.35 && y < h * 0.45 && x > w * 0.1 && x < w * 0.9) || (y > h * 0.55 && y < h * 0.6 && x > w * 0.1 && x < w * 0.6);
      raw[o] = band ? 255 : r; raw[o + 1] = band ? 255 : g; raw[o + 2] = band ? 255 : b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
function hash(s) { let x = 2166136261; for (const ch of s) x = Math.imul(x ^ ch.charCodeAt(0), 16777619); return x >>> 0; }

// ---- documents: JSON {text, format} or multipart (crudely: the file's bytes) ----
function readDoc(req, body) {
  const ct = req.headers['content-type'] || '';
  if (ct.startsWith('application/json')) { const j = JSON.parse(body.toString() || '{}'); return { text: j.text || '', format: j.format, scene: j.scene, time: j.time }; }
  const s = body.toString();
  const field = (name) => { const m = s.match(new RegExp(`name="${name}"(?:; filename="[^"]*")?\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n([\\s\\S]*?)\\r\\n--`)); return m ? m[1] : undefined; };
  return { text: field('file') ?? field('text') ?? '', format: field('format'), scene: field('scene'), time: field('time') };
}
function scenesOf(text) {
  const out = [];
  const lines = text.split('\n');
  lines.forEach((l, i) => {
    const m = l.match(/^(#{1,2})\s+(.*)$/) || l.match(/^\s*-?\s*title:\s*(.*)$/);
    if (m) out.push({ index: out.length + 1, type: out.length ? 'bullets' : 'title', title: (m[2] ?? m[1]).trim(), bullets: [], narration: `Narration of ${(m[2] ?? m[1]).trim()}.`, seconds: 4 + (i % 3) });
    else if (/^\s*-\s+/.test(l) && out.length) out[out.length - 1].bullets.push(l.replace(/^\s*-\s+/, ''));
  });
  if (!out.length && text.trim()) out.push({ index: 1, type: 'title', title: text.trim().split('\n')[0].slice(0, 40), bullets: [], seconds: 3 });
  return out;
}
function diagnostics(text) {
  const d = [];
  text.split('\n').forEach((l, i) => {
    if (/^#{1,6}\s*$/.test(l)) d.push({ file: 'document.md', line: i + 1, col: 1, severity: 'error', message: 'a heading without text' });
    if (/TODO/.test(l)) d.push({ file: 'document.md', line: i + 1, col: l.indexOf('TODO') + 1, severity: 'warning', message: 'TODO left in the text' });
  });
  return d;
}

// ---- tasks, events ---------------------------------------------------------
const STAGES = ['input', 'scenes', 'tts', 'render', 'encode'];
const tasks = new Map();
let seq = 0, globalId = 0;
const globalLog = [], globalClients = new Set();
function emit(t, type, extra = {}, final = false) {
  const ev = { id: t.log.length + 1, task: t.id, type, data: extra, final, stage: extra.stage, progress: extra.progress };
  t.log.push(ev);
  for (const c of t.clients) sseWrite(c, ev.id, ev);
  const g = { ...ev, id: ++globalId, status: t.status };
  globalLog.push(g);
  for (const c of globalClients) sseWrite(c, g.id, g);
  if (final) for (const c of t.clients) c.end();
}
function sseWrite(res, id, ev) { res.write(`id: ${id}\ndata: ${JSON.stringify(ev)}\n\n`); }
function summary(t) {
  const done = t.stages.reduce((a, s) => a + s.progress, 0) / t.stages.length;
  return { id: t.id, name: t.name, status: t.status, created: t.created, started: t.started, finished: t.finished, options: t.options,
    stages: t.stages, progress: done, eta: t.status === 'running' ? Math.round((1 - done) * STAGES.length * 5 * STEP_MS / 1000) : null,
    scenes: t.status === 'done' ? [{ index: 1, title: 'Welcome', from_cache: true, why: 'same text and voice' }, { index: 2, title: 'The idea', from_cache: false, why: 'new' }] : [],
    outputs: t.status === 'done' ? ['video.mp4', 'video.srt', 'video.vtt', 'video.png', 'video.timing.json'] : [],
    warnings: t.warnings, error: t.error };
}
function step(t) {
  if (t.status !== 'running') return;
  const s = t.stages.find((x) => x.status !== 'completed');
  if (!s) {
    t.status = 'done'; t.finished = Date.now() / 1000;
    emit(t, 'pipeline.completed', {}, true);
    return;
  }
  if (s.status === 'waiting') { s.status = 'running'; emit(t, 'stage.started', { stage: s.name }); }
  else {
    s.progress = Math.min(1, s.progress + 0.25);
    emit(t, 'stage.progress', { stage: s.name, progress: s.progress });
    if (s.name === 'scenes' && s.progress === 0.5 && !t.warnings.length) {
      t.warnings.push({ text: 'an image is missing: cover.png', file: 'document.md', line: 7 });
      emit(t, 'warning', { text: 'an image is missing: cover.png', file: 'document.md', line: 7, level: 'warning' });
    }
    if (s.progress >= 1) { s.status = 'completed'; emit(t, 'stage.completed', { stage: s.name }); }
  }
  t.timer = setTimeout(() => step(t), STEP_MS);
}
function startTask(t) {
  t.status = 'running'; t.started = Date.now() / 1000;
  emit(t, 'pipeline.started', { stages: STAGES.length });
  t.timer = setTimeout(() => step(t), STEP_MS);
}

function json(res, code, obj) { res.writeHead(code, { 'Content-Type': 'application/json' }); res.end(JSON.stringify(obj)); }

function sendFile(req, res, file, type) {
  const stat = fs.statSync(file);
  const range = req.headers.range && req.headers.range.match(/bytes=(\d*)-(\d*)/);
  const headers = { 'Content-Type': type, 'Accept-Ranges': 'bytes', ETag: `"${stat.size}-${stat.mtimeMs}"` };
  if (range) {
    const start = range[1] ? Number(range[1]) : stat.size - Number(range[2]);
    const end = range[2] && range[1] ? Math.min(Number(range[2]), stat.size - 1) : stat.size - 1;
    res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${stat.size}`, 'Content-Length': end - start + 1 });
    fs.createReadStream(file, { start, end }).pipe(res);
  } else {
    res.writeHead(200, { ...headers, 'Content-Length': stat.size });
    fs.createReadStream(file).pipe(res);
  }
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => handle(req, res, Buffer.concat(chunks)));
});
function handle(req, res, body) {
  const url = new URL(req.url, 'http://x');
  const p = url.pathname;
  let m;
  res.setHeader('Content-Security-Policy', CSP);
  if (req.method === 'GET' && p === '/api/voices') return json(res, 200, ['male', 'male_warm', 'female', 'female_friendly', 'en-gb', 'de']);
  if (req.method === 'GET' && p === '/api/colors') return json(res, 200, ['blue', 'purple', 'orange', 'green', 'pink', 'cyan']);
  if (req.method === 'GET' && p === '/api/themes') return json(res, 200, ['light', 'dark']);
  if (req.method === 'GET' && p === '/api/languages') return json(res, 200, [{ code: 'en', name: 'English' }, { code: 'de', name: 'Deutsch' }, { code: 'ko', name: '한국어' }]);
  if (req.method === 'GET' && p === '/api/health') return json(res, 200, { ok: true });
  if (req.method === 'POST' && p === '/api/scenes') {
    const d = readDoc(req, body); const sc = scenesOf(d.text);
    if (!sc.length) return json(res, 400, { error: 'the document is empty', diagnostics: [{ file: 'document.md', line: 1, severity: 'error', message: 'no text' }] });
    return json(res, 200, { scenes: sc, seconds: sc.reduce((a, s) => a + s.seconds, 0) });
  }
  if (req.method === 'POST' && p === '/api/check') { const d = readDoc(req, body); return json(res, 200, { ok: true, diagnostics: diagnostics(d.text) }); }
  if (req.method === 'POST' && p === '/api/frame') {
    const d = readDoc(req, body);
    const sc = scenesOf(d.text);
    const n = Number(d.scene) || 1;
    if (n > sc.length) return json(res, 400, { error: `no scene ${n}` });
    res.writeHead(200, { 'Content-Type': 'image/png' });
    return res.end(png(320, 180, hash(`${n}:${JSON.stringify(sc[n - 1])}:${d.time}`)));
  }
  if (req.method === 'POST' && p === '/api/tasks') {
    const d = readDoc(req, body);
    if (!d.text.trim()) return json(res, 400, { error: 'the document is empty', diagnostics: [] });
    const id = `t${Date.now().toString(36)}${++seq}`;
    const name = (d.text.match(/^#\s+(.*)$/m) || [null, 'pasted text'])[1];
    const t = { id, name, status: 'queued', created: Date.now() / 1000, stages: STAGES.map((s) => ({ name: s, status: 'waiting', progress: 0 })), log: [], clients: new Set(), warnings: [], options: {} };
    tasks.set(id, t);
    emit(t, 'task.queued', { status: 'queued' });
    setTimeout(() => startTask(t), STEP_MS * 2);
    return json(res, 202, { id });
  }
  if (req.method === 'GET' && p === '/api/tasks') {
    const st = url.searchParams.get('status');
    return json(res, 200, [...tasks.values()].reverse().filter((t) => !st || t.status === st).map(summary));
  }
  if (req.method === 'GET' && p === '/api/events') {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
    const last = Number(req.headers['last-event-id'] || 0);
    if (last) for (const ev of globalLog.filter((e) => e.id > last)) sseWrite(res, ev.id, ev);
    globalClients.add(res); res.on('close', () => globalClients.delete(res));
    return;
  }
  if ((m = p.match(/^\/api\/tasks\/([\w.-]+)(\/.*)?$/))) {
    const t = tasks.get(m[1]);
    if (!t) return json(res, 404, { error: `no task ${m[1]}` });
    const rest = m[2] || '';
    if (req.method === 'GET' && !rest) return json(res, 200, summary(t));
    if (req.method === 'DELETE' && !rest) { clearTimeout(t.timer); tasks.delete(t.id); emit(t, 'task.deleted', {}, true); return json(res, 200, { ok: true }); }
    if (req.method === 'POST' && rest === '/cancel') {
      if (t.status !== 'running' && t.status !== 'queued') return json(res, 409, { error: `the task is ${t.status}` });
      clearTimeout(t.timer); t.status = 'cancelled'; t.finished = Date.now() / 1000; emit(t, 'pipeline.cancelled', {}, true); return json(res, 200, { ok: true });
    }
    if (req.method === 'POST' && rest === '/resume') {
      if (t.status !== 'cancelled' && t.status !== 'failed') return json(res, 409, { error: `the task is ${t.status}` });
      t.status = 'queued'; t.finished = null; emit(t, 'task.queued', { status: 'queued' }); setTimeout(() => startTask(t), STEP_MS); return json(res, 200, { ok: true });
    }
    if (req.method === 'GET' && rest === '/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
      const last = Number(req.headers['last-event-id'] || 0);
      for (const ev of t.log.filter((e) => e.id > last)) sseWrite(res, ev.id, ev);
      if (t.status === 'done' || t.status === 'failed' || t.status === 'cancelled') { if (t.log.at(-1)?.final) return res.end(); }
      t.clients.add(res); res.on('close', () => t.clients.delete(res));
      return;
    }
    if (req.method === 'GET' && (m = rest.match(/^\/files\/([\w.-]+)$/))) {
      const f = path.join(media, m[1]);
      if (t.status !== 'done' || !fs.existsSync(f)) return json(res, 404, { error: 'no such file' });
      return sendFile(req, res, f, TYPES[m[1].split('.').pop()] || 'application/octet-stream');
    }
    return json(res, 405, { error: 'not allowed' });
  }
  if (p.startsWith('/api/')) return json(res, 404, { error: `no route ${p}` });
  // pages: the files of web/, index.html for the app's own routes
  let file = path.join(WEB, path.normalize(p).replace(/^(\.\.[/\\])+/, ''));
  if (!file.startsWith(WEB) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(WEB, 'index.html');
  res.writeHead(200, { 'Content-Type': TYPES[file.split('.').pop()] || 'application/octet-stream', 'Cache-Control': 'no-cache' });
  fs.createReadStream(file).pipe(res);
}
server.listen(port, '127.0.0.1', () => console.log(`mock API on http://127.0.0.1:${port}/ (development only)`));
process.on('SIGTERM', () => { fs.rmSync(media, { recursive: true, force: true }); process.exit(0); });
process.on('SIGINT', () => { fs.rmSync(media, { recursive: true, force: true }); process.exit(0); });
