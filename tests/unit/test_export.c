/*
 * Tests of the exporters. Records read from each test file, written in
 * each format and read back must have the same fields. Other tests
 * cover BibTeX keys, the CSL-JSON and RIS text, and write errors.
 */
#include "unit.h"
#include "collect.h"

#include <ctype.h>
#include <errno.h>

#include "export.h"
#include "import.h"
#include "record.h"

/* Fields a round trip through a format keeps. */
enum {
	KEEP_BYLINE = 1 << 0,	/* the byline as the source printed it */
	KEEP_NAMES = 1 << 1,	/* each person's displayed name */
	KEEP_EXTRA = 1 << 2,	/* record.extra */
	KEEP_LITERAL = 1 << 3,	/* literal names such as organisations */
	/* The format turns tabs and line breaks into spaces (TSV). */
	FLAT_BREAKS = 1 << 4,
	/* The format's keys are made up for ids without a letter (BibTeX). */
	KEYS_NEED_LETTER = 1 << 5,
};

static bool
has_letter(const char *s)
{
	for (; *s != '\0'; s++) {
		if (isalpha((unsigned char)*s))
			return true;
	}
	return false;
}

/* Returns s with each tab, CR, LF or CRLF replaced by a space, allocated. */
static char *
flatten(const char *s)
{
	char	*out, *q;

	if (s == NULL)
		return NULL;
	out = xmalloc(strlen(s) + 1);
	for (q = out; *s != '\0'; s++) {
		if (s[0] == '\r' && s[1] == '\n')
			continue;
		*q++ = *s == '\t' || *s == '\r' || *s == '\n' ? ' ' : *s;
	}
	*q = '\0';
	return out;
}

static const char *
format_import_name(enum import_format f)
{
	return import_format_name(f);
}

/* Writes records in format to an allocated string. */
static char *
export_to_string(const struct export_format *format,
    const struct collected *c, bool keep_ids)
{
	struct export_options	 options = { keep_ids };
	struct export_writer	*w;
	FILE			*fp;
	char			*text, *error = NULL;
	size_t			 size, i;

	fp = open_memstream(&text, &size);
	assert_non_null(fp);
	w = export_new(format, fp, "memory", &options);
	assert_int_equal(export_begin(w, &error), 0);
	for (i = 0; i < c->n; i++)
		assert_int_equal(export_record(w, &c->records[i], &error), 0);
	assert_int_equal(export_end(w, &error), 0);
	export_free(w);
	fclose(fp);
	return text;
}

static void
assert_same_text(const char *field, const char *a, const char *b)
{
	if (a == NULL || b == NULL) {
		print_message("field %s: %s / %s\n", field,
		    a == NULL ? "NULL" : a, b == NULL ? "NULL" : b);
		assert_true(a == b);
		return;
	}
	if (strcmp(a, b) != 0)
		print_message("field %s differs\n", field);
	assert_string_equal(a, b);
}

static void
assert_same_record(const struct record *a, const struct record *b,
    int keep)
{
	char	*abstract;
	size_t	 i;

	assert_same_text("title", a->title, b->title);
	abstract = keep & FLAT_BREAKS ? flatten(a->abstract) :
	    a->abstract == NULL ? NULL : xstrdup(a->abstract);
	assert_same_text("abstract", abstract, b->abstract);
	free(abstract);
	assert_int_equal(a->year, b->year);
	assert_same_text("journal", a->journal, b->journal);
	assert_same_text("volume", a->volume, b->volume);
	assert_same_text("issue", a->issue, b->issue);
	assert_same_text("pages", a->pages, b->pages);
	assert_same_text("doi", a->doi, b->doi);
	assert_same_text("url", a->url, b->url);
	assert_same_text("keywords", a->keywords, b->keywords);
	assert_same_text("isbn", a->isbn, b->isbn);
	/*
	 * BibTeX makes up a key for a record that has none, or whose id is
	 * a bare number.
	 */
	if (a->source_id != NULL && (!(keep & KEYS_NEED_LETTER) ||
	    has_letter(a->source_id)))
		assert_same_text("source_id", a->source_id, b->source_id);
	if (a->source_id != NULL && (keep & KEYS_NEED_LETTER) &&
	    !has_letter(a->source_id))
		assert_true(has_letter(b->source_id));
	if (a->type != NULL || b->type != NULL)
		assert_same_text("type", a->type == NULL ? "article" : a->type,
		    b->type == NULL ? "article" : b->type);
	if (keep & KEEP_BYLINE)
		assert_same_text("byline", a->byline, b->byline);
	if (keep & KEEP_EXTRA)
		assert_same_text("extra", a->extra, b->extra);
	assert_int_equal(a->nauthors, b->nauthors);
	for (i = 0; i < a->nauthors; i++) {
		if (!(keep & KEEP_LITERAL) && a->authors[i].family == NULL)
			continue;
		assert_same_text("family", a->authors[i].family,
		    b->authors[i].family);
		assert_same_text("given", a->authors[i].given,
		    b->authors[i].given);
		if (keep & KEEP_NAMES)
			assert_same_text("name", a->authors[i].name,
			    b->authors[i].name);
	}
}

