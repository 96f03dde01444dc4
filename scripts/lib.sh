# Shared by scripts/bench.sh, soak.sh, scan.sh and fuzz.sh (sourced, not run). Set TAG before sourcing.

log() { printf '[%s %s] %s\n' "$TAG" "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 2; }

# A free TCP port on 127.0.0.1 (checked against the listening sockets).
free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 40000 ))
    if ! ss -Htln 2>/dev/null | awk '{print $4}' | grep -Eq "[:.]$p\$"; then echo "$p"; return 0; fi
  done
  return 1
}
