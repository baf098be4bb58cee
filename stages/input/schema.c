/* schema.c: the scene types and their visual_content fields (the contract
 * with the renderer), and the name lists validation checks against. */
#include "input_private.h"

#include <string.h>

#define END { NULL, 0, 0 }
static const vgi_field f_title[] = { { "title", VGI_F_STR, 1 }, { "subtitle", VGI_F_STR, 0 }, END };
static const vgi_field f_command[] = { { "header", VGI_F_STR, 0 }, { "description", VGI_F_STR, 0 },
  { "commands", VGI_F_LINES, 1 }, { "language", VGI_F_STR, 0 }, { "file", VGI_F_STR, 0 }, END };
static const vgi_field f_list[] = { { "header", VGI_F_STR, 0 }, { "description", VGI_F_STR, 0 },
  { "items", VGI_F_ITEMS, 1 },
  { "start", VGI_F_INT, 0 },   /* the first item's number: a list split in parts numbers on */
  { "callout", VGI_F_STR, 0 },   /* note, tip, important, warning, caution: a callout's badges */
  END };
static const vgi_field f_table[] = { { "header", VGI_F_STR, 0 }, { "description", VGI_F_STR, 0 },
  { "columns", VGI_F_STRLIST, 1 }, { "rows", VGI_F_ROWS, 1 },
  { "said_whole", VGI_F_BOOL, 0 },   /* its narration speaks of every row: not shared out by rows when split */
  END };
static const vgi_field f_outro[] = { { "main_text", VGI_F_STR, 1 }, { "sub_text", VGI_F_STR, 0 }, END };
static const vgi_field f_code_comparison[] = { { "header", VGI_F_STR, 0 },
  { "before_code", VGI_F_CODE, 1 }, { "after_code", VGI_F_CODE, 1 },
  { "before_label", VGI_F_STR, 0 }, { "after_label", VGI_F_STR, 0 }, { "language", VGI_F_STR, 0 }, END };
static const vgi_field f_quote[] = { { "quote_text", VGI_F_STR, 1 }, { "attribution", VGI_F_STR, 0 }, END };
static const vgi_field f_problem[] = { { "problem_number", VGI_F_INT, 0 }, { "title", VGI_F_STR, 1 },
  { "problem_text", VGI_F_STR, 1 }, { "difficulty", VGI_F_DIFFICULTY, 0 }, END };
static const vgi_field f_solution[] = { { "title", VGI_F_STR, 0 }, { "solution_code", VGI_F_LINES, 1 },
  { "explanation", VGI_F_STR, 0 }, { "language", VGI_F_STR, 0 }, END };
static const vgi_field f_checkpoint[] = { { "checkpoint_number", VGI_F_INT, 0 },
  { "completed_topics", VGI_F_STRLIST, 1 }, { "review_questions", VGI_F_STRLIST, 0 },
  { "next_topics", VGI_F_STRLIST, 0 }, END };
static const vgi_field f_quiz[] = { { "question", VGI_F_STR, 1 }, { "options", VGI_F_STRLIST, 1 },
  { "correct_answer", VGI_F_STR, 1 }, { "show_answer", VGI_F_BOOL, 0 }, END };
static const vgi_field f_learning_objectives[] = { { "lesson_title", VGI_F_STR, 1 },
  { "objectives", VGI_F_STRLIST, 1 }, { "lesson_info", VGI_F_OBJ, 0 }, END };
static const vgi_field f_exercise[] = { { "title", VGI_F_STR, 1 }, { "instructions", VGI_F_LINES, 1 },
  { "difficulty", VGI_F_DIFFICULTY, 0 }, { "estimated_time", VGI_F_STR, 0 }, END };

const vgi_scene_type vgi_scene_types[] = {
  { "title", f_title }, { "command", f_command }, { "list", f_list }, { "outro", f_outro },
  { "code_comparison", f_code_comparison }, { "quote", f_quote }, { "problem", f_problem },
  { "solution", f_solution }, { "checkpoint", f_checkpoint }, { "quiz", f_quiz },
  { "learning_objectives", f_learning_objectives }, { "exercise", f_exercise }, { "table", f_table },
  { NULL, NULL },
};

const char *const vgi_accent_colors[] = { "blue", "purple", "orange", "green", "pink", "cyan", NULL };

const vgi_scene_type *vgi_scene_type_find(const char *name) {
  for (int i = 0; name && vgi_scene_types[i].name; i++)
    if (!strcmp(vgi_scene_types[i].name, name)) return &vgi_scene_types[i];
  return NULL;
}

const vgi_field *vgi_field_find(const vgi_scene_type *t, const char *name) {
  for (int i = 0; t && t->fields[i].name; i++)
    if (!strcmp(t->fields[i].name, name)) return &t->fields[i];
  return NULL;
}

static int in_list(const char *const *l, const char *s) {
  for (; *l; l++)
    if (!strcmp(*l, s)) return 1;
  return 0;
}

int vgi_is_scene_key(const char *name) {
  static const char *const k[] = { "id", "scene_id", "type", "scene_type", "visual_content",
    "narration", "voice", "min_duration", "max_duration", "source", "language", "passages", NULL };
  return in_list(k, name);
}

int vgi_is_helper_key(const char *name) {
  static const char *const k[] = { "topic", "key_message", "key_points", "context",
    "improvement", "image", "notes", NULL };
  return in_list(k, name);
}
