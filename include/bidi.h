/*
 * Right-to-left text for terminals that do not reorder it, on FriBidi.
 *
 * Text is stored and searched in logical order. For display, a line
 * (already sanitised and cut to its width) is reordered into visual
 * order when the mode is BIDI_APP; in BIDI_TERMINAL mode the terminal is
 * trusted to do it and the line is left as it is.
 */
#ifndef FEHREST_BIDI_H
#define FEHREST_BIDI_H

#include <stdbool.h>
#include <stddef.h>

enum bidi_mode {
	BIDI_AUTO,
	BIDI_APP,
	BIDI_TERMINAL,
};

/* Returns the mode named "app", "terminal" or "auto", or -1. */
int	 bidi_mode_from_name(const char *name);
/*
 * Resolves BIDI_AUTO from the environment: BIDI_APP inside tmux or
 * screen and in terminals known not to reorder, BIDI_TERMINAL in those
 * known to (Konsole, VTE 0.76 and later with bidi on).
 */
enum bidi_mode bidi_resolve(enum bidi_mode mode);
/* Returns whether s[0..len) holds any right-to-left character. */
bool	 bidi_has_rtl(const char *s, size_t len);
/*
 * Returns s[0..len) in visual order as an allocated string, with
 * mirrored brackets swapped. When order is not NULL, stores an allocated
 * array with one entry per byte of the result: the byte offset in s of
 * the character that byte came from, so that highlights computed on the
 * logical text land on the right cells. The caller frees both.
 */
char	*bidi_visual(const char *s, size_t len, size_t **order);

#endif
