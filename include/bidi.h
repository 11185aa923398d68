/*
 * Right-to-left text for terminals that do not reorder it, on FriBidi.
 *
 * Text is stored and searched in logical order. For display, a line
 * (already sanitised and cut to its width) is reordered into visual
 * order when the mode is BIDI_APP; in BIDI_TERMINAL mode the terminal is
 * trusted to do it and the line is left as it is.
 *
 * Rules for callers that lay text out:
 * - A field is one paragraph. Its direction comes from its first strong
 *   character (bidi_paragraph_rtl on the whole field): a title that
 *   starts with Persian is right-to-left, an English title with a
 *   Persian name in it stays left-to-right. Every wrapped line of the
 *   field is reordered with that direction (bidi_visual_dir), never with
 *   a direction guessed from the line alone.
 * - Cut and wrap on the logical text, then reorder each line: the visual
 *   line has exactly the clusters, and so the width, of the logical one.
 * - A right-to-left paragraph is aligned to the right edge of its pane
 *   or column, where its reading starts; the padding goes on the left.
 *   Nothing is drawn outside the column, so columns never swap or bleed.
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
 * Resolves BIDI_AUTO from the environment: BIDI_TERMINAL when standard
 * output is not a terminal (a file or pipe gets logical order) and in
 * Konsole and mlterm, which reorder every line whatever the program
 * sends; BIDI_APP everywhere else, including inside tmux and screen.
 *
 * NOTE: VTE 0.57.3 and later (GNOME Terminal, Xfce Terminal) reorder by
 * default too, but can be switched to explicit mode with CSI 8 l; a
 * caller in BIDI_APP mode that owns the screen should send it.
 */
enum bidi_mode bidi_resolve(enum bidi_mode mode);
/*
 * Returns whether s[0..len) contains a strong right-to-left character
 * (bidi class R or AL) or a right-to-left embedding, override or
 * isolate.
 */
bool	 bidi_has_rtl(const char *s, size_t len);
/*
 * Returns whether s[0..len) is a right-to-left paragraph: whether its
 * first strong character (UAX #9 rules P2 and P3) is of class R or AL.
 * Text with no strong character is left-to-right.
 */
bool	 bidi_paragraph_rtl(const char *s, size_t len);
/*
 * Returns the line s[0..len) in visual order as an allocated string,
 * taking it as part of a paragraph of the direction given (rtl). Brackets
 * at right-to-left levels are mirrored and Arabic letters take their
 * joined presentation forms (one form per letter, no ligatures, so the
 * width does not change). Display clusters (text_next_cluster) are
 * moved whole. When order is not NULL, stores an allocated array with
 * one entry per byte of the result: the byte offset in s of the
 * character that byte came from. Highlights computed on the logical
 * text land on the right cells through it. The caller frees both.
 */
char	*bidi_visual_dir(const char *s, size_t len, bool rtl, size_t **order);
/*
 * Returns bidi_visual_dir() of s[0..len) with the direction of its own
 * first strong character: for a line that is a whole paragraph.
 */
char	*bidi_visual(const char *s, size_t len, size_t **order);

#endif
