/* man.c: manual pages in roff source (man(7) and mdoc(7) macros) are laid
 * out by mandoc, run as a child on the page's text, and its output is read
 * as a man page printed as text (text.c). roff is a programming language
 * (macros, loops, .so to read files), so the child gets the page on stdin,
 * an empty folder of its own as its working directory (mandoc refuses
 * absolute and ".." paths in .so; a relative one finds nothing there), no
 * environment, limits on CPU, memory and files, and a wall-clock deadline.
 * It is started by posix_spawn: the engine has threads, and nothing of
 * ours runs in a forked copy of it.
 * groff is never run: it reads any file and runs commands (.pso) when
 * unsafe. See docs/inputs.md, "Manual pages". */
#define _GNU_SOURCE
#include "input_private.h"
#include "vg_utf8.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* mandoc lays out the largest page on this machine (ffmpeg-all.1, 1.9 MB of
 * text) in 0.5 s of CPU; a page that loops (".while 1") is stopped in 2 */
enum { MAN_CPU_SECONDS = 2, MAN_WALL_MS = 5000 };
#define MAN_MEMORY_BYTES ((rlim_t)512 << 20)

/* the first line that is not a comment or blank, in s[0..n) */
static const char *first_request(const char *s, size_t n, size_t *ln) {
  for (size_t i = 0; i < n;) {
    const char *e = memchr(s + i, '\n', n - i);
    size_t end = e ? (size_t)(e - s) : n;
    const char *l = s + i;
    size_t k = end - i;
    int comment = (k >= 3 && (l[0] == '.' || l[0] == '\'') && l[1] == '\\' && l[2] == '"') ||
                  (k >= 2 && l[0] == '\\' && l[1] == '"');
    int blank = 1;
    for (size_t q = 0; q < k && blank; q++) blank = isspace((unsigned char)l[q]) || (q == 0 && l[q] == '.');
    if (!comment && !blank) { *ln = k; return l; }
    i = end + 1;
  }
  return NULL;
}

static int request_is(const char *l, size_t n, const char *name) {
  size_t k = strlen(name);
  return n >= k + 1 && l[0] == '.' && !memcmp(l + 1, name, k) && (n == k + 1 || l[k + 1] == ' ' || l[k + 1] == '\t');
}

int vgi_is_roff_page(const char *text, size_t len) {
  size_t n;
  const char *l = first_request(text, len, &n);
  if (!l || (l[0] != '.' && l[0] != '\'')) return 0;
  if (request_is(l, n, "so")) return 1;   /* a page that points to another */
  /* a control line first (a macro defined, a register set: pod2man's and
   * rst2man's pages start so), and the page's header, man(7)'s .TH or
   * mdoc(7)'s .Dd or .Dt, on a line of its own */
  static const char *const heads[] = { "TH", "Dd", "Dt", NULL };
  for (size_t i = 0; i < len;) {
    const char *e = memchr(text + i, '\n', len - i);
    size_t end = e ? (size_t)(e - text) : len;
    for (int k = 0; heads[k]; k++)
      if (request_is(text + i, end - i, heads[k])) return 1;
    i = end + 1;
  }
  return 0;
}

/* ".so man1/foo.1" as the page's only request: its text is another file's */
static int so_only(const char *text, size_t len, char *target, size_t tsz) {
  size_t n;
  const char *l = first_request(text, len, &n);
  if (!l || !request_is(l, n, "so")) return 0;
  const char *rest = l + n;
  size_t left = len - (size_t)(rest - text);
  size_t m;
  if (first_request(rest, left, &m)) return 0;
  size_t a = 3;
  while (a < n && (l[a] == ' ' || l[a] == '\t')) a++;
  size_t b = n;
  while (b > a && isspace((unsigned char)l[b - 1])) b--;
  snprintf(target, tsz, "%.*s", (int)(b - a), l + a);
  return 1;
}

/* mandoc's program: the first in PATH (looked up here: it is started with
 * no environment) */
static int find_mandoc(char *out, size_t n) {
  const char *path = getenv("PATH");
  if (!path || !*path) path = "/usr/local/bin:/usr/bin:/bin";
  for (const char *p = path; *p;) {
    const char *c = strchr(p, ':');
    size_t k = c ? (size_t)(c - p) : strlen(p);
    if (k && (size_t)snprintf(out, n, "%.*s/mandoc", (int)k, p) < n && access(out, X_OK) == 0) return 1;
    p += k + (c != NULL);
  }
  return 0;
}

