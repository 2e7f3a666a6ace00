#!/bin/sh
# tests/bench.sh REGSITE -- benchmarks (make bench).  Prints timings;
# asserts nothing about them.
#
#   import   a generated 1,000,000-row Form 1 submission into a new
#            database, then the same file again (a resubmission that
#            replaces every record)
set -eu
regsite=${1:?usage: tests/bench.sh path/to/regsite}
case $regsite in /*) ;; *) regsite=$(pwd)/$regsite ;; esac
rows=${BENCH_ROWS:-1000000}
work=$(mktemp -d "${TMPDIR:-/tmp}/regsite-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export TZ=UTC LC_ALL=C.UTF-8

now() { date +%s.%N; }
# rate ROWS START END: "N rows in S s (R rows/s)"
rate() {
	awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN {
		s = b - a; if (s <= 0) s = 0.001
		printf "%d rows in %.2f s (%d rows/s)\n", n, s, n / s }'
}

# gen_incidents N: a Form 1 CSV of N rows with realistic field sizes.
gen_incidents() {
	awk -v n="$1" 'BEGIN {
		OFS = ","
		split("KZ-71 KZ-75 KZ-79 KZ-10 KZ-11 KZ-15 KZ-19 KZ-23 KZ-27 " \
		    "KZ-31 KZ-33 KZ-35 KZ-39 KZ-43 KZ-47 KZ-55 KZ-59 KZ-61 " \
		    "KZ-62 KZ-63", reg, " ")
		split("therapy surgery cardiology obstetrics pediatrics " \
		    "neurology traumatology oncology anesthesiology " \
		    "gynecology", prof, " ")
		split("K35.8 I21.0 O72.1 J18.9 S72.0 E11.9 C50.4 I63.5 " \
		    "K80.1 P07.3", icd, " ")
		print "source_ref,org_code,region,occurred_at,category," \
		    "consequence,circumstances_kk,circumstances_ru,profile," \
		    "anamnesis_kk,anamnesis_ru,trigger,sex,age_years," \
		    "diagnosis_icd10,care_kk,care_ru,measures_kk," \
		    "measures_ru,corrective_plan"
		for (i = 1; i <= n; i++) {
			m = i % 3 + 1; d = i % 28 + 1; h = i % 24; mi = i % 60
			print sprintf("BENCH-%07d", i), "ORG-" i % 97,
			    reg[i % 20 + 1],
			    sprintf("2025-%02d-%02dT%02d:%02d", m, d, h, mi),
			    (i % 5 ? "clinical" : "corporate"),
			    (i % 3 ? "with" : "without"),
			    "\"Пациент түнде төсектен құлады, жақтаулар көтерілмеген (" i ").\"",
			    "\"Пациент упал с кровати ночью, ограждения не подняты (" i ").\"",
			    prof[i % 10 + 1],
			    "\"Қант диабеті, гипертензия.\"",
			    "\"Сахарный диабет, гипертензия.\"",
			    (i % 2 ? "yes" : "no"), (i % 2 ? "M" : "F"), i % 100,
			    icd[i % 10 + 1],
			    "\"Тексерілді, КТ жасалды.\"", "\"Осмотрен, выполнена КТ.\"",
			    "\"Чек-парақ енгізілді, қызметкерлер оқытылды.\"",
			    "\"Введён чек-лист, персонал обучен.\"",
			    (i % 4 ? "yes" : "no")
		}
	}'
}

echo "generating a $rows-row Form 1 submission..."
gen_incidents "$rows" >"$work/big.csv"
echo "  $(wc -c <"$work/big.csv") bytes"

t0=$(now)
"$regsite" import --db "$work/bench.db" --form incidents --quarter 2025Q1 \
    --source bench "$work/big.csv" >/dev/null
t1=$(now)
printf 'import (new database): '; rate "$rows" "$t0" "$t1"

t0=$(now)
"$regsite" import --db "$work/bench.db" --form incidents --quarter 2025Q1 \
    --source bench "$work/big.csv" >/dev/null
t1=$(now)
printf 'import (resubmission, every record replaced): '; rate "$rows" "$t0" "$t1"

t0=$(now)
"$regsite" validate --db "$work/bench.db" >/dev/null
t1=$(now)
printf 'validate: '; rate "$rows" "$t0" "$t1"
