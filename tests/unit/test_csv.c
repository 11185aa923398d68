/*
 * Tests of the CSV and TSV reader: RFC 4180 quoting, line ends, the
 * header's column names, Windows-1252 repair on rows of a real export
 * (tests/data/diabetes-sample.csv), and the messages for bad input.
 */
#include "unit.h"
#include "collect.h"

#include "extra.h"
#include "import.h"
#include "record.h"

static void
test_csv_diabetes_sample(void **state)
{
	struct import_context	 ctx;
	struct collected	 c = { NULL, 0 };
	struct record		*r;
	char			*data, *error;
	size_t			 len;

	(void)state;
	data = read_whole_file(unit_data_path("tests/data/diabetes-sample.csv"),
	    &len);
	assert_non_null(data);
	memset(&ctx, 0, sizeof ctx);
	ctx.path = "diabetes-sample.csv";
	assert_int_equal(parse_data(&ctx, IMPORT_CSV, data, len, &c, &error),
	    0);
	free(data);
	assert_int_equal(c.n, 5);
	assert_int_equal(ctx.records, 5);
	/* Three abstracts hold a bare 0xA9 byte: Windows-1252's sign. */
	assert_int_equal(ctx.repaired, 3);
	assert_int_equal(ctx.first_repaired_line, 2);

	r = &c.records[0];
	assert_int_equal(r->line, 2);
	assert_string_equal(r->source_id, "1480");
	assert_string_equal(r->title,
	    "Importance of adipokines in glucose homeostasis");
	assert_int_equal(r->year, 2013);
	assert_string_equal(r->journal, "Diabetes Management");
	assert_string_equal(r->volume, "3");
	assert_string_equal(r->issue, "5");
	assert_string_equal(r->pages, "389-400");
	assert_string_equal(r->doi, "http://dx.doi.org/10.2217/dmt.13.35");
	assert_string_equal(r->isbn, "1758-1907 1758-1915");
	assert_non_null(strstr(r->abstract,
	    "in glucose homeostasis. \xc2\xa9 2013 Future Medicine Ltd."));
	assert_string_equal(r->extra,
	    "{\"label\":\"In_database\",\"source\":\"unique\"}");
	assert_string_equal(r->byline, "Bluher M.");
	assert_int_equal(r->nauthors, 1);
	assert_string_equal(r->authors[0].family, "Bluher");
	assert_string_equal(r->authors[0].given, "M.");
	assert_string_equal(r->source_file, "diabetes-sample.csv");

	r = &c.records[1];
	assert_int_equal(r->line, 4);
	assert_string_equal(r->source_id, "375");
	assert_int_equal(r->nauthors, 5);
	assert_string_equal(r->authors[0].name, "Komohara Y.");
	assert_string_equal(r->authors[4].family, "Takeya");
	assert_string_equal(r->authors[4].given, "M.");

	r = &c.records[3];
	assert_int_equal(r->line, 8);
	assert_string_equal(r->source_id, "1471");
	/* An unquoted NA is R's missing value. */
	assert_null(r->abstract);

	r = &c.records[4];
	assert_int_equal(r->line, 10);
	assert_string_equal(r->source_id, "1625");
	assert_null(r->issue);
	assert_string_equal(r->extra,
	    "{\"label\":\"In_database\",\"source\":\"duplicate\"}");
	assert_int_equal(r->nauthors, 2);
	assert_string_equal(r->authors[1].family, "Franz");
	assert_string_equal(r->authors[1].given, "W. M.");
	collected_free(&c);
}

