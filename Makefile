# regsite -- the registry's static site generator.
#
#   make site    install what building a site needs (deps-build), build
#                build/regsite, make the demo database, generate the
#                demo site into public/
#   make check   install what the tests need too (deps-test), build, run
#                every test, then the whole suite again under ASan+UBSan
#   make test    build what the tests need and run them once (no ASan)
#   make regress the golden pages alone; make regress-update rewrites
#                them and shows what changed
#
# CFLAGS, LDFLAGS, PREFIX and DESTDIR are honoured; library flags come
# from pkg-config and can be overridden (PKG_CFLAGS, PKG_LIBS).

PREFIX	 ?= /usr/local
BINDIR	 ?= $(PREFIX)/bin
MANDIR	 ?= $(PREFIX)/share/man
DATADIR	 ?= $(PREFIX)/share/regsite
DESTDIR	 ?=

CC	 ?= cc
CFLAGS	 ?= -O2 -g
LDFLAGS	 ?=
PKG_CONFIG ?= pkg-config

# Libraries with a .pc file; libcsv ships none.
PKGS	  = sqlite3 libcmark libmicrohttpd nettle hunspell xlsxwriter libzip zlib \
	    libdeflate libxxhash liblz4
PKG_CFLAGS = $$($(PKG_CONFIG) --cflags $(PKGS))
PKG_LIBS   = $$($(PKG_CONFIG) --libs $(PKGS)) -lcsv -lglpk -lm

WARN	  = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	    -Wmissing-prototypes -Wno-unused-parameter
ALL_CPPFLAGS = -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE \
	    -DDATADIR='"$(DATADIR)"' -Igenerator -Ibuild $(CPPFLAGS)
ALL_CFLAGS = -std=c17 $(ALL_CPPFLAGS) $(WARN) $(CFLAGS) $(PKG_CFLAGS)

SAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	    -fno-sanitize-recover=undefined

# The pipeline, one folder per stage (see the README's map):
#   lib/      memory, buffers, UTF-8, escapers, formats, configuration
#   store/    the registry database: schema, rules, import, validate, demo
#   privacy/  the privacy stage and the scrubber (the last to hold the
#             database handle)
#   render/   templates, Markdown, the catalog, SVG charts
#   site/     the build: the page kit and URL scheme, one module per
#             kind of page, downloads through one writer per format,
#             feeds, the site on disk
#   main.c, serve.c
LIB	  = lib/util lib/escape lib/json lib/format lib/config lib/dict \
	    lib/worker
# The store modules that see the database, and the demo corpus reader.
STORE_DB  = store/db store/msg store/rules store/import store/validate \
	    store/withdraw store/forget store/demo
STORE	  = $(STORE_DB) store/corpus
PRIVACY	  = privacy/privacy privacy/scrub privacy/lexicon privacy/report \
	    privacy/ladder privacy/partition privacy/textqi privacy/cube \
	    privacy/release privacy/memo
RENDER	  = render/mustache render/markdown render/catalog render/chart
SITE	  = site/build site/page site/url site/assets site/content \
	    site/data site/fields site/dl_csv site/dl_json site/dl_xlsx \
	    site/root \
	    site/home site/stats site/datapages site/quarter site/tables \
	    site/feed site/output site/releases site/explore site/reuse
TOPLEVEL  = main serve publish
MODULES	  = $(LIB) $(STORE) $(PRIVACY) $(RENDER) $(SITE) $(TOPLEVEL)
SRCS	  = $(MODULES:%=generator/%.c)
OBJS	  = $(MODULES:%=build/obj/%.o)
LIBOBJS	  = $(filter-out build/obj/main.o,$(OBJS))
SAN_OBJS  = $(MODULES:%=build/asan/obj/%.o)
SAN_LIBOBJS = $(filter-out build/asan/obj/main.o,$(SAN_OBJS))
UNITS	  = $(wildcard tests/unit/test_*.c)
UNIT_BINS = $(UNITS:tests/unit/%.c=build/%)
SAN_UNIT_BINS = $(UNITS:tests/unit/%.c=build/asan/%)
FUZZERS	  = $(wildcard tests/fuzz/fuzz_*.c)

