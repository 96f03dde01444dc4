#!/usr/bin/env bash
# make bench: the benchmark suite (docs/bench/README.md). Prints one table and writes it to docs/bench/results-<date>.md and
# docs/bench/latest.md. It is a benchmark, not a test: it exits 0 whether or not the targets are met, and non-zero
# only when the benchmark itself could not run (build failed, no Redis, the service did not start, ...).
#
# What it starts, all on 127.0.0.1 and all stopped on exit: its own redis-server on a free port (no persistence),
# a fresh PostgreSQL database on the machine's server (127.0.0.1:5432, trust auth; dropped afterwards; without
# PostgreSQL the run uses H2 only), JMH, and the driver JVM, which starts the service JVM (production mode plus the
# profile "bench") and hosts the fast SMTP sink.
#
# Settings (environment):
#   BENCH_SCALE=1             durations × this (0.3 for a quick look; the table says which scale was used)
#   BENCH_SERVICE_JVM_OPTS=   JVM options of the service (default: those of config/jvm.options, as in production;
#                             "none" for the JVM's defaults)
#   BENCH_JAVA=java           the service's java (default: the one on PATH); on JDK 25 and later the AOT cache
#                             takes the place of the class data sharing archive
#   BENCH_MAKE_RUN=1          0: no make run start-up figure (it starts make run twice on a free port)
#   BENCH_CDS=1               0: no class data sharing (default: a training start writes an archive, then the
#                             measured starts map it, as README's production section describes)
#   BENCH_SERVICE_ARGS=       extra --name=value settings for the service (to try a setting; the table shows them)
#   BENCH_KINDS=bare,api,form the closed-loop loads to run (a subset is for profiling only: no table rows)
#   BENCH_JMH=1               0 skips the micro-benchmarks
#   BENCH_H2=1                0 skips the second (H2) column
#   BENCH_JFR=0               1 records each closed-loop phase with JFR (jcmd) and writes hot-method histograms
#                             (org.accountsecurity.bench.JfrTop) beside the recordings in $BENCH_BUILD_DIR/bench-run
#   BENCH_BCRYPT_COST=12      the service's and the raw BCrypt's cost
#   BENCH_PHASES=all          or a comma-separated subset of throughput,half,timing,link,change,second,mail,redis
#   BENCH_SERVICE_CLASSPATH_PREPEND=  classes put before the application's (to measure a proposed change)
#   BENCH_BUILD_DIR=target-bench
#   PGHOST/PGPORT/PGUSER      PostgreSQL (127.0.0.1 / 5432 / postgres)
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD_DIR=${BENCH_BUILD_DIR:-target-bench}
WORK=$ROOT/$BUILD_DIR/bench-run
MVN=${MVN:-mvn -B}
SCALE=${BENCH_SCALE:-1}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
STARTED=$(date +%s)
BUDGET=${BENCH_BUDGET_SECONDS:-1200}   # everything must end within 20 min

TAG=bench
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
left() { echo $(( BUDGET - ($(date +%s) - STARTED) )); }

PIDS=()
DB=
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -f $WORK/service.pid ]]; then
    local spid; spid=$(cat "$WORK/service.pid" 2>/dev/null || true)
    if [[ -n $spid ]] && kill -0 "$spid" 2>/dev/null; then
      kill "$spid" 2>/dev/null; sleep 2; kill -9 "$spid" 2>/dev/null || true
    fi
    rm -f "$WORK/service.pid"
  fi
  for pid in "${PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; fi
  done
  sleep 0.5
  for pid in "${PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  done
  if [[ -n $DB ]]; then
    psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qAtc "drop database if exists $DB with (force)" \
      >/dev/null 2>&1 || log "could not drop database $DB"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$WORK" docs/bench
