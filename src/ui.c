/*
 * The browser's terminal set-up, layout and event loop.
 *
 * One loop owns the screen. It waits in poll() on the terminal and on a
 * self-pipe that the signal handlers write to. The handlers only set
 * flags, so SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT and SIGWINCH are
 * all handled between keys with ordinary code. Keys go to the help
 * screen, the query line or the focused pane; each returns what
 * happened, and the loop redraws, lays out again or quits. After the
 * query line changes, the filter is applied before the next draw with a
 * progress check that stops the query as soon as another key arrives.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "catalogue.h"
#include "pane.h"
#include "pane_detail.h"
#include "pane_dupes.h"
#include "pane_help.h"
#include "pane_list.h"
#include "pane_prompt.h"
#include "pane_search.h"
#include "pane_status.h"
#include "text.h"
#include "ui.h"
#include "xmalloc.h"

/* Below this size only a notice is shown. */
#define MIN_COLS	20
#define MIN_LINES	6
/* From this width the list and the detail sit side by side. */
#define WIDE_COLS	120
#define LIST_PERCENT	45
/* How long to wait after Esc for the rest of an escape sequence. */
#define ESCAPE_DELAY_MS	25

static const char plain_commands[] = "for plain output use 'fehrest list', "
    "'fehrest search WORD' or 'fehrest show NUMBER'";

/* Set by the signal handlers, read by the loop. */
static volatile sig_atomic_t quit_signal;
static volatile sig_atomic_t suspend_requested;
static volatile sig_atomic_t continued;
static volatile sig_atomic_t resized;
static int signal_pipe[2] = { -1, -1 };
static bool curses_active;
/* Whether the terminal was switched to explicit bidi mode. */
static bool vte_explicit;

static void
on_signal(int signo)
{
	int	saved = errno;

	switch (signo) {
	case SIGTSTP:
		suspend_requested = 1;
		break;
	case SIGCONT:
		continued = 1;
		break;
	case SIGWINCH:
		resized = 1;
		break;
	default:
		quit_signal = signo;
		break;
	}
	if (signal_pipe[1] != -1 && write(signal_pipe[1], "", 1) < 0) {
		/* The pipe is full: a wake-up is already pending. */
	}
	errno = saved;
}

static void
set_handler(int signo, void (*handler)(int))
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sigaction(signo, &sa, NULL);
}

static const int handled_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGTSTP,
    SIGCONT, SIGWINCH };

/*
 * Installs the handlers before curses starts, so that ncurses, which
 * only takes signals left at their default, installs none of its own.
 */
static int
install_signals(void)
{
	size_t	i;

	if (pipe(signal_pipe) != 0)
		return -1;
	for (i = 0; i < 2; i++) {
		fcntl(signal_pipe[i], F_SETFL, fcntl(signal_pipe[i], F_GETFL) |
		    O_NONBLOCK);
		fcntl(signal_pipe[i], F_SETFD, FD_CLOEXEC);
	}
	for (i = 0; i < sizeof handled_signals / sizeof *handled_signals; i++)
		set_handler(handled_signals[i], on_signal);
	return 0;
}

static void
restore_signals(void)
{
	size_t	i;

	for (i = 0; i < sizeof handled_signals / sizeof *handled_signals; i++)
		set_handler(handled_signals[i], SIG_DFL);
	for (i = 0; i < 2; i++) {
		if (signal_pipe[i] != -1)
			close(signal_pipe[i]);
		signal_pipe[i] = -1;
	}
}

static void
drain_signal_pipe(void)
{
	char	buf[64];

	while (read(signal_pipe[0], buf, sizeof buf) > 0)
		continue;
}

/*
 * Turns the terminal's own bidi reordering off (explicit mode, CSI 8 l)
 * or back on (implicit mode, CSI 8 h), when start_vte_explicit() found a
 * VTE terminal. VTE 0.57.3 and later reorder right-to-left text by
 * default, so under --bidi=app the lines would be reordered twice and
 * read backwards. Only VTE is sent the sequence, found by the
 * VTE_VERSION variable it sets, because other terminals may show an
 * unknown mode sequence or act on it differently.
 */