struct trip {
	const char		*file;
	enum import_format	 from;
	const struct export_format *to;
	enum import_format	 back;
	int			 keep;
};

static void
run_trip(const struct trip *t)
{
	struct collected	 first = { NULL, 0 }, second = { NULL, 0 };
	char			*text, *error;
	size_t			 i;

	print_message("%s as %s to %s\n", t->file,
	    format_import_name(t->from), format_import_name(t->back));
	assert_int_equal(parse_data_file(t->from, t->file, &first, &error), 0);
	assert_true(first.n > 0);
	text = export_to_string(t->to, &first, true);
	error = NULL;
	if (parse_string(t->back, "exported", text, &second, &error) != 0)
		print_message("%s\n%s\n", error, text);
	assert_null(error);
	assert_int_equal(second.n, first.n);
	for (i = 0; i < first.n; i++) {
		print_message("record %zu\n", i);
		assert_same_record(&first.records[i], &second.records[i],
		    t->keep);
	}
	free(text);
	collected_free(&first);
	collected_free(&second);
}

static void
test_export_same_format_round_trips(void **state)
{
	static const struct trip trips[] = {
		{ "tests/data/sample.bib", IMPORT_BIBTEX, &export_bibtex,
		  IMPORT_BIBTEX, KEEP_NAMES | KEEP_EXTRA | KEEP_LITERAL },
		{ "tests/data/sample.ris", IMPORT_RIS, &export_ris, IMPORT_RIS,
		  KEEP_BYLINE | KEEP_NAMES | KEEP_EXTRA | KEEP_LITERAL },
		{ "tests/data/sample-crlf.ris", IMPORT_RIS, &export_ris,
		  IMPORT_RIS, KEEP_BYLINE | KEEP_NAMES | KEEP_EXTRA },
		/*
		 * The author column is written as "Family, Given", so bylines
		 * such as "Bluher M." come back as "Bluher, M." and the
		 * displayed name as "M. Bluher"; family and given names stay.
		 */
		{ "tests/data/diabetes-sample.csv", IMPORT_CSV, &export_csv,
		  IMPORT_CSV, KEEP_EXTRA },
		{ "tests/data/diabetes-sample.csv", IMPORT_CSV, &export_tsv,
		  IMPORT_TSV, KEEP_EXTRA | FLAT_BREAKS },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof trips / sizeof trips[0]; i++)
		run_trip(&trips[i]);
}