static long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* mandoc started with the page's pipes as its stdin, stdout and stderr,
 * nothing else open, in `dir`, with no environment and the signals a new
 * program expects. Its limits are set by the caller before it is given the
 * page (limit_child). The pid, or -1 with errno. */
static pid_t spawn_mandoc(const char *prog, int in, int out, int err, const char *dir) {
  posix_spawn_file_actions_t fa;
  posix_spawnattr_t at;
  if ((errno = posix_spawn_file_actions_init(&fa)) != 0) return -1;
  if ((errno = posix_spawnattr_init(&at)) != 0) { posix_spawn_file_actions_destroy(&fa); return -1; }
  sigset_t none, dflt;
  sigemptyset(&none);
  sigemptyset(&dflt);
  sigaddset(&dflt, SIGPIPE);   /* the engine ignores it; mandoc writing to a closed pipe ends */
  sigaddset(&dflt, SIGINT);
  sigaddset(&dflt, SIGTERM);
  int rc = posix_spawn_file_actions_adddup2(&fa, in, 0);
  if (!rc) rc = posix_spawn_file_actions_adddup2(&fa, out, 1);
  if (!rc) rc = posix_spawn_file_actions_adddup2(&fa, err, 2);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 34)
  /* the engine's descriptors are close-on-exec; one an embedder left open is not passed either */
  if (!rc) rc = posix_spawn_file_actions_addclosefrom_np(&fa, 3);
#endif
  if (!rc) rc = posix_spawn_file_actions_addchdir_np(&fa, dir);
  if (!rc) rc = posix_spawnattr_setsigmask(&at, &none);
  if (!rc) rc = posix_spawnattr_setsigdefault(&at, &dflt);
  if (!rc) rc = posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  /* -W error: what mandoc could not lay out, at the page's line */
  char *const argv[] = { (char *)"mandoc", (char *)"-T", (char *)"utf8", (char *)"-W", (char *)"error", NULL };
  char *const envp[] = { NULL };
  pid_t pid = -1;
  if (!rc) rc = posix_spawn(&pid, prog, &fa, &at, argv, envp);
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&at);
  if (rc) { errno = rc; return -1; }
  return pid;
}

/* The child's limits on CPU, memory, files written and open, and core
 * dumps: set before it reads the first byte of the page, so whatever the
 * page makes it do runs within them. 0, or -1 with errno. */
static int limit_child(pid_t pid) {
  struct rlimit cpu = { MAN_CPU_SECONDS, MAN_CPU_SECONDS + 1 }, mem = { MAN_MEMORY_BYTES, MAN_MEMORY_BYTES },
                none = { 0, 0 }, files = { 8, 8 };
  if (prlimit(pid, RLIMIT_CPU, &cpu, NULL) || prlimit(pid, RLIMIT_AS, &mem, NULL) ||
      prlimit(pid, RLIMIT_FSIZE, &none, NULL) || prlimit(pid, RLIMIT_CORE, &none, NULL) ||
      prlimit(pid, RLIMIT_NOFILE, &files, NULL))
    return -1;
  return 0;
}

/* "N\bN" (bold) and "_\bx" (underline) as the character alone */
static size_t drop_overstrike(char *s, size_t n) {
  size_t w = 0;
  for (size_t r = 0; r < n; r++) {
    if (s[r] == '\b') {
      /* drop the backspace and the character (a whole UTF-8 one) before it */
      if (w) {
        w--;
        while (w && ((unsigned char)s[w] & 0xC0) == 0x80) w--;
      }
      continue;
    }
    s[w++] = s[r];
  }
  s[w] = 0;
  return w;
}

/* mandoc writes roff's hyphen (\(hy, and "-" where it may break a word) as
 * U+2010 and its minus (\(mi, \[u2212]) as U+2212; a page means the key
 * on the keyboard ("\(mi\(miall" is the option --all), so each is '-',
 * on screen and in speech */
