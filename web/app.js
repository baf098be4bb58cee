// The studio's router: one page (index.html), a view per path. Views return
// a cleanup function that closes their event streams and timers.
import { navigate } from './dom.js';
import { createView } from './create.js';
import { taskView } from './task.js';
import { tasksView } from './tasks.js';
import { editorView } from './editor.js';

const routes = [
  [/^\/(create\/?)?$/, createView, 'create', 'Create'],
  [/^\/tasks\/?$/, tasksView, 'tasks', 'Tasks'],
  [/^\/tasks\/([\w.-]+)\/?$/, taskView, 'tasks', 'Task'],
  [/^\/editor\/?$/, editorView, 'editor', 'Editor'],
];

let cleanup = null;
let first = true;

function route() {
  if (cleanup) { try { cleanup(); } catch (_) { /* a view's cleanup never stops the next */ } }
  cleanup = null;
  const main = document.getElementById('main');
  main.replaceChildren();
  for (const k of Object.keys(main.dataset)) delete main.dataset[k];
  const path = location.pathname;
  let found = routes.find(([re]) => re.test(path));
  if (!found) found = [null, notFound, '', 'Not found'];
  const [re, view, nav, title] = found;
  const args = re ? path.match(re).slice(1).map(decodeURIComponent) : [];
  for (const a of document.querySelectorAll('[data-nav]')) {
    if (a.dataset.nav === nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  document.title = `${title} · vgrun studio`;
  cleanup = view(main, ...args) || null;
  // a new view moves the focus to its heading, as a page load would
  if (!first) {
    const h1 = main.querySelector('h1');
    if (h1) { h1.setAttribute('tabindex', '-1'); h1.focus(); } else main.focus();
  }
  first = false;
}

function notFound(main) {
  const h1 = document.createElement('h1');
  h1.textContent = 'No such page';
  const p = document.createElement('p');
  p.append('Go to ');
  const a = document.createElement('a'); a.href = '/'; a.textContent = 'Create';
  p.append(a, '.');
  main.append(h1, p);
}

document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.target.closest('a[href]');
  if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin) return;
  if (a.pathname.startsWith('/api/')) return;
  if (a.hash && a.pathname === location.pathname) return; // the skip link
  e.preventDefault();
  if (a.pathname + a.search !== location.pathname + location.search) navigate(a.pathname + a.search);
});
window.addEventListener('popstate', route);
window.addEventListener('vg:navigate', route);
route();
