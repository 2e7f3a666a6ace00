# t_serve.sh -- regsite serve (issue 16.9): the security headers on
# every response it makes (a page, the 404 page, the plain "not found",
# 405), nothing served through a symbolic link that leads out of the
# directory, and idle or garbage connections closed after --timeout.
. "$TOP/tests/lib.sh"

if ! command -v curl >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1
then
	echo "# skip: curl and python3 are needed (make deps-test)"
	exit 0
fi
cd "$WORK" || exit 1
mkdir -p site/kk outside
printf '<!DOCTYPE html><title>x</title>\n' >site/index.html
printf '<!DOCTYPE html><title>kk</title>\n' >site/kk/index.html
printf '<!DOCTYPE html><title>not found</title>\n' >site/404.html
printf 'root:x:0:0:secret\n' >outside/passwd
ln -s ../outside/passwd site/passwd.txt
ln -s ../outside site/out
ln -s "$WORK/outside" site/abs
ln -s kk/index.html site/inside.html

# (The tests run side by side: a port another test holds, or a client's
# ephemeral port, fails the server at once; the next one is tried.)
try=0
spid=
trap 'kill $spid 2>/dev/null; rm -rf "$WORK"' EXIT
while :; do
	port=$((40000 + ($$ * 13 + try * 7) % 20000))
	"$REGSITE" serve --dir site --port "$port" --timeout 2 2>serve.log &
	spid=$!
	i=0
	while ! curl -s -o /dev/null "http://127.0.0.1:$port/" &&
	    kill -0 $spid 2>/dev/null && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	kill -0 $spid 2>/dev/null && break
	try=$((try + 1))
	[ $try -lt 10 ] || break
done
url="http://127.0.0.1:$port"

# headers OPTS...: the response's status line and security headers.
headers() {
	curl -s -o /dev/null -D - "$@" | tr -d '\r' |
	    grep -E '^(HTTP/|Content-Security-Policy:|X-Content-Type-Options:|X-Frame-Options:|Referrer-Policy:)' |
	    sed -e 's/:.*//' -e 's/^HTTP.*/HTTP/' | tr '\n' ' '
}
all="Content-Security-Policy X-Content-Type-Options Referrer-Policy X-Frame-Options "
h=$(headers "$url/")
check "a page: 200 with the security headers ($h)" [ "$h" = "HTTP $all" ]
h=$(headers "$url/no/such/page")
check "the 404 page: the security headers ($h)" [ "$h" = "HTTP $all" ]
h=$(headers -X POST "$url/")
check "405: the security headers ($h)" [ "$h" = "HTTP $all" ]
check "405 says what is allowed" \
    sh -c "curl -s -D - -o /dev/null -X DELETE '$url/' | tr -d '\r' | grep -qx 'Allow: GET, HEAD'"
mv site/404.html 404.html
h=$(headers "$url/no/such/page")
check "the plain 'not found': the security headers ($h)" \
    [ "$h" = "HTTP $all" ]
mv 404.html site/404.html

# Symbolic links: none leads out of the served directory.
for p in passwd.txt out/passwd abs/passwd; do
	code=$(curl -s -o body -w '%{http_code}' "$url/$p")
	check "/$p (a link out of the directory) is not found ($code)" \
	    sh -c "[ $code = 404 ] && ! grep -q secret body"
done
code=$(curl -s -o body -w '%{http_code}' "$url/inside.html")
check "a link to a file inside the directory is served ($code)" \
    sh -c "[ $code = 200 ] && grep -q '<title>kk' body"
code=$(curl -s -o /dev/null -w '%{http_code}' --path-as-is "$url/../outside/passwd")
check "/../ is refused ($code)" [ "$code" = 404 ]

# Idle connections and garbage without an end are closed after the
# timeout (2 s here; 15 by default).
python3 - "$port" >conns.log 2>&1 <<'EOF'
import socket, sys, time
port = int(sys.argv[1])
conns = []
for i in range(9):
    s = socket.create_connection(("127.0.0.1", port))
    if i % 3 == 1:
        s.sendall(b"GET / HTT")              # a request never finished
    elif i % 3 == 2:
        s.sendall(b"\x16\x03\x01garbage")    # not HTTP at all
    conns.append(s)
time.sleep(5)
closed = 0
for s in conns:
    s.settimeout(1)
    try:
        data = s.recv(65536)
        while data:                          # an error reply, then EOF
            data = s.recv(65536)
        closed += 1
    except (ConnectionResetError, BrokenPipeError):
        closed += 1
    except socket.timeout:
        pass
print(closed)
EOF
n=$(tail -n 1 conns.log)
check "9 idle or garbage connections are closed by the server after the timeout ($n)" \
    [ "$n" = 9 ]
check "the server still answers" \
    sh -c "curl -sf -o /dev/null '$url/kk/'"
expect_err "--timeout must be a number of seconds" 2 \
    "regsite: --timeout: expected a whole number from 1 to 3600, not '0'" \
    "$REGSITE" serve --dir site --timeout 0
