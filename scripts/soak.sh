#!/usr/bin/env bash
# make soak: SOAK_MINUTES (default 30) of mixed load against one instance of the service, sampled once a minute:
# heap after GC, RSS, threads, open files, Redis used_memory and keys (DBSIZE and per key shape by SCAN), and the
# rows of each table (PostgreSQL only). Prints first/last/min/max and the slope per hour of each, writes the table
# to docs/soak/latest.md, and fails nothing (exit 0 unless the soak itself could not run).
#
# What it starts, all on 127.0.0.1 and stopped on exit: its own redis-server on a free port (no persistence), a
# fresh PostgreSQL database on the machine's server when it answers (127.0.0.1:5432, trust auth; dropped
# afterwards; else H2 in memory), and the driver JVM (org.accountsecurity.bench.SoakDriver in src/bench), which
# starts the service as make bench does (production mode plus the profile "bench", config/jvm.options) and hosts
# the SMTP sink that catches the reset links.
#
# Settings (environment): SOAK_MINUTES=30, SOAK_SAMPLE_SECONDS=60, SOAK_WORKERS=4 (visitors), SOAK_THINK_MILLIS=100
# (pause between one visitor's visits), SOAK_SERVICE_JVM_OPTS (default: config/jvm.options), SOAK_BUILD_DIR.
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD_DIR=${SOAK_BUILD_DIR:-target-bench}
WORK=$ROOT/$BUILD_DIR/soak-run
MVN=${MVN:-mvn -B}
PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres

TAG=soak
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

PIDS=()
DB=
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -f $WORK/service.pid ]]; then
    local spid; spid=$(cat "$WORK/service.pid" 2>/dev/null || true)
    if [[ -n $spid ]] && kill -0 "$spid" 2>/dev/null; then kill "$spid" 2>/dev/null; sleep 2; kill -9 "$spid" 2>/dev/null || true; fi
    rm -f "$WORK/service.pid"
  fi
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [[ -n $DB ]]; then
    psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qAtc "drop database if exists $DB with (force)" >/dev/null 2>&1 \
      || log "could not drop database $DB"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$WORK" docs/soak
command -v jcmd >/dev/null || die "jcmd (JDK) not found"
REDIS_SERVER=$(command -v redis-server || echo /usr/bin/redis-server)
[[ -x $REDIS_SERVER ]] || die "redis-server not found (apt-get install -y redis-server)"

log "building ($BUILD_DIR, profile bench)"
$MVN -q -Dbuild.dir="$ROOT/$BUILD_DIR" -Pbench -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/test-classpath.txt" -DincludeScope=test >"$WORK/build.log" 2>&1 \
  || { tail -40 "$WORK/build.log" >&2; die "build failed"; }
$MVN -q -o -Dbuild.dir="$ROOT/$BUILD_DIR" -Pbench dependency:build-classpath \
  -Dmdep.outputFile="$WORK/runtime-classpath.txt" -DincludeScope=runtime >>"$WORK/build.log" 2>&1 \
  || die "could not resolve the runtime class path"
# The service: production class path plus the bench server classes and application-bench.yml (as make bench).
SERVER_CLASSES=$ROOT/$BUILD_DIR/soak-server-classes
rm -rf "$SERVER_CLASSES"; mkdir -p "$SERVER_CLASSES/org/accountsecurity/bench"
cp -rp "$ROOT/$BUILD_DIR/test-classes/org/accountsecurity/bench/server" "$SERVER_CLASSES/org/accountsecurity/bench/"
cp -p "$ROOT/$BUILD_DIR/test-classes/application-bench.yml" "$SERVER_CLASSES/"
echo "$SERVER_CLASSES:$ROOT/$BUILD_DIR/classes:$(cat "$WORK/runtime-classpath.txt")" >"$WORK/service-classpath.txt"
DRIVER_CP="$ROOT/$BUILD_DIR/test-classes:$ROOT/$BUILD_DIR/classes:$(cat "$WORK/test-classpath.txt")"

REDIS_PORT=$(free_port) || die "no free port for Redis"
"$REDIS_SERVER" --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize no \
  --dir "$WORK" --logfile "$WORK/redis.log" &
PIDS+=("$!")
for _ in $(seq 1 100); do redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 || die "redis-server did not start"
log "redis-server on 127.0.0.1:$REDIS_PORT"

if command -v psql >/dev/null && psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qAtc 'select 1' >/dev/null 2>&1; then
  DB="soak_$(date +%s)_$$"
  psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qAtc "create database $DB" >/dev/null || die "create database failed"
  log "PostgreSQL: fresh database $DB"
else
  log "PostgreSQL not reachable: H2 in memory, no table sizes"
fi

MINUTES=${SOAK_MINUTES:-30}
JVM_OPTS=${SOAK_SERVICE_JVM_OPTS-$(sed -e 's/#.*//' config/jvm.options | xargs)}
log "soaking for $MINUTES minutes"
timeout $(( MINUTES * 60 + 600 )) java -Xmx512m -cp "$DRIVER_CP" \
  -Dsoak.minutes="$MINUTES" -Dsoak.sample-seconds="${SOAK_SAMPLE_SECONDS:-60}" -Dsoak.workers="${SOAK_WORKERS:-4}" \
  -Dsoak.think-millis="${SOAK_THINK_MILLIS:-100}" -Dsoak.redis-port="$REDIS_PORT" -Dsoak.pg-database="$DB" \
  -Dsoak.work="$WORK" -Dsoak.service-classpath-file="$WORK/service-classpath.txt" -Dsoak.java="$(command -v java)" \
  -Dsoak.service-jvm-options="$JVM_OPTS" \
  org.accountsecurity.bench.SoakDriver 2> >(tee "$WORK/driver.log" >&2) &
DRIVER=$!
PIDS+=("$DRIVER")
wait "$DRIVER" || die "the driver failed (see $WORK/driver.log and $WORK/service.log)"
{ cat "$WORK/soak.md"; echo; echo "Run on $(date -u +%F) with SOAK_MINUTES=$MINUTES, ${SOAK_WORKERS:-4} visitors, $(nproc) cores."; } \
  >docs/soak/latest.md
log "written: docs/soak/latest.md"