static void
test_csv_quoting(void **state)
{
	struct collected	 c = { NULL, 0 };
	struct record		*r;
	char			*error;
	const char		*csv =
	    "\xef\xbb\xbfTitle,Authors,Year,Abstract,Pages,Note\r\n"
	    "\"A, \"\"quoted\"\" title\",\"Doe, Jane\",2019,\"line one\r\n"
	    "line two\",1-2,kept\r\n"
	    "\r\n"
	    "Plain title,,\"2020\",\"NA\",NA,,extra cell\r\n"
	    "\"Quoted\" rest of title,,2021,,,\n"
	    "Last row without line end,,2022";

	(void)state;
	assert_int_equal(parse_string(IMPORT_CSV, "q.csv", csv, &c, &error),
	    0);
	assert_int_equal(c.n, 4);

	r = &c.records[0];
	assert_int_equal(r->line, 2);
	assert_string_equal(r->title, "A, \"quoted\" title");
	assert_string_equal(r->byline, "Doe, Jane");
	assert_int_equal(r->nauthors, 1);
	assert_string_equal(r->authors[0].given, "Jane");
	assert_int_equal(r->year, 2019);
	assert_string_equal(r->abstract, "line one\nline two");
	assert_string_equal(r->pages, "1-2");
	assert_string_equal(r->extra, "{\"Note\":\"kept\"}");

	r = &c.records[1];
	assert_int_equal(r->line, 5);
	assert_string_equal(r->title, "Plain title");
	assert_null(r->byline);
	assert_int_equal(r->year, 2020);
	/* A quoted "NA" is text; only an unquoted one means missing. */
	assert_string_equal(r->abstract, "NA");
	assert_null(r->pages);
	assert_string_equal(r->extra, "{\"column 7\":\"extra cell\"}");

	r = &c.records[2];
	assert_int_equal(r->line, 6);
	assert_string_equal(r->title, "\"Quoted\" rest of title");

	r = &c.records[3];
	assert_int_equal(r->line, 7);
	assert_string_equal(r->title, "Last row without line end");
	assert_int_equal(r->year, 2022);
	collected_free(&c);
}

static void
test_csv_tsv(void **state)
{
	struct collected	 c = { NULL, 0 };
	char			*error;
	const char		*tsv =
	    "ID\tTITLE\tAUTHOR\tdate\tcontainer-title\tissue\n"
	    "x1\tA title, with comma\tSmith, J\t2018-05-04\tJ. Test\t7\n";

	(void)state;
	assert_int_equal(parse_string(IMPORT_TSV, "t.tsv", tsv, &c, &error),
	    0);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.records[0].source_id, "x1");
	assert_string_equal(c.records[0].title, "A title, with comma");
	assert_int_equal(c.records[0].year, 2018);
	assert_string_equal(c.records[0].journal, "J. Test");
	assert_string_equal(c.records[0].issue, "7");
	assert_string_equal(c.records[0].authors[0].family, "Smith");
	collected_free(&c);
}

static void
test_csv_column_priority(void **state)
{
	struct collected	 c = { NULL, 0 };
	char			*error;
	const char		*csv =
	    "source,record_id,date,year,journal,title,ENTRYTYPE,number,issue\n"
	    "unique,7,2001-01-01,1999,J,T,article,n1,i1\n";

	(void)state;
	assert_int_equal(parse_string(IMPORT_CSV, "p.csv", csv, &c, &error),
	    0);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.records[0].journal, "J");
	assert_string_equal(c.records[0].source_id, "7");
	assert_int_equal(c.records[0].year, 1999);
	assert_string_equal(c.records[0].type, "article");
	assert_string_equal(c.records[0].issue, "i1");
	assert_string_equal(c.records[0].extra,
	    "{\"source\":\"unique\",\"date\":\"2001-01-01\",\"number\":\"n1\"}");
	collected_free(&c);
}

static void
test_csv_extra_json_column(void **state)
{
	struct collected	 c = { NULL, 0 };
	char			*error;
	const char		*csv =
	    "title,extra_json,other\n"
	    "T,\"{\"\"label\"\":\"\"x \\\"\"q\\\"\"\"\",\"\"n\"\":\"\"\\u0645\"\"}\",o\n";

	(void)state;
	assert_int_equal(parse_string(IMPORT_CSV, "e.csv", csv, &c, &error),
	    0);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.records[0].extra,
	    "{\"label\":\"x \\\"q\\\"\",\"n\":\"\xd9\x85\",\"other\":\"o\"}");
	collected_free(&c);
}

