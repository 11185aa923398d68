/*
 * Writing JSON strings: every control character, quote and backslash
 * escaped, U+2028 and U+2029 escaped for JavaScript readers, and
 * invalid UTF-8 replaced by U+FFFD so the output is always valid JSON.
 */
#ifndef FEHREST_JSON_H
#define FEHREST_JSON_H

#include <stdio.h>

#include "buf.h"

/* Appends s as a quoted JSON string; NULL is written as null. */
void	 json_add_string(struct buf *b, const char *s);
/* Writes s to fp as json_add_string() does. */
void	 json_write_string(FILE *fp, const char *s);

#endif
