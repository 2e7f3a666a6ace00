#!/bin/sh
# tests/tools/add-quarter.sh FROM TO QUARTER -- the submissions of
# registry FROM reported in QUARTER (their records, their numbers) added
# to registry TO, as an import of them would leave it: the operator's
# next quarter, for the incremental rebuild's test and benchmark.
set -eu
from=$1 to=$2 q=$3
cols() {
	sqlite3 "$from" "SELECT group_concat(name, ', ') FROM \
	    pragma_table_info('$1')"
}
ci=$(cols incidents)
cs=$(cols insurance_cases)
sqlite3 "$to" "PRAGMA foreign_keys = OFF; ATTACH '$from' AS src;
BEGIN;
INSERT INTO main.submissions SELECT * FROM src.submissions
    WHERE reported_quarter = '$q';
INSERT INTO main.incidents ($ci) SELECT $ci FROM src.incidents
    WHERE reported_quarter = '$q';
INSERT INTO main.insurance_cases ($cs) SELECT $cs FROM src.insurance_cases
    WHERE reported_quarter = '$q';
INSERT OR REPLACE INTO main.public_numbers SELECT * FROM src.public_numbers;
COMMIT;" >/dev/null