static void
set_vte_explicit(bool on)
{
	const char	*seq = on ? "\033[8l" : "\033[8h";

	if (!vte_explicit)
		return;
	fflush(stdout);
	if (write(STDOUT_FILENO, seq, strlen(seq)) < 0) {
		/* The terminal has gone: nothing to restore. */
	}
}

static void
start_vte_explicit(enum bidi_mode bidi)
{
	const char	*vte = getenv("VTE_VERSION");

	vte_explicit = bidi == BIDI_APP && vte != NULL && *vte != '\0';
	set_vte_explicit(true);
}

/* The fatal() hook: gives the terminal back before the message. */
static void
end_screen(void)
{
	if (curses_active) {
		endwin();
		set_vte_explicit(false);
		vte_explicit = false;
		curses_active = false;
	}
}

/* The progress check for queries: stop when a key or signal waits. */
static int
input_pending(void *arg)
{
	struct pollfd	fds[2];

	(void)arg;
	fds[0].fd = STDIN_FILENO;
	fds[0].events = POLLIN;
	fds[1].fd = signal_pipe[0];
	fds[1].events = POLLIN;
	return poll(fds, 2, 0) > 0;
}

static void
layout(struct pane_context *ctx)
{
	int	lines = LINES, cols = COLS, body, listw, listh;

	memset(&ctx->list, 0, sizeof ctx->list);
	memset(&ctx->detail, 0, sizeof ctx->detail);
	memset(&ctx->rule, 0, sizeof ctx->rule);
	memset(&ctx->status, 0, sizeof ctx->status);
	ctx->screen = (struct pane_rect){ 0, 0, lines, cols };
	ctx->too_small = cols < MIN_COLS || lines < MIN_LINES;
	if (ctx->too_small)
		return;

	ctx->status = (struct pane_rect){ lines - 1, 0, 1, cols };
	body = lines - 1;
	ctx->side_by_side = cols >= WIDE_COLS;
	if (ctx->side_by_side) {
		listw = cols * LIST_PERCENT / 100;
		ctx->list = (struct pane_rect){ 0, 0, body, listw };
		ctx->rule = (struct pane_rect){ 0, listw, body, 1 };
		ctx->detail = (struct pane_rect){ 0, listw + 2, body,
		    cols - listw - 3 };
	} else {
		listh = (body - 1) * 2 / 5;
		if (listh < 1)
			listh = 1;
		ctx->list = (struct pane_rect){ 0, 0, listh, cols };
		ctx->rule = (struct pane_rect){ listh, 0, 1, cols };
		ctx->detail = (struct pane_rect){ listh + 1, 1,
		    body - listh - 1, cols - 2 };
	}
	pane_list.resize(ctx);
}

/* A centred notice for a screen too small to browse in. */
static void
draw_too_small(void)
{
	static const char notice[] = "terminal too small";
	struct text_line	*lines;
	size_t			 n, i;
	int			 y, width;

	erase();
	if (COLS < 1 || LINES < 1)
		return;
	n = text_wrap(notice, COLS, &lines);
	y = LINES > (int)n ? (LINES - (int)n) / 2 : 0;
	for (i = 0; i < n && y < LINES; i++, y++) {
		char	*part;

		part = xstrndup(notice + lines[i].start, lines[i].len);
		width = text_strwidth(part);
		draw_plain(stdscr, y, (COLS - width) / 2, COLS, part, A_BOLD);
		free(part);
	}
	free(lines);
}

