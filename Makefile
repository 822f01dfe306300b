# lotrinh - scenario and target-path simulator.
#
#   make            install what the build needs if missing (compiler,
#                   pkg-config, GSL, libconfig, jansson, libxlsxwriter),
#                   build build/lotrinh
#   make run        also gnuplot; build, run the main job on
#                   scenarios/long_an.cfg
#   make check      also Criterion and gnuplot; build with -Werror, run the tests
#   make sanitize   the tests under AddressSanitizer and UBSan
#   make valgrind   the CLI on every scenario and bad input under valgrind
#   make fuzz       fuzz the loader, the engines and the CSV reader (clang)
#   make bench      time the engines on the real scenarios
#   make install    install to $(DESTDIR)$(PREFIX)
#
# User variables stay the user's (CC, CFLAGS, LDFLAGS, PREFIX, DESTDIR);
# the project's own flags live in LT_CFLAGS and friends.

CC ?= cc
CFLAGS ?= -O2 -g
LDFLAGS ?=
PREFIX ?= /usr/local
MANDIR ?= $(PREFIX)/share/man
PKG_CONFIG ?= pkg-config
BUILD ?= build
FUZZ_SECONDS ?= 60

# make check and CI build with -Werror (as git's DEVELOPER=1)
ifneq ($(filter check sanitize,$(MAKECMDGOALS)),)
DEVELOPER ?= 1
endif

WARNINGS = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wwrite-strings
ifeq ($(DEVELOPER),1)
WARNINGS += -Werror
endif
ifneq ($(SANITIZE),)
SAN_FLAGS = -fsanitize=$(SANITIZE) -fno-sanitize-recover=all -fno-omit-frame-pointer
endif

PKGS = gsl libconfig jansson xlsxwriter
# '=' (not ':='): pkg-config runs when a recipe needs it, after `deps`
# OpenMP: Monte Carlo spreads chunks of draws over threads (mc.c)
OPENMP ?= -fopenmp
# Where the chart templates are (plot.c): the source tree's plots/, else
# the installed copy; the environment's LOTRINH_PLOTS overrides both.
PLOTS_FLAGS = -DLT_PLOTS_DIR="\"$(abspath plots)\"" \
	-DLT_PLOTS_SHARE="\"$(PREFIX)/share/lotrinh/plots\""
LT_CFLAGS = $(WARNINGS) $(SAN_FLAGS) $(OPENMP) -D_POSIX_C_SOURCE=200809L -Iinclude \
	$(PLOTS_FLAGS) $(shell $(PKG_CONFIG) --cflags $(PKGS))
LT_LIBS = $(OPENMP) $(shell $(PKG_CONFIG) --libs $(PKGS)) -lm
TEST_CFLAGS = $(shell $(PKG_CONFIG) --cflags criterion)
TEST_LIBS = $(shell $(PKG_CONFIG) --libs criterion)

