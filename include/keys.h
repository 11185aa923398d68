/*
 * The browser's key bindings: one table that maps a key in a context to
 * an action, with the name and description the help screen shows. The
 * dispatcher looks keys up here and the help screen is generated from
 * it, so the two cannot disagree.
 *
 * A key is a character's code point, or a curses function key (KEY_*)
 * passed through KEYS_FUNCTION(), which moves it above every code point
 * so that a typed character is never taken for a function key.
 */
#ifndef FEHREST_KEYS_H
#define FEHREST_KEYS_H

#include <stdbool.h>
#include <stddef.h>

/* The key number of the curses function key k (KEY_UP, KEY_MOUSE ...). */
#define KEYS_FUNCTION(k)	(0x110000 + (k))

/* The context in which a binding applies. */
enum keys_context {
	KEYS_BROWSE,		/* the list and the detail pane */
	KEYS_SEARCH,		/* the query line while it is open */
	KEYS_HELP,		/* the help screen */
	KEYS_DUPES,		/* the duplicates view */
	KEYS_PROMPT,		/* the file name and yes/no prompt line */
};

enum keys_action {
	KEYS_NONE,
	KEYS_UP,
	KEYS_DOWN,
	KEYS_PAGE_UP,
	KEYS_PAGE_DOWN,
	KEYS_HALF_UP,
	KEYS_HALF_DOWN,
	KEYS_TOP,
	KEYS_BOTTOM,
	KEYS_MORE,		/* expand or collapse the abstract */
	KEYS_FOCUS,		/* move focus between list and detail */
	KEYS_SEARCH_OPEN,
	KEYS_CLEAR,		/* clear the filter */
	KEYS_NEXT_MATCH,
	KEYS_PREV_MATCH,
	KEYS_HELP_OPEN,
	KEYS_REDRAW,
	KEYS_QUIT,

	KEYS_CURSOR_LEFT,
	KEYS_CURSOR_RIGHT,
	KEYS_CURSOR_HOME,
	KEYS_CURSOR_END,
	KEYS_DELETE_BACK,
	KEYS_DELETE_FORWARD,
	KEYS_DELETE_LINE,
	KEYS_DELETE_WORD,
	KEYS_HISTORY_PREV,
	KEYS_HISTORY_NEXT,
	KEYS_ACCEPT,		/* keep the filter, back to the list */
	KEYS_CANCEL,		/* clear the filter, back to the list */

	KEYS_CLOSE,		/* leave the help screen or duplicates view */

	KEYS_MARK,		/* mark or unmark for export */
	KEYS_EXPORT,		/* export the marked articles or the list */
	KEYS_DUPES_OPEN,	/* open the duplicates view */
	KEYS_HIDE_DUPES,	/* one entry per cluster in the list, or all */
	KEYS_JUMP,		/* go to the article in the list */
	KEYS_PAIR_PREV,		/* the previous pair of a cluster */
	KEYS_PAIR_NEXT,
	KEYS_SIDE,		/* the other record of the pair */
};

struct keys_binding {
	enum keys_context	 context;
	int			 key;
	/* The key's name on the help screen and the status line. */
	const char		*name;
	enum keys_action	 action;
	/* What the key does, or NULL for another key of the previous
	   binding's action. */
	const char		*help;
	/* A word for the status line, or NULL to leave the key out. */
	const char		*hint;
};

/* Returns the action bound to key in context, or KEYS_NONE. */
enum keys_action keys_lookup(enum keys_context context, int key);

/*
 * Returns the binding table and stores its length in *count. The table
 * is static; entries of one context are contiguous, and a binding with
 * help NULL is another key for the action of the entry before it.
 */
const struct keys_binding *keys_table(size_t *count);

/* Returns the title of a context's section on the help screen. */
const char *keys_context_title(enum keys_context context);

#endif