static void
draw_rule(struct pane_context *ctx)
{
	const struct pane_rect	*r = &ctx->rule;
	attr_t			 attr;
	const char		*label;

	if (ctx->side_by_side) {
		attr = ctx->focus == PANE_FOCUS_DETAIL ? ctx->style.label :
		    ctx->style.separator;
		mvvline(r->y, r->x, ACS_VLINE | attr, r->h);
		return;
	}
	attr = ctx->focus == PANE_FOCUS_DETAIL ? ctx->style.focus :
	    ctx->style.separator;
	mvhline(r->y, r->x, ACS_HLINE | ctx->style.separator, r->w);
	label = ctx->focus == PANE_FOCUS_DETAIL ? " detail: j/k scroll, Tab "
	    "back to the list " : " Tab: focus the detail ";
	draw_plain(stdscr, r->y, r->x + 2, r->w - 4, label, attr);
}

static void
draw_screen(struct pane_context *ctx)
{
	ctx->show_cursor = false;
	if (ctx->too_small)
		draw_too_small();
	else if (ctx->help)
		pane_help.draw(ctx);
	else if (ctx->dupes_state.open)
		pane_dupes.draw(ctx);
	else {
		pane_list.draw(ctx);
		draw_rule(ctx);
		pane_detail.draw(ctx);
		if (ctx->searching)
			pane_search.draw(ctx);
		else if (ctx->prompt.open)
			pane_prompt.draw(ctx);
		else
			pane_status.draw(ctx);
	}
	if (ctx->show_cursor && !ctx->too_small && !ctx->help &&
	    !ctx->dupes_state.open) {
		curs_set(1);
		move(ctx->cursor_y, ctx->cursor_x);
	} else
		curs_set(0);
	wnoutrefresh(stdscr);
	doupdate();
}

/* Applies the query line to the view; stays dirty when interrupted. */
static void
apply_filter(struct pane_context *ctx, bool interruptible)
{
	char	*error = NULL;

	if (interruptible)
		catalogue_set_progress(ctx->cat, input_pending, NULL);
	if (view_set_filter(ctx->view, buf_str(&ctx->search_state.input),
	    &error) == 0)
		ctx->filter_dirty = false;
	else if (catalogue_interrupted(ctx->cat))
		free(error);
	else {
		pane_take_message(ctx, error);
		ctx->filter_dirty = false;
	}
	catalogue_set_progress(ctx->cat, NULL, NULL);
}

static bool
counts_unknown(const struct pane_context *ctx)
{
	return !ctx->view->count.known || (view_selected(ctx->view) != NULL &&
	    !ctx->view->position.known);
}

/* Counts the matches and finds the selection's position, if unknown. */
static void
update_counts(struct pane_context *ctx, bool interruptible)
{
	char	*error = NULL;
	int	 rc;

	if (interruptible)
		catalogue_set_progress(ctx->cat, input_pending, NULL);
	rc = view_update_count(ctx->view, &error);
	if (rc == 0)
		rc = view_update_position(ctx->view, &error);
	if (rc != 0) {
		if (catalogue_interrupted(ctx->cat))
			free(error);
		else
			pane_take_message(ctx, error);
	}
	catalogue_set_progress(ctx->cat, NULL, NULL);
}

/* Actions that belong to no single pane. */
static enum pane_result
global_key(struct pane_context *ctx, enum keys_action action)
{
	switch (action) {
	case KEYS_QUIT:
		return PANE_QUIT;
	case KEYS_HELP_OPEN:
		pane_help.open(ctx);
		return PANE_REDRAW;
	case KEYS_SEARCH_OPEN:
		pane_search.open(ctx);
		return PANE_REDRAW;
	case KEYS_FOCUS:
		ctx->focus = ctx->focus == PANE_FOCUS_LIST ? PANE_FOCUS_DETAIL :
		    PANE_FOCUS_LIST;
		return PANE_REDRAW;
	case KEYS_REDRAW:
		clearok(curscr, TRUE);
		return PANE_REDRAW;
	case KEYS_MARK:
		view_toggle_mark(ctx->view);
		return PANE_REDRAW;
	case KEYS_EXPORT:
		pane_prompt.open(ctx);
		return PANE_REDRAW;
	case KEYS_DUPES_OPEN:
		pane_dupes.open(ctx);
		return PANE_REDRAW;
	case KEYS_GOTO:
		pane_prompt_open_number(ctx);
		return PANE_REDRAW;
	case KEYS_HIDE_DUPES:
		pane_dupes_hide(ctx, !ctx->dupes.hidden);
		return PANE_REDRAW;
	case KEYS_CLEAR:
		if (*buf_str(&ctx->search_state.input) != '\0') {
			buf_clear(&ctx->search_state.input);
			ctx->search_state.cursor = 0;
			ctx->filter_dirty = true;
		}
		return PANE_REDRAW;
	default:
		return PANE_IGNORED;
	}
}

