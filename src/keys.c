/*
 * The key table: see keys.h. Order within a context is the order of the
 * help screen.
 */
#include <curses.h>

#include "keys.h"

/* The key Ctrl plus the letter c sends. */
#define CONTROL(c)	((c) & 0x1f)
#define ESC	27

static const struct keys_binding bindings[] = {
	{ KEYS_BROWSE, 'j', "j", KEYS_DOWN, "next article, or scroll the "
	    "detail down", NULL },
	{ KEYS_BROWSE, KEYS_FUNCTION(KEY_DOWN), "Down", KEYS_DOWN, NULL, NULL },
	{ KEYS_BROWSE, 'k', "k", KEYS_UP, "previous article, or scroll the "
	    "detail up", NULL },
	{ KEYS_BROWSE, KEYS_FUNCTION(KEY_UP), "Up", KEYS_UP, NULL, NULL },
	{ KEYS_BROWSE, KEYS_FUNCTION(KEY_NPAGE), "PgDn", KEYS_PAGE_DOWN, "a page down",
	    NULL },
	{ KEYS_BROWSE, CONTROL('f'), "Ctrl-F", KEYS_PAGE_DOWN, NULL, NULL },
	{ KEYS_BROWSE, ' ', "Space", KEYS_PAGE_DOWN, NULL, NULL },
	{ KEYS_BROWSE, KEYS_FUNCTION(KEY_PPAGE), "PgUp", KEYS_PAGE_UP, "a page up", NULL },
	{ KEYS_BROWSE, CONTROL('b'), "Ctrl-B", KEYS_PAGE_UP, NULL, NULL },
	{ KEYS_BROWSE, CONTROL('d'), "Ctrl-D", KEYS_HALF_DOWN, "half a page "
	    "down", NULL },
	{ KEYS_BROWSE, CONTROL('u'), "Ctrl-U", KEYS_HALF_UP, "half a page up",
	    NULL },
	{ KEYS_BROWSE, 'g', "g", KEYS_TOP, "first article, or top of the "
	    "detail", NULL },
	{ KEYS_BROWSE, KEYS_FUNCTION(KEY_HOME), "Home", KEYS_TOP, NULL, NULL },
	{ KEYS_BROWSE, 'G', "G", KEYS_BOTTOM, "last article, or end of the "
	    "detail", NULL },
	{ KEYS_BROWSE, KEYS_FUNCTION(KEY_END), "End", KEYS_BOTTOM, NULL, NULL },
	{ KEYS_BROWSE, '\n', "Enter", KEYS_MORE, "show the whole abstract, "
	    "or only its start", "more" },
	{ KEYS_BROWSE, '\r', "Enter", KEYS_MORE, NULL, NULL },
	{ KEYS_BROWSE, KEYS_FUNCTION(KEY_ENTER), "Enter", KEYS_MORE, NULL, NULL },
	{ KEYS_BROWSE, 'm', "m", KEYS_MORE, NULL, NULL },
	{ KEYS_BROWSE, '\t', "Tab", KEYS_FOCUS, "move the focus between the "
	    "list and the detail", NULL },
	{ KEYS_BROWSE, KEYS_FUNCTION(KEY_BTAB), "Shift-Tab", KEYS_FOCUS, NULL, NULL },
	{ KEYS_BROWSE, '/', "/", KEYS_SEARCH_OPEN, "search: filter the list "
	    "as you type", "search" },
	{ KEYS_BROWSE, ESC, "Esc", KEYS_CLEAR, "clear the filter", NULL },
	{ KEYS_BROWSE, 'n', "n", KEYS_NEXT_MATCH, "next match in the "
	    "abstract, or next article", NULL },
	{ KEYS_BROWSE, 'N', "N", KEYS_PREV_MATCH, "previous match in the "
	    "abstract, or previous article", NULL },
	{ KEYS_BROWSE, '?', "?", KEYS_HELP_OPEN, "this help", "help" },
	{ KEYS_BROWSE, KEYS_FUNCTION(KEY_F(1)), "F1", KEYS_HELP_OPEN, NULL, NULL },
	{ KEYS_BROWSE, CONTROL('l'), "Ctrl-L", KEYS_REDRAW, "redraw the screen",
	    NULL },
	{ KEYS_BROWSE, 'q', "q", KEYS_QUIT, "quit", "quit" },

	{ KEYS_SEARCH, KEYS_FUNCTION(KEY_LEFT), "Left", KEYS_CURSOR_LEFT, "move the cursor "
	    "left", NULL },
	{ KEYS_SEARCH, KEYS_FUNCTION(KEY_RIGHT), "Right", KEYS_CURSOR_RIGHT, "move the "
	    "cursor right", NULL },
	{ KEYS_SEARCH, KEYS_FUNCTION(KEY_HOME), "Home", KEYS_CURSOR_HOME, "cursor to the "
	    "start", NULL },
	{ KEYS_SEARCH, CONTROL('a'), "Ctrl-A", KEYS_CURSOR_HOME, NULL, NULL },
	{ KEYS_SEARCH, KEYS_FUNCTION(KEY_END), "End", KEYS_CURSOR_END, "cursor to the end",
	    NULL },
	{ KEYS_SEARCH, CONTROL('e'), "Ctrl-E", KEYS_CURSOR_END, NULL, NULL },
	{ KEYS_SEARCH, KEYS_FUNCTION(KEY_BACKSPACE), "Backspace", KEYS_DELETE_BACK,
	    "delete the character before the cursor", NULL },
	{ KEYS_SEARCH, 127, "Backspace", KEYS_DELETE_BACK, NULL, NULL },
	{ KEYS_SEARCH, CONTROL('h'), "Ctrl-H", KEYS_DELETE_BACK, NULL, NULL },
	{ KEYS_SEARCH, KEYS_FUNCTION(KEY_DC), "Delete", KEYS_DELETE_FORWARD, "delete the "
	    "character under the cursor", NULL },
	{ KEYS_SEARCH, CONTROL('d'), "Ctrl-D", KEYS_DELETE_FORWARD, NULL, NULL },
	{ KEYS_SEARCH, CONTROL('u'), "Ctrl-U", KEYS_DELETE_LINE, "delete the "
	    "whole query", NULL },
	{ KEYS_SEARCH, CONTROL('w'), "Ctrl-W", KEYS_DELETE_WORD, "delete the "
	    "word before the cursor", NULL },
	{ KEYS_SEARCH, KEYS_FUNCTION(KEY_UP), "Up", KEYS_HISTORY_PREV, "previous query of "
	    "this session", NULL },
	{ KEYS_SEARCH, KEYS_FUNCTION(KEY_DOWN), "Down", KEYS_HISTORY_NEXT, "next query of "
	    "this session", NULL },
	{ KEYS_SEARCH, KEYS_FUNCTION(KEY_NPAGE), "PgDn", KEYS_PAGE_DOWN, "move the "
	    "selection a page down", NULL },
	{ KEYS_SEARCH, KEYS_FUNCTION(KEY_PPAGE), "PgUp", KEYS_PAGE_UP, "move the selection "
	    "a page up", NULL },
	{ KEYS_SEARCH, '\n', "Enter", KEYS_ACCEPT, "keep the filter and "
	    "return to the list", NULL },
	{ KEYS_SEARCH, '\r', "Enter", KEYS_ACCEPT, NULL, NULL },
	{ KEYS_SEARCH, KEYS_FUNCTION(KEY_ENTER), "Enter", KEYS_ACCEPT, NULL, NULL },
	{ KEYS_SEARCH, ESC, "Esc", KEYS_CANCEL, "clear the filter and return "
	    "to the list", NULL },

	{ KEYS_HELP, 'j', "j", KEYS_DOWN, "scroll down", NULL },
	{ KEYS_HELP, KEYS_FUNCTION(KEY_DOWN), "Down", KEYS_DOWN, NULL, NULL },
	{ KEYS_HELP, 'k', "k", KEYS_UP, "scroll up", NULL },
	{ KEYS_HELP, KEYS_FUNCTION(KEY_UP), "Up", KEYS_UP, NULL, NULL },
	{ KEYS_HELP, KEYS_FUNCTION(KEY_NPAGE), "PgDn", KEYS_PAGE_DOWN, "a page down", NULL },
	{ KEYS_HELP, ' ', "Space", KEYS_PAGE_DOWN, NULL, NULL },
	{ KEYS_HELP, KEYS_FUNCTION(KEY_PPAGE), "PgUp", KEYS_PAGE_UP, "a page up", NULL },
	{ KEYS_HELP, 'g', "g", KEYS_TOP, "top", NULL },
	{ KEYS_HELP, KEYS_FUNCTION(KEY_HOME), "Home", KEYS_TOP, NULL, NULL },
	{ KEYS_HELP, 'G', "G", KEYS_BOTTOM, "end", NULL },
	{ KEYS_HELP, KEYS_FUNCTION(KEY_END), "End", KEYS_BOTTOM, NULL, NULL },
	{ KEYS_HELP, 'q', "q", KEYS_CLOSE, "close the help", NULL },
	{ KEYS_HELP, ESC, "Esc", KEYS_CLOSE, NULL, NULL },
	{ KEYS_HELP, '?', "?", KEYS_CLOSE, NULL, NULL },
	{ KEYS_HELP, '\n', "Enter", KEYS_CLOSE, NULL, NULL },
	{ KEYS_HELP, '\r', "Enter", KEYS_CLOSE, NULL, NULL },
};

enum keys_action
keys_lookup(enum keys_context context, int key)
{
	size_t	i;

	for (i = 0; i < sizeof bindings / sizeof *bindings; i++) {
		if (bindings[i].context == context && bindings[i].key == key)
			return bindings[i].action;
	}
	return KEYS_NONE;
}

const struct keys_binding *
keys_table(size_t *count)
{
	*count = sizeof bindings / sizeof *bindings;
	return bindings;
}

const char *
keys_context_title(enum keys_context context)
{
	switch (context) {
	case KEYS_BROWSE:
		return "List and detail";
	case KEYS_SEARCH:
		return "Search line";
	case KEYS_HELP:
		return "Help screen";
	}
	return "";
}
