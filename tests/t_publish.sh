# t_publish.sh -- regsite publish, end to end: releases, the atomic
# switch of PATH/current under a live nginx (content/nginx.conf) while
# loops of requests on 127.0.0.1 run, rollback and re-publish, --keep,
# unchanged files sent as hard links, the refusals with their messages,
# and the remote path: the command lines through a stand-in ssh, and a
# real sshd on 127.0.0.1 when one is installed.
. "$TOP/tests/lib.sh"

eq() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		fail "$1"
		echo "  want: $2"
		echo "  got:  $3"
	fi
}

for c in rsync nginx curl openssl; do
	if ! command -v $c >/dev/null 2>&1 && [ ! -x /usr/sbin/$c ]; then
		fail "$c is installed (make deps-build deps-test)"
		exit 1
	fi
done
PATH=$PATH:/usr/sbin

# Two releases of a small registry: the second has another site name,
# so every page differs, while the CSS, scripts and data do not.
"$REGSITE" demo --db "$WORK/reg.db" --quarters 2 --incidents 150 \
    --insurance 30 >/dev/null || { fail "a small demo registry"; exit 1; }
sed 's/^#* *name_kk *=.*/name_kk = Тізілім: жаңа шығарылым/' \
    "$TOP/content/site.ini" >"$WORK/new.ini"
grep -q '^name_kk = Тізілім: жаңа' "$WORK/new.ini" ||
    echo 'name_kk = Тізілім: жаңа шығарылым' >>"$WORK/new.ini"
"$REGSITE" build --db "$WORK/reg.db" --out "$WORK/old" \
    --config "$TOP/content/site.ini" --quiet &&
"$REGSITE" build --db "$WORK/reg.db" --out "$WORK/new" \
    --config "$WORK/new.ini" --quiet || { fail "two sites"; exit 1; }
check "the two releases differ in their pages" \
    sh -c "! cmp -s '$WORK/old/kk/index.html' '$WORK/new/kk/index.html'"

# The URLs the loops ask for, with the digests of both versions (not
# 404.html: nginx serves it only as the answer to a missing page).
(cd "$WORK/old" && find . -type f ! -name '.*' ! -name 404.html |
    sed 's|^\./||' | sort) |
    awk 'NR % 41 == 1 || /^index\.html$|^(kk|ru)\/index\.html$|style\./' \
    >"$WORK/paths"
: >"$WORK/digests"
while read -r p; do
	[ -f "$WORK/new/$p" ] || continue
	printf '%s %s %s\n' "$p" \
	    "$(sha256sum <"$WORK/old/$p" | cut -c1-64)" \
	    "$(sha256sum <"$WORK/new/$p" | cut -c1-64)" >>"$WORK/digests"
done <"$WORK/paths"
check "some files to ask for ($(wc -l <"$WORK/digests"))" \
    [ "$(wc -l <"$WORK/digests")" -gt 10 ]

# ---------------------------------------------------------------------
# nginx with content/nginx.conf, its root the symbolic link.

www=$WORK/www
ng=$WORK/nginx
mkdir -p "$ng/tmp"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$ng/key.pem" \
    -out "$ng/cert.pem" -days 1 -subj /CN=localhost 2>/dev/null