rm -f "$WORK"/*.log "$WORK/jmh.json" "$WORK/results.md" "$WORK"/*.jfr "$WORK"/jfr-*.txt "$WORK"/jfr-*.window

# --- tools -------------------------------------------------------------------------------------------------------
command -v java >/dev/null && command -v jar >/dev/null || die "java (JDK) not found"
command -v ss >/dev/null || die "ss (iproute2) not found"
REDIS_SERVER=$(command -v redis-server || echo /usr/bin/redis-server)
[[ -x $REDIS_SERVER ]] || die "redis-server not found (apt-get install -y redis-server)"
command -v redis-cli >/dev/null || die "redis-cli not found"

# --- build (own output folder; bench sources only with -Pbench) ---------------------------------------------------
log "building ($BUILD_DIR, profile bench)"
if ! $MVN -q -Dbuild.dir="$ROOT/$BUILD_DIR" -Pbench -DskipTests test-compile dependency:build-classpath \
      -Dmdep.outputFile="$WORK/test-classpath.txt" -DincludeScope=test >"$WORK/build.log" 2>&1; then
  tail -40 "$WORK/build.log" >&2
  die "build failed (see $WORK/build.log)"
fi
if ! $MVN -q -o -Dbuild.dir="$ROOT/$BUILD_DIR" -Pbench dependency:build-classpath \
      -Dmdep.outputFile="$WORK/runtime-classpath.txt" -DincludeScope=runtime >>"$WORK/build.log" 2>&1; then
  tail -20 "$WORK/build.log" >&2
  die "could not resolve the runtime class path"
fi
# The service gets the production class path plus the bench server classes and application-bench.yml only
# (no test classes, no dev services).
BENCH_CLASSES=$ROOT/$BUILD_DIR/bench-server-classes
rm -rf "$BENCH_CLASSES"; mkdir -p "$BENCH_CLASSES/org/accountsecurity/bench"
cp -rp "$ROOT/$BUILD_DIR/test-classes/org/accountsecurity/bench/server" "$BENCH_CLASSES/org/accountsecurity/bench/"
# The tests' authenticator app: the seeder enrols TOTP with it (the driver computes sign-in codes with the same class).
mkdir -p "$BENCH_CLASSES/org/accountsecurity/support"
cp -p "$ROOT/$BUILD_DIR/test-classes/org/accountsecurity/support/Authenticator.class" "$BENCH_CLASSES/org/accountsecurity/support/"
cp -p "$ROOT/$BUILD_DIR/test-classes/application-bench.yml" "$BENCH_CLASSES/"
# BENCH_SERVICE_CLASSPATH_PREPEND: compiled classes that shadow the application's, to measure a proposed change
# without editing the working tree.
# Jars, as in production (and class data sharing, -XX:SharedArchiveFile, accepts only jars on the class path).
# They are rebuilt only when a class changed (jar_of), so that a CDS archive made from them stays valid.
jar_of "$ROOT/$BUILD_DIR/classes" "$WORK/app-classes.jar"
jar_of "$BENCH_CLASSES" "$WORK/bench-server.jar"
echo "${BENCH_SERVICE_CLASSPATH_PREPEND:+$BENCH_SERVICE_CLASSPATH_PREPEND:}$WORK/bench-server.jar:$WORK/app-classes.jar:$(cat "$WORK/runtime-classpath.txt")" \
  >"$WORK/service-classpath.txt"
DRIVER_CP="$ROOT/$BUILD_DIR/test-classes:$ROOT/$BUILD_DIR/classes:$(cat "$WORK/test-classpath.txt")"
log "built in $(( $(date +%s) - STARTED )) s"

# --- Redis -------------------------------------------------------------------------------------------------------
REDIS_PORT=$(free_port) || die "no free port for Redis"
"$REDIS_SERVER" --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize no \
  --dir "$WORK" --logfile "$WORK/redis.log" &
REDIS_PID=$!
PIDS+=("$REDIS_PID")
for _ in $(seq 1 100); do
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
  sleep 0.1
done
redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 || die "redis-server did not start (see $WORK/redis.log)"
REDIS_VERSION=$("$REDIS_SERVER" --version | sed -E 's/.*v=([0-9.]+).*/\1/')
log "redis-server $REDIS_VERSION on 127.0.0.1:$REDIS_PORT (pid $REDIS_PID)"

