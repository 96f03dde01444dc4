#!/usr/bin/env bash
# make scan: web scanners against the service in local mode (as make run, on free ports, H2 in memory, demo
# accounts): wapiti anonymously and signed in as the demo operator (who sees every user and operator page), and
# sqlmap against the forms (forgot password, sign-in, the operator's audit search) and the JSON API. Installs
# Debian's wapiti and sqlmap when missing (apt-get, needs root). Writes the raw reports to target/scan/ and a
# summary of the findings by severity to docs/scan/latest.md; docs/scan/README.md says what was fixed.
# Exits 0 unless the scan itself could not run; the findings are read by people.
#
# Settings (environment): SCAN_WAPITI_SECONDS=240 (per wapiti scan; --max-scan-time), SCAN_SQLMAP_SECONDS=180 (per
# sqlmap target), SCAN_LEVEL=2 / SCAN_RISK=1 (sqlmap), SCAN_STEPS="wapiti sqlmap" (or one of them).
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/target/scan
MVN=${MVN:-mvn -B}
WAPITI_SECONDS=${SCAN_WAPITI_SECONDS:-240}
SQLMAP_SECONDS=${SCAN_SQLMAP_SECONDS:-180}
LEVEL=${SCAN_LEVEL:-2}
STEPS=" ${SCAN_STEPS:-wapiti sqlmap} "
RISK=${SCAN_RISK:-1}

TAG=scan
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

