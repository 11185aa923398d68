/*
 * Tests of the journal-listing reader: every article of the bundled
 * listing, the byline judgement, and each kind of malformed page.
 */
#include "unit.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import.h"
#include "record.h"
#include "xmalloc.h"

struct expected_article {
	long		 number;
	const char	*title;
	const char	*authors[4];
	size_t		 nauthors;
	const char	*abstract_start;
	const char	*abstract_end;
	const char	*teaser_start;
	const char	*teaser_end;
};

/*
 * The values come from data/neural-networks-listing.txt, the journal's
 * listing page; the authors were checked by hand against the page.
 */
static const struct expected_article expected[] = {
	{ 1, "Identify and assess the relative importance of knowledge management strategies by using ANN (Case study Knowledge base Software Companies)",
	  { "Saeedeh khabbazkar", "Mohsen Shafiei Nikabadi", "مائده دهقان", NULL }, 3,
	  "Abstract: Knowledge management is an imp", "oftware companies are located in Tehran.",
	  "Abstract: Knowledge management", "fy the key strategies of knowl" },
	{ 2, "Comparing A Hybridization of Fuzzy Inference System and Particle Swarm Optimization Algorithm with Deep Learning to Predict Stock Prices",
	  { "Majid Abdolrazzagh-Nezhad", "mahdi kherad", NULL, NULL }, 2,
	  "Predicting stock prices by data analysts", "etitive advantages of the MFIS-PSO model",
	  "Predicting stock prices by dat", "they are too dynamic and compl" },
	{ 3, "Improvement in Accuracy and Speed of Image Semantic Segmentation via Convolution Neural Network Encoder-Decoder",
	  { "Hanieh Zamanian", "Hassan Farsi", "Sajad Mohammadzadeh", NULL }, 3,
	  "Recent researches on pixel-wise semantic", "ts in the efficiency of proposed method.",
	  "Recent researches on pixel-wis", "ed deep architecture to predic" },
	{ 4, "DeepSumm: A Novel Deep Learning-Based Multi-Lingual Multi-Documents Summarization System",
	  { "Shima Mehrabi", "Seyed Abolghassem Mirroshandel", "Hamidreza Ahmadifar", NULL }, 3,
	  "With the increasing amount of accessible", " art performance in Persian and English.",
	  "With the increasing amount of ", "idered by natural language pro" },
	{ 5, "Evaluation of Pattern Recognition Techniques in Response to Cardiac Resynchronization Therapy (CRT)",
	  { "Mohammad Nejadeh", "Peyman Bayat", "Jalal Kheirkhah", "Hassan Moladoust" }, 4,
	  "Cardiac resynchronization therapy (CRT) ", "set of tools, algorithms, and variables.",
	  "Cardiac resynchronization ther", "ng CRT response for the progno" },
	{ 6, "Deep Learning Approach for Cardiac MRI Images",
	  { "Afshin Sandooghdar", "Farzin Yaghmaee", NULL, NULL }, 2,
	  "Deep Learning (DL) is the most widely us", "n the field of medical image processing.",
	  "Deep Learning (DL) is the most", "on of the epochs is still an o" },
	{ 7, "Recognition of Attention Deficit/Hyperactivity Disorder (ADHD) Based on Electroencephalographic Signals Using Convolutional Neural Networks (CNNs)",
	  { "Sara Motamed", "Elham Askari", NULL, NULL }, 2,
	  "Impulsive / hyperactive disorder is a ne", " ADHD from healthy ones is equal to 91%.",
	  "Impulsive / hyperactive disord", "ol. Because this problem might" },
	{ 8, "Determining of Classifiers Behavior Using Hidden Markov Model Based Decision Template",
	  { "H. Sadoghi Yazdi", NULL, NULL, NULL }, 1,
	  "Studying of classifier behavior is inter", "s to superiority of the proposed system.",
	  "Studying of classifier behavio", "of training samples, noisy sam" },
	{ 9, "Numeric Polarity Detection based on Employing Recursive Deep Neural Networks and Supervised Learning on Persian Reviews of E-Commerce Users in Opinion Mining Domain",
	  { "Sepideh Jamshidinejad", "Fatemeh Ahmadi-Abkenari", "Peiman Bayat", NULL }, 3,
	  "Opinion mining as a sub domain of data m", " other approaches proves its robustness.",
	  "Opinion mining as a sub domain", "is domain focuses on various s" },
	{ 10, "An Intelligent Vision System for Automatic Forest Fire Surveillance",
	  { "Mohammad Sadegh Kayhanpanah", "Behrooz Koohestani", NULL, NULL }, 2,
	  "Fighting forest fires to avoid their pot", "ll and finally detect and localize them.",
	  "Fighting forest fires to avoid", "l images for classification, o" },
	{ 11, "A Step towards All-Optical Deep Neural Networks: Utilizing Nonlinear Optical Element",
	  { "Aida Ebrahimi Dehghan Pour", "S. K.", NULL, NULL }, 2,
	  "In recent years, optical neural networks", "er as the nonlinear activating function.",
	  "In recent years, optical neura", ". In this paper, the implement" },
	{ 12, "Compilation of artificial neural networks and the thinned Fault likelihood auto-tracking algorithm, for identification, interpretation and extraction of faults",
	  { "Alireza Ghazanfari", "Hoseyn Mohammadrezaei", "Hamidreza Ansari", NULL }, 3,
	  "Fault identification and investigating t", "anes has been interpreted and extracted.",
	  "Fault identification and inves", "tems and in this regard one of" },
	{ 13, "Convolutional Neural Networks for Medical Image Segmentation and Classification: A Review",
	  { "Jenifer S", "Carmel Mary Belinda M J", NULL, NULL }, 2,
	  "Medical imaging refers to the process of", "detection and child bone age prediction.",
	  "Medical imaging refers to the ", "and treatment options. Deep le" },
	{ 14, "Multi-level ternary quantization for improving sparsity and computation in embedded deep neural networks",
	  { "Hosna Manavi Mofrad", "Seyed Ali ansarmohammadi", "Mostafa Salehi", NULL }, 3,
	  "Deep neural networks (DNNs) have achieve", "o the basic multi-level binary networks.",
	  "Deep neural networks (DNNs) ha", "ces with limited memory and co" },
	{ 15, "Proposing an FCM-MCOA Clustering Approach Stacked with Convolutional Neural Networks for Analysis of Customers in Insurance Company",
	  { "Motahareh Ghavidel", "meisam Yadollahzadeh tabari", "Mehdi Golsorkhtabaramiri", NULL }, 3,
	  "To create a customer-based marketing str", "(KNN), and Naive Bayes (NB) classifiers.",
	  "To create a customer-based mar", "ess usually are high-dimension" },
	{ 16, "Improvement of intrusion detection system on Industrial Internet of Things based on deep learning using metaheuristic algorithms",
	  { "mohammadreza zeraatkarmoghaddam", "majid ghayori", NULL, NULL }, 2,
	  "Due to the increasing use of industrial ", "d improvement compared to other methods.",
	  "Due to the increasing use of i", "detect attacks, anomalies or i" },
	{ 17, "Multi-Level Ternary Quantization for Improving Sparsity and Computation in Embedded Deep Neural Networks",
	  { "Hosna Manavi Mofrad", "ali ansarmohammadi", "Mostafa Salehi", NULL }, 3,
	  "Deep neural networks (DNNs) have achieve", "o the basic multi-level binary networks.",
	  "Deep neural networks (DNNs) ha", "ces with limited memory and co" },
};