/*
 * Collects the digits of an article number, vi style. G then goes to
 * that article and Esc discards the number. Any other key discards it
 * too and then acts as usual.
 */
static enum pane_result
number_key(struct pane_context *ctx, enum keys_action action, int key)
{
	bool	pending = ctx->number_pending;

	ctx->number_pending = false;
	if (action == KEYS_DIGIT) {
		if (!pending)
			ctx->pending_number = 0;
		/* Ten digits already exceed any article number. */
		if (ctx->pending_number < 1000000000L)
			ctx->pending_number = ctx->pending_number * 10 +
			    (key - '0');
		ctx->number_pending = true;
		pane_set_message(ctx, "go to article %ld: press G (Esc "
		    "cancels)", ctx->pending_number);
		return PANE_REDRAW;
	}
	if (!pending)
		return PANE_IGNORED;
	if (action == KEYS_BOTTOM) {
		pane_list_goto(ctx, ctx->pending_number);
		return PANE_REDRAW;
	}
	if (action == KEYS_CLEAR)
		return PANE_REDRAW;
	return PANE_IGNORED;
}

static enum pane_result
dispatch_key(struct pane_context *ctx, int key)
{
	const struct pane	*first, *second;
	enum keys_action	 action;
	enum pane_result	 r;

	pane_set_message(ctx, NULL);
	if (ctx->help)
		return pane_help.key(ctx, keys_lookup(KEYS_HELP, key), key);
	if (ctx->dupes_state.open)
		return pane_dupes.key(ctx, keys_lookup(KEYS_DUPES, key), key);
	if (ctx->prompt.open)
		return pane_prompt.key(ctx, keys_lookup(KEYS_PROMPT, key), key);
	if (ctx->searching) {
		action = keys_lookup(KEYS_SEARCH, key);
		r = pane_search.key(ctx, action, key);
		if (r == PANE_IGNORED && (action == KEYS_PAGE_UP ||
		    action == KEYS_PAGE_DOWN))
			r = pane_list.key(ctx, action, key);
		return r == PANE_IGNORED ? PANE_REDRAW : r;
	}

	action = keys_lookup(KEYS_BROWSE, key);
	if ((r = number_key(ctx, action, key)) != PANE_IGNORED)
		return r;
	if (action == KEYS_NONE)
		return PANE_REDRAW;
	if ((r = global_key(ctx, action)) != PANE_IGNORED)
		return r;
	first = ctx->focus == PANE_FOCUS_LIST ? &pane_list : &pane_detail;
	second = first == &pane_list ? &pane_detail : &pane_list;
	if ((r = first->key(ctx, action, key)) != PANE_IGNORED)
		return r;
	r = second->key(ctx, action, key);
	return r == PANE_IGNORED ? PANE_REDRAW : r;
}

