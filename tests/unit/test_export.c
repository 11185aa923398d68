/*
 * Tests of the exporters. Records read from each test file, written in
 * each format and read back must have the same fields. Other tests
 * cover BibTeX keys, the CSL-JSON and RIS text, and write errors.
 */
#include "unit.h"
#include "collect.h"

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
};

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
	size_t	i;

	assert_same_text("title", a->title, b->title);
	assert_same_text("abstract", a->abstract, b->abstract);
	assert_int_equal(a->year, b->year);
	assert_same_text("journal", a->journal, b->journal);
	assert_same_text("volume", a->volume, b->volume);
	assert_same_text("issue", a->issue, b->issue);
	assert_same_text("pages", a->pages, b->pages);
	assert_same_text("doi", a->doi, b->doi);
	assert_same_text("url", a->url, b->url);
	assert_same_text("keywords", a->keywords, b->keywords);
	assert_same_text("isbn", a->isbn, b->isbn);
	/* BibTeX makes up a key for a record that has none. */
	if (a->source_id != NULL)
		assert_same_text("source_id", a->source_id, b->source_id);
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
		{ "tests/data/diabetes-sample.csv", IMPORT_CSV, &export_csv,
		  IMPORT_CSV, KEEP_BYLINE | KEEP_NAMES | KEEP_EXTRA },
		{ "tests/data/diabetes-sample.csv", IMPORT_CSV, &export_tsv,
		  IMPORT_TSV, KEEP_BYLINE | KEEP_NAMES | KEEP_EXTRA },
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
		  IMPORT_BIBTEX, KEEP_LITERAL },
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
		{ &export_tsv, IMPORT_TSV, KEEP_NAMES | KEEP_LITERAL },
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
	/* The Persian record: a non-Latin name and title give only the year. */
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
	    "No space left on device; check that the disk has space and the "
	    "file is writable");
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
		cmocka_unit_test(test_export_write_error),
		cmocka_unit_test(test_export_format_find),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
