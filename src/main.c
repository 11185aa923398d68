/*
 * fehrest: command-line parsing and dispatch to the browser or to a
 * headless command.
 */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bidi.h"
#include "buf.h"
#include "cli.h"
#include "ui.h"
#include "xmalloc.h"

static const char usage_text[] =
"usage: fehrest [OPTION]... [CATALOGUE]\n"
"       fehrest list   [--catalogue PATH] [--format text|tsv|json]\n"
"       fehrest search QUERY... [--catalogue PATH] [--format text|tsv|json]\n"
"       fehrest show   NUMBER [--catalogue PATH] [--format text|tsv|json]\n"
"       fehrest dupes  [--catalogue PATH] [--format text|tsv|csv|json]\n"
"       fehrest import FILE... --into CATALOGUE [--format FORMAT]\n"
"                      [--skip-invalid] [--name NAME] [--quiet]\n"
"       fehrest export [--catalogue PATH]\n"
"                      [--format bibtex|ris|csv|tsv|json] [QUERY]\n"
"\n"
"Browse, search and deduplicate a catalogue of journal articles. With no\n"
"command, fehrest opens CATALOGUE (by default the bundled catalogue of 17\n"
"articles) in the terminal browser; press ? there for the keys.\n"
"\n"
"Commands:\n"
"  list            print every article: number, title, authors\n"
"  search QUERY    print the articles matching QUERY: all words must match,\n"
"                  each by prefix; \"a phrase\"; title:, author:, abstract:\n"
"                  restrict a word to a field; -word excludes a word\n"
"  show NUMBER     print one article in full\n"
"  dupes           print the clusters of duplicate articles\n"
"  import FILE...  add listing, CSV, TSV, BibTeX or RIS files to a catalogue\n"
"  export [QUERY]  write the catalogue, or the articles matching QUERY\n"
"\n"
"Options:\n"
"  -c, --catalogue PATH   the catalogue file to read (default: bundled)\n"
"  -f, --format FORMAT    output format: text (default, fitted to the\n"
"                         terminal width), tsv or json; for dupes also csv;\n"
"                         for export bibtex (default), ris, csv, tsv or\n"
"                         json (CSL-JSON, which import cannot read);\n"
"                         for import the input format (default: detected)\n"
"  -i, --into PATH        import: the catalogue to add to (created if new)\n"
"      --skip-invalid     import: skip records without a title or with an\n"
"                         unreadable year instead of stopping\n"
"      --name NAME        import: the catalogue's display name\n"
"      --bundle           import: mark the catalogue as the bundled one,\n"
"                         which no later import may change (for make)\n"
"  -q, --quiet            import: no notes or progress on stderr\n"
"      --bidi=MODE        right-to-left text: 'app' reorders each line into\n"
"                         visual order, 'terminal' leaves that to the\n"
"                         terminal, 'auto' (default) uses app inside tmux or\n"
"                         screen and where the terminal is not known to\n"
"                         reorder (Konsole is); output to a file or pipe\n"
"                         keeps logical order\n"
"  -w, --width COLUMNS    text output width (default: the terminal's)\n"
"      --once             browser: draw the first screen and exit\n"
"  -h, --help             show this help and exit\n"
"  -V, --version          show the version and exit\n"
"\n"
"Exit status: 0 when something was printed, 1 when nothing matched,\n"
"2 on an error. See fehrest(1) for the keys, files and environment.\n";

enum {
	OPT_SKIP_INVALID = 256,
	OPT_BIDI,
	OPT_NAME,
	OPT_BUNDLE,
	OPT_ONCE,
	OPT_QUERY,
};

static const struct option long_options[] = {
	{ "catalogue",		required_argument, NULL, 'c' },
	{ "catalog",		required_argument, NULL, 'c' },
	{ "format",		required_argument, NULL, 'f' },
	{ "into",		required_argument, NULL, 'i' },
	{ "skip-invalid",	no_argument,	   NULL, OPT_SKIP_INVALID },
	{ "name",		required_argument, NULL, OPT_NAME },
	{ "quiet",		no_argument,	   NULL, 'q' },
	{ "bidi",		required_argument, NULL, OPT_BIDI },
	{ "width",		required_argument, NULL, 'w' },
	{ "once",		no_argument,	   NULL, OPT_ONCE },
	{ "query",		required_argument, NULL, OPT_QUERY },
	{ "bundle",		no_argument,	   NULL, OPT_BUNDLE },
	{ "help",		no_argument,	   NULL, 'h' },
	{ "version",		no_argument,	   NULL, 'V' },
	{ NULL,			0,		   NULL, 0 },
};