static size_t plain_dashes(char *s, size_t n) {
  size_t w = 0;
  for (size_t r = 0; r < n; r++) {
    if (r + 2 < n && (!memcmp(s + r, "\xE2\x80\x90", 3) || !memcmp(s + r, "\xE2\x88\x92", 3))) {
      s[w++] = '-';
      r += 2;
      continue;
    }
    s[w++] = s[r];
  }
  s[w] = 0;
  return w;
}

/* Han characters and CJK marks (。，、「」 and the full-width forms) */
static int cjk_char(unsigned cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x3000 && cp <= 0x30FF) ||
         (cp >= 0xFF00 && cp <= 0xFFEF);
}

/* A section heading written in English and translated ("NAME 名稱", the
 * Chinese passwd(5)) is its translation: the page is read in that language
 * and its NAME section found by that name (the title was "NAME 名稱 passwd
 * - 密碼檔案"). In place; the new length. */
static size_t bilingual_headings(char *s, size_t n) {
  static const char *const en[] = { "NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "SEE ALSO", "FILES", "AUTHOR",
                                     "AUTHORS", "EXAMPLES", "BUGS", "ENVIRONMENT", NULL };
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    const char *nl = memchr(s + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - s) + 1 : n, cut = 0;
    for (int k = 0; en[k] && !cut; k++) {
      size_t m = strlen(en[k]);
      if (e - i <= m + 1 || memcmp(s + i, en[k], m) || s[i + m] != ' ') continue;
      size_t j = i + m;
      while (j < e && s[j] == ' ') j++;
      int other = j < e && (unsigned char)s[j] >= 0x80;
      for (size_t q = j; q < e && other; q++)
        other = (unsigned char)s[q] >= 0x80 || s[q] == ' ' || s[q] == '\n';
      if (other) cut = j - i;
    }
    memmove(s + o, s + i + cut, e - i - cut);
    o += e - i - cut;
    i = e;
  }
  return o;
}

/* A backslash before a character roff has no escape for ("許\多": Big5
 * text converted with the backslash that ended 許's two bytes) is printed
 * by mandoc as that character's escape, "\[u591A]": the character itself.
 * In place; the new length. */
static size_t char_escapes(char *s, size_t n) {
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    if (i + 8 <= n && s[i] == '\\' && s[i + 1] == '[' && s[i + 2] == 'u') {
      size_t j = i + 3;
      unsigned cp = 0;
      while (j < n && j < i + 9 && isxdigit((unsigned char)s[j]))
        cp = cp * 16 + (unsigned)(isdigit((unsigned char)s[j]) ? s[j] - '0' : (tolower((unsigned char)s[j]) - 'a' + 10)), j++;
      /* (never more bytes than the escape took: 4 hex digits or more) */
      if (j < n && s[j] == ']' && j - i - 3 >= 4 && cp >= 0x80 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
        if (cp < 0x800) { s[o++] = (char)(0xC0 | (cp >> 6)); s[o++] = (char)(0x80 | (cp & 63)); }
        else if (cp < 0x10000) {
          s[o++] = (char)(0xE0 | (cp >> 12)); s[o++] = (char)(0x80 | ((cp >> 6) & 63)); s[o++] = (char)(0x80 | (cp & 63));
        } else {
          s[o++] = (char)(0xF0 | (cp >> 18)); s[o++] = (char)(0x80 | ((cp >> 12) & 63));
          s[o++] = (char)(0x80 | ((cp >> 6) & 63)); s[o++] = (char)(0x80 | (cp & 63));
        }
        i = j + 1;
        continue;
      }
    }
    s[o++] = s[i++];
  }
  return o;
}

/* A name between percent signs ("%mandb%", "%ман%у", "%шта-је%") is a
 * placeholder a package's build fills in with its program's name; a
 * translation that renamed it was left unfilled (man-db's Serbian pages).
 * The name without its marks, in place; lower case or another script only
 * (a Windows "%PATH%" and printf's "%s%d" stay). The new length. */