static void
test_csv_windows_1252_title(void **state)
{
	struct import_context	 ctx;
	struct collected	 c = { NULL, 0 };
	char			*error;
	const char		*csv = "title,author\nok,\nCaf\xe9 \x93quoted\x94,M\xfcller H.\n";

	(void)state;
	memset(&ctx, 0, sizeof ctx);
	ctx.path = "w.csv";
	assert_int_equal(parse_data(&ctx, IMPORT_CSV, csv, strlen(csv), &c,
	    &error), 0);
	assert_int_equal(c.n, 2);
	assert_string_equal(c.records[1].title,
	    "Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d");
	assert_string_equal(c.records[1].authors[0].family, "M\xc3\xbcller");
	assert_int_equal(ctx.repaired, 2);
	assert_int_equal(ctx.first_repaired_line, 3);
	collected_free(&c);
}

static void
test_csv_missing_title(void **state)
{
	struct import_context	 ctx;
	struct collected	 c = { NULL, 0 };
	char			*error;
	const char		*csv = "title,year\nfirst,2001\n\"\",2002\nthird,2003\n";

	(void)state;
	assert_int_equal(parse_string(IMPORT_CSV, "m.csv", csv, &c, &error),
	    -1);
	assert_string_equal(error,
	    "m.csv:3: record has no title; fix it or pass --skip-invalid");
	free(error);
	collected_free(&c);

	memset(&ctx, 0, sizeof ctx);
	ctx.path = "m.csv";
	ctx.skip_invalid = true;
	ctx.quiet = true;
	assert_int_equal(parse_data(&ctx, IMPORT_CSV, csv, strlen(csv), &c,
	    &error), 0);
	assert_int_equal(c.n, 2);
	assert_int_equal(ctx.skipped, 1);
	assert_string_equal(c.records[1].title, "third");
	collected_free(&c);
}

static void
test_csv_bad_year(void **state)
{
	struct import_context	 ctx;
	struct collected	 c = { NULL, 0 };
	char			*error;
	const char		*csv = "title,year\na,circa 90\nb,n.d.\n";

	(void)state;
	assert_int_equal(parse_string(IMPORT_CSV, "y.csv", csv, &c, &error),
	    -1);
	assert_string_equal(error, "y.csv:2: year 'circa 90' is not readable; "
	    "write a 4-digit year or pass --skip-invalid");
	free(error);
	collected_free(&c);

	memset(&ctx, 0, sizeof ctx);
	ctx.path = "y.csv";
	ctx.skip_invalid = true;
	ctx.quiet = true;
	assert_int_equal(parse_data(&ctx, IMPORT_CSV, csv, strlen(csv), &c,
	    &error), 0);
	assert_int_equal(c.n, 1);
	assert_int_equal(ctx.skipped, 1);
	assert_int_equal(c.records[0].year, 0);
	assert_string_equal(c.records[0].extra, "{\"year\":\"n.d.\"}");
	collected_free(&c);
}

static void
test_csv_unclosed_quote(void **state)
{
	struct collected	 c = { NULL, 0 };
	char			*error;
	const char		*csv = "title,abstract\na,b\nc,\"never\nclosed\n";

	(void)state;
	assert_int_equal(parse_string(IMPORT_CSV, "u.csv", csv, &c, &error),
	    -1);
	assert_string_equal(error,
	    "u.csv:3: quoted field is not closed; add the missing '\"'");
	free(error);
	collected_free(&c);
}

static void
test_csv_header_without_title(void **state)
{
	struct collected	 c = { NULL, 0 };
	char			*error;

	(void)state;
	assert_int_equal(parse_string(IMPORT_CSV, "h.csv", "name,year\nx,1\n",
	    &c, &error), -1);
	assert_string_equal(error, "h.csv:1: the header has no title column; "
	    "name the column of titles 'title'");
	free(error);
	assert_int_equal(parse_string(IMPORT_CSV, "h.csv", "", &c, &error),
	    -1);
	assert_non_null(strstr(error, "h.csv:1: the file is empty"));
	free(error);
	collected_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_diabetes_sample),
		cmocka_unit_test(test_csv_quoting),
		cmocka_unit_test(test_csv_tsv),
		cmocka_unit_test(test_csv_column_priority),
		cmocka_unit_test(test_csv_extra_json_column),
		cmocka_unit_test(test_csv_windows_1252_title),
		cmocka_unit_test(test_csv_missing_title),
		cmocka_unit_test(test_csv_bad_year),
		cmocka_unit_test(test_csv_unclosed_quote),
		cmocka_unit_test(test_csv_header_without_title),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
