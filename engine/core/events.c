/* events.c: the event bus. Listeners in C (vg_on; the Lua bridge is one
 * of them, engine/lua/events_lua.c); events from worker threads are copied
 * into a queue under a mutex and delivered on the loop thread in order
 * (GStreamer's bus), draining the whole queue per wake-up because several
 * uv_async_send calls fold into one callback (what that drain's callbacks
 * queue again waits for the next wake-up). */
#include "core_private.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int vg_on(vg_engine *e, const char *type, vg_listener_fn fn, void *ud) {
  if (!fn) return 0;
  if (e->n_listeners == e->cap_listeners) {
    int cap = e->cap_listeners ? e->cap_listeners * 2 : 8;
    vg_listener *nl = realloc(e->listeners, sizeof *nl * (size_t)cap);
    if (!nl) return 0;
    e->listeners = nl;
    e->cap_listeners = cap;
  }
  vg_listener *l = &e->listeners[e->n_listeners++];
  l->id = e->next_listener_id++;
  l->type = (type && strcmp(type, "*") != 0) ? vg_strdup(type) : NULL;
  l->fn = fn;
  l->ud = ud;
  return l->id;
}

void vg_off(vg_engine *e, int id) {
  for (int i = 0; i < e->n_listeners; i++) {
    if (e->listeners[i].id != id) continue;
    free(e->listeners[i].type);
    memmove(&e->listeners[i], &e->listeners[i + 1], sizeof *e->listeners * (size_t)(e->n_listeners - i - 1));
    e->n_listeners--;
    return;
  }
}

void vg_emit(vg_engine *e, const vg_event *ev) {
  /* dispatch over a snapshot: listeners may subscribe or unsubscribe */
  int n = e->n_listeners;
  if (n == 0) return;
  vg_listener stack_snap[16];
  vg_listener *snap = n <= 16 ? stack_snap : malloc(sizeof *snap * (size_t)n);
  if (!snap) return;
  memcpy(snap, e->listeners, sizeof *snap * (size_t)n);
  for (int i = 0; i < n; i++) {
    /* skip those removed by an earlier listener of this event */
    int live = 0;
    for (int k = 0; k < e->n_listeners; k++) if (e->listeners[k].id == snap[i].id) { live = 1; break; }
    if (!live) continue;
    if (snap[i].type && strcmp(snap[i].type, ev->type) != 0) continue;
    snap[i].fn(ev, snap[i].ud);
  }
  if (snap != stack_snap) free(snap);
}

void vg_post(vg_engine *e, const vg_event *ev) {
  vg_posted *p = calloc(1, sizeof *p);
  if (!p) return;
  p->type = vg_strdup(ev->type ? ev->type : "message");
  p->task_id = vg_strdup(ev->task_id);
  p->stage = vg_strdup(ev->stage);
  p->message = vg_strdup(ev->message);
  p->progress = ev->progress;
  p->time = ev->time > 0 ? ev->time : vg__now();
  p->data = ev->data ? cJSON_Duplicate(ev->data, 1) : NULL;
  pthread_mutex_lock(&e->post_lock);
  if (e->posted_tail) e->posted_tail->next = p; else e->posted_head = p;
  e->posted_tail = p;
  pthread_mutex_unlock(&e->post_lock);
  uv_async_send(&e->wake);
}

static void free_posted(vg_posted *p) {
  free(p->type); free(p->task_id); free(p->stage); free(p->message);
  cJSON_Delete(p->data);
  free(p);
}

int vg__events_drain(vg_engine *e) {
  /* One batch: what was queued when the drain began. What its callbacks
   * queue (a fiber that yields, an event a listener posts) waits for the
   * next turn of the loop, after libuv has polled for I/O: draining until
   * the queue is empty let a fiber that yields scene after scene hold the
   * loop for as long as it ran, and `vgrun serve` answered no request. */
  pthread_mutex_lock(&e->post_lock);
  vg_posted *p = e->posted_head;
  e->posted_head = e->posted_tail = NULL;
  pthread_mutex_unlock(&e->post_lock);
  while (p) {
    vg_posted *next = p->next;
    if (p->fn) {
      e->loop_depth++;
      p->fn(p->ud);   /* also when closing: callbacks free their own data */
      e->loop_depth--;
      if (p->soon) {
        e->n_soon--;
        vg__keepalive(e);
      }
    } else if (!e->closing) {
      vg_event ev = { p->type, p->task_id, p->stage, p->progress, p->message, p->time, p->data };
      e->loop_depth++;
      vg_emit(e, &ev);
      e->loop_depth--;
    }
    free_posted(p);
    p = next;
  }
  pthread_mutex_lock(&e->post_lock);
  int more = e->posted_head != NULL;
  pthread_mutex_unlock(&e->post_lock);
  /* the async folds sends made before its callback ran: a batch queued
   * during this one needs a send of its own */
  if (more) uv_async_send(&e->wake);
  return more;
}

