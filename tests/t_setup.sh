# t_setup.sh -- the set-up fits the job (issue 15): make site installs
# what building, generating and publishing need and nothing of the test
# tools; make check adds them.
. "$TOP/tests/lib.sh"

make -n -C "$TOP" site >"$WORK/site.n" 2>&1
for t in default-jre-headless chromium nodejs npm clang nginx-light \
    openssh-server strace libjansson-dev libclang-rt "npm ci"; do
	check "make site does not install $t" \
	    sh -c "! grep -q -- \"\$1\" \"\$2\"" sh "$t" "$WORK/site.n"
done
for t in libsqlite3-dev libcmark-dev libcsv-dev libmicrohttpd-dev \
    nettle-dev gcc pkg-config sqlite3 rsync openssh-client; do
	check "make site installs $t when it is missing" \
	    grep -q -- "$t" "$WORK/site.n"
done
make -n -C "$TOP" check >"$WORK/check.n" 2>&1
for t in default-jre-headless chromium nodejs clang nginx-light \
    openssh-server strace "npm ci"; do
	check "make check installs $t when it is missing" \
	    grep -q -- "$t" "$WORK/check.n"
done
check "make site says where the program is" \
    grep -q "the program is build/regsite" "$WORK/site.n"