# --- PostgreSQL --------------------------------------------------------------------------------------------------
if command -v psql >/dev/null && psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qAtc 'select 1' >/dev/null 2>&1; then
  DB="bench_$(date +%s)_$$"
  psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qAtc "create database $DB" >/dev/null || die "create database failed"
  log "PostgreSQL: fresh database $DB on $PGHOST:$PGPORT"
else
  log "PostgreSQL not reachable on $PGHOST:$PGPORT: the run uses H2 only"
fi

# --- make run: README's local start, after the first build, to its first healthy answer ---------------------------
# Run twice: the first start may build (target/), the second is timed. BENCH_MAKE_RUN=0 skips it.
make_run_seconds() {
  local port t0 pid up=""
  port=$(free_port) || return 0
  t0=$(date +%s%N)
  SERVER_PORT=$port setsid make -s run >"$WORK/make-run.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1800); do
    if curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; then
      up=$(( ($(date +%s%N) - t0) / 1000000 ))
      break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -- -"$pid" 2>/dev/null; sleep 3; kill -9 -- -"$pid" 2>/dev/null
  [[ -n $up ]] && awk -v ms="$up" 'BEGIN { printf "%.2f", ms / 1000 }'
  return 0
}
MAKE_RUN_SECONDS=
if [[ ${BENCH_MAKE_RUN:-1} != 0 ]] && command -v curl >/dev/null && command -v setsid >/dev/null; then
  log "make run (a first start, then the timed one)"
  make_run_seconds >/dev/null
  MAKE_RUN_SECONDS=$(make_run_seconds)
  log "make run: healthy after ${MAKE_RUN_SECONDS:-(did not start; see $WORK/make-run.log)} s"
fi

# --- JMH ---------------------------------------------------------------------------------------------------------
JMH_SETTINGS="1 fork, 2×2 s warm-up, 3×2 s measurement, 1 thread"
if [[ ${BENCH_JMH:-1} != 0 ]]; then
  log "JMH micro-benchmarks ($JMH_SETTINGS)"
  timeout 300 java -cp "$DRIVER_CP" org.openjdk.jmh.Main -f 1 -wi 2 -w 2s -i 3 -r 2s -t 1 \
      -jvmArgsAppend "-Dbench.redis.port=$REDIS_PORT" -rf json -rff "$WORK/jmh.json" \
      'org\.accountsecurity\..*Bench\..*' >"$WORK/jmh.log" 2>&1 &
  JMH_PID=$!
  PIDS+=("$JMH_PID")
  if ! wait "$JMH_PID"; then log "JMH failed (see $WORK/jmh.log); its rows are left out"; fi
  grep -E '^(Benchmark|[A-Za-z]+Bench\.)' "$WORK/jmh.log" >&2 || true
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" flushall >/dev/null
fi

# --- the driver (starts the service, runs the load, writes the table) ---------------------------------------------
# The production JVM options (config/jvm.options without its comments) unless BENCH_SERVICE_JVM_OPTS says otherwise.
SERVICE_JVM_OPTS=${BENCH_SERVICE_JVM_OPTS-$(sed -e 's/#.*//' config/jvm.options | xargs)}
SERVICE_JAVA=${BENCH_JAVA:-$(command -v java)}
SERVICE_JAVA_FEATURE=$("$SERVICE_JAVA" -XshowSettings:properties -version 2>&1 \
  | awk -F' = ' '/java.specification.version/ {print $2}')
