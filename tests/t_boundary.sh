# t_boundary.sh -- the layering holds: nothing under generator/site/ or
# generator/render/ includes <sqlite3.h> or store/db.h, their objects
# call no sqlite3_ function, and the Makefile's H_<header> lists (which
# objects see which header) are exactly the files that #include each
# header.  Reads the sources, the Makefile (through make itself) and the
# objects of $BUILD; builds nothing.
. "$TOP/tests/lib.sh"

gen=$TOP/generator

# 1. The includes.  The only header that includes <sqlite3.h> is
# store/db.h (headers include no project header), so a file without
# either include cannot see the database handle's type.
grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](sqlite3\.h|store/db\.h)[>"]' \
    $(find "$gen/site" "$gen/render" -name '*.[ch]' | sort) \
    >"$WORK/inc" 2>&1
if [ -s "$WORK/inc" ]; then
	fail "no file of site/ or render/ includes <sqlite3.h> or store/db.h"
	sed "s|^$gen/|  |" "$WORK/inc"
else
	ok "no file of site/ or render/ includes <sqlite3.h> or store/db.h"
fi
grep -lE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](sqlite3\.h|.*db\.h)[>"]' \
    $(find "$gen" -name '*.h' ! -path "$gen/store/db.h" | sort) \
    >"$WORK/hinc" 2>/dev/null
grep -lE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' \
    $(find "$gen" -name '*.h' | sort) >>"$WORK/hinc" 2>/dev/null
if [ -s "$WORK/hinc" ]; then
	fail "only store/db.h includes <sqlite3.h>; no header includes another"
	sed "s|^$gen/|  |" "$WORK/hinc"
else
	ok "only store/db.h includes <sqlite3.h>; no header includes another"
fi

# 2. The objects: nothing of site/ or render/ calls into SQLite.
: >"$WORK/nm"
nobj=0 nsrc=0 missing=""
for c in $(cd "$gen" && ls site/*.c render/*.c); do
	nsrc=$((nsrc + 1))
	o=$BUILD/obj/${c%.c}.o
	if [ ! -f "$o" ]; then
		missing="$missing ${c%.c}.o"
		continue
	fi
	nobj=$((nobj + 1))
	nm -u "$o" | grep 'sqlite3_' | sed "s|^|  ${c%.c}.o: |" >>"$WORK/nm"
done
if [ "$nobj" -eq "$nsrc" ]; then
	ok "an object in $BUILD/obj for each source of site/ and render/"
else
	fail "an object in $BUILD/obj for each source of site/ and render/"
	echo "  missing:$missing"
fi
if [ "$nobj" -gt 0 ] && [ ! -s "$WORK/nm" ]; then
	ok "nm -u: no sqlite3_ symbol in the $nobj objects of site/ and render/"
else
	fail "nm -u: no sqlite3_ symbol in the objects of site/ and render/"
	head -n 20 "$WORK/nm"
fi

# 3. The Makefile.  make expands its lists; the #include lines of every
# module say who sees what.
printf '%s\n' 'boundary-print:' \
    '	@$(foreach h,$(HEADERS),echo "H $(h): $(sort $(H_$(h)))";)' \
    '	@echo "M $(sort $(MODULES))"' |
    make -s --no-print-directory -C "$TOP" -f Makefile -f - \
    boundary-print >"$WORK/make" 2>"$WORK/make.err"
if [ -s "$WORK/make" ] && [ ! -s "$WORK/make.err" ]; then
	ok "make prints the Makefile's header lists"
else
	fail "make prints the Makefile's header lists"
	head -n 5 "$WORK/make.err" | sed 's/^/  /'
	exit 1
fi
sed -n 's/^H //p' "$WORK/make" | sed 's/ *$//' | sort >"$WORK/want"

(cd "$gen" && find . -name '*.c' | sed 's|^\./||; s|\.c$||' | sort) \
    >"$WORK/sources"
sed -n 's/^M //p' "$WORK/make" | tr ' ' '\n' | sed '/^$/d' | sort \
    >"$WORK/modules"
if diff -u "$WORK/modules" "$WORK/sources" >"$WORK/mdiff"; then
	ok "the Makefile's modules are the .c files of generator/"
else
	fail "the Makefile's modules are the .c files of generator/"
	echo "  --- Makefile MODULES, +++ generator/*.c"
	sed -n '3,$p' "$WORK/mdiff" | head -n 20 | sed 's/^/  /'
fi

(cd "$gen" && find . -name '*.h' | sed 's|^\./||' | sort) >"$WORK/headers"
sed 's/:.*//' "$WORK/want" | sort >"$WORK/listed"
if diff -u "$WORK/listed" "$WORK/headers" >"$WORK/hdiff"; then
	ok "the Makefile's HEADERS are the headers of generator/"
else
	fail "the Makefile's HEADERS are the headers of generator/"
	echo "  --- Makefile HEADERS, +++ generator/*.h"
	sed -n '3,$p' "$WORK/hdiff" | head -n 20 | sed 's/^/  /'
fi

: >"$WORK/got"
while read -r h; do
	users=$(cd "$gen" && for m in $(cat "$WORK/sources"); do
		grep -qE "^[[:space:]]*#[[:space:]]*include[[:space:]]*\"$h\"" \
		    "$m.c" && echo "$m"
	done | sort | tr '\n' ' ' | sed 's/ *$//')
	echo "$h: $users" >>"$WORK/got"
done <"$WORK/headers"
sort -o "$WORK/got" "$WORK/got"
if diff -u "$WORK/want" "$WORK/got" >"$WORK/diff"; then
	ok "each H_<header> list is the set of files that #include it"
else
	fail "each H_<header> list is the set of files that #include it"
	echo "  --- Makefile H_<header>, +++ #include lines"
	sed -n '3,$p' "$WORK/diff" | sed 's/^/  /'
fi