nginx_pid=
cleanup() {
	[ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null
	[ -n "${sshd_pid:-}" ] && kill "$sshd_pid" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
start_nginx() {
	tries=0
	while [ $tries -lt 10 ]; do
		port=$((20000 + ($$ * 7 + tries * 131) % 30000))
		port80=$((port + 1))
		sed -e "s#/etc/ssl/registry/fullchain.pem#$ng/cert.pem#" \
		    -e "s#/etc/ssl/registry/privkey.pem#$ng/key.pem#" \
		    -e "s#/srv/registry/current#$www/current#" \
		    -e "s#listen 443 ssl;#listen 127.0.0.1:$port ssl;#" \
		    -e "s#listen 80;#listen 127.0.0.1:$port80;#" \
		    -e "/listen \[::\]/d" "$TOP/content/nginx.conf" \
		    >"$ng/site.conf"
		: >"$ng/main.conf"
		[ "$(id -u)" -eq 0 ] && echo "user root;" >"$ng/main.conf"
		cat >>"$ng/main.conf" <<NGINX
error_log $ng/error.log;
pid $ng/nginx.pid;
events {}
http {
	access_log off;
	client_body_temp_path $ng/tmp;
	proxy_temp_path $ng/tmp;
	fastcgi_temp_path $ng/tmp;
	uwsgi_temp_path $ng/tmp;
	scgi_temp_path $ng/tmp;
	include $ng/site.conf;
}
NGINX
		if nginx -p "$ng" -c "$ng/main.conf" 2>>"$ng/start.err"; then
			i=0
			while [ ! -s "$ng/nginx.pid" ] && [ $i -lt 50 ]; do
				sleep 0.1; i=$((i + 1))
			done
			nginx_pid=$(cat "$ng/nginx.pid")
			return 0
		fi
		tries=$((tries + 1))
	done
	return 1
}

# A loop of requests (bounded: at most $1, until $WORK/stop exists):
# each answer must be 200 with the body of the old or the new release.
loop() {
	n=0 i=0
	: >"$WORK/loop.$2"
	while [ $n -lt "$1" ] && [ ! -e "$WORK/stop" ]; do
		while read -r p old new; do
			code=$(curl -sk --max-time 10 -o "$WORK/body.$2" \
			    -w '%{http_code}' "https://127.0.0.1:$port/$p")
			d=$(sha256sum <"$WORK/body.$2" | cut -c1-64)
			if [ "$d" = "$old" ]; then v=old
			elif [ "$d" = "$new" ]; then v=new
			else v=neither; fi
			echo "$code $v $p" >>"$WORK/loop.$2"
			n=$((n + 1))
			[ $n -ge "$1" ] && break
			[ -e "$WORK/stop" ] && break
		done <"$WORK/digests"
	done
}

# during DESC CMD...: two loops of requests around CMD; then every answer
# is a whole file of one release, and both releases were seen.
during() {
	desc=$1; shift
	rm -f "$WORK/stop"
	loop 4000 a & la=$!
	loop 4000 b & lb=$!
	sleep 1
	"$@" >"$WORK/cmd.out" 2>"$WORK/cmd.err"
	rc=$?
	sleep 1
	touch "$WORK/stop"
	wait $la $lb
	cat "$WORK/loop.a" "$WORK/loop.b" >"$WORK/answers"
	total=$(wc -l <"$WORK/answers")
	badn=$(grep -cv '^200 \(old\|new\) ' "$WORK/answers")
	olds=$(grep -c '^200 old ' "$WORK/answers")
	news=$(grep -c '^200 new ' "$WORK/answers")
	if [ $rc -eq 0 ] && [ "$badn" -eq 0 ] && [ "$olds" -gt 0 ] &&
	    [ "$news" -gt 0 ]; then
		ok "$desc: $total answers, each a whole file of one release ($olds old, $news new)"
	else
		fail "$desc: $total answers, each a whole file of one release ($olds old, $news new, $badn bad, exit $rc)"
		grep -v '^200 \(old\|new\) ' "$WORK/answers" | head -n 5
		cat "$WORK/cmd.err"
	fi
}

"$REGSITE" publish --dir "$WORK/old" --to "$www" >"$WORK/out" 2>"$WORK/err"
rc=$?
rel1=$(ls "$www/releases" 2>/dev/null | head -n 1)
eq "the first publish" \
    "0:published $WORK/old to $www: release $rel1 (1 release kept)" \
    "$rc:$(cat "$WORK/out" "$WORK/err")"
eq "current is a relative link to the release" "releases/$rel1" \
    "$(readlink "$www/current")"

if ! start_nginx; then
	fail "nginx serves $www/current"
	cat "$ng/start.err" "$ng/error.log" 2>/dev/null | tail -n 5
	exit 1
fi
eq "nginx serves the first release" \
    "$(sha256sum <"$WORK/old/kk/index.html" | cut -c1-64)" \
    "$(curl -sk "https://127.0.0.1:$port/kk/index.html" | sha256sum |
    cut -c1-64)"

sleep 1		# release names have one-second resolution
during "publish under load" "$REGSITE" publish --dir "$WORK/new" --to "$www"
rel2=$(ls "$www/releases" | tail -n 1)
eq "the second release is current" "releases/$rel2" "$(readlink "$www/current")"
eq "... and nginx serves it" \
    "$(sha256sum <"$WORK/new/kk/index.html" | cut -c1-64)" \
    "$(curl -sk "https://127.0.0.1:$port/kk/index.html" | sha256sum |
    cut -c1-64)"