static void
test_export_cross_format_round_trips(void **state)
{
	static const struct trip trips[] = {
		/* CSV keeps everything, so anything goes through it. */
		{ "tests/data/sample.bib", IMPORT_BIBTEX, &export_csv,
		  IMPORT_CSV, KEEP_NAMES | KEEP_EXTRA | KEEP_LITERAL },
		{ "tests/data/sample.ris", IMPORT_RIS, &export_csv, IMPORT_CSV,
		  KEEP_NAMES | KEEP_EXTRA | KEEP_LITERAL },
		{ "tests/data/sample.bib", IMPORT_BIBTEX, &export_ris,
		  IMPORT_RIS, 0 },
		{ "tests/data/sample.ris", IMPORT_RIS, &export_bibtex,
		  IMPORT_BIBTEX, KEEP_NAMES | KEEP_LITERAL },
		{ "tests/data/diabetes-sample.csv", IMPORT_CSV, &export_bibtex,
		  IMPORT_BIBTEX, KEEP_LITERAL | KEYS_NEED_LETTER },
		{ "tests/data/diabetes-sample.csv", IMPORT_CSV, &export_ris,
		  IMPORT_RIS, KEEP_LITERAL },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof trips / sizeof trips[0]; i++)
		run_trip(&trips[i]);
}

/* Builds a record with the fields the Persian tests use. */
static void
persian_record(struct record *r, const char *id)
{
	record_init(r);
	record_set(&r->title, "شبکه‌های عصبی: a test & 100% {braces} ~ ^ \\");
	record_add_author(r, NULL, "مائده", "دهقان");
	record_add_author(r, NULL, "Seyed Ali", "ansarmohammadi");
	record_add_author(r, "Iran Telecom Research Center", NULL, NULL);
	record_add_author(r, NULL, NULL, "El Hachmane");
	record_set(&r->journal, "مجله ی شبکه");
	r->year = 1399;
	record_set(&r->pages, "12–34");
	record_set(&r->abstract, "Line one.\n\nLine \"two\", with a tab\there.");
	record_set(&r->source_id, id);
}

static void
test_export_persian_round_trips(void **state)
{
	static const struct {
		const struct export_format	*to;
		enum import_format		 back;
		int				 keep;
	} trips[] = {
		{ &export_bibtex, IMPORT_BIBTEX, KEEP_NAMES | KEEP_LITERAL },
		{ &export_csv, IMPORT_CSV, KEEP_NAMES | KEEP_LITERAL },
		{ &export_tsv, IMPORT_TSV, KEEP_NAMES | KEEP_LITERAL |
		  FLAT_BREAKS },
		{ &export_ris, IMPORT_RIS, KEEP_NAMES },
	};
	struct collected	 first = { NULL, 0 }, second = { NULL, 0 };
	char			*text, *error;
	size_t			 i;

	(void)state;
	first.records = xcalloc(2, sizeof *first.records);
	first.n = 2;
	persian_record(&first.records[0], "p1");
	persian_record(&first.records[1], "p2");
	for (i = 0; i < sizeof trips / sizeof trips[0]; i++) {
		text = export_to_string(trips[i].to, &first, true);
		print_message("%s\n", text);
		assert_int_equal(parse_string(trips[i].back, "p", text, &second,
		    &error), 0);
		assert_int_equal(second.n, 2);
		assert_same_record(&first.records[0], &second.records[0],
		    trips[i].keep);
		assert_same_record(&first.records[1], &second.records[1],
		    trips[i].keep);
		free(text);
		collected_free(&second);
	}
	collected_free(&first);
}

static void
test_export_bibtex_keys(void **state)
{
	struct collected	 c = { NULL, 0 };
	char			*text;
	size_t			 i;

	(void)state;
	c.records = xcalloc(5, sizeof *c.records);
	c.n = 5;
	for (i = 0; i < 3; i++) {
		record_init(&c.records[i]);
		record_set(&c.records[i].title, "The Ökonomie of Networks");
		record_add_author(&c.records[i], NULL, "Hans", "Müller-Łukasz");
		c.records[i].year = 2020;
		record_set(&c.records[i].source_id, "same id");
	}
	persian_record(&c.records[3], "p");
	record_init(&c.records[4]);
	record_set(&c.records[4].title, "A");
	text = export_to_string(&export_bibtex, &c, false);
	assert_non_null(strstr(text, "@article{mullerlukasz2020okonomie,\n"));
	assert_non_null(strstr(text, "@article{mullerlukasz2020okonomiea,\n"));
	assert_non_null(strstr(text, "@article{mullerlukasz2020okonomieb,\n"));
	/* The Persian record: a non-Latin name adds nothing to the key. */
	assert_non_null(strstr(text, "@article{1399test,\n"));
	assert_non_null(strstr(text, "@article{anon,\n"));
	assert_non_null(strstr(text, "  title = {{The Ökonomie of Networks}}"));
	assert_non_null(strstr(text, "  author = {دهقان, مائده and "
	    "ansarmohammadi, Seyed Ali and {Iran Telecom Research Center} and "
	    "El Hachmane,}"));
	assert_non_null(strstr(text, "  title = {{شبکه‌های عصبی: a test \\& "
	    "100\\% \\{braces\\} \\textasciitilde{} \\textasciicircum{} "
	    "\\textbackslash{}}}"));
	free(text);

	/* keep_ids uses a usable source id once, then makes keys up. */
	text = export_to_string(&export_bibtex, &c, true);
	assert_non_null(strstr(text, "@article{mullerlukasz2020okonomie,\n"));
	assert_non_null(strstr(text, "@article{p,\n"));
	free(text);
	collected_free(&c);
}