static size_t placeholders_filled(char *s, size_t n) {
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    if (s[i] == '%' && (i == 0 || (!isalnum((unsigned char)s[i - 1]) && s[i - 1] != '%'))) {
      size_t j = i + 1, letters = 0;
      while (j < n && (islower((unsigned char)s[j]) || (unsigned char)s[j] >= 0x80 ||
                       (s[j] == '-' && j > i + 1 && j + 1 < n && s[j + 1] != '%'))) {
        letters += ((unsigned char)s[j] & 0xC0) != 0x80 && s[j] != '-';
        j++;
      }
      if (j < n && s[j] == '%' && letters >= 2 && (j + 1 >= n || !isdigit((unsigned char)s[j + 1]))) {
        memmove(s + o, s + i + 1, j - i - 1);
        o += j - i - 1;
        i = j + 1;
        continue;
      }
    }
    s[o++] = s[i++];
  }
  return o;
}

/* Old Chinese translations (the zh_TW pages of shadow, man-db) space every
 * character: "可 指 定 群 組 名 稱". Chinese and Japanese write no space
 * between two characters, so one space there goes: shown and said as
 * "可指定群組名稱" (Korean's spaces between Hangul words stay); so does a
 * line break mandoc put between two characters of one paragraph. */
static size_t cjk_unspaced(char *s, size_t n) {
  size_t w = 0, k, indent = 0, line = 0;   /* the indentation of the line being read, where it starts */
  unsigned prev = 0;   /* the last character written */
  for (size_t r = 0; r < n;) {
    if (r == line) {
      while (line + indent < n && s[line + indent] == ' ') indent++;
    }
    if (s[r] == ' ' && prev && cjk_char(prev) && r + 1 < n && s[r + 1] != ' ') {
      unsigned next = vg_utf8_decode(s, n, r + 1, &k);
      if (cjk_char(next)) { r++; continue; }
    }
    /* (mandoc's line break inside a paragraph: the next line as indented) */
    if (s[r] == '\n' && prev && cjk_char(prev) && indent) {
      size_t q = r + 1, in = 0;
      while (q < n && s[q] == ' ') q++, in++;
      if (in == indent && q < n && cjk_char(vg_utf8_decode(s, n, q, &k))) {
        r = q;
        line = (size_t)-1;   /* the same line goes on */
        continue;
      }
    }
    if (s[r] == '\n') line = r + 1, indent = 0;
    unsigned cp = vg_utf8_decode(s, n, r, &k);
    if (!k) k = 1;
    memmove(s + w, s + r, k);
    w += k;
    r += k;
    prev = cp;
  }
  s[w] = 0;
  return w;
}

/* mandoc's header and footer out: the lines before the first blank line
 * and after the last. A name too long for both ends of the header breaks it
 * ("GCLOUD_…_POLICY(1)" over "General Commands Manual"); the page's name
 * is in NAME. */
static size_t drop_frame(char *s, size_t n) {
  size_t a = 0;
  const char *blank = strstr(s, "\n\n");
  if (blank) a = (size_t)(blank - s) + 1;
  size_t b = n;
  while (b > a && s[b - 1] == '\n') b--;
  while (b > a && !(s[b - 1] == '\n' && b >= 2 && s[b - 2] == '\n')) b--;
  if (b <= a) b = n;   /* one paragraph: keep it */
  memmove(s, s + a, b - a);
  s[b - a] = 0;
  return b - a;
}

/* mandoc's complaints ("mandoc: <stdin>:50:28: UNSUPP: unsupported control
 * character: 0x7") as warnings at the page's own line; its summary lines
 * ("see above the output for …") and what is past a few left out */
static void mandoc_messages(char *errs, const char *path, const vgi_man_lines *ins, vgi_diags *d) {
  enum { MAX_SAID = 5 };
  int said = 0, more = 0;
  for (char *l = errs, *nl; l && *l; l = nl) {
    nl = strchr(l, '\n');
    if (nl) *nl++ = 0;
    const char *at = strstr(l, "<stdin>:");
    int line = 0, col = 0, used = 0;
    if (!at || sscanf(at, "<stdin>:%d:%d: %n", &line, &col, &used) < 2 || !used) continue;
    if (said == MAX_SAID) { more++; continue; }
    const char *msg = at + used, *level = strstr(msg, ": ");
    if (level && level - msg <= 8) msg = level + 2;   /* "ERROR: ", "UNSUPP: " */
    vgi_diag_add(d, VGI_WARNING, path, vgi_man_lines_source(ins, line), col, NULL, "mandoc: %s", msg);
    said++;
  }
  if (more) vgi_diag_add(d, VGI_WARNING, path, 0, 0, NULL, "mandoc could not lay out %d more places", more);
}