static enum pane_result
dispatch_mouse(struct pane_context *ctx)
{
	MEVENT			 ev;
	const struct pane_rect	*r;

	if (getmouse(&ev) != OK || ctx->too_small)
		return PANE_HANDLED;
	if (ctx->dupes_state.open || ctx->prompt.open)
		return PANE_HANDLED;
	if (ctx->help) {
		if (ev.bstate & BUTTON4_PRESSED)
			return pane_help.key(ctx, KEYS_UP, 0);
		if (ev.bstate & BUTTON5_PRESSED)
			return pane_help.key(ctx, KEYS_DOWN, 0);
		return PANE_HANDLED;
	}
	pane_set_message(ctx, NULL);
	r = &ctx->list;
	if (pane_contains(r, ev.y, ev.x))
		return pane_list.mouse(ctx, ev.y - r->y, ev.x - r->x,
		    ev.bstate);
	r = &ctx->detail;
	if (pane_contains(r, ev.y, ev.x))
		return pane_detail.mouse(ctx, ev.y - r->y, ev.x - r->x,
		    ev.bstate);
	return PANE_HANDLED;
}

/* Takes the terminal's current size, which may have changed while we
   were stopped or since SIGWINCH. */
static void
follow_terminal_size(struct pane_context *ctx)
{
	struct winsize	ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0 && (ws.ws_row != LINES || ws.ws_col != COLS))
		resize_term(ws.ws_row, ws.ws_col);
	/*
	 * Repaint from a cleared screen: after a resize the terminal's
	 * cursor may not be where curses believes, for example after the
	 * last cell of a 1x1 screen was written.
	 */
	clearok(curscr, TRUE);
	erase();
	layout(ctx);
}

/* Stops the process as Ctrl-Z requests, with the terminal restored. */
static void
suspend(struct pane_context *ctx)
{
	endwin();
	set_vte_explicit(false);
	set_handler(SIGTSTP, SIG_DFL);
	raise(SIGTSTP);
	/* Execution continues here after SIGCONT. */
	set_handler(SIGTSTP, on_signal);
	continued = 0;
	set_vte_explicit(true);
	reset_prog_mode();
	clearok(curscr, TRUE);
	follow_terminal_size(ctx);
}

/* Acts on the flags the handlers set. Returns false to quit. */
static bool
handle_signals(struct pane_context *ctx)
{
	drain_signal_pipe();
	if (quit_signal != 0)
		return false;
	if (suspend_requested) {
		suspend_requested = 0;
		suspend(ctx);
	}
	if (continued) {
		continued = 0;
		reset_prog_mode();
		clearok(curscr, TRUE);
		follow_terminal_size(ctx);
	}
	if (resized) {
		resized = 0;
		follow_terminal_size(ctx);
	}
	return true;
}

/* Waits for a key, a signal or the end of the duplicate search. */
static void
wait_for_input(const struct pane_context *ctx)
{
	struct pollfd	fds[3];
	nfds_t		n = 2;

	fds[0].fd = STDIN_FILENO;
	fds[0].events = POLLIN;
	fds[1].fd = signal_pipe[0];
	fds[1].events = POLLIN;
	if (ctx->dupes.job != NULL) {
		fds[2].fd = clusters_fd(ctx->dupes.job);
		fds[2].events = POLLIN;
		n = 3;
	}
	/* EINTR only means a signal came; the loop looks at its flag. */
	(void)poll(fds, n, -1);
}

/* The view's marker: whether the article has a duplicate. */
static bool
has_duplicate(void *arg, long id)
{
	const struct pane_context	*ctx = arg;

	return duplicates_contains(&ctx->dupes.found, id);
}

/*
 * Takes the clusters from the cache when it is current; otherwise starts
 * finding them in the background.
 */
static void
start_clusters(struct pane_context *ctx)
{
	char	*error = NULL;

	if (duplicates_cached(ctx->cat, &ctx->dupes.found) == 0) {
		ctx->dupes.ready = true;
		view_set_marker(ctx->view, has_duplicate, ctx);
		view_update_marks(ctx->view);
		return;
	}
	ctx->dupes.job = clusters_start(catalogue_path(ctx->cat), &error);
	if (ctx->dupes.job == NULL)
		pane_take_message(ctx, error);
}