css=$(cd "$WORK/new/static" && ls style.*.css)
eq "an unchanged file is a hard link to the previous release's" \
    "$(stat -c %i "$www/releases/$rel1/static/$css")" \
    "$(stat -c %i "$www/releases/$rel2/static/$css")"
check "a changed file is a new file" [ "$(stat -c %i \
    "$www/releases/$rel1/kk/index.html")" != "$(stat -c %i \
    "$www/releases/$rel2/kk/index.html")" ]
check "the release is the site exactly" \
    diff -r "$WORK/new" "$www/releases/$rel2"

during "rollback under load" "$REGSITE" publish --rollback --to "$www"
eq "rollback: what it says" \
    "rolled back $www: release $rel1 is current again ($rel2 set aside until the next publish)" \
    "$(cat "$WORK/cmd.out")"
eq "rollback: the first release is current" "releases/$rel1" \
    "$(readlink "$www/current")"

sleep 1
during "re-publish under load" "$REGSITE" publish --dir "$WORK/new" \
    --to "$www"
rel3=$(ls "$www/releases" | tail -n 1)
eq "re-publish: a new release, the set-aside one removed" \
    "$rel1 $rel3:releases/$rel3" \
    "$(ls "$www/releases" | tr '\n' ' ' | sed 's/ $//'):$(readlink \
    "$www/current")"
check "... its unchanged files linked to the rolled-back-to release" \
    [ "$(stat -c %i "$www/releases/$rel1/static/$css")" = \
    "$(stat -c %i "$www/releases/$rel3/static/$css")" ]

# --keep: the newest N stay.
for i in 1 2; do
	sleep 1
	"$REGSITE" publish --dir "$WORK/old" --to "$www" --keep 2 \
	    >"$WORK/out" 2>&1 || fail "publish --keep 2"
done
eq "--keep 2: two releases, the newest current" "2:releases/$(ls \
    "$www/releases" | tail -n 1)" "$(ls "$www/releases" | wc -l):$(readlink \
    "$www/current")"
eq "--keep 2: what it says" "(2 releases kept)" \
    "$(sed 's/.*release [0-9TZ-]* //' "$WORK/out")"

# ---------------------------------------------------------------------
# Refusals.

mkdir -p "$WORK/plain/current" "$WORK/notsite"
echo x >"$WORK/notsite/index.html"
expect_err "a live directory called current: refused" 1 \
    "regsite: $WORK/plain: 'current' is there and is not a symbolic link: regsite publish keeps releases in PATH/releases and points the symbolic link PATH/current at one (move the old site away, point the web server at PATH/current)" \
    "$REGSITE" publish --dir "$WORK/old" --to "$WORK/plain"
check_sh "... and left alone" '[ -d "$WORK/plain/current" ] &&
    [ ! -e "$WORK/plain/releases/.regsite" ]'
expect_err "a directory regsite did not build: refused" 1 \
    "regsite: $WORK/notsite: not a site regsite built (no .regsite marker): refusing to publish it" \
    "$REGSITE" publish --dir "$WORK/notsite" --to "$WORK/w2"
expect_err "rollback with one release: refused" 1 \
    "regsite: $WORK/w3: nothing to roll back to: no release before the current one" \
    sh -c "'$REGSITE' publish --dir '$WORK/old' --to '$WORK/w3' >/dev/null &&
    '$REGSITE' publish --rollback --to '$WORK/w3'"