char *vgi_man_render(const char *text, size_t len, const char *path, const vg_limits *lim,
                     vgi_diags *d, size_t *out_len) {
  char target[256];
  if (so_only(text, len, target, sizeof target)) {
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL,
                 "this man page only points to another (.so %s): give that page instead", target);
    return NULL;
  }
  char prog[4096];
  if (!find_mandoc(prog, sizeof prog)) {
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL,
                 "a man page in roff source is laid out by mandoc, which is not installed "
                 "(apt-get install mandoc), or print it first: man -P cat PAGE > page.txt");
    return NULL;
  }
  const size_t max_out = (size_t)(lim ? lim : &vg_limits_default)->max_file_bytes;
  /* its tables boxed and marked, to be read as tables after */
  vgi_man_lines ins = {0};
  size_t boxed_len = 0;
  char *boxed = vgi_man_tables_mark(text, len, &boxed_len, &ins);
  text = boxed;
  len = boxed_len;
  /* an empty folder of its own: a relative .so finds nothing in it */
  const char *tmp = getenv("TMPDIR");
  char dirbuf[4096];
  if (!tmp || !*tmp || strlen(tmp) > sizeof dirbuf - 32) tmp = "/tmp";
  snprintf(dirbuf, sizeof dirbuf, "%s/vgrun-man-XXXXXX", tmp);
  if (!mkdtemp(dirbuf)) {
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "cannot lay out the man page: a folder for mandoc: %s",
                 strerror(errno));
    free(boxed);
    free(ins.at);
    return NULL;
  }
  /* the page goes in through a socket (a send to a reader that left raises
   * no SIGPIPE), written once the child's limits are set; its output and
   * messages come back through two pipes */
  int infd[2] = { -1, -1 }, pipefd[2] = { -1, -1 }, errfd[2] = { -1, -1 };
  char *out = NULL;
  const char *why = NULL;
  pid_t pid = -1;
  char errs[4096];
  size_t nerr = 0, fed = 0, n = 0, cap = 65536;
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, infd) != 0 || pipe2(pipefd, O_CLOEXEC) != 0 ||
      pipe2(errfd, O_CLOEXEC) != 0) {
    why = strerror(errno);
    goto done;
  }
  pid = spawn_mandoc(prog, infd[0], pipefd[1], errfd[1], dirbuf);
  if (pid < 0) { why = "mandoc could not be started"; goto done; }
  close(infd[0]);
  close(pipefd[1]);
  close(errfd[1]);
  infd[0] = pipefd[1] = errfd[1] = -1;
  if (limit_child(pid) != 0) { why = strerror(errno); kill(pid, SIGKILL); goto reap; }
  if (len == 0) { close(infd[1]); infd[1] = -1; }
  out = malloc(cap + 1);
  if (!out) abort();
  long deadline = now_ms() + MAN_WALL_MS;
  for (;;) {
    long left = deadline - now_ms();
    if (left <= 0) { why = "mandoc took too long (a loop in the page?)"; break; }
    /* a descriptor of -1 is not polled */
    struct pollfd p[3] = { { pipefd[0], POLLIN, 0 }, { errfd[0], POLLIN, 0 }, { infd[1], POLLOUT, 0 } };
    int r = poll(p, 3, (int)left);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) { why = strerror(errno); break; }
    if (r == 0) continue;
    if (infd[1] >= 0 && p[2].revents) {
      /* the page, as fast as mandoc takes it; it may stop reading (an error
       * ends it early): then the rest is not needed */
      ssize_t w = send(infd[1], text + fed, len - fed, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (w > 0) fed += (size_t)w;
      if (fed == len || (w < 0 && errno != EINTR && errno != EAGAIN)) { close(infd[1]); infd[1] = -1; }
    }
    if (errfd[0] >= 0 && p[1].revents) {
      /* its messages: the first few kept, the rest read and dropped */
      char junk[4096];
      int full = nerr >= sizeof errs - 1;
      ssize_t k = read(errfd[0], full ? junk : errs + nerr, full ? sizeof junk : sizeof errs - 1 - nerr);
      if (k <= 0 && !(k < 0 && errno == EINTR)) { close(errfd[0]); errfd[0] = -1; }
      else if (k > 0 && !full) nerr += (size_t)k;
    }
    if (!p[0].revents) continue;
    if (n == cap) {
      if (cap > max_out) { why = "its text is too large (a loop in the page?)"; break; }
      cap *= 2;
      char *q = realloc(out, cap + 1);
      if (!q) abort();
      out = q;
    }
    ssize_t k = read(pipefd[0], out + n, cap - n);
    if (k < 0 && errno == EINTR) continue;
    if (k < 0) { why = strerror(errno); break; }
    if (k == 0) break;
    n += (size_t)k;
  }
  if (why) kill(pid, SIGKILL);
