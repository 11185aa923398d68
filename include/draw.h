/*
 * Drawing catalogue text into a curses window: one line at a time,
 * sanitised, clipped by display width without splitting a grapheme
 * cluster, with search matches highlighted and right-to-left runs
 * reordered when the bidi mode is BIDI_APP.
 *
 * Every cluster is placed at its own column, so a cluster that curses
 * and libunistring measure differently cannot shift the rest of the
 * line. Nothing drawn here ever sends a control character to the
 * terminal.
 */
#ifndef FEHREST_DRAW_H
#define FEHREST_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

#include "bidi.h"
#include "query.h"
#include "text.h"

/* The attributes of every element of the screen. */
struct draw_style {
	attr_t	normal;
	attr_t	selected;	/* the selected row of the focused list */
	attr_t	selected_idle;	/* the selected row when the detail has focus */
	attr_t	match;		/* a word that matches the search */
	attr_t	match_selected;	/* a matching word in the selected row */
	attr_t	label;		/* field names in the detail */
	attr_t	heading;	/* the article's title in the detail */
	attr_t	cue;		/* "… More" under a shortened abstract */
	attr_t	status;		/* the status line */
	attr_t	key;		/* key names in the status line and help */
	attr_t	separator;	/* the rule between the panes */
	attr_t	focus;		/* the rule's label when that pane has focus */
	attr_t	mark;		/* the duplicate mark */
	attr_t	note;		/* notes and errors in the status line */
	attr_t	diff_case;	/* a word that differs only in case */
	attr_t	diff_word;	/* a changed, added or removed word */
	bool	colour;		/* whether colour pairs are in use */
};

/*
 * Sets the attributes: with colour, initialises colour pairs on the
 * terminal's default background (start_color() must have been called);
 * without, uses only reverse, bold, underline and dim.
 */
void	 draw_style_init(struct draw_style *s, bool colour);

/* Options for draw_text(). */
enum {
	DRAW_ELLIPSIS = 1 << 0,	/* end cut text with "…" */
	DRAW_FILL = 1 << 1,	/* pad with spaces to the full width */
};

/* One line of text to draw. */
struct draw_text {
	const char		*s;	/* sanitised UTF-8 (text_sanitize) */
	size_t			 len;	/* bytes of s to draw */
	/*
	 * Highlighted byte ranges, sorted, as byte offsets into a longer
	 * text of which s is the part starting at byte offset; s itself
	 * when offset is 0.
	 */
	const struct text_span	*spans;
	size_t			 nspans;
	size_t			 offset;
	attr_t			 attr;	/* the text's attributes */
	attr_t			 mark;	/* the highlighted words' attributes */
	/* A second set of ranges, as spans, drawn in mark2; a byte in
	   both sets takes mark. */
	const struct text_span	*spans2;
	size_t			 nspans2;
	attr_t			 mark2;
	int			 flags;	/* DRAW_ELLIPSIS, DRAW_FILL */
	enum bidi_mode		 bidi;	/* BIDI_APP reorders; else as is */
};

/*
 * Draws t into w at row y from column x, in at most width columns. A
 * wide character that would straddle the right edge is replaced by a
 * space. Returns the number of columns drawn.
 */
int	 draw_text(WINDOW *w, int y, int x, int width,
	    const struct draw_text *t);

/*
 * Draws the field text s (not yet sanitised, NULL for none) as
 * draw_text() does, with the words that q matches in field highlighted
 * (q may be NULL). Returns the number of columns drawn.
 */
int	 draw_field(WINDOW *w, int y, int x, int width, const char *s,
	    const struct query *q, enum query_field field, attr_t attr,
	    attr_t mark, int flags, enum bidi_mode bidi);

/* Draws the program's own text s: sanitised, clipped, no reordering. */
int	 draw_plain(WINDOW *w, int y, int x, int width, const char *s,
	    attr_t attr);

/* Fills width columns of row y from column x with spaces in attr. */
void	 draw_blank(WINDOW *w, int y, int x, int width, attr_t attr);

#endif
