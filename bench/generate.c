/*
 * generate: writes a synthetic catalogue for the benchmarks.
 *
 *   generate [-f csv|listing] [-s SEED] [-d RATE] COUNT DIR
 *   generate -V
 *
 * Writes DIR/records.csv (or DIR/records.txt in the journal listing
 * format) with COUNT articles, and DIR/clusters.csv, one planted pair of
 * near-duplicates per line as "ID;ID" under a "merged_ids" header, the
 * layout the duplicate scorer reads. Article k (from 1) has the ID and
 * the item number k, so both formats give the same ids.
 *
 * The output depends only on SEED, COUNT and RATE. Each article is a
 * function of the seed and its own index, so a near-duplicate can
 * rebuild its source article without keeping it in memory.
 *
 * Words are drawn from a ranked vocabulary with Zipf-like frequencies:
 * the probability of rank r is proportional to 1/r. The head is real
 * English and machine-learning words placed at plausible ranks, and the
 * long tail is made-up words of three or four syllables. Titles draw
 * from the ranks after the function words. Authors are Latin
 * names, some with diacritics, and Persian names in Persian script.
 *
 * About RATE (default 0.02) of the articles are near-duplicates of an
 * earlier article at most 20,000 places before them. A copy has its
 * title in another case and one author's given name dropped (reduced to
 * an initial in the listing format, whose bylines need one). A few words
 * of the abstract, and sometimes one of the title, are changed, and the
 * DOI is kept or dropped. Each source article has at most one copy.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Printed by -V; raise it whenever the output changes, so that stored
   catalogues are built again. */
#define GENERATOR_VERSION	1

#define VOCABULARY	60000
#define TITLE_FIRST	20		/* titles skip the function words */
#define DUPE_WINDOW	20000		/* how far back a duplicate's source is */
#define NBSP		"\xc2\xa0"

enum format {
	FORMAT_CSV,
	FORMAT_LISTING,
};

/* splitmix64: small, fast, and good enough for synthetic text. */
struct rng {
	uint64_t	state;
};