# Which objects see which header: the layering, stated once
# (tests/t_boundary.sh checks it against the #include lines).  Only the
# store and the privacy stage see store/db.h, that is <sqlite3.h>.
H_lib/config.h	= lib/config privacy/cube privacy/ladder \
		     privacy/partition privacy/privacy privacy/release \
		     privacy/textqi site/assets site/build site/content \
		     site/data site/datapages site/dl_csv site/dl_json \
		     site/dl_xlsx site/explore site/feed site/fields \
		     site/home site/page site/quarter site/releases \
		     site/root site/stats site/tables
H_lib/dict.h	= lib/dict privacy/cube privacy/ladder privacy/privacy \
		     privacy/release privacy/textqi site/build \
		     site/fields site/page site/stats site/tables \
		     store/db store/demo store/import store/rules \
		     store/validate store/withdraw
H_lib/escape.h	= lib/escape lib/json render/chart render/mustache \
		     site/dl_csv site/dl_xlsx site/feed site/releases \
		     site/stats site/tables
H_lib/format.h	= lib/format main privacy/privacy render/chart site/build \
		     site/content site/data site/datapages site/explore \
		     site/feed site/fields site/home site/page \
		     site/quarter site/releases site/root site/stats \
		     site/tables site/url store/import store/rules \
		     store/validate store/withdraw
H_lib/json.h	= lib/json site/dl_json site/tables
H_lib/lib.h	= $(MODULES)
H_lib/worker.h	= lib/worker privacy/privacy site/data store/import
H_store/corpus.h = store/corpus store/demo
H_store/db.h	= privacy/cube privacy/memo privacy/privacy privacy/release \
		     store/db \
		     store/demo store/forget store/import store/rules \
		     store/validate store/withdraw
H_store/msg.h	= main $(STORE_DB)
H_store/rules.h	= store/import store/rules store/validate store/withdraw
H_store/store.h	= main store/db store/demo store/forget store/import \
		     store/validate store/withdraw
H_privacy/cube.h = privacy/cube privacy/privacy
H_privacy/ladder.h = privacy/ladder privacy/partition privacy/privacy \
		     privacy/textqi
H_privacy/lexicon.h = privacy/lexicon privacy/scrub
H_privacy/memo.h = privacy/memo privacy/privacy
H_privacy/partition.h = privacy/partition privacy/privacy
H_privacy/privacy.h = privacy/cube privacy/privacy privacy/release \
		     privacy/textqi site/build site/data site/datapages \
		     site/dl_csv site/dl_json site/dl_xlsx site/explore \
		     site/feed site/fields site/home site/page \
		     site/quarter site/releases site/stats site/tables
H_privacy/release.h = privacy/privacy privacy/release
H_privacy/report.h = privacy/cube privacy/privacy privacy/report \
		     site/build
H_privacy/scrub.h = privacy/cube privacy/privacy privacy/release \
		     privacy/report privacy/scrub privacy/textqi \
		     site/build site/data site/datapages site/dl_csv \
		     site/dl_json site/dl_xlsx site/explore site/feed \
		     site/fields site/home site/page site/quarter \
		     site/releases site/stats site/tables
H_privacy/textqi.h = privacy/privacy privacy/textqi
H_render/catalog.h = render/catalog site/build site/data site/datapages \
		     site/dl_csv site/dl_json site/dl_xlsx site/explore \
		     site/feed site/fields site/home site/page \
		     site/quarter site/releases site/root site/stats \
		     site/tables
H_render/chart.h = render/chart site/stats
H_render/markdown.h = render/markdown site/content site/feed site/page
H_render/mustache.h = render/catalog render/markdown render/mustache \
		     site/build site/content site/data site/datapages \
		     site/explore site/home site/page site/quarter \
		     site/releases site/root site/stats site/tables
H_site/build.h	= main site/build site/data site/page
H_site/download.h = site/data site/datapages site/dl_csv site/dl_json \
		     site/dl_xlsx site/fields site/releases site/stats
H_site/output.h	= site/assets site/build site/data site/dl_xlsx \
		     site/feed site/output site/page site/releases \
		     site/reuse site/stats site/tables
H_site/page.h	= site/content site/data site/datapages site/explore \
		     site/feed site/fields site/home site/page \
		     site/quarter site/releases site/root site/stats \
		     site/tables