static void usage_error(const char *, const char *)
    __attribute__((format(printf, 1, 0), noreturn));

static void
usage_error(const char *fmt, const char *value)
{
	fputs("fehrest: ", stderr);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	fprintf(stderr, fmt, value);
#pragma GCC diagnostic pop
	fputs("; see 'fehrest --help'\n", stderr);
	exit(2);
}

/* Joins the remaining arguments with spaces, allocated. */
static char *
join_args(char **argv, int argc)
{
	size_t	 len = 1;
	char	*s;
	int	 i;

	for (i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	s = xcalloc(1, len);
	for (i = 0; i < argc; i++) {
		if (i > 0)
			strcat(s, " ");
		strcat(s, argv[i]);
	}
	return s;
}

/* Returns whether arg is an option whose value is the next argument. */
static bool
option_takes_value(const char *arg)
{
	static const char *valued[] = {
		"-c", "-f", "-i", "-w", "--catalogue", "--catalog", "--format",
		"--into", "--width", "--bidi", "--name", "--query",
	};
	size_t	i;

	for (i = 0; i < sizeof valued / sizeof *valued; i++) {
		if (strcmp(arg, valued[i]) == 0)
			return true;
	}
	return false;
}

static void option_error(const char *, const char *)
    __attribute__((format(printf, 1, 0), noreturn));

/* Reports a bad option in the program's own words and exits with 2. */
static void
option_error(const char *fmt, const char *option)
{
	fputs("fehrest: ", stderr);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	fprintf(stderr, fmt, option);
#pragma GCC diagnostic pop
	fputs("; see 'fehrest --help'\n", stderr);
	exit(2);
}

/*
 * Returns whether arg ("-fjson", "-q") is a cluster of this program's
 * short options. A word such as "-ternary" or "-quantum" is not, and
 * after search or export it means "exclude this word".
 */
static bool
is_option_cluster(const char *arg)
{
	const char	*p;

	for (p = arg + 1; *p != '\0'; p++) {
		if (strchr("cfiw", *p) != NULL)
			return true;		/* the rest is its value */
		if (strchr("qhV", *p) == NULL)
			return false;
	}
	return true;
}

/*
 * Takes the "-word" exclusions out of the arguments of search and
 * export, before getopt would read them as options, and returns them
 * joined by spaces (allocated), or NULL. *argc is updated.
 */
static char *
take_exclusions(int argc, char **argv, int *newargc)
{
	struct buf	 b;
	const char	*command = NULL;
	int		 i, out;

	*newargc = argc;
	for (i = 1; i < argc && command == NULL; i++) {
		if (strcmp(argv[i], "--") == 0)
			return NULL;
		if (argv[i][0] != '-') {
			if (strcmp(argv[i], "search") == 0 ||
			    strcmp(argv[i], "export") == 0)
				command = argv[i];
			else if (i == 1 || argv[i - 1][0] != '-' ||
			    strchr(argv[i - 1], '=') != NULL ||
			    !option_takes_value(argv[i - 1]))
				return NULL;	/* another command */
		}
	}
	if (command == NULL)
		return NULL;
	buf_init(&b);
	for (out = i; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (i < argc)
				argv[out++] = argv[i++];
			break;
		}
		if (argv[i][0] == '-' && argv[i][1] != '\0' &&
		    argv[i][1] != '-' && !is_option_cluster(argv[i])) {
			if (b.len > 0)
				buf_addch(&b, ' ');
			buf_addstr(&b, argv[i]);
		} else
			argv[out++] = argv[i];
	}
	*newargc = out;
	argv[out] = NULL;
	return b.len > 0 ? buf_take(&b) : NULL;
}

