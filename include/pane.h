/*
 * What every pane of the browser shares: the application context, the
 * rectangles the layout gives the panes, and the table of functions a
 * pane provides.
 *
 * Each pane's table is declared in its own header (pane_list.h and so
 * on). A pane draws only inside its rectangle of stdscr and never calls
 * doupdate(); the event loop in ui.c draws every pane and then updates
 * the terminal once. Key and mouse handlers change the context and
 * return what happened; the loop alone acts on it.
 */
#ifndef FEHREST_PANE_H
#define FEHREST_PANE_H

#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

#include "bidi.h"
#include "buf.h"
#include "catalogue.h"
#include "clusters.h"
#include "duplicates.h"
#include "draw.h"
#include "keys.h"
#include "view.h"

/* A rectangle of the screen; h or w is 0 when the pane is hidden. */
struct pane_rect {
	int	y;
	int	x;
	int	h;
	int	w;
};

/* The outcome of a key or mouse handler, for the event loop. */
enum pane_result {
	PANE_IGNORED,	/* not for this pane: offer it to the next one */
	PANE_HANDLED,	/* taken, nothing on screen changed */
	PANE_REDRAW,	/* the screen must be drawn again */
	PANE_RESIZE,	/* the layout must be computed again */
	PANE_QUIT,	/* leave the browser */
};

enum pane_focus {
	PANE_FOCUS_LIST,
	PANE_FOCUS_DETAIL,
};

/* State of the detail pane, reset when the selection changes. */
struct pane_detail_state {
	long	article_id;	/* the article the rest describes */
	bool	expanded;	/* the whole abstract is shown */
	int	top;		/* first content line shown */
	int	cue_line;	/* row of the cue in the pane, or -1 */
	int	match_line;	/* content line n or N last moved to, or -1 */
};

/* State of the query line. */
struct pane_search_state {
	struct buf	 input;
	size_t		 cursor;	/* byte offset in input */
	char		**history;	/* queries accepted this session */
	size_t		 nhistory;
	size_t		 history_pos;	/* nhistory when not browsing it */
	char		*draft;		/* the input before browsing history */
};

/* State of the duplicates view. */
struct pane_dupes_state {
	bool			 open;
	bool			 comparing;	/* a pair is shown */
	size_t			 cluster;	/* the chosen cluster */
	int			 top;		/* first cluster or line shown */
	size_t			 pair;		/* index among the pairs */
	bool			 right;		/* the right record is chosen */
	struct clusters_pair	 compared;	/* loaded when comparing */
};

enum pane_prompt_kind {
	PANE_PROMPT_FILE,	/* the file name to export to */
	PANE_PROMPT_OVERWRITE,	/* y replaces the existing file */
};

/* State of the prompt line that replaces the status line. */
struct pane_prompt_state {
	bool			 open;
	enum pane_prompt_kind	 kind;
	struct buf		 input;
	char			*path;		/* the answer to the file prompt */
};

/* The duplicate clusters, as the background job delivers them. */
struct pane_dupes_data {
	struct clusters_job	*job;		/* NULL once it has ended */
	bool			 ready;
	struct duplicates	 found;
	bool			 hidden;	/* one article per cluster */
};

struct pane_context {
	struct catalogue	*cat;
	struct view		*view;
	struct draw_style	 style;
	/* Resolved: BIDI_APP or BIDI_TERMINAL. */
	enum bidi_mode		 bidi;

	enum pane_focus		 focus;
	bool			 searching;	/* the query line is open */
	bool			 help;		/* the help screen is open */
	bool			 too_small;
	/* The query line changed and the filter must follow it. */
	bool			 filter_dirty;
	/* for the status line, or NULL */
	char			*message;
	/* Where the terminal cursor goes, when a pane shows it. */
	bool			 show_cursor;
	int			 cursor_y;
	int			 cursor_x;

	struct pane_rect	 list;
	struct pane_rect	 detail;
	struct pane_rect	 rule;		/* between list and detail */
	bool			 side_by_side;
	struct pane_rect	 status;
	struct pane_rect	 screen;

	struct pane_detail_state detail_state;
	struct pane_search_state search_state;
	int			 help_top;

	struct pane_dupes_data	 dupes;
	struct pane_dupes_state	 dupes_state;
	struct pane_prompt_state prompt;
};

/* The functions of one pane; any may be NULL. */
struct pane {
	const char	*name;
	void		 (*open)(struct pane_context *);
	void		 (*draw)(struct pane_context *);
	enum pane_result (*key)(struct pane_context *, enum keys_action,
			    int key);
	/* y and x are relative to the pane's rectangle. */
	enum pane_result (*mouse)(struct pane_context *, int y, int x,
			    mmask_t buttons);
	void		 (*resize)(struct pane_context *);
	void		 (*close)(struct pane_context *);
};

/*
 * Replaces the status line message with a formatted one (NULL format
 * clears it).
 */
void	 pane_set_message(struct pane_context *ctx, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Takes ownership of an allocated message (from an error return). */
void	 pane_take_message(struct pane_context *ctx, char *message);

/*
 * Formats n with thousands separators into buf (at least 32 bytes),
 * followed by "+" when capped. Returns buf.
 */
char	*pane_format_count(char *buf, long n, bool capped);

/* Returns whether r contains the screen cell (y, x). */
bool	 pane_contains(const struct pane_rect *r, int y, int x);

#endif
