#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the fleet tests and bench (no systemd: pg_ctl directly).
#   bash .ci/postgres.sh start  → prints `export REVISION_TEST_PG_URL=…` (eval it)
#   bash .ci/postgres.sh stop DIR
# The cluster lives in its own temp folder and listens only on a Unix socket inside it, so it
# cannot clash with another cluster or developer on this machine.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/pg_ctl" ] || { echo "postgresql is not installed (apt package postgresql)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/revision-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses='' -k $dir -p 5432 -c fsync=on -c max_connections=50" start >/dev/null
    as_pg "$bin/createdb" -h "$dir" -p 5432 -U postgres revision_test
    echo "export REVISION_TEST_PG_URL='postgres://postgres@localhost/revision_test?host=$dir&port=5432'"
    echo "export REVISION_TEST_PG_DIR='$dir'"
    ;;
  stop)
    dir=${2:?usage: postgres.sh stop DIR}
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    rm -rf "$dir"
    ;;
  *) echo "usage: postgres.sh start | stop DIR" >&2; exit 2 ;;
esac
