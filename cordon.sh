#!/usr/bin/env bash
# Cordon's two entry points:
#   ./cordon.sh run    build, then start the whole engine locally with the standalone launcher: an embedded
#                      database, a Kafka broker and both services behind one base URL (Ctrl-C stops everything)
#   ./cordon.sh cluster  build, then start compose.yaml's topology as processes on this machine: three Kafka brokers,
#                      2 command-side and 2 query-side instances (CORDON_CLUSTER_COMMAND_SIDES, _QUERY_SIDES), the
#                      token service and the gateway, on the PostgreSQL at 127.0.0.1:5432 or CORDON_DATABASE_URL
#                      (docs/deployment.md; Ctrl-C stops everything)
#   ./cordon.sh clients add NAME PERMISSION... [--groups G1,G2] | add-agent MACHINE_ID... | list | remove NAME
#   ./cordon.sh users add NAME --role Viewer|Responder|Administrator [--groups G1,G2] [--password-stdin]
#                     | list | remove NAME
#   ./cordon.sh keys rotate
#                      the built-in token service's clients, dashboard users and signing keys, in ./data/identity
#                      (CORDON_DATA_DIR); works whether or not Cordon runs
#   ./cordon.sh bench [--smoke] [--no-h2] [--jvm-compare]
#                      build, then measure Cordon beside pgbench baselines on the local PostgreSQL and print one
#                      table (docs/performance.md); --smoke: every phase for a second, tiny loads; --jvm-compare:
#                      PostgreSQL's closed loop once more with the services on the client compiler only (C1)
#   ./cordon.sh test   run every test (unit, integration on real PostgreSQL and Kafka, end-to-end, and the
#                      dashboard in headless Chromium, installed from Debian's packages when missing)
# Everything this script starts, it stops on exit or Ctrl-C.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STARTED_POSTGRES=""  # the cluster version, if this script started it (and so stops it)

log() { printf '[cordon] %s\n' "$*" >&2; }

ensure_postgres() {
  if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    return
  fi
  log "PostgreSQL is down; starting the local cluster"
  local version
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  STARTED_POSTGRES="$version"
  for _ in $(seq 1 60); do
    pg_isready -h 127.0.0.1 -p 5432 -q && return
    sleep 0.5
  done
  log "PostgreSQL did not become ready"; exit 1
}

# Stops PostgreSQL if it was down before. A second Ctrl-C does not interrupt the clean-up.
stop_all() {
  trap '' INT TERM
  if [ -n "$STARTED_POSTGRES" ]; then
    log "stopping the PostgreSQL cluster this script started"
    pg_ctlcluster --skip-systemctl-redirect "$STARTED_POSTGRES" main stop || true
    STARTED_POSTGRES=""
  fi
}

# The launcher starts and stops everything else itself (see docs/decisions/0007-standalone-launcher.md); exec
# hands it this terminal, so Ctrl-C reaches it directly. Data and logs go to ./data (CORDON_DATA_DIR).
run() {
  log "building"
  mvn -B -q -f "$ROOT/pom.xml" -DskipTests package
  # Started in the background by another script, this shell has SIGINT ignored, and a JVM cannot undo that:
  # `kill -INT` would do nothing. GNU env restores the default, so SIGINT stops Cordon as Ctrl-C does.
  local launcher=(java -Xmx256m -XX:+UseSerialGC -jar "$ROOT/standalone/target/cordon.jar" "$@")
  # Everything Cordon writes (events in the databases and the broker, the logs, the token service's keys) is the
  # user's only; the launcher narrows its own files too, for starts without this script.
  umask 077
  if env --default-signal=INT true 2>/dev/null; then
    exec env --default-signal=INT "${launcher[@]}"
  fi
  exec "${launcher[@]}"
}

# The dashboard's browser test (DashboardIT) drives Debian's Chromium through Debian's chromedriver. A fresh
# machine of this kind lacks both; they are installed here when missing and this script may install packages.
ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    return
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null || ! sudo -n true 2>/dev/null; then
      log "Chromium and chromedriver are missing and cannot be installed without root:"
      log "  apt-get install chromium chromium-driver   (DashboardIT fails without them)"
      return
    fi
    sudo=(sudo -n)
  fi
  log "installing Debian's chromium and chromium-driver for the dashboard's browser test"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get install -y -q chromium chromium-driver >/dev/null \
    || { "${sudo[@]}" apt-get update -q >/dev/null \
         && "${sudo[@]}" apt-get install -y -q chromium chromium-driver >/dev/null; } \
    || log "installing chromium failed: every other test still runs, DashboardIT will fail and say why"
}

run_tests() {
  trap stop_all EXIT
  ensure_postgres
  ensure_chromium
  mvn -B verify
}

# The token service's own command line, on the standalone mode's identity directory; built first if needed.
# `users add ... --password-stdin` reads the password from this script's standard input (exec keeps it).
identity() {
  local jar="$ROOT/standalone/target/cordon/token-service.jar"
  if [ ! -f "$jar" ]; then
    log "building"
    mvn -B -q -f "$ROOT/pom.xml" -DskipTests package
  fi
  CORDON_IDENTITY_DIRECTORY="${CORDON_DATA_DIR:-./data}/identity" exec java -jar "$jar" "$@"
}

# The cluster mode needs a PostgreSQL all replicas share; it never starts one it could not stop after exec.
cluster() {
  if [ -z "${CORDON_DATABASE_URL:-}" ] && command -v pg_isready >/dev/null \
      && ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    log "the cluster mode uses the PostgreSQL at 127.0.0.1:5432, which does not answer:"
    log "  start it, or give another with CORDON_DATABASE_URL=jdbc:postgresql://host:port/ (docs/deployment.md)"
    exit 1
  fi
  run --spring.profiles.active=cluster "$@"
}

# The benchmark starts the launcher it measures (twice: on PostgreSQL, then on the embedded default) and stops it.
bench() {
  trap stop_all EXIT
  ensure_postgres
  log "building"
  mvn -B -q -f "$ROOT/pom.xml" -pl benchmark -am -DskipTests package
  java -Xmx512m -Dcordon.standalone.jar="$ROOT/standalone/target/cordon.jar" \
    -jar "$ROOT/benchmark/target/cordon-benchmark.jar" "$@"
}

case "${1:-}" in
  run) shift; run "$@" ;;
  cluster) shift; cluster "$@" ;;
  clients|users|keys) identity "$@" ;;
  test) run_tests ;;
  bench) shift; bench "$@" ;;
  *) echo "usage: $0 run|cluster|test|bench|clients|users|keys" >&2; exit 2 ;;
esac