H_site/reuse.h	= site/build site/data site/reuse site/tables
H_site/site.h	= site/assets site/build site/content site/data \
		     site/datapages site/dl_csv site/dl_json site/dl_xlsx \
		     site/explore site/feed site/fields site/home \
		     site/page site/quarter site/releases site/root \
		     site/stats site/tables
H_site/url.h	= site/assets site/content site/data site/datapages \
		     site/dl_json site/dl_xlsx site/explore site/feed \
		     site/home \
		     site/page site/quarter site/releases site/root \
		     site/stats site/tables site/url
H_publish.h	= main publish
H_serve.h	= main serve
HEADERS	  = lib/config.h lib/dict.h lib/escape.h lib/format.h lib/json.h \
	    lib/lib.h lib/worker.h store/corpus.h store/db.h store/msg.h \
	    store/rules.h store/store.h privacy/cube.h privacy/ladder.h \
	    privacy/lexicon.h privacy/memo.h privacy/partition.h \
	    privacy/privacy.h \
	    privacy/release.h privacy/report.h privacy/scrub.h \
	    privacy/textqi.h render/catalog.h render/chart.h \
	    render/markdown.h render/mustache.h site/build.h \
	    site/download.h site/output.h site/page.h site/reuse.h \
	    site/site.h site/url.h publish.h serve.h
$(foreach h,$(HEADERS),$(eval $(H_$(h):%=build/obj/%.o) \
    $(H_$(h):%=build/asan/obj/%.o) $(H_$(h):%=build/fuzz/obj/%.o): \
    generator/$(h)))
build/obj/store/db.o build/asan/obj/store/db.o build/fuzz/obj/store/db.o: \
    build/schema.inc

DEMO_DB	  = build/demo.db

.PHONY: all deps deps-build deps-test site check test test-asan asan bench \
	fuzz regress regress-update install uninstall clean attack-big

all: build/regsite

# --- dependencies -----------------------------------------------------

# Debian packages, in two sets.  deps-build: what building, generating
# and publishing a site need (make site): the compiler, pkg-config, the
# -dev libraries, sqlite3 (to look into a registry), rsync and ssh
# (regsite publish).  deps-test: what the tests add (make check): vnu
# needs Java, the browser tests Node.js (npm ci) and Chromium, the fuzz
# targets clang's libFuzzer, the publish test nginx, curl and sshd, the
# fault-injection test strace.  The scrubber reads the Russian and
# Kazakh hunspell dictionaries at run time.  Libraries are checked with dpkg; tools
# by their command, so that a Java or a Node.js installed some other
# way is used as it is.
DEB_BUILD_LIBS	= libsqlite3-dev libcmark-dev libcsv-dev libmicrohttpd-dev zlib1g-dev \
		  nettle-dev libglpk-dev libhunspell-dev hunspell-ru hunspell-kk \
		  libxlsxwriter-dev libdeflate-dev libzip-dev libxxhash-dev \
		  liblz4-dev
DEB_BUILD_TOOLS	= gcc:gcc make:make pkg-config:pkg-config sqlite3:sqlite3 \
		  rsync:rsync ssh:openssh-client
DEB_TEST_LIBS	= libjansson-dev libclang-rt-14-dev python3-yaml
DEB_TEST_TOOLS	= xmllint:libxml2-utils java:default-jre-headless \
		  node:nodejs npm:npm chromium:chromium clang:clang \
		  curl:curl openssl:openssl /usr/bin/time:time \
		  /usr/sbin/nginx:nginx-light /usr/sbin/sshd:openssh-server \
		  strace:strace glpsol:glpk-utils unzip:unzip

# $(call apt_missing,LIBS,TOOLS,TARGET): install what is missing (as
# root), or say what to install.
define apt_missing
	@missing=""; \
	for p in $(1); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
		    grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	for t in $(2); do \
		c=$${t%%:*}; p=$${t#*:}; \
		command -v $$c >/dev/null 2>&1 || [ -x "$$c" ] || \
		    missing="$$missing $$p"; \
	done; \
	case "$$missing" in \
	"") ;; \
	*) if [ "$$(id -u)" = 0 ]; then \
		echo "make $(3): installing$$missing"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update -q >/dev/null && \
		apt-get install -y -q --no-install-recommends $$missing \
		    >/dev/null || exit 1; \
	   else \
		echo "make $(3): missing Debian packages:$$missing" >&2; \
		echo "make $(3): run as root: apt-get install$$missing" >&2; \
		exit 1; \
	   fi ;; \
	esac