void vg__events_free(vg_engine *e) {
  pthread_mutex_lock(&e->post_lock);
  vg_posted *p = e->posted_head;
  e->posted_head = e->posted_tail = NULL;
  pthread_mutex_unlock(&e->post_lock);
  while (p) { vg_posted *n = p->next; free_posted(p); p = n; }
  for (int i = 0; i < e->n_listeners; i++) free(e->listeners[i].type);
  free(e->listeners);
  e->listeners = NULL;
  e->n_listeners = 0;
  if (e->events_file && e->events_file_owned) fclose(e->events_file);
  else if (e->events_file) fflush(e->events_file);
  e->events_file = NULL;
  free(e->events_path);
  e->events_path = NULL;
}

cJSON *vg_event_to_json(const vg_event *ev) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddStringToObject(o, "type", ev->type ? ev->type : "");
  if (ev->task_id) cJSON_AddStringToObject(o, "task_id", ev->task_id); else cJSON_AddNullToObject(o, "task_id");
  if (ev->stage) cJSON_AddStringToObject(o, "stage", ev->stage); else cJSON_AddNullToObject(o, "stage");
  if (ev->progress >= 0) cJSON_AddNumberToObject(o, "progress", ev->progress); else cJSON_AddNullToObject(o, "progress");
  if (ev->message) cJSON_AddStringToObject(o, "message", ev->message); else cJSON_AddNullToObject(o, "message");
  cJSON_AddNumberToObject(o, "time", ev->time);
  if (ev->data) cJSON_AddItemToObject(o, "data", cJSON_Duplicate(ev->data, 1));
  return o;
}

static void file_listener(const vg_event *ev, void *ud) {
  vg_engine *e = ud;
  /* after a failed write nothing more: a line torn or left out in the
   * middle would make a stream that reads as whole; the failure is told at
   * exit (vg_events_failed) */
  if (!e->events_file || e->events_errno) return;
  cJSON *o = vg_event_to_json(ev);
  char *s = cJSON_PrintUnformatted(o);
  cJSON_Delete(o);
  if (s) {
    errno = 0;
    if (fputs(s, e->events_file) == EOF || fputc('\n', e->events_file) == EOF ||
        fflush(e->events_file) != 0)
      e->events_errno = errno ? errno : EIO;
    cJSON_free(s);
  }
}

int vg_events_failed(vg_engine *e, const char **path) {
  if (path) *path = e->events_path;
  return e->events_errno;
}

/* Opens the events file for writing. O_NONBLOCK: a FIFO with no reader
 * fails at once (ENXIO) instead of blocking open() forever, where even
 * SIGTERM could not end it; with a reader (a UI following the events) it
 * works. The descriptor is made blocking again for the writes. */
static FILE *open_events_file(const char *path) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0644);
  if (fd < 0) return NULL;
  int fl = fcntl(fd, F_GETFL);
  if (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) != 0) {
    int saved = errno;
    close(fd);
    errno = saved;
    return NULL;
  }
  FILE *f = fdopen(fd, "w");
  if (!f) {
    int saved = errno;
    close(fd);
    errno = saved;
  }
  return f;
}

int vg_events_to_file(vg_engine *e, const char *path) {
  FILE *f;
  int owned = 1;
  if (strcmp(path, "-") == 0) { f = stdout; owned = 0; }
  else f = open_events_file(path);
  if (!f) return -1;
  if (e->events_file && e->events_file_owned) fclose(e->events_file);
  else vg_on(e, "*", file_listener, e);
  e->events_file = f;
  e->events_file_owned = owned;
  e->events_errno = 0;
  free(e->events_path);
  e->events_path = strdup(path);
  return 0;
}