struct collected {
	struct record	records[32];
	size_t		n;
};

static int
collect(struct record *r, void *arg)
{
	struct collected	*c = arg;
	struct record		*copy;
	size_t			 i;

	if (c->n == 32)
		return -1;
	copy = &c->records[c->n++];
	record_init(copy);
	copy->number = r->number;
	record_set(&copy->title, r->title);
	record_set(&copy->abstract, r->abstract);
	record_set(&copy->teaser, r->teaser);
	record_set(&copy->access, r->access);
	record_set(&copy->subject, r->subject);
	record_set(&copy->byline, r->byline);
	for (i = 0; i < r->nauthors; i++)
		record_add_author(copy, r->authors[i].name,
		    r->authors[i].given, r->authors[i].family);
	return 0;
}

static void
collected_free(struct collected *c)
{
	size_t	i;

	for (i = 0; i < c->n; i++)
		record_clear(&c->records[i]);
	c->n = 0;
}

static char *
read_file(const char *path, size_t *len)
{
	struct stat	 st;
	char		*data;
	int		 fd;

	fd = open(path, O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(fstat(fd, &st), 0);
	data = xmalloc((size_t)st.st_size + 1);
	assert_int_equal(read(fd, data, (size_t)st.st_size), st.st_size);
	close(fd);
	data[st.st_size] = '\0';
	*len = (size_t)st.st_size;
	return data;
}

/* Runs the reader on text; returns its result and the error in *error. */
static int
parse(const char *text, size_t len, struct collected *out, char **error)
{
	struct import_context	ctx;

	memset(&ctx, 0, sizeof ctx);
	ctx.path = "test.txt";
	ctx.quiet = true;
	ctx.sink = collect;
	ctx.arg = out;
	*error = NULL;
	return import_read_listing(&ctx, text, len, error);
}

static bool
starts_with(const char *s, const char *prefix)
{
	return s != NULL && strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t	n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void
bundled_listing_all_articles(void **state)
{
	struct collected	 c = { .n = 0 };
	const struct expected_article *e;
	const struct record	*r;
	char			*data, *error;
	size_t			 len, i, j;

	(void)state;
	data = read_file(unit_data_path("data/neural-networks-listing.txt"),
	    &len);
	assert_int_equal(parse(data, len, &c, &error), 0);
	assert_int_equal(c.n, 17);
	for (i = 0; i < 17; i++) {
		e = &expected[i];
		r = &c.records[i];
		assert_int_equal(r->number, e->number);
		assert_string_equal(r->title, e->title);
		assert_int_equal(r->nauthors, e->nauthors);
		for (j = 0; j < e->nauthors; j++)
			assert_string_equal(r->authors[j].name, e->authors[j]);
		assert_true(starts_with(r->abstract, e->abstract_start));
		assert_true(ends_with(r->abstract, e->abstract_end));
		assert_true(starts_with(r->teaser, e->teaser_start));
		assert_true(ends_with(r->teaser, e->teaser_end));
		assert_string_equal(r->subject, "Neural Networks");
		assert_string_equal(r->access, "Open Access");
		/* Cleaned: no no-break space and no run of spaces is left. */
		assert_null(strstr(r->abstract, "\xc2\xa0"));
		assert_null(strstr(r->abstract, "  "));
		assert_null(strstr(r->teaser, "More"));
		assert_null(strstr(r->abstract, "Manuscript profile"));
	}
	collected_free(&c);
	free(data);
}

static void
item_14_people_split(void **state)
{
	struct collected	 c = { .n = 0 };
	const struct record	*r;
	char			*data, *error;
	size_t			 len;

	(void)state;
	data = read_file(unit_data_path("data/neural-networks-listing.txt"),
	    &len);
	assert_int_equal(parse(data, len, &c, &error), 0);
	r = &c.records[13];
	assert_string_equal(r->authors[1].given, "Seyed Ali");
	assert_string_equal(r->authors[1].family, "ansarmohammadi");
	assert_string_equal(r->authors[0].family, "Manavi Mofrad");
	assert_string_equal(r->byline, "Hosna Manavi Mofrad Seyed Ali "
	    "ansarmohammadi Mostafa Salehi");
	r = &c.records[0];
	assert_string_equal(r->authors[2].given, "مائده");
	assert_string_equal(r->authors[2].family, "دهقان");
	r = &c.records[12];
	assert_string_equal(r->authors[0].family, "S");
	assert_string_equal(r->authors[1].given, "Carmel Mary Belinda");
	assert_string_equal(r->authors[1].family, "M J");
	collected_free(&c);
	free(data);
}

static const char good_entry[] =
	"\xe2\x80\xa2 List of Articles Test\n"
	"\xe2\x80\xa2 Open Access Article\n"
	"1 - A title\n"
	"Ada\xc2\xa0Lovelace Alan\xc2\xa0Turing\n"
	"A teaser More\n"
	"The full abstract. Manuscript profile\n";

static void
minimal_entry_parses(void **state)
{
	struct collected	 c = { .n = 0 };
	char			*error;

	(void)state;
	assert_int_equal(parse(good_entry, strlen(good_entry), &c, &error), 0);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.records[0].title, "A title");
	assert_string_equal(c.records[0].authors[0].name, "Ada Lovelace");
	assert_string_equal(c.records[0].authors[1].family, "Turing");
	assert_string_equal(c.records[0].teaser, "A teaser");
	assert_string_equal(c.records[0].abstract, "The full abstract.");
	assert_string_equal(c.records[0].subject, "Test");
	collected_free(&c);
}

/* Returns text with each LF replaced by end, allocated. */
static char *
with_line_ends(const char *text, const char *end)
{
	char	*out, *q;
	size_t	 i;

	out = xmalloc(strlen(text) * strlen(end) + 1);
	for (i = 0, q = out; text[i] != '\0'; i++) {
		if (text[i] == '\n') {
			memcpy(q, end, strlen(end));
			q += strlen(end);
		} else
			*q++ = text[i];
	}
	*q = '\0';
	return out;
}

/* The minimal entry with lone CR line ends, and with CRLF. */
static void
cr_line_ends_parse(void **state)
{
	static const char *const ends[] = { "\r", "\r\n" };
	struct collected	 c = { .n = 0 };
	char			*error, *text;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		text = with_line_ends(good_entry, ends[i]);
		assert_int_equal(parse(text, strlen(text), &c, &error), 0);
		assert_int_equal(c.n, 1);
		assert_string_equal(c.records[0].title, "A title");
		assert_int_equal(c.records[0].nauthors, 2);
		assert_string_equal(c.records[0].authors[1].family, "Turing");
		assert_string_equal(c.records[0].teaser, "A teaser");
		assert_string_equal(c.records[0].abstract, "The full abstract.");
		assert_string_equal(c.records[0].subject, "Test");
		collected_free(&c);
		free(text);
	}
	/* Line numbers in messages count lone CRs too. */
	text = with_line_ends("1 - A title\nAda\xc2\xa0Lovelace\n"
	    "A teaser More\n", "\r");
	assert_int_equal(parse(text, strlen(text), &c, &error), -1);
	assert_true(starts_with(error, "test.txt:3:"));
	free(error);
	collected_free(&c);
	free(text);
}

