/* scratch_dir.h: a temporary folder for one cmocka group of the encode
 * tests (setup_dir / teardown_dir), and paths inside it. Included by one
 * test file each: the definitions are static. */
#pragma once

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char dir[256];

static void pathf(char *out, size_t n, const char *name) { snprintf(out, n, "%s/%s", dir, name); }

static int setup_dir(void **state) {
  (void)state;
  snprintf(dir, sizeof dir, "/tmp/vge-test-XXXXXX");
  return mkdtemp(dir) ? 0 : -1;
}

/* Removes every file, the encoder's hidden temporaries (.NAME.tmp-…) too. */
static int teardown_dir(void **state) {
  (void)state;
  DIR *d = opendir(dir);
  struct dirent *e;
  char p[512];
  while (d && (e = readdir(d))) {
    if (e->d_name[0] == '.' && (!e->d_name[1] || (e->d_name[1] == '.' && !e->d_name[2]))) continue;
    snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
    unlink(p);
  }
  if (d) closedir(d);
  rmdir(dir);
  return 0;
}