SERVICE=
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n $SERVICE ]] && kill -0 "$SERVICE" 2>/dev/null; then
    # The service's dev Redis is a child process: stop the whole group we started.
    kill -- -"$SERVICE" 2>/dev/null || kill "$SERVICE" 2>/dev/null
    sleep 3
    kill -9 -- -"$SERVICE" 2>/dev/null || true
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- tools ---------------------------------------------------------------------------------------------------------
missing=()
command -v wapiti >/dev/null || missing+=(wapiti)
command -v sqlmap >/dev/null || missing+=(sqlmap)
if (( ${#missing[@]} )); then
  log "installing ${missing[*]} (Debian packages)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >/dev/null; } \
    || die "could not install ${missing[*]}"
fi
rm -rf "$OUT"; mkdir -p "$OUT" docs/scan

# --- the service (local mode, like make run, on free ports) ----------------------------------------------------------
PORT=$(free_port); REDIS=$(free_port); SMTP=$(free_port); IMAP=$(free_port)
BASE=http://127.0.0.1:$PORT
ARGS="--server.port=$PORT --app.public-base-url=$BASE --spring.data.redis.port=$REDIS --spring.mail.port=$SMTP"
ARGS+=" --app.dev.imap-port=$IMAP --spring.datasource.url=jdbc:h2:mem:scan;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
log "starting the service on $BASE"
set -m
# make run's start (it builds first when a source changed), with this scan's ports and database.
make -s target/run/classpath.txt || die "build failed"
./scripts/run.sh $ARGS >"$OUT/service.log" 2>&1 &
SERVICE=$!
set +m
for _ in $(seq 1 600); do
  curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"' && break
  kill -0 "$SERVICE" 2>/dev/null || { tail -30 "$OUT/service.log"; die "the service stopped"; }
  sleep 1
done
curl -fs "$BASE/actuator/health" | grep -q '"UP"' || die "the service did not become healthy (see $OUT/service.log)"
log "service up"

# A signed-in browser's cookies: GET /login for the CSRF cookie and token, then POST it.
sign_in() { # sign_in <email> <password> <cookie jar>
  local page csrf
  page=$(curl -s -c "$3" -b "$3" "$BASE/login")
  csrf=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' <<<"$page" | head -1)
  curl -s -o /dev/null -c "$3" -b "$3" --data-urlencode "username=$1" --data-urlencode "password=$2" \
    --data-urlencode "_csrf=$csrf" "$BASE/login"
  awk '!/^#/ || /^#HttpOnly_/ {sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}' "$3"
}
OPERATOR_COOKIE=$(sign_in operator@example.com 'audit trail keeper 2026' "$OUT/operator.jar")
grep -q SESSION <<<"$OPERATOR_COOKIE" || die "could not sign in as the demo operator"

# --- wapiti ----------------------------------------------------------------------------------------------------------
# No -x (exclude): Debian's wapiti 3.0.4 crashes on it under Python 3.11 ("global flags not at the start of the
# expression"). So the signed-in scan may submit the sign-out form; its findings before that still count.
wapiti_scan() { # wapiti_scan <name> [extra args]
  local name=$1; shift
  log "wapiti: $name (at most $WAPITI_SECONDS s)"
  timeout $(( WAPITI_SECONDS * 2 + 180 )) wapiti -u "$BASE/" --scope folder --flush-session \
    --store-session "$OUT/wapiti-session-$name" --max-scan-time "$WAPITI_SECONDS" --max-attack-time 45 -t 10 \
    -f json -o "$OUT/wapiti-$name.json" "$@" >"$OUT/wapiti-$name.log" 2>&1 || log "wapiti $name ended with $?"
}
# Both at once (each is bounded by its own time); the signed-in one may end its session (see above).
if [[ $STEPS == *" wapiti "* ]]; then
wapiti_scan anonymous -s "$BASE/login" -s "$BASE/password/forgot" -s "$BASE/password/reset?token=x" &
WAPITI_ANONYMOUS=$!
wapiti_scan operator -H "Cookie: $OPERATOR_COOKIE" -s "$BASE/account" -s "$BASE/operator/audit" \
  -s "$BASE/operator/audit?email=ada%40example.com&type=&outcome=" -s "$BASE/account/security/totp"
wait "$WAPITI_ANONYMOUS"
fi

# --- sqlmap ----------------------------------------------------------------------------------------------------------
sqlmap_scan() { # sqlmap_scan <name> [sqlmap args]
  local name=$1; shift
  log "sqlmap: $name (at most $SQLMAP_SECONDS s)"
  timeout "$SQLMAP_SECONDS" sqlmap --batch --level "$LEVEL" --risk "$RISK" --time-sec 2 --timeout 30 --retries 1 \
    --threads 1 --disable-coloring --output-dir "$OUT/sqlmap-$name" "$@" >"$OUT/sqlmap-$name.log" 2>&1 \
    || log "sqlmap $name ended with $? (timeout 124 means its time was up)"
}
if [[ $STEPS == *" sqlmap "* ]]; then
sqlmap_scan forgot -u "$BASE/password/forgot" --forms --csrf-token=_csrf
sqlmap_scan sign-in -u "$BASE/login" --forms --csrf-token=_csrf
sqlmap_scan api-reset -u "$BASE/api/v1/password-resets" --method POST --data '{"email":"ada@example.com"}' \
  --headers 'Content-Type: application/json'
sqlmap_scan api-verify -u "$BASE/api/v1/password-resets/verify" --method POST --data '{"token":"abc"}' \
  --headers 'Content-Type: application/json'
# A fresh session: the signed-in wapiti scan may have signed the first one out.
OPERATOR_COOKIE=$(sign_in operator@example.com 'audit trail keeper 2026' "$OUT/operator-sqlmap.jar")
sqlmap_scan operator-audit -u "$BASE/operator/audit?email=ada%40example.com&type=RESET_REQUESTED&outcome=SUCCESS&from=&to=" \
  --cookie "$OPERATOR_COOKIE" --headers 'Accept: text/html'
fi


# --- summary ---------------------------------------------------------------------------------------------------------
{
  echo "# make scan: $(date -u '+%F %H:%M') UTC, wapiti $(wapiti --version 2>/dev/null | tail -1), sqlmap $(sqlmap --version 2>/dev/null | head -1)"
  echo
  echo "## wapiti (findings by severity: level 1 low, 2 medium, 3 high, per module)"
  echo
  for f in "$OUT"/wapiti-*.json; do
    [[ -s $f ]] || { echo "- $(basename "$f"): no report"; continue; }
    echo "### $(basename "$f" .json)"
    python3 - "$f" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
for kind in ("vulnerabilities", "anomalies", "additionals"):
    for name, items in sorted(report.get(kind, {}).items()):
        if items:
            levels = {}
            for item in items:
                levels[item.get("level", "?")] = levels.get(item.get("level", "?"), 0) + 1
            print(f"- {kind}: {name}: {len(items)} (by level {levels})")
            for item in items[:5]:
                print(f"  - {item.get('method', '')} {item.get('path', '')} {item.get('parameter', '')}: {item.get('info', '')[:160]}")
print(f"- crawled: {len(report.get('infos', {}).get('crawled_pages', []) or [])} pages" if isinstance(report.get('infos'), dict) else "")
PY
    echo
  done
  echo "## sqlmap (level $LEVEL, risk $RISK)"
  echo
  for f in "$OUT"/sqlmap-*.log; do
    verdict=$(grep -E "is vulnerable|appears to be .*injectable|do not appear to be injectable|no parameter\(s\) found|all tested parameters" "$f" | tail -3 | sed 's/^\[[0-9:]*\] //')
    echo "- $(basename "$f" .log): ${verdict:-no verdict (see the log)}"
  done
} >docs/scan/latest.md
cp "$OUT"/wapiti-*.json docs/scan/ 2>/dev/null || true
cat docs/scan/latest.md
log "written: docs/scan/latest.md (raw reports in $OUT)"