static uint64_t
rng_next(struct rng *g)
{
	uint64_t	z;

	z = (g->state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Returns a number in [0, n). */
static uint32_t
rng_below(struct rng *g, uint32_t n)
{
	return (uint32_t)(((rng_next(g) >> 32) * (uint64_t)n) >> 32);
}

/* Returns a number in [lo, hi]. */
static int
rng_range(struct rng *g, int lo, int hi)
{
	return lo + (int)rng_below(g, (uint32_t)(hi - lo + 1));
}

static double
rng_unit(struct rng *g)
{
	return (double)(rng_next(g) >> 11) / 9007199254740992.0;
}

static void
rng_seed(struct rng *g, uint64_t seed, uint64_t stream)
{
	g->state = seed ^ (stream * 0xd1342543de82ef95ULL);
	rng_next(g);
}

/*
 * The head of the vocabulary, most frequent first. The rank of a word
 * is its index plus one, except for the words in placed[].
 */
static const char *head_words[] = {
	"the", "of", "and", "in", "to", "a", "is", "for", "with", "on",
	"by", "that", "this", "are", "as", "be", "we", "an", "from", "which",
	"model", "based", "network", "results", "data", "method", "proposed",
	"neural", "learning", "paper", "using", "performance", "system",
	"approach", "models", "networks", "training", "algorithm", "can",
	"time", "two", "than", "has", "also", "new", "their", "these",
	"analysis", "deep", "used", "it", "was", "not", "our", "show",
	"problem", "information", "different", "high", "study", "between",
	"methods", "accuracy", "input", "function", "features", "optimization",
	"layer", "structure", "control", "error", "systems", "classification",
	"feature", "prediction", "dynamic", "number", "both", "set", "such",
	"large", "more", "been", "research", "process", "approaches",
	"efficient", "memory", "signal", "parameters", "image", "weights",
	"however", "novel", "nonlinear", "convolutional", "recurrent",
	"activation", "gradient", "output", "hidden", "evaluation",
	"experimental", "framework", "architecture", "compared", "each",
	"one", "may", "its", "have", "into", "under", "three", "first",
	"well", "significantly", "efficiency", "robust", "energy", "power",
	"application", "applications", "state", "estimation", "neurons",
	"hybrid", "fuzzy", "genetic", "adaptive", "linear", "random",
	"simulation", "design", "distribution", "stability", "sequence",
	"temporal", "spatial", "regression", "support", "vector", "machine",
	"decision", "tree", "clustering", "supervised", "unsupervised",
	"reinforcement", "agent", "policy", "reward", "graph", "nodes",
	"node", "edge", "attention", "transformer", "encoder", "decoder",
	"latent", "representation", "representations", "embedding",
	"generative", "adversarial", "loss", "objective", "batch",
	"normalization", "dropout", "regularization", "overfitting",
	"generalization", "benchmark", "datasets", "dataset", "samples",
	"sample", "noise", "noisy", "filter", "filtering", "frequency",
	"domain", "transfer", "knowledge", "management", "financial",
	"stock", "market", "price", "prices", "forecasting", "medical",
	"diagnosis", "patients", "clinical", "images", "segmentation",
	"detection", "recognition", "speech", "language", "text", "word",
	"words", "semantic", "visual", "video", "frames", "object", "objects",
	"scene", "pixel", "resolution", "compression", "coding", "bits",
	"hardware", "chip", "circuit", "analog", "digital", "spiking",
	"synaptic", "plasticity", "cortex", "brain", "cognitive",
	"biological", "inspired", "nature", "natural", "evolution",
	"population", "swarm", "particle", "colony", "search", "space",
	"dimension", "dimensional", "manifold", "kernel", "sparse",
	"dense", "matrix", "tensor", "decomposition", "factorization",
	"probability", "probabilistic", "bayesian", "inference",
	"uncertainty", "variance", "mean", "expected", "convergence",
	"theorem", "proof", "bound", "bounds", "complexity", "computational",
	"cost", "costs", "speed", "faster", "real", "world", "online",
	"offline", "streaming", "parallel", "distributed", "federated",
	"privacy", "security", "attack", "attacks", "defense", "robustness",
	"interpretability", "explainable", "fairness", "bias", "ethical",
};

/* Words whose rank is set by hand, to sit where such words sit in a
   corpus of machine-learning abstracts. */
static const struct placed {
	const char	*word;
	int		 rank;
} placed[] = {
	{ "neuron", 620 },
	{ "nets", 1450 },
	{ "quantization", 2400 },
	{ "quantized", 3900 },
	{ "neuromorphic", 5200 },
	{ "nystrom", 17000 },
	{ "quasicrystal", 30000 },
	{ "zeolite", 58000 },
};

static const char consonants[] = "bdfghklmnprstvz";
static const char vowels[] = "aeiou";

/* The vocabulary: VOCABULARY words by rank, and the alias table of
   Vose's method for drawing a rank in constant time. */
static char	 *vocab[VOCABULARY];
static double	  alias_prob[VOCABULARY];
static uint32_t	  alias_index[VOCABULARY];
static double	  title_prob[VOCABULARY];
static uint32_t	  title_index[VOCABULARY];

/*
 * Makes the made-up word for tail position k: three syllables of
 * consonant and vowel for even k, four for odd k. The index is
 * scrambled by a multiplier prime to the number of such words, so that
 * neighbours differ and no two positions give the same word.
 */
static char *
made_up_word(uint32_t k)
{
	char		 w[16];
	uint32_t	 n, syllables, i, x;

	syllables = k % 2 == 0 ? 3 : 4;
	n = syllables == 3 ? 421875u : 31640625u;
	x = (uint32_t)(((uint64_t)(k / 2 + 1) * 7919u) % n);
	for (i = 0; i < syllables; i++) {
		w[2 * i] = consonants[x % 15];
		x /= 15;
		w[2 * i + 1] = vowels[x % 5];
		x /= 5;
	}
	w[2 * syllables] = '\0';
	return strdup(w);
}

static bool
is_taken(const char *w, size_t upto)
{
	size_t	i;

	for (i = 0; i < upto; i++) {
		if (vocab[i] != NULL && strcmp(vocab[i], w) == 0)
			return true;
	}
	return false;
}

/* Builds an alias table over weights w[from..n) (entries before from
   get no weight). */
static void
build_alias(const double *w, size_t from, size_t n, double *prob,
    uint32_t *index)
{
	double		 sum = 0, *scaled;
	uint32_t	*small, *large;
	size_t		 i, ns = 0, nl = 0, s, l;

	scaled = malloc(n * sizeof *scaled);
	small = malloc(n * sizeof *small);
	large = malloc(n * sizeof *large);
	if (scaled == NULL || small == NULL || large == NULL) {
		fprintf(stderr, "generate: out of memory\n");
		exit(2);
	}
	for (i = from; i < n; i++)
		sum += w[i];
	for (i = 0; i < n; i++) {
		scaled[i] = i < from ? 0 : w[i] * (double)n / sum;
		if (scaled[i] < 1)
			small[ns++] = (uint32_t)i;
		else
			large[nl++] = (uint32_t)i;
	}
	while (ns > 0 && nl > 0) {
		s = small[--ns];
		l = large[nl - 1];
		prob[s] = scaled[s];
		index[s] = (uint32_t)l;
		scaled[l] -= 1 - scaled[s];
		if (scaled[l] < 1) {
			nl--;
			small[ns++] = (uint32_t)l;
		}
	}
	while (nl > 0) {
		l = large[--nl];
		prob[l] = 1;
		index[l] = (uint32_t)l;
	}
	while (ns > 0) {
		s = small[--ns];
		prob[s] = 1;
		index[s] = (uint32_t)s;
	}
	free(scaled);
	free(small);
	free(large);
}

static void
build_vocabulary(void)
{
	static double	weight[VOCABULARY];
	size_t		nhead = sizeof head_words / sizeof *head_words;
	size_t		i, h = 0, p;
	uint32_t	k = 0;
	char		*w;

	for (p = 0; p < sizeof placed / sizeof *placed; p++)
		vocab[placed[p].rank - 1] = strdup(placed[p].word);
	for (i = 0; i < VOCABULARY; i++) {
		if (vocab[i] != NULL)
			continue;
		if (h < nhead) {
			vocab[i] = strdup(head_words[h++]);
			continue;
		}
		/* A made-up word may spell a head word; skip those. */
		do {
			w = made_up_word(k++);
			if (!is_taken(w, nhead < i ? nhead : i))
				break;
			free(w);
		} while (1);
		vocab[i] = w;
	}
	for (i = 0; i < VOCABULARY; i++)
		weight[i] = 1.0 / (double)(i + 1);
	build_alias(weight, 0, VOCABULARY, alias_prob, alias_index);
	build_alias(weight, TITLE_FIRST, VOCABULARY, title_prob, title_index);
}

static const char *
draw_word(struct rng *g, bool title)
{
	uint64_t	x = rng_next(g);
	uint32_t	i;
	double		u;

	i = (uint32_t)(((x >> 32) * (uint64_t)VOCABULARY) >> 32);
	u = (double)(x & 0xffffffffu) / 4294967296.0;
	if (title)
		return vocab[u < title_prob[i] ? i : title_index[i]];
	return vocab[u < alias_prob[i] ? i : alias_index[i]];
}

/* Names: given and family, in three pools. */
static const char *latin_given[] = {
	"James", "Maria", "Wei", "Anna", "David", "Laura", "Peter", "Elena",
	"Ahmed", "Sara", "Thomas", "Julia", "Daniel", "Yuki", "Ali", "Reza",
	"Michael", "Li", "Hannah", "Omar", "Kevin", "Priya", "Lucas", "Emma",
	"Ivan", "Olga", "Hiroshi", "Fatima", "John", "Mehdi", "Nadia", "Paul",
};
static const char *latin_family[] = {
	"Smith", "Chen", "Garcia", "Kim", "Rossi", "Novak", "Ahmadi",
	"Karimi", "Tanaka", "Schmidt", "Wang", "Brown", "Lopez", "Singh",
	"Ivanov", "Hosseini", "Johnson", "Zhang", "Martin", "Nakamura",
	"Rahimi", "Petrov", "Wilson", "Liu", "Moreau", "Fischer", "Khan",
	"Jafari", "Taylor", "Sato", "Mohammadi", "Becker",
};
static const char *accented_given[] = {
	"José", "François", "Zoë", "Jürgen", "Łukasz", "Søren", "Inês",
	"Ségolène", "Ángel", "Björn", "Çağla", "Dóra", "Émilie", "Jiří",
	"Małgorzata", "Noémie",
};
static const char *accented_family[] = {
	"Müller", "Gonçalves", "Núñez", "Ørsted", "Čapek", "Şahin", "Nguyễn",
	"Dvořák", "Hernández", "Lefèvre", "Kowalczyk", "Sørensen", "Öztürk",
	"Pérez", "Jäger", "Håkansson",
};
static const char *persian_given[] = {
	"محمد", "علی", "زهرا", "فاطمه", "مائده", "حسین", "مریم", "رضا",
	"سارا", "امیر", "نرگس", "مهدی",
};
static const char *persian_family[] = {
	"رضایی", "دهقان", "احمدی", "کریمی", "حسینی", "موسوی", "جعفری",
	"محمدی", "صادقی", "قاسمی", "نیک‌آبادی", "شفیعی",
};

static const char *journals[] = {
	"Neural Networks", "Journal of Machine Learning Research",
	"Pattern Recognition Letters", "Signal Processing",
	"Neurocomputing", "IEEE Transactions on Neural Networks and Learning "
	"Systems", "Applied Soft Computing", "Expert Systems with Applications",
	"Journal of Intelligent Systems", "Computational Intelligence",
};

#define NELEM(a)	(sizeof (a) / sizeof *(a))
#define MAX_AUTHORS	6
#define MAX_WORDS	300

struct person {
	const char	*given;		/* NULL when dropped */
	const char	*family;
	bool		 initial;	/* given reduced to its first letter */
};

struct article {
	long		 index;		/* from 1 */
	int		 ntitle;
	const char	*title[15];
	int		 title_case;	/* 0 capitalised, 1 lower, 2 upper */
	int		 nauthors;
	struct person	 authors[MAX_AUTHORS];
	int		 year;
	const char	*journal;
	int		 volume, first_page, last_page;
	long		 doi;		/* 0 for none */
	int		 nwords;
	const char	*words[MAX_WORDS];
	/* The punctuation after each word: MARK_NONE, MARK_COMMA, or
	   MARK_STOP where a sentence ends. */
	unsigned char	 mark[MAX_WORDS];
};

enum { MARK_NONE, MARK_COMMA, MARK_STOP };

static void
draw_person(struct rng *g, struct person *p)
{
	uint32_t	pool = rng_below(g, 100);

	p->initial = false;
	if (pool < 60) {
		p->given = latin_given[rng_below(g, NELEM(latin_given))];
		p->family = latin_family[rng_below(g, NELEM(latin_family))];
	} else if (pool < 85) {
		p->given = rng_below(g, 2) == 0 ?
		    accented_given[rng_below(g, NELEM(accented_given))] :
		    latin_given[rng_below(g, NELEM(latin_given))];
		p->family = accented_family[rng_below(g,
		    NELEM(accented_family))];
	} else {
		p->given = persian_given[rng_below(g, NELEM(persian_given))];
		p->family = persian_family[rng_below(g,
		    NELEM(persian_family))];
	}
}

static void
draw_article(uint64_t seed, long index, struct article *a)
{
	struct rng	g;
	int		i, sentence;

	rng_seed(&g, seed, (uint64_t)index);
	a->index = index;
	a->ntitle = rng_range(&g, 8, 15);
	for (i = 0; i < a->ntitle; i++) {
		/* A function word now and then, as titles have them. */
		if (i > 0 && i < a->ntitle - 1 && rng_below(&g, 6) == 0)
			a->title[i] = vocab[rng_range(&g, 1, 8)];
		else
			a->title[i] = draw_word(&g, true);
	}
	a->title_case = 0;
	a->nauthors = rng_range(&g, 2, MAX_AUTHORS);
	for (i = 0; i < a->nauthors; i++)
		draw_person(&g, &a->authors[i]);
	a->year = rng_range(&g, 1988, 2024);
	a->journal = journals[rng_below(&g, NELEM(journals))];
	a->volume = rng_range(&g, 1, 60);
	a->first_page = rng_range(&g, 1, 2000);
	a->last_page = a->first_page + rng_range(&g, 5, 30);
	a->doi = rng_below(&g, 10) < 8 ? index : 0;
	a->nwords = rng_range(&g, 150, MAX_WORDS);
	sentence = rng_range(&g, 10, 25);
	for (i = 0; i < a->nwords; i++) {
		a->words[i] = draw_word(&g, false);
		a->mark[i] = MARK_NONE;
		if (--sentence == 0 || i == a->nwords - 1) {
			a->mark[i] = MARK_STOP;
			sentence = rng_range(&g, 10, 25);
		} else if (sentence > 3 && rng_below(&g, 12) == 0)
			a->mark[i] = MARK_COMMA;
	}
}

/*
 * Turns a copy of an article into a near-duplicate of it, drawing from
 * g: see the file comment for the changes.
 */
static void
mutate(struct rng *g, struct article *a, long index, enum format format)
{
	int	i, n, p;

	a->index = index;
	a->title_case = rng_range(g, 1, 2);
	if (rng_below(g, 3) == 0) {
		p = rng_range(g, 0, a->ntitle - 1);
		a->title[p] = draw_word(g, true);
	}
	p = rng_range(g, 0, a->nauthors - 1);
	if (format == FORMAT_LISTING)
		a->authors[p].initial = true;
	else
		a->authors[p].given = NULL;
	n = rng_range(g, 2, 5);
	for (i = 0; i < n; i++)
		a->words[rng_range(g, 0, a->nwords - 1)] = draw_word(g, false);
	if (rng_below(g, 2) == 0)
		a->doi = 0;
}

/* Output with a large buffer and a check on every write. */
struct out {
	FILE		*fp;
	const char	*path;
};

static void
out_fail(const struct out *o)
{
	fprintf(stderr, "generate: writing %s failed: %s\n", o->path,
	    strerror(errno));
	exit(2);
}

static void
put(const struct out *o, const char *s)
{
	if (fputs(s, o->fp) == EOF)
		out_fail(o);
}

static void
putc_checked(const struct out *o, int c)
{
	if (putc(c, o->fp) == EOF)
		out_fail(o);
}

static void
put_number(const struct out *o, long n)
{
	if (fprintf(o->fp, "%ld", n) < 0)
		out_fail(o);
}

/* Writes an ASCII word in upper case for title_case 2, as drawn (lower
   case) for 1, and for 0 with its first letter raised when capital. */
static void
put_cased(const struct out *o, const char *w, int title_case, bool capital)
{
	const char	*s;
	int		 c;

	for (s = w; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if (title_case == 2 || (title_case == 0 && capital && s == w))
			c = c >= 'a' && c <= 'z' ? c - 32 : c;
		putc_checked(o, c);
	}
}

static void
put_title(const struct out *o, const struct article *a)
{
	int	i;

	for (i = 0; i < a->ntitle; i++) {
		if (i > 0)
			putc_checked(o, ' ');
		/* Function words stay lower case inside a title. */
		put_cased(o, a->title[i], a->title_case, i == 0 ||
		    strlen(a->title[i]) > 3);
	}
}

/* Writes words [from, to) of the abstract as sentences. */
static void
put_words(const struct out *o, const struct article *a, int from, int to)
{
	int	i;
	bool	capital = true;

	for (i = from; i < to; i++) {
		if (i > from)
			putc_checked(o, ' ');
		put_cased(o, a->words[i], 0, capital);
		capital = a->mark[i] == MARK_STOP;
		if (a->mark[i] == MARK_STOP)
			putc_checked(o, '.');
		else if (a->mark[i] == MARK_COMMA)
			putc_checked(o, ',');
	}
}

static void
put_given(const struct out *o, const struct person *p)
{
	char	first[8];
	size_t	n = 1;

	if (!p->initial) {
		put(o, p->given);
		return;
	}
	/* The first character, which may take up to four bytes. */
	while (((unsigned char)p->given[n] & 0xc0) == 0x80)
		n++;
	memcpy(first, p->given, n);
	first[n] = '\0';
	put(o, first);
	put(o, ".");
}

static void
write_csv_header(const struct out *o)
{
	put(o, "title,author,year,journal,volume,pages,doi,abstract,ID\n");
}

static void
write_csv(const struct out *o, const struct article *a)
{
	int	i;

	putc_checked(o, '"');
	put_title(o, a);
	put(o, "\",\"");
	for (i = 0; i < a->nauthors; i++) {
		if (i > 0)
			put(o, " and ");
		put(o, a->authors[i].family);
		if (a->authors[i].given != NULL) {
			put(o, ", ");
			put_given(o, &a->authors[i]);
		}
	}
	put(o, "\",");
	put_number(o, a->year);
	put(o, ",\"");
	put(o, a->journal);
	put(o, "\",");
	put_number(o, a->volume);
	putc_checked(o, ',');
	put_number(o, a->first_page);
	putc_checked(o, '-');
	put_number(o, a->last_page);
	putc_checked(o, ',');
	if (a->doi != 0) {
		put(o, "10.5555/fehrest.");
		put_number(o, a->doi);
	}
	put(o, ",\"");
	put_words(o, a, 0, a->nwords);
	put(o, "\",");
	put_number(o, a->index);
	putc_checked(o, '\n');
}

static void
write_listing_header(const struct out *o)
{
	put(o, "• Home\n  • Synthetic\n    • List of Articles Synthetic\n\n");
}

/*
 * Writes one listing entry: access line, "N - Title", the byline with a
 * no-break space between each person's given and family name, the
 * teaser (the abstract's first 40 words) ending in " More", and the
 * abstract ending in " Manuscript profile".
 */
static void
write_listing(const struct out *o, const struct article *a)
{
	int	i;

	put(o, "      • Open Access Article\n\n        ");
	put_number(o, a->index);
	put(o, " - ");
	put_title(o, a);
	put(o, "\n        ");
	for (i = 0; i < a->nauthors; i++) {
		if (i > 0)
			putc_checked(o, ' ');
		put_given(o, &a->authors[i]);
		put(o, NBSP);
		put(o, a->authors[i].family);
	}
	put(o, "\n        ");
	put_words(o, a, 0, a->nwords < 40 ? a->nwords : 40);
	put(o, " More\n        ");
	put_words(o, a, 0, a->nwords);
	put(o, " Manuscript profile\n");
}

static FILE *
open_out(const char *dir, const char *name, char **path)
{
	FILE	*fp;
	size_t	 n = strlen(dir) + strlen(name) + 2;

	*path = malloc(n);
	if (*path == NULL) {
		fprintf(stderr, "generate: out of memory\n");
		exit(2);
	}
	snprintf(*path, n, "%s/%s", dir, name);
	fp = fopen(*path, "w");
	if (fp == NULL) {
		fprintf(stderr, "generate: cannot create %s: %s\n", *path,
		    strerror(errno));
		exit(2);
	}
	setvbuf(fp, NULL, _IOFBF, 1 << 20);
	return fp;
}

static void
close_out(struct out *o)
{
	if (fclose(o->fp) != 0)
		out_fail(o);
}

/*
 * Decides which articles are near-duplicates: source[k] is the index
 * of the article that article k copies, or 0. Returns how many copies.
 */
static long
plan_duplicates(uint64_t seed, long count, double rate, long *source,
    bool *used)
{
	struct rng	g;
	long		k, s, ncopies = 0;
	int		tries;
	uint32_t	window;

	rng_seed(&g, seed, 0);
	for (k = 1; k <= count; k++) {
		source[k] = 0;
		if (k == 1 || rng_unit(&g) >= rate)
			continue;
		window = (uint32_t)(k - 1 < DUPE_WINDOW ? k - 1 : DUPE_WINDOW);
		for (tries = 0; tries < 4; tries++) {
			s = k - 1 - (long)rng_below(&g, window);
			if (source[s] == 0 && !used[s]) {
				source[k] = s;
				used[s] = true;
				ncopies++;
				break;
			}
		}
	}
	return ncopies;
}

static void
usage(void)
{
	fprintf(stderr, "usage: generate [-f csv|listing] [-s SEED] "
	    "[-d RATE] COUNT DIR\n       generate -V\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct out	 records, clusters;
	struct article	 a;
	struct rng	 g;
	enum format	 format = FORMAT_CSV;
	uint64_t	 seed = 20240601;
	double		 rate = 0.02;
	long		 count, k, ncopies, *source;
	bool		*used;
	char		*end, *rpath, *cpath;
	int		 ch;

	while ((ch = getopt(argc, argv, "f:s:d:V")) != -1) {
		switch (ch) {
		case 'V':
			printf("generate %d\n", GENERATOR_VERSION);
			return 0;
		case 'f':
			if (strcmp(optarg, "csv") == 0)
				format = FORMAT_CSV;
			else if (strcmp(optarg, "listing") == 0)
				format = FORMAT_LISTING;
			else
				usage();
			break;
		case 's':
			seed = strtoull(optarg, &end, 10);
			if (*end != '\0')
				usage();
			break;
		case 'd':
			rate = strtod(optarg, &end);
			if (*end != '\0' || rate < 0 || rate > 0.5)
				usage();
			break;
		default:
			usage();
		}
	}
	if (optind + 2 != argc)
		usage();
	count = strtol(argv[optind], &end, 10);
	if (*end != '\0' || count < 1) {
		fprintf(stderr, "generate: invalid COUNT '%s': give a positive "
		    "number of articles\n", argv[optind]);
		return 2;
	}
	if (mkdir(argv[optind + 1], 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "generate: cannot create %s: %s\n",
		    argv[optind + 1], strerror(errno));
		return 2;
	}

	build_vocabulary();
	source = calloc((size_t)count + 1, sizeof *source);
	used = calloc((size_t)count + 1, sizeof *used);
	if (source == NULL || used == NULL) {
		fprintf(stderr, "generate: out of memory for %ld articles\n",
		    count);
		return 2;
	}
	ncopies = plan_duplicates(seed, count, rate, source, used);

	records.fp = open_out(argv[optind + 1], format == FORMAT_CSV ?
	    "records.csv" : "records.txt", &rpath);
	records.path = rpath;
	clusters.fp = open_out(argv[optind + 1], "clusters.csv", &cpath);
	clusters.path = cpath;
	if (format == FORMAT_CSV)
		write_csv_header(&records);
	else
		write_listing_header(&records);
	put(&clusters, "merged_ids\n");
	for (k = 1; k <= count; k++) {
		if (source[k] == 0)
			draw_article(seed, k, &a);
		else {
			draw_article(seed, source[k], &a);
			rng_seed(&g, seed ^ 0x5bd1e995u, (uint64_t)k);
			mutate(&g, &a, k, format);
			put_number(&clusters, source[k]);
			putc_checked(&clusters, ';');
			put_number(&clusters, k);
			putc_checked(&clusters, '\n');
		}
		if (format == FORMAT_CSV)
			write_csv(&records, &a);
		else
			write_listing(&records, &a);
	}
	close_out(&records);
	close_out(&clusters);
	fprintf(stderr, "generate: %ld articles, %ld planted duplicates, in "
	    "%s\n", count, ncopies, rpath);
	free(rpath);
	free(cpath);
	free(source);
	free(used);
	return 0;
}