expect_err "rollback of nothing published" 1 \
    "regsite: $WORK/nowhere: no such directory" \
    "$REGSITE" publish --rollback --to "$WORK/nowhere"
expect_err "--keep 1: refused (no rollback possible)" 2 \
    "regsite: --keep: expected a whole number from 2 to 1000, not '1'" \
    "$REGSITE" publish --dir "$WORK/old" --to "$WORK/w4" --keep 1

# ---------------------------------------------------------------------
# A remote destination: the command lines, through a stand-in ssh that
# logs its arguments and runs the command here, as sshd would.

cat >"$WORK/fakessh" <<'EOF'
#!/bin/sh
printf '%s\n' "$*" >>"${FAKESSH_LOG:?}"
while [ $# -gt 0 ]; do
	case $1 in
	-p|-l|-i|-o) shift 2 ;;
	--) shift; break ;;
	-*) shift ;;
	*) break ;;
	esac
done
shift		# the host
exec sh -c "$*"
EOF
chmod +x "$WORK/fakessh"
export FAKESSH_LOG="$WORK/ssh.log"
"$REGSITE" publish --dir "$WORK/old" --ssh "$WORK/fakessh -p 2222" \
    --to "deploy@registry.example:$WORK/remote" >"$WORK/out" 2>"$WORK/err"
rc=$?
relr=$(ls "$WORK/remote/releases" 2>/dev/null | head -n 1)
eq "remote: published through the remote shell" \
    "0:published $WORK/old to deploy@registry.example:$WORK/remote: release $relr (1 release kept)" \
    "$rc:$(cat "$WORK/out" "$WORK/err")"
eq "remote: the first command line: ssh -p 2222 -- HOST sh -c SCRIPT sh PATH NAME" \
    "-p 2222 -- deploy@registry.example sh -c 'LC_ALL=C; export LC_ALL
mkdir -p -- \"\$1/releases\" 2>/dev/null && cd -- \"\$1\" || exit 10" \
    "$(head -n 2 "$WORK/ssh.log")"
eq "remote: ... its arguments, quoted" \
    "' sh '$WORK/remote' '$relr'" \
    "$(sed -n '/^printf/{n;p;}' "$WORK/ssh.log" | head -n 1)"
check "remote: rsync went through the same remote shell" \
    grep -q "^-p 2222 .*registry.example rsync --server" "$WORK/ssh.log"
eq "remote: the switch command" \
    "-p 2222 -- deploy@registry.example sh -c 'LC_ALL=C; export LC_ALL
set -e" "$(grep -A1 "sh -c 'LC_ALL=C" "$WORK/ssh.log" | grep -B1 '^set -e$' |
    head -n 2)"
eq "remote: current points to the release" "releases/$relr" \
    "$(readlink "$WORK/remote/current")"
# A path with a space and a quote survives the remote shell.
"$REGSITE" publish --dir "$WORK/old" --ssh "$WORK/fakessh" \
    --to "h:$WORK/it's here" >/dev/null 2>"$WORK/err"
check "remote: a path with a space and a quote" \
    [ -L "$WORK/it's here/current" ]
printf '#!/bin/sh\nexit 255\n' >"$WORK/deadssh"
chmod +x "$WORK/deadssh"
expect_err "remote: an unreachable host" 1 \
    "regsite: nohost: $WORK/deadssh could not reach the host (exit status 255)" \
    "$REGSITE" publish --dir "$WORK/old" --ssh "$WORK/deadssh -p 22" \
    --to nohost:/srv/x
expect_err "remote: a host that looks like an option: refused" 1 \
    "regsite: --to: expected [USER@HOST:]PATH, not '-oProxyCommand=x:/srv'" \
    "$REGSITE" publish --dir "$WORK/old" --to "-oProxyCommand=x:/srv"