reap:;
  int st = 0;
  while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {}
  if (!why && WIFSIGNALED(st))
    why = WTERMSIG(st) == SIGXCPU || WTERMSIG(st) == SIGKILL ? "mandoc took too long (a loop in the page?)"
                                                              : "mandoc crashed";
  else if (!why && WIFEXITED(st) && WEXITSTATUS(st) >= 126)
    why = "mandoc could not be started";
  /* mandoc's own exit codes 2-5 are warnings and errors in the page, which
   * it lays out all the same; the text is judged by the reader */
  if (!why) {
    n = drop_overstrike(out, n);
    n = vgi_man_tables_read(&out, n);
    n = plain_dashes(out, n);
    n = cjk_unspaced(out, n);
    n = char_escapes(out, n);
    n = placeholders_filled(out, n);
    n = bilingual_headings(out, n);
    *out_len = drop_frame(out, n);
  }
done:
  if (infd[0] >= 0) close(infd[0]);
  if (infd[1] >= 0) close(infd[1]);
  if (errfd[0] >= 0) close(errfd[0]);
  if (errfd[1] >= 0) close(errfd[1]);
  if (pipefd[0] >= 0) close(pipefd[0]);
  if (pipefd[1] >= 0) close(pipefd[1]);
  rmdir(dirbuf);
  /* what it wrote last, after its output closed (it has exited: no wait) */
  while (!why && errfd[0] >= 0 && nerr < sizeof errs - 1) {
    ssize_t k = read(errfd[0], errs + nerr, sizeof errs - 1 - nerr);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) break;
    nerr += (size_t)k;
  }
  errs[nerr] = 0;
  if (!why) mandoc_messages(errs, path, &ins, d);
  free(boxed);
  free(ins.at);
  if (why) {
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "cannot lay out the man page: %s", why);
    free(out);
    return NULL;
  }
  return out;
}

/* A page of a translated manual (/usr/share/man/de/man5/x.5.gz, …/pt_BR/
 * man1/…, …/sr@latin/…) is in that folder's language: the page's own words
 * may not say so when most of its paragraphs are still untranslated English
 * (login.defs(5) in German was taken for English). The BCP 47 tag in out
 * ("de", "pt-BR"), else 0. */
int vgi_man_path_language(const char *path, char *out, size_t n) {
  for (const char *m = path ? strstr(path, "/man/") : NULL; m; m = strstr(m + 1, "/man/")) {
    const char *l = m + 5, *e = strchr(l, '/');
    if (!e || strncmp(e, "/man", 4) || !isdigit((unsigned char)e[4])) continue;
    size_t k = strcspn(l, ".@/");
    if (k < 2 || k >= n) continue;
    memcpy(out, l, k);
    out[k] = 0;
    for (char *c = out; *c; c++)
      if (*c == '_') *c = '-';
    if (!strcmp(out, "C") || !vgi_lang_tag_ok(out)) continue;
    return 1;
  }
  return 0;
}

/* The section headings of a page laid out as text, in each language whose
 * manuals are written in Latin letters (other scripts tell their language
 * themselves): its word for NAME first. po4a translates every heading even
 * where a paragraph is still English, so the headings tell a page's
 * language when it is read outside a translated manual's folder (a
 * Slovenian run-parts(8) copied elsewhere was English by its untranslated
 * paragraphs). */