endef

deps: deps-build deps-test

deps-build:
	$(call apt_missing,$(DEB_BUILD_LIBS),$(DEB_BUILD_TOOLS),deps-build)

deps-test: deps-build
	$(call apt_missing,$(DEB_TEST_LIBS),$(DEB_TEST_TOOLS),deps-test)
	@if [ ! -d tests/node_modules ] || \
	    [ tests/package-lock.json -nt tests/node_modules/.stamp ]; then \
		echo "make deps-test: npm ci (tests/package-lock.json)"; \
		(cd tests && npm ci --no-audit --no-fund --loglevel=error) && \
		touch tests/node_modules/.stamp; \
	fi

# --- build --------------------------------------------------------------

build/schema.inc: generator/store/schema.sql
	@mkdir -p build
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' \
	    generator/store/schema.sql > $@.tmp && mv $@.tmp $@

# V=1 shows the commands.
Q_CC	  = $(if $(V),,@echo "  CC      $<";)
Q_LD	  = $(if $(V),,@echo "  LD      $@";)

build/obj/%.o: generator/%.c
	@mkdir -p $(@D)
	$(Q_CC)$(CC) $(ALL_CFLAGS) -c -o $@ $<

# dl_xlsx.c's deflateInit2_ is the one libxlsxwriter's minizip calls;
# its zipOpenNewFileInZip4_64 and zipWriteInFileInZip the ones
# libxlsxwriter calls (a part's sheet goes to its pieces).
EXPORT	  = -Wl,--export-dynamic-symbol=deflateInit2_ \
	    -Wl,--export-dynamic-symbol=zipOpenNewFileInZip4_64 \
	    -Wl,--export-dynamic-symbol=zipWriteInFileInZip

build/regsite: $(OBJS)
	$(Q_LD)$(CC) $(LDFLAGS) $(EXPORT) -o $@ $(OBJS) $(PKG_LIBS)

build/test_%: tests/unit/test_%.c tests/unit/unit.h $(LIBOBJS) \
    $(HEADERS:%=generator/%)
	$(Q_LD)$(CC) $(ALL_CFLAGS) $$($(PKG_CONFIG) --cflags jansson) \
	    $(LDFLAGS) -o $@ $< $(LIBOBJS) $(PKG_LIBS) \
	    $$($(PKG_CONFIG) --libs jansson)

# The same under ASan+UBSan.
build/asan/obj/%.o: generator/%.c
	@mkdir -p $(@D)
	$(Q_CC)$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -c -o $@ $<

build/asan/regsite: $(SAN_OBJS)
	$(Q_LD)$(CC) $(SAN_FLAGS) $(LDFLAGS) $(EXPORT) -o $@ $(SAN_OBJS) \
	    $(PKG_LIBS)

build/asan/test_%: tests/unit/test_%.c tests/unit/unit.h \
    $(SAN_LIBOBJS) $(HEADERS:%=generator/%)
	$(Q_LD)$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) \
	    $$($(PKG_CONFIG) --cflags jansson) $(LDFLAGS) -o $@ $< \
	    $(SAN_LIBOBJS) $(PKG_LIBS) $$($(PKG_CONFIG) --libs jansson)

# Test tools in C (read back the downloads with libcsv and jansson).
build/csvcheck: tests/tools/csvcheck.c
	$(Q_LD)$(CC) -std=c17 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE $(WARN) \
	    $(CFLAGS) $$($(PKG_CONFIG) --cflags jansson) $(LDFLAGS) -o $@ $< \
	    -lcsv $$($(PKG_CONFIG) --libs jansson) -lz

build/asan/csvcheck: tests/tools/csvcheck.c
	@mkdir -p build/asan
	$(Q_LD)$(CC) -std=c17 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE $(WARN) \
	    $(SAN_FLAGS) $$($(PKG_CONFIG) --cflags jansson) $(LDFLAGS) -o $@ \
	    $< -lcsv $$($(PKG_CONFIG) --libs jansson) -lz

