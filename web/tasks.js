// Tasks: every task with its live status (from /api/events), a filter by
// status, and delete.
import { h, announce, fmtTime, field } from './dom.js';
import { getJSON, del, taskURL, listen, ApiError } from './api.js';

const STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'];

export function tasksView(main) {
  const params = new URLSearchParams(location.search);
  const filter = h('select', { name: 'status' },
    h('option', { value: '' }, 'All'), STATUSES.map((s) => h('option', { value: s, selected: params.get('status') === s }, s)));
  const list = h('ul', { class: 'tasks', 'aria-live': 'off' });
  const summary = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite' });
  const errors = h('div', { class: 'errors', role: 'alert' });
  let timer = null;
  let closed = false;
  let ctl = null;

  main.append(h('h1', {}, 'Tasks'),
    h('div', { class: 'toolbar' }, field('Show', filter), h('a', { class: 'button', href: '/' }, 'New task')),
    summary, errors, list);

  filter.addEventListener('change', () => {
    const q = filter.value ? `?status=${encodeURIComponent(filter.value)}` : '';
    history.replaceState(null, '', `/tasks${q}`);
    load();
  });

  async function load() {
    timer = null;
    if (ctl) ctl.abort();
    const my = ctl = new AbortController();
    try {
      const q = filter.value ? `?status=${encodeURIComponent(filter.value)}` : '';
      let res = await getJSON(`/api/tasks${q}`, { signal: my.signal });
      if (!Array.isArray(res)) res = res.tasks || [];
      if (closed || my !== ctl) return;
      errors.replaceChildren();
      draw(res);
    } catch (e) {
      if (e.name !== 'AbortError') errors.replaceChildren(h('p', {}, `Could not list the tasks: ${e.message}`));
    }
  }
  function soon(ms = 300) { if (!timer && !closed) timer = setTimeout(load, ms); }

  function draw(tasks) {
    const counts = {};
    for (const t of tasks) counts[t.status] = (counts[t.status] || 0) + 1;
    summary.textContent = tasks.length
      ? `${tasks.length} task${tasks.length === 1 ? '' : 's'}: ` + STATUSES.filter((s) => counts[s]).map((s) => `${counts[s]} ${s}`).join(', ')
      : (filter.value ? `No ${filter.value} tasks.` : 'No tasks yet.');
    list.replaceChildren(...tasks.map(row));
  }

  function row(t) {
    const st = t.status || 'queued';
    const p = Math.round(Math.min(1, Math.max(0, Number(t.progress) || (st === 'done' ? 1 : 0))) * 100);
    const name = t.name || t.id;
    return h('li', { class: `task st-${st}`, 'data-id': t.id, 'data-status': st },
      h('div', { class: 'task-main' },
        h('a', { href: `/tasks/${encodeURIComponent(t.id)}`, class: 'task-name' }, name),
        h('span', { class: `badge st-${st}` }, st),
        st === 'running' ? h('span', { class: 'muted' }, ` ${p} %`) : null),
      h('div', { class: 'task-meta muted' }, h('code', {}, t.id), t.created ? ` · ${fmtTime(t.created)}` : ''),
      h('button', { type: 'button', class: 'danger small', 'aria-label': `Delete ${name} (${t.id})`, onclick: () => remove(t, name) }, 'Delete'));
  }

  async function remove(t, name) {
    if (!window.confirm(`Delete ${name} and its files?`)) return;
    try {
      await del(taskURL(t.id));
      announce(`${name} deleted`);
      load();
    } catch (e) {
      errors.replaceChildren(h('p', {}, e instanceof ApiError ? e.message : `Could not delete: ${e.message}`));
    }
  }

  // every task's events: a status badge changes in place at once; the list is
  // reread (at most about three times a second) for new and removed tasks
  const es = listen('/api/events', (ev) => {
    const li = ev.task && list.querySelector(`li[data-id="${CSS.escape(String(ev.task))}"]`);
    if (li && ev.status) {
      li.dataset.status = ev.status;
      const b = li.querySelector('.badge');
      if (b) { b.textContent = ev.status; b.className = `badge st-${ev.status}`; }
    }
    // progress moves the percentages: reread about once a second for it
    if (/\.progress$/.test(ev.type || '') && li) soon(1000);
    else soon(li ? 300 : 100);
  }, () => soon(1000));

  load();
  return () => { closed = true; es.close(); clearTimeout(timer); if (ctl) ctl.abort(); };
}
