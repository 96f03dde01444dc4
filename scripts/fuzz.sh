#!/usr/bin/env bash
# make fuzz: coverage-guided fuzzing of every Jazzer target (@FuzzTest) for FUZZ_SECONDS in total (default 600),
# shared evenly between the targets. Jazzer fuzzes one @FuzzTest per JVM, so each target gets its own surefire run.
# New coverage goes to .cifuzz-corpus/ (not committed); a finding is written as crash-<sha1> under
# src/test/resources/<package>/<Class>Inputs/<method>/, where make test replays it from then on: fix the code and
# commit the file. Prints executions and findings per target; exits 1 when any target found something.
#
# Settings (environment): FUZZ_SECONDS=600, FUZZ_TARGETS="Class#method ..." (default: all below), MVN="mvn -B".
set -uo pipefail

cd "$(dirname "$0")/.."
MVN=${MVN:-mvn -B}
TOTAL=${FUZZ_SECONDS:-600}
TARGETS=(${FUZZ_TARGETS:-
  ResetTokenFuzzTests#randomTextIsNeverAValidLink
  ResetTokenFuzzTests#aChangedTokenNamesTheIssuedLinkOrNone
  ResetTokenFuzzTests#unsignedTokensAreInvalid
  ResetTokenFuzzTests#claimsOfAnyTypeInASignedTokenNeverThrow
  EmailAddressFuzzTests#parsingAcceptsOnlyOneBoundedMailbox
  EmailAddressFuzzTests#theLookupKeyIsStableAndFoldsAsciiCase
  PasswordPolicyFuzzTests#anyPasswordIsJudgedQuicklyWithoutThrowing
  EndpointFuzzIntegrationTests#noInputGetsAServerError
})
# Its own output folder, so that a make run or test run in this checkout cannot recompile classes under it.
BUILD="-Dbuild.dir=$PWD/target-fuzz"
LOGS=target-fuzz/logs
mkdir -p "$LOGS"
TAG=fuzz
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

log "compiling"
$MVN -q $BUILD -DskipTests test-compile >"$LOGS/build.log" 2>&1 || { tail -30 "$LOGS/build.log"; exit 2; }

# The Spring target pays for starting the service (about 20 s) inside its own share.
PER_TARGET=$(( TOTAL / ${#TARGETS[@]} ))
(( PER_TARGET >= 10 )) || PER_TARGET=10
log "${#TARGETS[@]} targets, ${PER_TARGET} s each"

declare -a ROWS
FOUND=0
for target in "${TARGETS[@]}"; do
  name=${target//#/.}
  out="$LOGS/$name.log"
  log "fuzzing $target"
  JAZZER_FUZZ=1 $MVN -o $BUILD surefire:test -Djazzer.internal.basedir="$PWD" -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time="$PER_TARGET" \
    -Djazzer.internal.arg.2=-print_final_stats=1 >"$out" 2>&1
  rc=$?
  # libFuzzer's summary: "Done 12345 runs in 60 second(s)" and "stat::number_of_executed_units: 12345".
  runs=$(grep -Eo 'stat::number_of_executed_units: [0-9]+' "$out" | tail -1 | awk '{print $2}')
  [[ -n $runs ]] || runs=$(grep -Eo 'Done [0-9]+ runs' "$out" | tail -1 | awk '{print $2}')
  cov=$(grep -Eo '#[0-9]+[[:space:]]+(DONE|NEW|REDUCE|pulse)[[:space:]]+cov: [0-9]+' "$out" | tail -1 | grep -Eo 'cov: [0-9]+' | awk '{print $2}')
  crashes=$(grep -Eo 'Test unit written to [^ ]+' "$out" | awk '{print $NF}' | sort -u)
  findings=$(printf '%s\n' "$crashes" | grep -c . || true)
  if [[ $rc != 0 && $findings == 0 ]]; then findings="run failed (see $out)"; fi
  [[ $rc == 0 ]] || FOUND=1
  ROWS+=("$(printf '| %-70s | %10s | %6s | %s |' "$target" "${runs:-?}" "${cov:-?}" "$findings")")
  for crash in $crashes; do ROWS+=("|   finding: $crash | | | |"); done
done

echo
echo "| target | executions | coverage | findings |"
echo "|---|---:|---:|---|"
printf '%s\n' "${ROWS[@]}"
echo
echo "Logs: $LOGS/. Replay a finding with: mvn test -Dtest='<Class>' (regression mode reads <Class>Inputs/)."
exit "$FOUND"
