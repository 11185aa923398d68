/*
 * The key table: see keys.h. Order within a context is the order of the
 * help screen.
 */
#include <curses.h>

#include "keys.h"

/* The key Ctrl plus the letter c sends. */
#define CONTROL(c)	((c) & 0x1f)
#define FN(k)		KEYS_FUNCTION(k)
#define ESC	27

static const struct keys_binding bindings[] = {
	{ KEYS_BROWSE, 'j', "j", KEYS_DOWN,
	    "next article, or scroll the detail down", NULL },
	{ KEYS_BROWSE, FN(KEY_DOWN), "Down", KEYS_DOWN, NULL, NULL },
	{ KEYS_BROWSE, 'k', "k", KEYS_UP,
	    "previous article, or scroll the detail up", NULL },
	{ KEYS_BROWSE, FN(KEY_UP), "Up", KEYS_UP, NULL, NULL },
	{ KEYS_BROWSE, FN(KEY_NPAGE), "PgDn", KEYS_PAGE_DOWN,
	    "a page down", NULL },
	{ KEYS_BROWSE, CONTROL('f'), "Ctrl-F", KEYS_PAGE_DOWN, NULL, NULL },
	{ KEYS_BROWSE, FN(KEY_PPAGE), "PgUp", KEYS_PAGE_UP, "a page up", NULL },
	{ KEYS_BROWSE, CONTROL('b'), "Ctrl-B", KEYS_PAGE_UP, NULL, NULL },
	{ KEYS_BROWSE, CONTROL('d'), "Ctrl-D", KEYS_HALF_DOWN,
	    "half a page down", NULL },
	{ KEYS_BROWSE, CONTROL('u'), "Ctrl-U", KEYS_HALF_UP,
	    "half a page up", NULL },
	{ KEYS_BROWSE, 'g', "g", KEYS_TOP,
	    "first article, or top of the detail", NULL },
	{ KEYS_BROWSE, FN(KEY_HOME), "Home", KEYS_TOP, NULL, NULL },
	{ KEYS_BROWSE, 'G', "G", KEYS_BOTTOM,
	    "last article, or end of the detail", NULL },
	{ KEYS_BROWSE, FN(KEY_END), "End", KEYS_BOTTOM, NULL, NULL },
	{ KEYS_BROWSE, '0', "NUMBER G", KEYS_DIGIT,
	    "go to the article with that number (14G goes to 14)", NULL },
	{ KEYS_BROWSE, '1', "NUMBER G", KEYS_DIGIT, NULL, NULL },
	{ KEYS_BROWSE, '2', "NUMBER G", KEYS_DIGIT, NULL, NULL },
	{ KEYS_BROWSE, '3', "NUMBER G", KEYS_DIGIT, NULL, NULL },
	{ KEYS_BROWSE, '4', "NUMBER G", KEYS_DIGIT, NULL, NULL },
	{ KEYS_BROWSE, '5', "NUMBER G", KEYS_DIGIT, NULL, NULL },
	{ KEYS_BROWSE, '6', "NUMBER G", KEYS_DIGIT, NULL, NULL },
	{ KEYS_BROWSE, '7', "NUMBER G", KEYS_DIGIT, NULL, NULL },
	{ KEYS_BROWSE, '8', "NUMBER G", KEYS_DIGIT, NULL, NULL },
	{ KEYS_BROWSE, '9', "NUMBER G", KEYS_DIGIT, NULL, NULL },
	{ KEYS_BROWSE, ':', ":", KEYS_GOTO,
	    "ask for an article number and go to that article", NULL },
	{ KEYS_BROWSE, '/', "/", KEYS_SEARCH_OPEN,
	    "search: filter the list as you type", "search" },
	{ KEYS_BROWSE, '\n', "Enter", KEYS_MORE,
	    "show the whole abstract (j and k then scroll it), or only its "
	    "start", "more" },
	{ KEYS_BROWSE, '\r', "Enter", KEYS_MORE, NULL, NULL },
	{ KEYS_BROWSE, FN(KEY_ENTER), "Enter", KEYS_MORE, NULL, NULL },
	{ KEYS_BROWSE, 'm', "m", KEYS_MORE, NULL, NULL },
	{ KEYS_BROWSE, '\t', "Tab", KEYS_FOCUS,
	    "move the focus between the list and the detail", NULL },
	{ KEYS_BROWSE, FN(KEY_BTAB), "Shift-Tab", KEYS_FOCUS, NULL, NULL },
	{ KEYS_BROWSE, ESC, "Esc", KEYS_CLEAR, "clear the filter", NULL },
	{ KEYS_BROWSE, ' ', "Space", KEYS_MARK,
	    "mark or unmark the article for export", NULL },
	{ KEYS_BROWSE, 'e', "e", KEYS_EXPORT,
	    "export the marked articles, or else the whole filtered list, "
	    "to a file (.bib, .ris, .csv, .tsv or .json)", NULL },
	{ KEYS_BROWSE, 'D', "D", KEYS_DUPES_OPEN,
	    "list the clusters of duplicate articles", NULL },
	{ KEYS_BROWSE, 'u', "u", KEYS_HIDE_DUPES,
	    "show one article per cluster of duplicates, or all", NULL },
	{ KEYS_BROWSE, 'n', "n", KEYS_NEXT_MATCH,
	    "next match in the abstract, or next article", NULL },
	{ KEYS_BROWSE, 'N', "N", KEYS_PREV_MATCH,
	    "previous match in the abstract, or previous article", NULL },
	{ KEYS_BROWSE, '?', "?", KEYS_HELP_OPEN, "this help", "help" },
	{ KEYS_BROWSE, FN(KEY_F(1)), "F1", KEYS_HELP_OPEN, NULL, NULL },
	{ KEYS_BROWSE, CONTROL('l'), "Ctrl-L", KEYS_REDRAW,
	    "redraw the screen", NULL },
	{ KEYS_BROWSE, 'q', "q", KEYS_QUIT, "quit", "quit" },

	{ KEYS_SEARCH, FN(KEY_LEFT), "Left", KEYS_CURSOR_LEFT,
	    "move the cursor left", NULL },
	{ KEYS_SEARCH, FN(KEY_RIGHT), "Right", KEYS_CURSOR_RIGHT,
	    "move the cursor right", NULL },
	{ KEYS_SEARCH, FN(KEY_HOME), "Home", KEYS_CURSOR_HOME,
	    "cursor to the start", NULL },
	{ KEYS_SEARCH, CONTROL('a'), "Ctrl-A", KEYS_CURSOR_HOME, NULL, NULL },
	{ KEYS_SEARCH, FN(KEY_END), "End", KEYS_CURSOR_END,
	    "cursor to the end", NULL },
	{ KEYS_SEARCH, CONTROL('e'), "Ctrl-E", KEYS_CURSOR_END, NULL, NULL },
	{ KEYS_SEARCH, FN(KEY_BACKSPACE), "Backspace", KEYS_DELETE_BACK,
	    "delete the character before the cursor", NULL },
	{ KEYS_SEARCH, 127, "Backspace", KEYS_DELETE_BACK, NULL, NULL },
	{ KEYS_SEARCH, CONTROL('h'), "Ctrl-H", KEYS_DELETE_BACK, NULL, NULL },
	{ KEYS_SEARCH, FN(KEY_DC), "Delete", KEYS_DELETE_FORWARD,
	    "delete the character under the cursor", NULL },
	{ KEYS_SEARCH, CONTROL('d'), "Ctrl-D", KEYS_DELETE_FORWARD,
	    NULL, NULL },
	{ KEYS_SEARCH, CONTROL('u'), "Ctrl-U", KEYS_DELETE_LINE,
	    "delete the whole query", NULL },
	{ KEYS_SEARCH, CONTROL('w'), "Ctrl-W", KEYS_DELETE_WORD,
	    "delete the word before the cursor", NULL },
	{ KEYS_SEARCH, FN(KEY_UP), "Up", KEYS_HISTORY_PREV,
	    "previous query of this session", NULL },
	{ KEYS_SEARCH, FN(KEY_DOWN), "Down", KEYS_HISTORY_NEXT,
	    "next query of this session", NULL },
	{ KEYS_SEARCH, FN(KEY_NPAGE), "PgDn", KEYS_PAGE_DOWN,
	    "move the selection a page down", NULL },
	{ KEYS_SEARCH, FN(KEY_PPAGE), "PgUp", KEYS_PAGE_UP,
	    "move the selection a page up", NULL },
	{ KEYS_SEARCH, '\n', "Enter", KEYS_ACCEPT,
	    "keep the filter and return to the list", NULL },
	{ KEYS_SEARCH, '\r', "Enter", KEYS_ACCEPT, NULL, NULL },
	{ KEYS_SEARCH, FN(KEY_ENTER), "Enter", KEYS_ACCEPT, NULL, NULL },
	{ KEYS_SEARCH, ESC, "Esc", KEYS_CANCEL,
	    "clear the filter and return to the list", NULL },

	{ KEYS_HELP, 'j', "j", KEYS_DOWN, "scroll down", NULL },
	{ KEYS_HELP, FN(KEY_DOWN), "Down", KEYS_DOWN, NULL, NULL },
	{ KEYS_HELP, 'k', "k", KEYS_UP, "scroll up", NULL },
	{ KEYS_HELP, FN(KEY_UP), "Up", KEYS_UP, NULL, NULL },
	{ KEYS_HELP, FN(KEY_NPAGE), "PgDn", KEYS_PAGE_DOWN,
	    "a page down", NULL },
	{ KEYS_HELP, ' ', "Space", KEYS_PAGE_DOWN, NULL, NULL },
	{ KEYS_HELP, FN(KEY_PPAGE), "PgUp", KEYS_PAGE_UP, "a page up", NULL },
	{ KEYS_HELP, 'g', "g", KEYS_TOP, "top", NULL },
	{ KEYS_HELP, FN(KEY_HOME), "Home", KEYS_TOP, NULL, NULL },
	{ KEYS_HELP, 'G', "G", KEYS_BOTTOM, "end", NULL },
	{ KEYS_HELP, FN(KEY_END), "End", KEYS_BOTTOM, NULL, NULL },
	{ KEYS_HELP, 'q', "q", KEYS_CLOSE, "close the help", NULL },
	{ KEYS_HELP, ESC, "Esc", KEYS_CLOSE, NULL, NULL },
	{ KEYS_HELP, '?', "?", KEYS_CLOSE, NULL, NULL },
	{ KEYS_HELP, '\n', "Enter", KEYS_CLOSE, NULL, NULL },
	{ KEYS_HELP, '\r', "Enter", KEYS_CLOSE, NULL, NULL },

	{ KEYS_DUPES, 'j', "j", KEYS_DOWN,
	    "next cluster, or scroll the comparison down", NULL },
	{ KEYS_DUPES, FN(KEY_DOWN), "Down", KEYS_DOWN, NULL, NULL },
	{ KEYS_DUPES, 'k', "k", KEYS_UP,
	    "previous cluster, or scroll the comparison up", NULL },
	{ KEYS_DUPES, FN(KEY_UP), "Up", KEYS_UP, NULL, NULL },
	{ KEYS_DUPES, FN(KEY_NPAGE), "PgDn", KEYS_PAGE_DOWN, "a page down",
	    NULL },
	{ KEYS_DUPES, ' ', "Space", KEYS_PAGE_DOWN, NULL, NULL },
	{ KEYS_DUPES, FN(KEY_PPAGE), "PgUp", KEYS_PAGE_UP, "a page up", NULL },
	{ KEYS_DUPES, 'g', "g", KEYS_TOP, "top", NULL },
	{ KEYS_DUPES, FN(KEY_HOME), "Home", KEYS_TOP, NULL, NULL },
	{ KEYS_DUPES, 'G', "G", KEYS_BOTTOM, "end", NULL },
	{ KEYS_DUPES, FN(KEY_END), "End", KEYS_BOTTOM, NULL, NULL },
	{ KEYS_DUPES, '\n', "Enter", KEYS_ACCEPT,
	    "compare the cluster's articles side by side, or go to the "
	    "chosen article in the list", NULL },
	{ KEYS_DUPES, '\r', "Enter", KEYS_ACCEPT, NULL, NULL },
	{ KEYS_DUPES, FN(KEY_ENTER), "Enter", KEYS_ACCEPT, NULL, NULL },
	{ KEYS_DUPES, 'o', "o", KEYS_JUMP,
	    "go to the chosen article (or cluster) in the list", NULL },
	{ KEYS_DUPES, '\t', "Tab", KEYS_SIDE,
	    "choose the other article of the pair", NULL },
	{ KEYS_DUPES, ']', "]", KEYS_PAIR_NEXT,
	    "next pair of a cluster of more than two", NULL },
	{ KEYS_DUPES, FN(KEY_RIGHT), "Right", KEYS_PAIR_NEXT, NULL, NULL },
	{ KEYS_DUPES, '[', "[", KEYS_PAIR_PREV, "previous pair", NULL },
	{ KEYS_DUPES, FN(KEY_LEFT), "Left", KEYS_PAIR_PREV, NULL, NULL },
	{ KEYS_DUPES, ESC, "Esc", KEYS_CLOSE,
	    "back to the clusters, or to the list", NULL },
	{ KEYS_DUPES, 'q', "q", KEYS_CLOSE, NULL, NULL },

	{ KEYS_PROMPT, '\n', "Enter", KEYS_ACCEPT, "accept the answer", NULL },
	{ KEYS_PROMPT, '\r', "Enter", KEYS_ACCEPT, NULL, NULL },
	{ KEYS_PROMPT, FN(KEY_ENTER), "Enter", KEYS_ACCEPT, NULL, NULL },
	{ KEYS_PROMPT, ESC, "Esc", KEYS_CANCEL, "cancel", NULL },
	{ KEYS_PROMPT, FN(KEY_BACKSPACE), "Backspace", KEYS_DELETE_BACK,
	    "delete the character before the cursor", NULL },
	{ KEYS_PROMPT, 127, "Backspace", KEYS_DELETE_BACK, NULL, NULL },
	{ KEYS_PROMPT, CONTROL('h'), "Ctrl-H", KEYS_DELETE_BACK, NULL, NULL },
	{ KEYS_PROMPT, CONTROL('u'), "Ctrl-U", KEYS_DELETE_LINE,
	    "delete the whole answer", NULL },
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
	case KEYS_DUPES:
		return "Duplicates view";
	case KEYS_PROMPT:
		return "Prompt line (export, go to a number)";
	}
	return "";
}