static const struct { const char *lang; const char *const *names; const char *const *rest; } man_heads[] = {
  { "en", (const char *const[]){ "NAME", NULL }, (const char *const[]){ "SYNOPSIS", "DESCRIPTION", "OPTIONS",
    "SEE ALSO", "FILES", "EXIT STATUS", "ENVIRONMENT", "BUGS", "AUTHOR", "AUTHORS", "EXAMPLES", "EXAMPLE",
    "COPYRIGHT", NULL } },
  { "de", (const char *const[]){ "BEZEICHNUNG", "NAME", NULL }, (const char *const[]){ "ÜBERSICHT",
    "BESCHREIBUNG", "OPTIONEN", "SIEHE AUCH", "DATEIEN", "AUTOR", "AUTOREN", "BEISPIELE", "FEHLER", "UMGEBUNG",
    "RÜCKGABEWERT", "EXIT-STATUS", "ÜBERSETZUNG", NULL } },
  { "fr", (const char *const[]){ "NOM", NULL }, (const char *const[]){ "SYNOPSIS", "DESCRIPTION", "OPTIONS",
    "VOIR AUSSI", "FICHIERS", "BOGUES", "AUTEUR", "AUTEURS", "EXEMPLES", "TRADUCTION", "ENVIRONNEMENT",
    "CODE DE RETOUR", NULL } },
  { "es", (const char *const[]){ "NOMBRE", NULL }, (const char *const[]){ "SINOPSIS", "DESCRIPCIÓN", "OPCIONES",
    "VÉASE TAMBIÉN", "VÉASE TAMBIEN", "FICHEROS", "ARCHIVOS", "AUTOR", "AUTORES", "EJEMPLOS", "DEFECTOS",
    "ERRORES", "TRADUCTOR", "TRADUCCIÓN", "ENTORNO", NULL } },
  { "it", (const char *const[]){ "NOME", NULL }, (const char *const[]){ "SINTASSI", "SINOSSI", "DESCRIZIONE",
    "OPZIONI", "VEDERE ANCHE", "VEDI ANCHE", "AUTORE", "AUTORI", "ESEMPI", "TRADUZIONE", NULL } },
  { "pt", (const char *const[]){ "NOME", NULL }, (const char *const[]){ "SINOPSE", "DESCRIÇÃO", "OPÇÕES",
    "VEJA TAMBÉM", "VER TAMBÉM", "FICHEIROS", "ARQUIVOS", "AUTOR", "AUTORES", "EXEMPLOS", "TRADUÇÃO",
    "AMBIENTE", NULL } },
  { "nl", (const char *const[]){ "NAAM", NULL }, (const char *const[]){ "OVERZICHT", "BESCHRIJVING", "OPTIES",
    "ZIE OOK", "BESTANDEN", "AUTEUR", "AUTEURS", "VOORBEELDEN", "OMGEVING", NULL } },
  { "da", (const char *const[]){ "NAVN", NULL }, (const char *const[]){ "BESKRIVELSE", "TILVALG", "SE OGSÅ",
    "FILER", "FORFATTER", "FORFATTERE", "EKSEMPLER", NULL } },
  { "nb", (const char *const[]){ "NAVN", NULL }, (const char *const[]){ "BESKRIVELSE", "VALG", "SE OGSÅ",
    "FILER", "FORFATTER", "EKSEMPLER", NULL } },
  { "sv", (const char *const[]){ "NAMN", NULL }, (const char *const[]){ "SYNOPS", "BESKRIVNING", "FLAGGOR",
    "SE ÄVEN", "FILER", "FÖRFATTARE", "EXEMPEL", "ÖVERSÄTTNING", NULL } },
  { "fi", (const char *const[]){ "NIMI", NULL }, (const char *const[]){ "YLEISKATSAUS", "KUVAUS", "VALITSIMET",
    "OPTIOT", "KATSO MYÖS", "TIEDOSTOT", "TEKIJÄ", "TEKIJÄT", "ESIMERKKEJÄ", NULL } },
  { "pl", (const char *const[]){ "NAZWA", NULL }, (const char *const[]){ "SKŁADNIA", "OPIS", "OPCJE",
    "ZOBACZ TAKŻE", "PLIKI", "BŁĘDY", "AUTOR", "AUTORZY", "PRZYKŁADY", "STATUS ZAKOŃCZENIA", "ŚRODOWISKO", NULL } },
  { "cs", (const char *const[]){ "JMÉNO", "NÁZEV", NULL }, (const char *const[]){ "POPIS", "VOLBY", "VIZ TAKÉ",
    "POUŽITÍ", "SOUBORY", "NÁVRATOVÉ HODNOTY", "PŘÍKLADY", "AUTOR", "AUTOŘI", "PŘEHLED", NULL } },
  { "sk", (const char *const[]){ "MENO", "NÁZOV", NULL }, (const char *const[]){ "POPIS", "VOĽBY", "POZRI TIEŽ",
    "PREHĽAD", "SÚBORY", "PRÍKLADY", NULL } },
  { "sl", (const char *const[]){ "IME", NULL }, (const char *const[]){ "POVZETEK", "OPIS", "MOŽNOSTI",
    "OGLEJTE SI TUDI", "IZHODNO STANJE", "HROŠČI", "PRIMERI", "DATOTEKE", "AVTOR", "AVTORJI", "OKOLJE", NULL } },
  { "hr", (const char *const[]){ "IME", NULL }, (const char *const[]){ "UPORABA", "OPIS", "OPCIJE",
    "POGLEDAJTE TAKOĐER", "SINOPSIS", "PRIMJERI", "DATOTEKE", NULL } },
  { "hu", (const char *const[]){ "NÉV", NULL }, (const char *const[]){ "ÁTTEKINTÉS", "LEÍRÁS", "KAPCSOLÓK",
    "OPCIÓK", "LÁSD MÉG", "FÁJLOK", "SZERZŐ", "SZERZŐK", "MAGYAR FORDÍTÁS", "PÉLDÁK", NULL } },
  { "id", (const char *const[]){ "NAMA", NULL }, (const char *const[]){ "RINGKASAN", "DESKRIPSI", "PILIHAN",
    "OPSI", "LIHAT JUGA", "BERKAS", "PENGARANG", NULL } },
  { "ro", (const char *const[]){ "NUME", NULL }, (const char *const[]){ "REZUMAT", "DESCRIERE", "OPȚIUNI",
    "CONSULTAȚI ȘI", "FIȘIERE", "AUTOR", "EXEMPLE", "STARE DE IEȘIRE", NULL } },
  { "tr", (const char *const[]){ "AD", "İSİM", NULL }, (const char *const[]){ "ÖZET", "AÇIKLAMA", "SEÇENEKLER",
    "AYRICA BAKINIZ", "DOSYALAR", "YAZAR", "HATALAR", NULL } },
};

