/* Prints the Unicode tables of lua/vg/text.lua (grapheme cluster breaks,
 * UAX #29) from ICU: ranges of Grapheme_Cluster_Break (Hangul syllables
 * excepted, text.lua computes LV/LVT), of Extended_Pictographic, of the
 * marks that extend an Indic conjunct (Extend with a combining class), and
 * of East_Asian_Width Wide or Fullwidth (characters two columns wide).
 * Run when moving to a newer Unicode:
 *   cc scripts/gen_grapheme_tables.c -licuuc -o /tmp/gen && /tmp/gen
 * and paste its output over the tables in lua/vg/text.lua. */
#include <stdio.h>
#include <unicode/uchar.h>

static const char *name(int v) {
  switch (v) {
  case U_GCB_CONTROL: return "CN"; case U_GCB_CR: return "CR"; case U_GCB_LF: return "LF";
  case U_GCB_EXTEND: return "EX"; case U_GCB_ZWJ: return "ZWJ"; case U_GCB_REGIONAL_INDICATOR: return "RI";
  case U_GCB_PREPEND: return "PP"; case U_GCB_SPACING_MARK: return "SM";
  case U_GCB_L: return "L"; case U_GCB_V: return "V"; case U_GCB_T: return "T";
  default: return NULL;
  }
}

int main(void) {
  printf("-- Unicode %s (ICU %s)\n", U_UNICODE_VERSION, U_ICU_VERSION);
  printf("local GCB = {\n");
  int n = 0;
  for (UChar32 c = 0; c <= 0x10FFFF;) {
    int v = u_getIntPropertyValue(c, UCHAR_GRAPHEME_CLUSTER_BREAK);
    UChar32 e = c;
    while (e + 1 <= 0x10FFFF && u_getIntPropertyValue(e + 1, UCHAR_GRAPHEME_CLUSTER_BREAK) == v) e++;
    const char *s = name(v);
    if (s) printf("%s0x%X,0x%X,%s,", n++ % 6 ? "" : "\n  ", c, e, s);
    c = e + 1;
  }
  printf("\n}\nlocal PICT = {");
  n = 0;
  for (UChar32 c = 0; c <= 0x10FFFF;) {
    int v = u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC);
    UChar32 e = c;
    while (e + 1 <= 0x10FFFF && u_hasBinaryProperty(e + 1, UCHAR_EXTENDED_PICTOGRAPHIC) == v) e++;
    if (v) {
      if (name(u_getIntPropertyValue(c, UCHAR_GRAPHEME_CLUSTER_BREAK)))
        fprintf(stderr, "overlap at %X\n", c);
      printf("%s0x%X,0x%X,", n++ % 8 ? "" : "\n  ", c, e);
    }
    c = e + 1;
  }
  printf("\n}\nlocal INCB_EXTEND = {");  /* GCB=Extend with ccc != 0 (GB9c; ZWJ is added in text.lua) */
  n = 0;
  for (UChar32 c = 0; c <= 0x10FFFF;) {
#define INCB_EXT(x) (u_getIntPropertyValue((x), UCHAR_GRAPHEME_CLUSTER_BREAK) == U_GCB_EXTEND && \
                     u_getCombiningClass(x) != 0)
    int v = INCB_EXT(c);
    UChar32 e = c;
    while (e + 1 <= 0x10FFFF && INCB_EXT(e + 1) == v) e++;
    if (v) printf("%s0x%X,0x%X,", n++ % 8 ? "" : "\n  ", c, e);
    c = e + 1;
  }
  printf("\n}\nlocal WIDE = {");
  n = 0;
  for (UChar32 c = 0; c <= 0x10FFFF;) {
    int v = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    int wide = v == U_EA_WIDE || v == U_EA_FULLWIDTH;
    UChar32 e = c;
    while (e + 1 <= 0x10FFFF) {
      int v2 = u_getIntPropertyValue(e + 1, UCHAR_EAST_ASIAN_WIDTH);
      if ((v2 == U_EA_WIDE || v2 == U_EA_FULLWIDTH) != wide) break;
      e++;
    }
    if (wide) printf("%s0x%X,0x%X,", n++ % 8 ? "" : "\n  ", c, e);
    c = e + 1;
  }
  printf("\n}\n");
  return 0;
}