/* Takes the clusters when the background job has delivered them. */
static void
collect_clusters(struct pane_context *ctx)
{
	enum clusters_state	 state;
	char			*error = NULL;

	if (ctx->dupes.job == NULL)
		return;
	state = clusters_poll(ctx->dupes.job, &ctx->dupes.found, &error);
	if (state == CLUSTERS_RUNNING)
		return;
	clusters_stop(ctx->dupes.job);
	ctx->dupes.job = NULL;
	if (state == CLUSTERS_FAILED) {
		pane_take_message(ctx, error);
		return;
	}
	ctx->dupes.ready = true;
	view_set_marker(ctx->view, has_duplicate, ctx);
	view_update_marks(ctx->view);
}

/* Reads every key waiting. Returns false to quit. */
static bool
read_keys(struct pane_context *ctx)
{
	enum pane_result	r;
	wint_t			wch;
	int			rc, key;

	while ((rc = wget_wch(stdscr, &wch)) != ERR) {
		if (rc == KEY_CODE_YES && wch == KEY_RESIZE) {
			follow_terminal_size(ctx);
			continue;
		}
		if (rc == KEY_CODE_YES && wch == KEY_MOUSE)
			r = dispatch_mouse(ctx);
		else {
			key = rc == KEY_CODE_YES ? KEYS_FUNCTION((int)wch) :
			    (int)wch;
			r = dispatch_key(ctx, key);
		}
		if (r == PANE_QUIT)
			return false;
		if (r == PANE_RESIZE)
			layout(ctx);
		if (quit_signal != 0 || suspend_requested)
			break;
	}
	return true;
}

static void
run_loop(struct pane_context *ctx)
{
	for (;;) {
		if (!handle_signals(ctx))
			return;
		collect_clusters(ctx);
		if (ctx->filter_dirty)
			apply_filter(ctx, true);
		/* The rows show first; the counts follow when they are done. */
		draw_screen(ctx);
		if (!ctx->filter_dirty && counts_unknown(ctx)) {
			update_counts(ctx, true);
			draw_screen(ctx);
		}
		if (!ctx->filter_dirty)
			wait_for_input(ctx);
		if (!read_keys(ctx))
			return;
	}
}

/* Checks that the terminal can show the browser; prints why not. */
static bool
terminal_usable(const struct ui_options *o)
{
	const char	*term = getenv("TERM");

	if (!o->once && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
		fprintf(stderr, "fehrest: the browser needs a terminal, but "
		    "standard %s is not one; %s\n", isatty(STDIN_FILENO) ?
		    "output" : "input", plain_commands);
		return false;
	}
	if (term == NULL || *term == '\0') {
		fprintf(stderr, "fehrest: TERM is not set, so the browser "
		    "cannot drive the terminal; set TERM (for example "
		    "TERM=xterm-256color), or %s\n", plain_commands);
		return false;
	}
	if (strcmp(term, "dumb") == 0) {
		fprintf(stderr, "fehrest: TERM=dumb cannot move the cursor, "
		    "which the browser needs; %s\n", plain_commands);
		return false;
	}
	return true;
}

static void
setup_colours(struct pane_context *ctx)
{
	const char	*no_color = getenv("NO_COLOR");
	bool		 colour;

	colour = has_colors() && (no_color == NULL || *no_color == '\0');
	if (colour) {
		start_color();
		if (use_default_colors() != OK)
			assume_default_colors(COLOR_WHITE, COLOR_BLACK);
	}
	draw_style_init(&ctx->style, colour);
}