struct malformed_case {
	const char	*name;
	const char	*text;
	size_t		 len;		/* 0: strlen(text) */
	const char	*where;		/* expected "FILE:LINE:" prefix */
	const char	*what;		/* expected words in the message */
};

static const struct malformed_case malformed[] = {
	{ "entry without abstract",
	  "1 - A title\nAda\xc2\xa0Lovelace\nA teaser More\n"
	  "2 - Next\nAlan\xc2\xa0Turing\nT More\nAbstract Manuscript profile\n",
	  0, "test.txt:4:", "no abstract" },
	{ "truncated after teaser",
	  "1 - A title\nAda\xc2\xa0Lovelace\nA teaser More\n",
	  0, "test.txt:3:", "no abstract" },
	{ "truncated after title", "1 - A title\n", 0, "test.txt:1:",
	  "no byline" },
	{ "invalid UTF-8",
	  "1 - A title\nAda\xc2\xa0Lovelace\nA te\xff\xfeser More\n",
	  0, "test.txt:3:", "not valid UTF-8" },
	{ "empty file", "", 0, "test.txt:1:", "empty" },
	{ "another format",
	  "@article{key,\n  title = {A title},\n}\n", 0, "test.txt:1:",
	  "not a journal listing" },
	{ "teaser missing",
	  "1 - A title\nAda\xc2\xa0Lovelace\nThe abstract Manuscript profile\n",
	  0, "test.txt:3:", "no teaser" },
};

static void
malformed_listings_rejected(void **state)
{
	const struct malformed_case	*m;
	struct collected		 c = { .n = 0 };
	char				*error;
	size_t				 i, len;

	(void)state;
	for (i = 0; i < sizeof malformed / sizeof *malformed; i++) {
		m = &malformed[i];
		len = m->len != 0 ? m->len : strlen(m->text);
		assert_int_equal(parse(m->text, len, &c, &error), -1);
		assert_non_null(error);
		if (!starts_with(error, m->where) ||
		    strstr(error, m->what) == NULL)
			fail_msg("%s: got '%s', expected '%s' ... '%s'",
			    m->name, error, m->where, m->what);
		free(error);
		collected_free(&c);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bundled_listing_all_articles),
		cmocka_unit_test(item_14_people_split),
		cmocka_unit_test(minimal_entry_parses),
		cmocka_unit_test(cr_line_ends_parse),
		cmocka_unit_test(malformed_listings_rejected),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