# A real sshd on 127.0.0.1, when there is one.
if [ "$(id -u)" -eq 0 ] && [ -x /usr/sbin/sshd ] && command -v ssh-keygen \
    >/dev/null; then
	sd=$WORK/sshd
	mkdir -p "$sd" /run/sshd
	ssh-keygen -q -t ed25519 -N '' -f "$sd/host" &&
	ssh-keygen -q -t ed25519 -N '' -f "$sd/client" &&
	cp "$sd/client.pub" "$sd/authorized_keys"
	sport=$((port + 2))
	cat >"$sd/config" <<EOF
ListenAddress 127.0.0.1
Port $sport
HostKey $sd/host
PidFile $sd/pid
AuthorizedKeysFile $sd/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
EOF
	/usr/sbin/sshd -D -e -f "$sd/config" 2>"$sd/log" &
	sshd_pid=$!
	i=0
	while ! ssh -q -i "$sd/client" -p "$sport" -o BatchMode=yes \
	    -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
	    root@127.0.0.1 true 2>/dev/null && [ $i -lt 50 ]; do
		sleep 0.1; i=$((i + 1))
	done
	SSH="ssh -i $sd/client -p $sport -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR"
	if [ $i -lt 50 ]; then
		"$REGSITE" publish --dir "$WORK/old" --ssh "$SSH" \
		    --to "root@127.0.0.1:$WORK/sshwww" >"$WORK/out" 2>&1
		sleep 1
		"$REGSITE" publish --dir "$WORK/new" --ssh "$SSH" \
		    --to "root@127.0.0.1:$WORK/sshwww" >>"$WORK/out" 2>&1
		"$REGSITE" publish --rollback --ssh "$SSH" \
		    --to "root@127.0.0.1:$WORK/sshwww" >>"$WORK/out" 2>&1
		first=$(ls "$WORK/sshwww/releases" | head -n 1)
		check_sh "over ssh to 127.0.0.1: publish, publish, rollback" \
		    '[ "$(readlink "$WORK/sshwww/current")" = \
		    "releases/$first" ] && [ "$(grep -c . "$WORK/out")" = 3 ]'
		grep -v '^published\|^rolled back' "$WORK/out" | head -n 5
	else
		echo "# skip: sshd did not start: $(tail -n 1 "$sd/log")"
	fi
else
	echo "# skip: no sshd (openssh-server) to publish over ssh to 127.0.0.1"
fi

# What must never be published: the registry (or any SQLite file) or
# the operator's privacy report, copied into the site by mistake, is
# refused before anything is uploaded.
for leak in registry.db data/copy.bin report.txt; do
	rm -rf "$WORK/leaky" "$WORK/wleak"
	cp -a "$WORK/old" "$WORK/leaky"
	case $leak in
	report.txt)	printf 'regsite: отчёт о защите данных\n\nНЕ ПУБЛИКУЙТЕ.\n' \
			    >"$WORK/leaky/$leak" ;;
	*)		cp "$WORK/reg.db" "$WORK/leaky/$leak" ;;
	esac
	expect_err "a site holding $leak is refused" 1 \
	    "regsite: $WORK/leaky/$leak: a database or a privacy report, which must never be published: refusing to publish $WORK/leaky" \
	    "$REGSITE" publish --dir "$WORK/leaky" --to "$WORK/wleak"
	check "... and nothing was uploaded" [ ! -e "$WORK/wleak/current" ]
done

# An upload that fails (a full disk) leaves no partial release behind.
mkdir -p "$WORK/tinywww"
if mount -t tmpfs -o size=64k tmpfs "$WORK/tinywww" 2>/dev/null; then
	"$REGSITE" publish --dir "$WORK/old" --to "$WORK/tinywww" \
	    >/dev/null 2>"$WORK/err"
	rc=$?
	check_sh "an upload to a full disk fails (status $rc), the site unchanged, its partial copy removed" \
	    '[ $rc -eq 1 ] && grep -q "rsync failed (exit status [0-9]*); the site is unchanged$" "$WORK/err" && [ ! -e "$WORK/tinywww/current" ] && [ -z "$(ls -A "$WORK/tinywww/releases")" ]'
	unmount "$WORK/tinywww"
else
	echo "# skip: no tmpfs could be mounted (not root?): the full disk"
fi
