# fehrest: a terminal browser for catalogues of journal articles.
#
#   make            build fehrest and the bundled catalogue
#   make run        build and open the bundled catalogue in the browser
#   make check      build and run every test, also under ASan and UBSan,
#                   and the threaded commands under TSan
#   make install    install under $(DESTDIR)$(PREFIX)
#   make bench      benchmarks at 10k, 100k and 1M articles (see docs/)
#
# The first build runs scripts/configure, which installs missing Debian
# packages and writes build/config.mk. V=1 shows every command.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/fehrest
VERSION = 0.1.0

# Where make bench keeps its large generated catalogues.
BENCH_DIR ?= /tmp/fehrest-bench

CC ?= cc
OPT ?= -O2 -g
WARN = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
       -Wformat=2 -Wwrite-strings
ifneq ($(CI),)
WARN += -Werror
endif
SAN = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
TSAN = -fsanitize=thread

ifeq ($(V),1)
Q =
else
Q = @
endif

include build/config.mk

CPPFLAGS += -Iinclude -D_GNU_SOURCE -DFEHREST_VERSION='"$(VERSION)"' \
	    -DFEHREST_DATADIR='"$(DATADIR)"'
ALL_CFLAGS = $(OPT) -std=c11 $(WARN) $(DEP_CFLAGS) $(CPPFLAGS) $(CFLAGS)

SRC = $(wildcard src/*.c)
OBJ = $(SRC:src/%.c=build/obj/%.o)
LIBOBJ = $(filter-out build/obj/main.o,$(OBJ))
ASAN_OBJ = $(SRC:src/%.c=build/asan/%.o)
ASAN_LIBOBJ = $(filter-out build/asan/main.o,$(ASAN_OBJ))
TSAN_OBJ = $(SRC:src/%.c=build/tsan/%.o)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=build/tests/%)
ASAN_UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=build/asan-tests/%)
CATALOGUE = data/neural-networks.db
LISTING = data/neural-networks-listing.txt

.PHONY: all run check check-unit check-asan install uninstall clean bench \
	bench-dedupe screenshots

all: fehrest $(CATALOGUE)

build/config.mk: scripts/configure
	$(Q)sh scripts/configure $@

build/obj/%.o: src/%.c $(wildcard include/*.h) build/config.mk
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/asan/%.o: src/%.c $(wildcard include/*.h) build/config.mk
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC asan $<")
	$(Q)$(CC) $(ALL_CFLAGS) $(SAN) -O1 -c -o $@ $<

build/tsan/%.o: src/%.c $(wildcard include/*.h) build/config.mk
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC tsan $<")
	$(Q)$(CC) $(ALL_CFLAGS) $(TSAN) -O1 -c -o $@ $<

# The data directory is compiled into catalogue.o, so that an installed
# fehrest finds its catalogue: a change of PREFIX or DATADIR rebuilds it.
build/datadir: FORCE
	@mkdir -p $(@D)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' > $@
build/obj/catalogue.o build/asan/catalogue.o build/tsan/catalogue.o: \
	build/datadir

.PHONY: FORCE
FORCE:

fehrest: $(OBJ)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $(OBJ) $(DEP_LIBS) $(LDFLAGS)

build/fehrest-asan: $(ASAN_OBJ)
	@$(if $(Q),echo "  LD asan $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(SAN) -o $@ $(ASAN_OBJ) $(DEP_LIBS) $(LDFLAGS)

build/fehrest-tsan: $(TSAN_OBJ)
	@$(if $(Q),echo "  LD tsan $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(TSAN) -o $@ $(TSAN_OBJ) $(DEP_LIBS) $(LDFLAGS)

# The bundled catalogue is built from the listing text in data/ and made
# read-only; it is written to a temporary file first so a failed build
# never leaves half a catalogue behind.
$(CATALOGUE): $(LISTING) fehrest
	@$(if $(Q),echo "  IMPORT  $@")
	$(Q)rm -f $@ $@.tmp
	$(Q)./fehrest import --quiet --bundle --name "Neural Networks" \
		--into $@.tmp $(LISTING)
	$(Q)mv $@.tmp $@
	$(Q)chmod a-w $@

build/tests/%: tests/unit/%.c $(LIBOBJ) tests/unit/unit.h
	@mkdir -p $(@D)
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -Itests/unit -o $@ $< $(LIBOBJ) \
		$(DEP_LIBS) $(TEST_LIBS) $(LDFLAGS)

build/asan-tests/%: tests/unit/%.c $(ASAN_LIBOBJ) tests/unit/unit.h
	@mkdir -p $(@D)
	@$(if $(Q),echo "  TEST    $@ (asan)")
	$(Q)$(CC) $(ALL_CFLAGS) $(SAN) -O1 $(TEST_CFLAGS) -Itests/unit -o $@ $< \
		$(ASAN_LIBOBJ) $(DEP_LIBS) $(TEST_LIBS) $(LDFLAGS)

run: all
	./fehrest

check: all build/fehrest-asan build/fehrest-tsan $(UNIT_BIN) $(ASAN_UNIT_BIN)
	@sh tests/run $(UNIT_BIN) -- $(ASAN_UNIT_BIN)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)
	install -m 755 fehrest $(DESTDIR)$(BINDIR)/fehrest
	install -m 644 docs/fehrest.1 $(DESTDIR)$(MANDIR)/man1/fehrest.1
	install -m 444 $(CATALOGUE) $(DESTDIR)$(DATADIR)/neural-networks.db

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/fehrest $(DESTDIR)$(MANDIR)/man1/fehrest.1 \
		$(DESTDIR)$(DATADIR)/neural-networks.db

bench: all
	sh bench/run $(BENCH_DIR)

bench-dedupe: all
	BENCH_DIR=$(BENCH_DIR) sh bench/dedupe $(DEDUPE_SETS)

screenshots: all
	sh scripts/screenshots

clean:
	rm -rf build fehrest $(CATALOGUE) $(CATALOGUE).tmp

# Duplicate detection: the scorer that bench/dedupe runs on labelled sets.
build/dedupe-score: bench/dedupe-score.c $(LIBOBJ)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ bench/dedupe-score.c $(LIBOBJ) $(DEP_LIBS) \
		$(LDFLAGS)

bench-dedupe: build/dedupe-score

# Benchmarks: the generator of synthetic catalogues and the driver that
# times filtering in process (see bench/run). BENCH_SIZES and BENCH_RUNS
# shorten a run: make bench BENCH_SIZES="10000 100000" BENCH_RUNS=5
BENCH_SIZES ?= 10000 100000 1000000
BENCH_RUNS ?= 10
export BENCH_SIZES BENCH_RUNS

bench: build/bench/generate build/bench/filter build/bench/ptyrun \
	build/bench/import-probe

build/bench/generate: bench/generate.c build/config.mk
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(OPT) -std=c11 $(WARN) -D_GNU_SOURCE $(CFLAGS) -o $@ $< \
		$(LDFLAGS)

build/bench/ptyrun: bench/ptyrun.c build/config.mk
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(OPT) -std=c11 $(WARN) -D_GNU_SOURCE $(CFLAGS) -o $@ $< \
		-lutil $(LDFLAGS)

build/bench/filter: bench/filter.c $(LIBOBJ) $(wildcard include/*.h)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(LIBOBJ) $(DEP_LIBS) $(LDFLAGS)

build/bench/import-probe: bench/import-probe.c $(LIBOBJ) $(wildcard include/*.h)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(LIBOBJ) $(DEP_LIBS) $(LDFLAGS)
