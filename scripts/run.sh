#!/usr/bin/env bash
# make run, once the Makefile has built: the service in local mode (TestAccountSecurityApplication), started by java
# itself with class data sharing, C1 only and the serial collector (what starts fastest on a developer's machine).
# Maven alone takes 4-7 s even with nothing to build, and the archive of the classes a start loads saves about 1.5 s
# more. Class data sharing takes jars only, so the classes are jarred (again only when one changed), and after each
# build one training start, stopped right after its context is refreshed, writes the archive. Without setsid (not
# Linux) or when the training fails, the service starts without the archive.
set -euo pipefail
cd "$(dirname "$0")/.."
TAG=run
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
JAVA=${JAVA:-java}
JAR=$(dirname "$(command -v "$JAVA")")/jar
[[ -x $JAR ]] || JAR=jar
RUN=target/run
MAIN=org.accountsecurity.TestAccountSecurityApplication

jar_of target/classes "$RUN/classes.jar"
jar_of target/test-classes "$RUN/test-classes.jar"
CLASSPATH="$RUN/test-classes.jar:$RUN/classes.jar:$(cat "$RUN/classpath.txt")"
ARCHIVE=$RUN/local.jsa
JVM=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$CLASSPATH")

if [[ ! -f $ARCHIVE || $RUN/classes.jar -nt $ARCHIVE || $RUN/test-classes.jar -nt $ARCHIVE ]] \
    && command -v setsid >/dev/null; then
  log "a training start records the classes to share (once after each build)"
  rm -f "$ARCHIVE"
  # Its own ports, an in-memory database and its own process group: the dev Redis it starts outlives the JVM
  # (which exits without closing the context), and goes with the group.
  setsid "$JAVA" "${JVM[@]}" -XX:ArchiveClassesAtExit="$ARCHIVE" -Dspring.context.exit=onRefresh "$MAIN" \
    --server.port=0 --spring.data.redis.port="$(free_port)" --spring.mail.port="$(free_port)" \
    --app.dev.imap-port="$(free_port)" --spring.datasource.url="jdbc:h2:mem:training;MODE=PostgreSQL" \
    >"$RUN/training.log" 2>&1 &
  training=$!
  trap 'kill -- -"$training" 2>/dev/null; wait "$training"; rm -f "$ARCHIVE"; exit 130' INT TERM
  wait "$training" || true
  kill -- -"$training" 2>/dev/null || true
  trap - INT TERM
  [[ -f $ARCHIVE ]] || log "no archive (see $RUN/training.log); starting without it"
fi
[[ -f $ARCHIVE ]] && JVM+=(-Xshare:auto -XX:SharedArchiveFile="$ARCHIVE")
exec "$JAVA" "${JVM[@]}" "$MAIN" "$@"