static void
test_export_json_text(void **state)
{
	struct collected	 c = { NULL, 0 };
	char			*text;
	const char		*expected =
	    "[\n"
	    "  {\n"
	    "    \"id\": \"p\",\n"
	    "    \"type\": \"article-journal\",\n"
	    "    \"title\": \"شبکه‌های عصبی: a test & 100% {braces} ~ ^ \\\\\",\n"
	    "    \"author\": [{\"family\": \"دهقان\", \"given\": \"مائده\"}, "
	    "{\"family\": \"ansarmohammadi\", \"given\": \"Seyed Ali\"}, "
	    "{\"literal\": \"Iran Telecom Research Center\"}, "
	    "{\"family\": \"El Hachmane\"}],\n"
	    "    \"issued\": {\"date-parts\": [[1399]]},\n"
	    "    \"container-title\": \"مجله ی شبکه\",\n"
	    "    \"page\": \"12–34\",\n"
	    "    \"abstract\": \"Line one.\\n\\nLine \\\"two\\\", with a tab\\there.\",\n"
	    "    \"ISSN\": \"0957-9672\"\n"
	    "  }\n"
	    "]\n";

	(void)state;
	c.records = xcalloc(1, sizeof *c.records);
	c.n = 1;
	persian_record(&c.records[0], "p");
	record_set(&c.records[0].isbn, "0957-9672");
	text = export_to_string(&export_json, &c, true);
	assert_string_equal(text, expected);
	free(text);
	c.n = 0;
	text = export_to_string(&export_json, &c, true);
	assert_string_equal(text, "[]\n");
	free(text);
	c.n = 1;
	collected_free(&c);
}

static void
test_export_ris_text(void **state)
{
	struct collected	 c = { NULL, 0 };
	char			*text;

	(void)state;
	c.records = xcalloc(1, sizeof *c.records);
	c.n = 1;
	record_init(&c.records[0]);
	record_set(&c.records[0].title, "T");
	record_add_author(&c.records[0], "John Smith, Jr", "John", "Smith");
	record_set(&c.records[0].pages, "221-8");
	record_set(&c.records[0].keywords, "a; b");
	record_set(&c.records[0].type, "inproceedings");
	c.records[0].year = 2001;
	text = export_to_string(&export_ris, &c, true);
	assert_string_equal(text, "TY  - CONF\nAU  - Smith, John, Jr\n"
	    "TI  - T\nPY  - 2001\nSP  - 221\nEP  - 8\nKW  - a\nKW  - b\n"
	    "ER  - \n\n");
	free(text);
	collected_free(&c);
}

static void
test_export_csv_header(void **state)
{
	struct collected	 c = { NULL, 0 };
	char			*text;

	(void)state;
	text = export_to_string(&export_csv, &c, false);
	assert_string_equal(text, "id,type,title,author,year,journal,volume,"
	    "issue,pages,doi,isbn,url,keywords,abstract,extra_json\r\n");
	free(text);
}

