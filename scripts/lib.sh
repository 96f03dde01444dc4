# Shared by scripts/bench.sh, soak.sh, scan.sh, fuzz.sh and run.sh (sourced, not run). Set TAG before sourcing.

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

# Jars <dir> into <jar> only when a file in <dir> is newer than the jar, so that a class data sharing archive made
# from the jar stays valid. JAR names the jar tool (default: the one on PATH).
jar_of() { # jar_of <dir> <jar>
  if [[ ! -f $2 || -n $(find "$1" -newer "$2" -type f -print -quit) ]]; then
    rm -f "$2"; "${JAR:-jar}" --create --file "$2" -C "$1" . || die "jar failed"
  fi
}