LIB_SRC = $(filter-out src/cli/main.c,$(wildcard src/*/*.c))
LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ = $(BUILD)/src/cli/main.o
TEST_SRC = $(wildcard tests/test_*.c)
TEST_BIN = $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
DEPS = $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(TEST_BIN:=.d)

BIN = $(BUILD)/lotrinh
LIB = $(BUILD)/liblotrinh.a

.PHONY: all deps deps-test deps-plot deps-bench run check test sanitize valgrind fuzz bench install uninstall clean
.DELETE_ON_ERROR:

all: $(BIN)

# What each job installs when it is missing (.ci/install-deps): a plain
# build only the compiler and the libraries; the tests Criterion and
# gnuplot too; `make run` gnuplot for charts.  Each set waits for the one
# before it, so `make -j` never runs two package managers at once.
deps:
	@./.ci/install-deps build
deps-test: deps
	@./.ci/install-deps test plot
deps-plot: deps
	@./.ci/install-deps plot
$(TEST_BIN): | deps-test
test: | deps-test
run: | deps-plot

# Rebuild everything when the flags change (git's GIT-CFLAGS).
$(BUILD)/FLAGS: FORCE | deps
	@mkdir -p $(BUILD)
	@echo '$(CC) $(CFLAGS) $(LT_CFLAGS) $(LDFLAGS)' > $@.new
	@if cmp -s $@.new $@; then rm $@.new; else mv $@.new $@; fi
.PHONY: FORCE
FORCE:

$(BUILD)/%.o: %.c $(BUILD)/FLAGS
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LT_CFLAGS) -MMD -MP -c $< -o $@

$(LIB): $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(BIN): $(MAIN_OBJ) $(LIB)
	$(CC) $(CFLAGS) $(SAN_FLAGS) $(LDFLAGS) -o $@ $^ $(LT_LIBS)

$(BUILD)/tests/%: tests/%.c $(LIB) $(BUILD)/FLAGS
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LT_CFLAGS) $(TEST_CFLAGS) -MMD -MP -o $@ $< $(LIB) \
		$(LDFLAGS) $(TEST_LIBS) $(LT_LIBS)

# The main job on Long An: the roadmap, what the plan gets wrong, and what
# share of spending its targets need.
# The main job on Long An, after a quiet build: every output into
# $(RUN_OUT), and the briefing's path at the end.
RUN_OUT ?= out/long_an
RUN_FLAGS ?=
run:
	@$(MAKE) -s --no-print-directory $(BIN)
	@./$(BIN) run $(RUN_FLAGS) --out $(RUN_OUT) scenarios/long_an.cfg

# Unit and CLI tests; Criterion prints a synthesis line for each binary.
check: test
test: $(BIN) $(TEST_BIN)
	@./tests/check_layers.sh
	@BIN=$(BIN) ./tests/check_readme.sh
	@if [ -z "$(SANITIZE)" ]; then BIN=$(BIN) ./tests/check_browser.sh; fi
	@failed=0; for t in $(TEST_BIN); do \
		echo "== $$t"; LC_ALL=C ./$$t --jobs 2 || failed=$$((failed + 1)); \
	done; \
	if [ $$failed -ne 0 ]; then echo "check: $$failed test program(s) failed"; exit 1; fi

sanitize:
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
		$(MAKE) check SANITIZE=address,undefined BUILD=$(BUILD)/sanitize

# Line coverage of src/ by `make check` (gcc --coverage, then plain gcov):
# a fresh build in $(BUILD)/coverage, the tests, and a per-file and total
# summary (docs/COVERAGE.md records it).  gcov -n writes no .gcov files.
# The summary is printed even when a test fails; the status is the tests'.
COV_BUILD = $(BUILD)/coverage
.PHONY: coverage
coverage:
	rm -rf $(COV_BUILD)
	@status=0; $(MAKE) check BUILD=$(COV_BUILD) CFLAGS="-O0 -g --coverage" \
		LDFLAGS=--coverage || status=$$?; \
	echo "== line coverage of src/ (gcov)"; \
	for f in $(LIB_SRC) src/cli/main.c; do \
		gcov -n -o $(COV_BUILD)/$$(dirname $$f) $$f 2>/dev/null; \
	done | awk -F"'" '/^File /{ f = $$2; next } \
		/^Lines executed:/ && f ~ /^src\// { \
			split($$0, a, /[:% ]+/); n = a[5]; c = a[3] * n / 100; \
			printf "%-28s %7.2f%% of %5d\n", f, a[3], n; \
			tc += c; tn += n; f = "" } \
		END { printf "%-28s %7.2f%% of %5d lines\n", "TOTAL", \
			tn ? 100 * tc / tn : 0, tn }'; \
	exit $$status

# The CLI on every scenario, the main job, compare and every bad input,
# under valgrind (tests/valgrind.sh, two processes at a time).
valgrind: $(BIN)
	@./.ci/install-deps valgrind
	@./tests/valgrind.sh ./$(BIN) $(BUILD)

# Timings of the engines on the real scenarios, Monte Carlo against the
# floor, and whole processes against the NumPy program of bench/ run by
# Debian's python3 (docs/PERFORMANCE.md).  Not part of check or CI: timings
# belong to a quiet machine, never to a test.
BENCH_SRC = bench/bench.c bench/floor.c bench/export.c bench/procs.c \
	bench/agree.c
PYTHON3 ?= /usr/bin/python3
# (a header of the library changes the library, so $(LIB) covers those)
$(BUILD)/bench/bench: $(BENCH_SRC) $(wildcard bench/*.h) $(LIB) $(BUILD)/FLAGS
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LT_CFLAGS) -o $@ $(BENCH_SRC) $(LIB) $(LDFLAGS) \
		$(LT_LIBS)
deps-bench: deps
	@./.ci/install-deps bench
bench: $(BUILD)/bench/bench $(BIN) | deps-bench
	./$(BUILD)/bench/bench --lotrinh $(BIN) --python $(PYTHON3) \
		--dir $(BUILD)/bench

# libFuzzer on the scenario loader, the engines and the CSV reader; every
# crash it finds becomes a file in tests/data/bad/ (or bad_csv/) or a test.
# FUZZ_SECONDS bounds the whole run, shared between the targets.
FUZZ_BUILD = $(BUILD)/fuzz
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
# the loader, every engine after it, and the CSV reader with the fitter
FUZZ_TARGETS = scenario engines csv
FUZZ_SRC = $(filter-out src/cli/%,$(wildcard src/*/*.c))
fuzz:
	@./.ci/install-deps clang
	@mkdir -p $(FUZZ_BUILD)/corpus
	@set -e; for t in $(FUZZ_TARGETS); do \
		clang $(FUZZ_FLAGS) -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude \
			$$($(PKG_CONFIG) --cflags $(PKGS)) \
			-o $(FUZZ_BUILD)/fuzz_$$t tests/fuzz/fuzz_$$t.c $(FUZZ_SRC) \
			$$($(PKG_CONFIG) --libs $(PKGS)) -lm; \
	done
	@mkdir -p $(FUZZ_BUILD)/corpus-csv
	cp -f scenarios/*.cfg tests/data/good/*.cfg $(FUZZ_BUILD)/corpus/ 2>/dev/null || true
	cp -f tests/data/nist/*.csv tests/data/bad_csv/*.csv $(FUZZ_BUILD)/corpus-csv/ 2>/dev/null || true
	@set -e; for t in $(FUZZ_TARGETS); do \
		echo "fuzz: $$t for $$(( $(FUZZ_SECONDS) / 3 )) s"; \
		LSAN_OPTIONS=suppressions=tests/lsan.supp $(FUZZ_BUILD)/fuzz_$$t \
			-max_total_time=$$(( $(FUZZ_SECONDS) / 3 )) -max_len=65536 \
			-timeout=10 -artifact_prefix=$(FUZZ_BUILD)/$$t- \
			$(FUZZ_BUILD)/corpus$$( [ $$t = csv ] && echo -csv || true) \
			> $(FUZZ_BUILD)/$$t.log 2>&1 || { tail -n 40 $(FUZZ_BUILD)/$$t.log; exit 1; }; \
		grep -E "^Done|DONE" $(FUZZ_BUILD)/$$t.log; \
	done

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/lotrinh
	install -m 644 docs/lotrinh.1 $(DESTDIR)$(MANDIR)/man1/lotrinh.1
	install -d $(DESTDIR)$(PREFIX)/share/lotrinh/plots
	install -m 644 plots/*.gp $(DESTDIR)$(PREFIX)/share/lotrinh/plots

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/lotrinh $(DESTDIR)$(MANDIR)/man1/lotrinh.1
	rm -rf $(DESTDIR)$(PREFIX)/share/lotrinh/plots
	-rmdir $(DESTDIR)$(PREFIX)/share/lotrinh 2>/dev/null

clean:
	rm -rf $(BUILD)

-include $(DEPS)