/* Returns line n (from 0) of text without its line end, allocated. */
static char *
line_of(const char *text, size_t n)
{
	const char	*end;

	for (; n > 0 && text != NULL; n--) {
		text = strchr(text, '\n');
		if (text != NULL)
			text++;
	}
	assert_non_null(text);
	end = text + strcspn(text, "\r\n");
	return xstrndup(text, (size_t)(end - text));
}

/*
 * Records from BibTeX, RIS and CSV give one author form in the CSV
 * export, "Family, Given; Family, Given", with the id and type filled.
 */
static void
test_export_csv_authors_one_form(void **state)
{
	static const struct {
		enum import_format	 from;
		const char		*text;
		const char		*row;
	} cases[] = {
		{ IMPORT_BIBTEX, "@article{k, author = {M\\\"uller, J\\\"org and "
		  "Dehghan, Maedeh and Fran\\c{c}ois P\\'erez}, title = {T1}, "
		  "year = 2020}\n",
		  "k,article,T1,\"M\xc3\xbcller, J\xc3\xb6rg; Dehghan, Maedeh; "
		  "P\xc3\xa9rez, Fran\xc3\xa7ois\",2020,,,,,,,,,," },
		{ IMPORT_RIS, "TY  - JOUR\nAU  - M\xc3\xbcller, J\xc3\xb6rg\n"
		  "AU  - Dehghan, Maedeh\nTI  - T2\nER  - \n",
		  "mullert2,article,T2,\"M\xc3\xbcller, J\xc3\xb6rg; Dehghan, "
		  "Maedeh\",,,,,,,,,,," },
		{ IMPORT_CSV, "title,author\nT3,Zo\xc3\xab \xc3\x85ngstr\xc3\xb6m; "
		  "S\xc3\xb8ren Kierkegaard\n",
		  "angstromt3,article,T3,\"\xc3\x85ngstr\xc3\xb6m, Zo\xc3\xab; "
		  "Kierkegaard, S\xc3\xb8ren\",,,,,,,,,,," },
	};
	struct collected	 c = { NULL, 0 }, back = { NULL, 0 };
	char			*text, *row, *error;
	size_t			 i, j;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		print_message("case %zu\n", i);
		assert_int_equal(parse_string(cases[i].from, "in", cases[i].text,
		    &c, &error), 0);
		text = export_to_string(&export_csv, &c, false);
		row = line_of(text, 1);
		assert_string_equal(row, cases[i].row);
		free(row);
		assert_int_equal(parse_string(IMPORT_CSV, "out", text, &back,
		    &error), 0);
		assert_int_equal(back.n, 1);
		assert_int_equal(back.records[0].nauthors, c.records[0].nauthors);
		for (j = 0; j < c.records[0].nauthors; j++) {
			assert_same_text("family", c.records[0].authors[j].family,
			    back.records[0].authors[j].family);
			assert_same_text("given", c.records[0].authors[j].given,
			    back.records[0].authors[j].given);
		}
		free(text);
		collected_free(&c);
		collected_free(&back);
	}
}

/*
 * One person whose parts hold several words would read as a comma list
 * of two; a trailing ';' keeps it one person. A part with a separator
 * goes in braces.
 */
static void
test_export_csv_author_edge_cases(void **state)
{
	struct collected	 c = { NULL, 0 }, back = { NULL, 0 };
	char			*text, *row, *error;

	(void)state;
	c.records = xcalloc(2, sizeof *c.records);
	c.n = 2;
	record_init(&c.records[0]);
	record_set(&c.records[0].title, "T");
	record_add_author(&c.records[0], NULL, "María José",
	    "Pérez García");
	record_init(&c.records[1]);
	record_set(&c.records[1].title, "U");
	record_add_author(&c.records[1], NULL, "Jane", "Smith and Wesson");
	record_add_author(&c.records[1], "World Health Organization", NULL,
	    NULL);
	text = export_to_string(&export_csv, &c, false);
	row = line_of(text, 1);
	assert_string_equal(row, "perezgarciat,article,T,\"Pérez García, "
	    "María José;\",,,,,,,,,,,");
	free(row);
	row = line_of(text, 2);
	assert_string_equal(row, "smithandwessonu,article,U,\"{Smith and "
	    "Wesson}, Jane; {World Health Organization}\",,,,,,,,,,,");
	free(row);
	assert_int_equal(parse_string(IMPORT_CSV, "out", text, &back, &error),
	    0);
	assert_int_equal(back.n, 2);
	assert_same_record(&c.records[0], &back.records[0],
	    KEEP_NAMES | KEEP_LITERAL);
	assert_same_record(&c.records[1], &back.records[1],
	    KEEP_NAMES | KEEP_LITERAL);
	free(text);
	collected_free(&c);
	collected_free(&back);
}