/* Starts curses on the terminal. Returns the screen, or NULL. */
static SCREEN *
start_curses(void)
{
	SCREEN		*screen;
	const char	*term = getenv("TERM");
	char		*cup;

	screen = newterm(NULL, stdout, stdin);
	if (screen == NULL) {
		fprintf(stderr, "fehrest: the terminal type '%s' is unknown "
		    "here (no terminfo entry); set TERM to a known type such "
		    "as xterm-256color, or %s\n", term, plain_commands);
		return NULL;
	}
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		endwin();
		delscreen(screen);
		fprintf(stderr, "fehrest: the terminal type '%s' cannot move "
		    "the cursor, which the browser needs; %s\n", term,
		    plain_commands);
		return NULL;
	}
	curses_active = true;
	fatal_set_cleanup(end_screen);
	set_escdelay(ESCAPE_DELAY_MS);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	curs_set(0);
	mousemask(BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	return screen;
}

static void
stop_curses(SCREEN *screen)
{
	end_screen();
	fatal_set_cleanup(NULL);
	delscreen(screen);
}

static struct catalogue *
open_catalogue(const struct ui_options *o)
{
	struct catalogue	*c;
	const char		*path;
	char			*error;

	path = o->catalogue != NULL ? o->catalogue : catalogue_bundled_path();
	if (catalogue_open(path, CATALOGUE_READ, &c, &error) != 0) {
		fprintf(stderr, "fehrest: %s\n", error);
		free(error);
		return NULL;
	}
	return c;
}

/* Opens the view and applies the --query filter; prints errors. */
static bool
start_view(struct pane_context *ctx, const struct ui_options *o)
{
	char	*error = NULL;

	layout(ctx);
	if (view_open(ctx->view, ctx->cat, ctx->list.h, &error) != 0) {
		end_screen();
		fprintf(stderr, "fehrest: %s\n", error);
		free(error);
		return false;
	}
	if (o->query != NULL) {
		buf_addstr(&ctx->search_state.input, o->query);
		ctx->search_state.cursor = ctx->search_state.input.len;
		apply_filter(ctx, false);
	}
	if (!catalogue_fold_current(ctx->cat))
		pane_set_message(ctx, "another fehrest built the index: "
		    "import to rebuild it");
	return true;
}

int
ui_run(const struct ui_options *o)
{
	struct pane_context	 ctx;
	struct view		 view;
	SCREEN			*screen;
	int			 status = 0, signo;

	memset(&ctx, 0, sizeof ctx);
	/* layout() sizes the list before view_open(): an empty view is safe. */
	memset(&view, 0, sizeof view);
	ctx.view = &view;
	ctx.bidi = bidi_resolve(o->bidi);
	/* The catalogue first: a missing or unreadable file is the problem
	   to report, even when there is no terminal either. */
	if ((ctx.cat = open_catalogue(o)) == NULL)
		return 2;
	if (!terminal_usable(o)) {
		catalogue_close(ctx.cat);
		return 2;
	}
	if (install_signals() != 0) {
		fprintf(stderr, "fehrest: creating a pipe for signals failed: "
		    "%s\n", strerror(errno));
		catalogue_close(ctx.cat);
		return 2;
	}
	if ((screen = start_curses()) == NULL) {
		restore_signals();
		catalogue_close(ctx.cat);
		return 2;
	}
	start_vte_explicit(ctx.bidi);
	setup_colours(&ctx);

	if (!start_view(&ctx, o)) {
		stop_curses(screen);
		restore_signals();
		catalogue_close(ctx.cat);
		return 2;
	}
	if (o->once) {
		update_counts(&ctx, false);
		draw_screen(&ctx);
	} else {
		start_clusters(&ctx);
		run_loop(&ctx);
	}

	stop_curses(screen);
	clusters_stop(ctx.dupes.job);
	duplicates_free(&ctx.dupes.found);
	pane_dupes.close(&ctx);
	pane_prompt.close(&ctx);
	signo = quit_signal;
	restore_signals();
	view_close(&view);
	pane_search_free(&ctx);
	free(ctx.message);
	catalogue_close(ctx.cat);
	if (signo != 0) {
		/* Die by the same signal, so that the shell reports it. */
		raise(signo);
		status = 128 + signo;
	}
	return status;
}