[[ -n $SERVICE_JAVA_FEATURE ]] || die "$SERVICE_JAVA does not run"
SERVICE_JAVA_DESCRIPTION=$("$SERVICE_JAVA" -version 2>&1 | tail -1)
[[ $SERVICE_JVM_OPTS == none ]] && SERVICE_JVM_OPTS=""
JFR_FLAG=false; [[ ${BENCH_JFR:-0} == 1 ]] && JFR_FLAG=true
CDS_FLAG=true; [[ ${BENCH_CDS:-1} == 0 ]] && CDS_FLAG=false
# JDK 17 crashes (SIGSEGV in KlassFactory::check_shared_class_file_load_hook) when JFR starts with a dynamic archive.
[[ $JFR_FLAG == true ]] && CDS_FLAG=false
DRIVER_BUDGET=$(( $(left) - 25 ))
(( DRIVER_BUDGET > 120 )) || die "not enough time left for the driver"
log "driver (budget ${DRIVER_BUDGET} s)"
timeout $(( DRIVER_BUDGET + 20 )) java -Xmx1g -cp "$DRIVER_CP" \
    -Dbench.work="$WORK" -Dbench.out="$WORK/results.md" -Dbench.scale="$SCALE" \
    -Dbench.budget-seconds="$(( DRIVER_BUDGET - 40 ))" \
    -Dbench.redis-port="$REDIS_PORT" -Dbench.redis-pid="$REDIS_PID" -Dbench.redis-version="$REDIS_VERSION" \
    -Dbench.pg-database="$DB" -Dbench.pg-port="$PGPORT" -Dbench.pg-user="$PGUSER" \
    -Dbench.service-classpath-file="$WORK/service-classpath.txt" -Dbench.java="$SERVICE_JAVA" \
    -Dbench.java-feature="$SERVICE_JAVA_FEATURE" -Dbench.java-description="$SERVICE_JAVA_DESCRIPTION" \
    -Dbench.make-run-seconds="$MAKE_RUN_SECONDS" \
    -Dbench.service-jvm-options="$SERVICE_JVM_OPTS" -Dbench.cds="$CDS_FLAG" -Dbench.service-args="${BENCH_SERVICE_ARGS:-}" \
    -Dbench.kinds="${BENCH_KINDS:-bare,api,form}" -Dbench.bcrypt-cost="${BENCH_BCRYPT_COST:-12}" \
    -Dbench.h2="$([[ ${BENCH_H2:-1} == 0 ]] && echo false || echo true)" -Dbench.jfr="$JFR_FLAG" \
    -Dbench.jmh-json="$WORK/jmh.json" -Dbench.jmh-settings="$JMH_SETTINGS" -Dbench.phases="${BENCH_PHASES:-all}" \
    org.accountsecurity.bench.BenchDriver 2> >(tee "$WORK/driver.log" >&2) &
DRIVER_PID=$!
PIDS+=("$DRIVER_PID")
wait "$DRIVER_PID"
DRIVER_RC=$?
if [[ $DRIVER_RC != 0 || ! -s $WORK/results.md ]]; then
  die "the driver failed (exit $DRIVER_RC; see $WORK/driver.log and $WORK/service-main.log)"
fi

if [[ $JFR_FLAG == true ]]; then
  for rec in "$WORK"/jfr-*.jfr; do
    [[ -s $rec ]] || continue
    log "JFR $(basename "$rec"): hottest methods (jdk.ExecutionSample) -> ${rec%.jfr}.txt"
    window=(); [[ -s ${rec%.jfr}.window ]] && read -r -a window <"${rec%.jfr}.window"
    java ${window[0]:+-Djfr.begin=${window[0]} -Djfr.end=${window[1]}} -cp "$DRIVER_CP" org.accountsecurity.bench.JfrTop \
      "$rec" 40 >"${rec%.jfr}.txt" 2>&1 || true
  done
fi

# --- output ------------------------------------------------------------------------------------------------------
{
  cat "$WORK/results.md"
  echo
  echo "Total wall time of \`make bench\`: $(( $(date +%s) - STARTED )) s (build included)."
} >"$WORK/results-final.md"
DATE=$(date +%F)
cp "$WORK/results-final.md" "docs/bench/results-$DATE.md"
cp "$WORK/results-final.md" docs/bench/latest.md
cat "$WORK/results-final.md"
log "written: docs/bench/results-$DATE.md and docs/bench/latest.md"
exit 0