static int
run_command(const char *command, struct cli_options *o, char **args,
    int nargs)
{
	char	*query;
	int	 status;

	if (strcmp(command, "list") == 0) {
		if (nargs > 0)
			usage_error("list: unexpected argument '%s'", args[0]);
		return cli_list(o);
	}
	if (strcmp(command, "search") == 0) {
		if (nargs == 0)
			usage_error("search: no query given%s", "");
		query = join_args(args, nargs);
		status = cli_search(o, query);
		free(query);
		return status;
	}
	if (strcmp(command, "show") == 0) {
		if (nargs != 1)
			usage_error("show: give exactly one article number%s",
			    "");
		return cli_show(o, args[0]);
	}
	if (strcmp(command, "import") == 0)
		return cli_import(o, args, nargs);
	if (strcmp(command, "export") == 0) {
		query = nargs > 0 ? join_args(args, nargs) : NULL;
		status = cli_export(o, query);
		free(query);
		return status;
	}
	if (strcmp(command, "dupes") == 0) {
		if (nargs > 0)
			usage_error("dupes: unexpected argument '%s'", args[0]);
		return cli_dupes(o);
	}
	usage_error("unknown command '%s'", command);
	return 2;
}

int
main(int argc, char **argv)
{
	struct cli_options	 o;
	struct ui_options	 ui;
	const char		*query = NULL;
	char			*exclusions, *end;
	bool			 once = false;
	long			 width;
	int			 ch, f;

	setlocale(LC_ALL, "");
	/*
	 * A file size limit makes writes past it fail with EFBIG, which is
	 * reported like any failed write, instead of killing fehrest.
	 */
	signal(SIGXFSZ, SIG_IGN);
	memset(&o, 0, sizeof o);
	o.bidi = BIDI_AUTO;
	exclusions = take_exclusions(argc, argv, &argc);
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":c:f:i:qw:hV", long_options,
	    NULL)) != -1) {
		switch (ch) {
		case 'c':
			o.catalogue = optarg;
			break;
		case 'f':
			if ((f = cli_format_from_name(optarg)) == -1)
				usage_error("unknown format '%s': use text, tsv, "
				    "json, csv, bibtex, ris or listing", optarg);
			o.format = f;
			o.format_set = true;
			break;
		case 'i':
			o.into = optarg;
			break;
		case 'q':
			o.quiet = true;
			break;
		case 'w':
			errno = 0;
			width = strtol(optarg, &end, 10);
			if (errno != 0 || end == optarg || *end != '\0' ||
			    width < 1 || width > 10000)
				usage_error("invalid --width '%s': give a number "
				    "of columns from 1 to 10000", optarg);
			o.width = (int)width;
			break;
		case OPT_SKIP_INVALID:
			o.skip_invalid = true;
			break;
		case OPT_NAME:
			o.name = optarg;
			break;
		case OPT_BUNDLE:
			o.bundle = true;
			break;
		case OPT_BIDI:
			if ((f = bidi_mode_from_name(optarg)) == -1)
				usage_error("invalid --bidi '%s': use app, "
				    "terminal or auto", optarg);
			o.bidi = f;
			break;
		case OPT_ONCE:
			once = true;
			break;
		case OPT_QUERY:
			query = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return 0;
		case 'V':
			printf("fehrest %s\n", FEHREST_VERSION);
			return 0;
		case ':':
			option_error("option %s needs a value", argv[optind - 1]);
			break;
		default:
			option_error("unknown option %s", argv[optind - 1]);
			break;
		}
	}
	argc -= optind;
	argv += optind;

	if (exclusions != NULL) {
		/* The excluded words join the query's other words. */
		argv[argc++] = exclusions;
	}
	if (argc > 0 && (strcmp(argv[0], "list") == 0 ||
	    strcmp(argv[0], "search") == 0 || strcmp(argv[0], "show") == 0 ||
	    strcmp(argv[0], "import") == 0 || strcmp(argv[0], "export") == 0 ||
	    strcmp(argv[0], "dupes") == 0))
		return run_command(argv[0], &o, argv + 1, argc - 1);
	if (argc > 1)
		usage_error("unknown command '%s'", argv[0]);
	/* A bare word that names no file is more likely a mistyped command. */
	if (argc == 1 && access(argv[0], F_OK) != 0 &&
	    strpbrk(argv[0], "/.") == NULL)
		usage_error("'%s' is neither a command nor a catalogue file; the "
		    "commands are list, search, show, dupes, import and export",
		    argv[0]);
	if (o.format_set)
		usage_error("--format applies to the commands, not to the "
		    "browser%s", "");

	memset(&ui, 0, sizeof ui);
	ui.catalogue = argc == 1 ? argv[0] : o.catalogue;
	ui.bidi = o.bidi;
	ui.once = once;
	ui.query = query;
	return ui_run(&ui);
}
