#!/usr/bin/env bash
# The datastore at volume (issue 23): loading a CSV of ROWS rows (default
# 10,000,000, about 1.1 GB) into a resource's table, with its time and peak
# memory beside the database's own bulk loader on the same file in the same
# run (sqlite3's .import, or psql's \copy); a load whose very last row is
# wrong, which must leave nothing behind; then datastore_search's latency
# over the loaded table.
#   bench/datastore.sh DATABASE_URL [ROWS]
# DATABASE_URL must name an empty database: sqlite:/tmp/datastore.db, or a
# PostgreSQL database made for it (createdb). The CSV is generated once into
# /tmp (BENCH_DATASTORE_CSV names another place).
set -euo pipefail
cd "$(dirname "$0")/.."
db=$1
rows=${2:-10000000}
csv=${BENCH_DATASTORE_CSV:-/tmp/apertura-datastore-$rows.csv}
port=${BENCH_DATASTORE_PORT:-18093}
command -v wrk >/dev/null || { echo "needs wrk (scripts/setup.sh)" >&2; exit 1; }

sql() {  # one value from the database under test
  if [[ $db == sqlite:* ]]; then sqlite3 "${db#sqlite:}" "$1"; else psql -qtA "$db" -c "$1"; fi
}

if [ ! -f "$csv" ]; then
  # Payments of a state: folio, date, municipality, supplier (quoted, with a
  # comma), concept, amount, paid; about 110 bytes a row.
  awk -v n="$rows" 'BEGIN {
    split("Guadalajara,Zapopan,San Pedro Tlaquepaque,Tonalá,Tlajomulco de Zúñiga,El Salto,Puerto Vallarta,Lagos de Moreno,Tepatitlán de Morelos,Ocotlán", m, ",");
    print "folio,fecha,municipio,proveedor,concepto,monto_mxn,pagado";
    for (i = 1; i <= n; i++)
      printf "%d,2026-%02d-%02d,%s,\"Proveedor %05d, S.A. de C.V.\",Compra de material de oficina y limpieza lote %d,%.2f,%s\n",
        i, 1 + i % 12, 1 + i % 28, m[1 + i % 10], i % 50000, i % 997, ((i * 7919) % 1000000) / 100.0 + 100, (i % 3 ? "true" : "false");
  }' > "$csv"
fi
echo "file: $csv, $(du -m "$csv" | cut -f1) MB, $rows rows"

build/apertura --db "$db" --log-level warn demo --contracts 0 >/dev/null
resource=$(sql "SELECT MIN(id) FROM dataset_resources WHERE format = 'CSV'")
table="datastore_r$resource"

echo "== baseline: the database's own bulk loader, same file"
if [[ $db == sqlite:* ]]; then
  scratch=$(mktemp -u /tmp/apertura-import-XXXX.db)
  /usr/bin/time -f "sqlite3 .import: %e s, peak %M KB" sqlite3 "$scratch" ".import --csv $csv pagos"
  rm -f "$scratch"
else
  psql -q "$db" -c "CREATE TABLE bench_copy (folio BIGINT, fecha TEXT, municipio TEXT, proveedor TEXT, concepto TEXT, monto_mxn DOUBLE PRECISION, pagado BOOLEAN)"
  /usr/bin/time -f "psql \\copy: %e s, peak %M KB" psql -q "$db" -c "\\copy bench_copy FROM '$csv' WITH (FORMAT csv, HEADER true)"
  psql -q "$db" -c "DROP TABLE bench_copy"
fi

echo "== a load whose last row is wrong leaves nothing behind"
set +e
(cat "$csv"; echo "x,no es fecha,,,,,") | /usr/bin/time -f "apertura (failed): %e s, peak %M KB" \
  build/apertura --db "$db" --log-level warn import datastore "$resource" - | tail -3
status=${PIPESTATUS[1]}
set -e
left=$(sql "SELECT COUNT(*) FROM datastore_tables WHERE resource_id = $resource AND status = 'loaded'")
if [[ $db == sqlite:* ]]; then
  tables=$(sql "SELECT COUNT(*) FROM sqlite_master WHERE name = '$table'")
else
  tables=$(sql "SELECT COUNT(*) FROM pg_tables WHERE tablename = '$table'")
fi
echo "exit $status (3: not loaded); loaded tables left: $left; table $table present: $tables"

echo "== apertura import datastore"
/usr/bin/time -f "apertura: %e s, peak %M KB" build/apertura --db "$db" --log-level warn import datastore "$resource" "$csv"

echo "== datastore_search over the loaded table"
build/apertura --db "$db" --log-level warn serve --port "$port" --access-log false --page-cache-mb 0 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
base="/api/3/action/datastore_search?resource_id=$resource"
for query in "&limit=100" "&limit=100&offset=5000000" "&limit=100&offset=9999900" \
             "&limit=20&filters=%7B%22folio%22%3A4242424%7D" \
             "&limit=20&filters=%7B%22municipio%22%3A%22Zapopan%22%7D&include_total=false" \
             "&limit=20&filters=%7B%22municipio%22%3A%22Zapopan%22%7D" \
             "&limit=20&sort=monto_mxn%20desc&include_total=false" \
             "&limit=20&q=lote%20996&include_total=false"; do
  wrk -t1 -c2 -d5s --latency "http://127.0.0.1:$port$base$query" |
    awk -v q="$query" '/Requests\/sec/ {rps=$2} /^ +99%/ {p99=$2} END {printf "%-60s %8s r/s  p99 %s\n", q, rps, p99}'
done