/*
 * TSV is one record a line with nothing quoted, and reads back: a
 * leading quote and NA stay text, line breaks and tabs become spaces.
 */
static void
test_export_tsv_text(void **state)
{
	struct collected	 c = { NULL, 0 }, back = { NULL, 0 };
	char			*text, *error;

	(void)state;
	c.records = xcalloc(3, sizeof *c.records);
	c.n = 3;
	record_init(&c.records[0]);
	record_set(&c.records[0].title, "\"Quoted\" title, with comma");
	record_set(&c.records[0].abstract, "Line one.\r\nLine\ttwo\n\nend");
	record_set(&c.records[0].source_id, "a");
	record_init(&c.records[1]);
	record_set(&c.records[1].title, "NA");
	record_set(&c.records[1].source_id, "b");
	record_init(&c.records[2]);
	record_set(&c.records[2].title, "\"Whole title in quotes\"");
	record_set(&c.records[2].abstract, "\"Open quote\n");
	record_set(&c.records[2].source_id, "c");
	text = export_to_string(&export_tsv, &c, false);
	assert_string_equal(text,
	    "id\ttype\ttitle\tauthor\tyear\tjournal\tvolume\tissue\tpages\t"
	    "doi\tisbn\turl\tkeywords\tabstract\textra_json\n"
	    "a\tarticle\t\"Quoted\" title, with comma\t\t\t\t\t\t\t\t\t\t\t"
	    "Line one. Line two  end\t\n"
	    "b\tarticle\tNA\t\t\t\t\t\t\t\t\t\t\t\t\n"
	    "c\tarticle\t\"Whole title in quotes\"\t\t\t\t\t\t\t\t\t\t\t"
	    "\"Open quote \t\n");
	assert_int_equal(parse_string(IMPORT_TSV, "out.tsv", text, &back,
	    &error), 0);
	assert_int_equal(back.n, 3);
	assert_string_equal(back.records[0].title, "\"Quoted\" title, with comma");
	assert_string_equal(back.records[0].abstract, "Line one. Line two  end");
	assert_string_equal(back.records[1].title, "NA");
	assert_string_equal(back.records[2].title, "\"Whole title in quotes\"");
	assert_string_equal(back.records[2].abstract, "\"Open quote ");
	free(text);
	collected_free(&c);
	collected_free(&back);
}

/* A RIS name with the Arabic comma becomes "Family, Given" in BibTeX. */
static void
test_export_arabic_comma_name(void **state)
{
	struct collected	 c = { NULL, 0 };
	char			*text, *error;

	(void)state;
	assert_int_equal(parse_string(IMPORT_RIS, "in.ris", "TY  - JOUR\n"
	    "AU  - \xd8\xaf\xd9\x87\xd9\x82\xd8\xa7\xd9\x86\xd8\x8c "
	    "\xd9\x85\xd8\xa7\xd8\xa6\xd8\xaf\xd9\x87\nTI  - T\nER  - \n",
	    &c, &error), 0);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.records[0].nauthors, 1);
	text = export_to_string(&export_bibtex, &c, false);
	assert_non_null(strstr(text, "  author = {\xd8\xaf\xd9\x87\xd9\x82"
	    "\xd8\xa7\xd9\x86, \xd9\x85\xd8\xa7\xd8\xa6\xd8\xaf\xd9\x87},"));
	free(text);
	collected_free(&c);
}

/*
 * Records with no Latin letter in name or title get "anon", the year
 * and a hash of the title, not a bare year; the same title twice gets
 * a letter after it.
 */
