# t_ci.sh -- the CI recipes in content/ci/: valid YAML, every regsite
# command in them uses options regsite has, every variable and secret
# they need is named in the README.
. "$TOP/tests/lib.sh"

usage=$("$REGSITE" --help)
for f in "$TOP"/content/ci/gitlab-ci.yml "$TOP"/content/ci/github-actions.yml; do
	name=$(basename "$f")
	if python3 -c 'import yaml' 2>/dev/null; then
		check "$name: valid YAML" python3 -c \
		    'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' "$f"
	else
		echo "# skip: $name: no python3-yaml to parse it"
	fi
	for c in validate build publish; do
		check "$name: runs regsite $c" \
		    grep -q "build/regsite $c " "$f"
	done
	check "$name: keeps the privacy report as an artifact" \
	    grep -q "privacy-report.txt" "$f"
	# The options of every regsite command: its line and the lines
	# that continue it (they begin with an option).
	opts=$(grep -E '^ *(- )?(run: )?(build/regsite |--[a-z])' "$f" |
	    grep -o -- '--[a-z-]*' | sort -u)
	bad=
	for o in $opts; do
		printf '%s\n' "$usage" | grep -q -- "$o[] =]" || bad="$bad $o"
	done
	check "$name: every option is one of regsite's ($(echo $opts))" \
	    [ -z "$bad" ]
	for v in REGISTRY_DB SITE_CONFIG PUBLISH_TO PUBLISH_SSH_KEY \
	    PUBLISH_KNOWN_HOSTS; do
		check "$name: needs $v, and the README names it" \
		    sh -c "grep -q '$v' '$f' && grep -q '\`$v\`' '$TOP/README.md'"
	done
done