# The scrubber's scorer and bench (tests/t_scrub.sh, make bench).
build/scrubscore: tests/tools/scrubscore.c $(LIBOBJS) $(HEADERS:%=generator/%)
	$(Q_LD)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIBOBJS) $(PKG_LIBS)

build/asan/scrubscore: tests/tools/scrubscore.c $(SAN_LIBOBJS) \
    $(HEADERS:%=generator/%)
	$(Q_LD)$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) $(LDFLAGS) -o $@ $< \
	    $(SAN_LIBOBJS) $(PKG_LIBS)

asan: build/asan/regsite build/asan/csvcheck build/asan/scrubscore \
    $(SAN_UNIT_BINS)

# libFuzzer targets (clang): one set of instrumented objects for all.
FUZZ_CFLAGS = -std=c17 $(ALL_CPPFLAGS) -g -O1 $(PKG_CFLAGS)
FUZZ_OBJS = $(filter-out build/fuzz/obj/main.o,$(MODULES:%=build/fuzz/obj/%.o))

build/fuzz/obj/%.o: generator/%.c
	@mkdir -p $(@D)
	$(Q_CC)clang $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined \
	    -c -o $@ $<

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJS)
	$(Q_LD)clang $(FUZZ_CFLAGS) -fsanitize=fuzzer,address,undefined \
	    -o $@ $< $(FUZZ_OBJS) $(PKG_LIBS)

fuzz: $(FUZZERS:tests/fuzz/%.c=build/fuzz/%)

# --- the demo site ------------------------------------------------------

site: deps-build
	$(MAKE) build/regsite
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	build/regsite demo --db $(DEMO_DB)
	build/regsite build --db $(DEMO_DB) --out public --config content/site.ini
	@echo "open public/index.html (or: build/regsite serve --dir public)"
	@echo "the program is build/regsite (make install puts it on the PATH)"

# --- tests --------------------------------------------------------------

# The plain pass needs every program its tests run, the fuzz targets
# included (tests/t_fuzz.sh), so that `make test` works on its own.
test: build/regsite build/csvcheck build/scrubscore $(UNIT_BINS) \
    $(FUZZERS:tests/fuzz/%.c=build/fuzz/%)
	sh tests/run.sh build

# Golden pages (tests/t_regress.sh, also part of the suite): regress
# compares them, regress-update rewrites tests/regress/expected/ from
# this build and shows the diff of every file that changed.
TEST_ENV  = REGSITE=$(CURDIR)/build/regsite BUILD=$(CURDIR)/build \
	    TOP=$(CURDIR) TZ=UTC LC_ALL=C.UTF-8

regress: build/regsite
	@$(TEST_ENV) sh tests/t_regress.sh

regress-update: build/regsite
	@REGEN=1 $(TEST_ENV) sh tests/t_regress.sh

test-asan: asan
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    sh tests/run.sh build/asan

check: deps-build deps-test
	$(MAKE) test
	$(MAKE) test-asan

bench: build/regsite build/scrubscore
	sh tests/bench.sh build/regsite

# The attacker suite (tests/t_attack.sh, issue 11) on a registry of
# 100 000 incidents and 10 000 insurance cases; not part of check.  It
# builds five releases of it (about 22 minutes on 2 shared cores) and
# attacks them (about 10): some 35 minutes in all, 2 GB of disk.
attack-big: build/regsite
	@start=$$(date +%s); \
	ATTACK_INCIDENTS=100000 ATTACK_INSURANCE=10000 \
	REGSITE=$(CURDIR)/build/regsite BUILD=$(CURDIR)/build TOP=$(CURDIR) \
	TZ=UTC LC_ALL=C.UTF-8 ARTIFACTS=$(CURDIR)/tests/artifacts \
	    sh tests/t_attack.sh; rc=$$?; \
	echo "attack-big: $$(($$(date +%s) - start)) s"; exit $$rc

# --- install ------------------------------------------------------------

install: build/regsite
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(DATADIR)
	install -m 0755 build/regsite $(DESTDIR)$(BINDIR)/regsite
	install -m 0644 generator/regsite.1 $(DESTDIR)$(MANDIR)/man1/regsite.1
	cp -R content templates static $(DESTDIR)$(DATADIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/regsite $(DESTDIR)$(MANDIR)/man1/regsite.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build public .public.regsite-*