static void
test_export_bibtex_script_keys(void **state)
{
	static const char *const titles[] = {
		"\xd8\xb4\xd8\xa8\xda\xa9\xd9\x87 \xd8\xb9\xd8\xb5\xd8\xa8\xdb\x8c",
		"\xd9\x85\xd8\xaf\xd9\x84 \xd8\xb2\xd8\xa8\xd8\xa7\xd9\x86",
		"\xd8\xb4\xd8\xa8\xda\xa9\xd9\x87 \xd8\xb9\xd8\xb5\xd8\xa8\xdb\x8c",
	};
	struct collected	 c = { NULL, 0 };
	char			*text;
	size_t			 i;

	(void)state;
	c.records = xcalloc(4, sizeof *c.records);
	c.n = 4;
	for (i = 0; i < 3; i++) {
		record_init(&c.records[i]);
		record_set(&c.records[i].title, titles[i]);
		record_add_author(&c.records[i], NULL, "\xd9\x85\xd8\xa7\xd8\xa6"
		    "\xd8\xaf\xd9\x87", "\xd8\xaf\xd9\x87\xd9\x82\xd8\xa7\xd9\x86");
		c.records[i].year = 1400;
	}
	record_init(&c.records[3]);
	record_add_author(&c.records[3], NULL, NULL,
	    "\xd8\xaf\xd9\x87\xd9\x82\xd8\xa7\xd9\x86");
	text = export_to_string(&export_bibtex, &c, false);
	assert_non_null(strstr(text, "@article{anon14002aef5d,\n"));
	assert_non_null(strstr(text, "@article{anon14000f96b3,\n"));
	assert_non_null(strstr(text, "@article{anon14002aef5da,\n"));
	assert_non_null(strstr(text, "@article{anon,\n"));
	assert_null(strstr(text, "@article{1400"));
	free(text);
	collected_free(&c);
}

static void
test_export_write_error(void **state)
{
	struct export_writer	*w;
	struct record		 r;
	FILE			*fp;
	char			*error = NULL;

	(void)state;
	fp = fopen("/dev/full", "w");
	if (fp == NULL) {
		print_message("# /dev/full is missing; nothing to test\n");
		return;
	}
	setvbuf(fp, NULL, _IONBF, 0);
	record_init(&r);
	record_set(&r.title, "T");
	w = export_new(&export_csv, fp, "out.csv", NULL);
	assert_int_equal(export_begin(w, &error), -1);
	assert_string_equal(error, "out.csv: writing the csv export failed: "
	    "No space left on device; check that the disk has space, the file "
	    "is writable and no file size limit (ulimit -f) is in the way");
	free(error);
	export_free(w);
	fclose(fp);
	record_clear(&r);
}

static void
test_export_format_find(void **state)
{
	(void)state;
	assert_ptr_equal(export_format_find("bibtex"), &export_bibtex);
	assert_ptr_equal(export_format_find("BIB"), &export_bibtex);
	assert_ptr_equal(export_format_find("ris"), &export_ris);
	assert_ptr_equal(export_format_find("csv"), &export_csv);
	assert_ptr_equal(export_format_find("tsv"), &export_tsv);
	assert_ptr_equal(export_format_find("json"), &export_json);
	assert_null(export_format_find("xml"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_export_same_format_round_trips),
		cmocka_unit_test(test_export_cross_format_round_trips),
		cmocka_unit_test(test_export_persian_round_trips),
		cmocka_unit_test(test_export_bibtex_keys),
		cmocka_unit_test(test_export_json_text),
		cmocka_unit_test(test_export_ris_text),
		cmocka_unit_test(test_export_csv_header),
		cmocka_unit_test(test_export_csv_authors_one_form),
		cmocka_unit_test(test_export_csv_author_edge_cases),
		cmocka_unit_test(test_export_tsv_text),
		cmocka_unit_test(test_export_arabic_comma_name),
		cmocka_unit_test(test_export_bibtex_script_keys),
		cmocka_unit_test(test_export_write_error),
		cmocka_unit_test(test_export_format_find),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