static int head_in(const char *const *list, const char *s, size_t n) {
  for (int k = 0; list[k]; k++)
    if (strlen(list[k]) == n && !memcmp(list[k], s, n)) return 1;
  return 0;
}

/* The language of a man page laid out as text by its section headings
 * (lines at the margin): the first is a word for NAME, and two or more,
 * more than English's, are one language's (ties tell nothing: "IME",
 * "OPIS" are Slovenian and Croatian). The tag in out, else 0. */
int vgi_man_heading_language(const char *text, size_t len, char *out, size_t n) {
  enum { NLANG = sizeof man_heads / sizeof *man_heads };
  int count[NLANG] = {0}, first = 1;
  for (size_t i = 0, heads = 0; i < len && heads < 64;) {
    const char *nl = memchr(text + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - text) : len, b = i;
    i = e + 1;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\r')) e--;
    /* a heading: at the margin, no tab (the page's header line has them),
     * not its header or footer ("RUN-PARTS(8)") */
    if (e == b || text[b] == ' ' || text[b] == '\t' || memchr(text + b, '\t', e - b) || memchr(text + b, '(', e - b) ||
        e - b > 40)
      continue;
    heads++;
    int any = 0;
    for (int k = 0; k < NLANG; k++) {
      int hit = head_in(man_heads[k].names, text + b, e - b) || (!first && head_in(man_heads[k].rest, text + b, e - b));
      count[k] += hit;
      any |= hit;
    }
    if (first && !any) return 0;   /* not a man page's first heading */
    first = 0;
  }
  int best = -1, tie = 0;
  for (int k = 1; k < NLANG; k++) {
    if (best < 0 || count[k] > count[best]) best = k, tie = 0;
    else if (count[k] == count[best]) tie = 1;
  }
  if (best < 0 || tie || count[best] < 2 || count[best] <= count[0] || strlen(man_heads[best].lang) >= n) return 0;
  snprintf(out, n, "%s", man_heads[best].lang);
  return 1;
}
