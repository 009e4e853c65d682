#!/usr/bin/env bash
# Cordon's two entry points:
#   ./cordon.sh run    build and start the whole engine locally (PostgreSQL, a Kafka broker, both services)
#   ./cordon.sh test   run every test (unit, integration on real PostgreSQL and Kafka, end-to-end)
# Everything this script starts, it stops by PID on exit or Ctrl-C.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DATA="${CORDON_DATA_DIR:-$ROOT/data}"
MVN=(mvn -B -q)
PIDS=()              # services first, the Kafka broker last: stopped in reverse order
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

ensure_database() {
  local name="$1"
  if ! psql -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname = '$name'" | grep -q 1; then
    log "creating database $name"
    psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $name"
  fi
}

# Stops what this script started, by PID: the services first (they flush to Kafka on the way out), then the
# broker, then PostgreSQL if it was down before. A second Ctrl-C does not interrupt the clean-up.
stop_all() {
  trap '' INT TERM
  local i pid
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    pid="${PIDS[$i]}"
    kill -TERM "$pid" 2>/dev/null || continue
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL "$pid" 2>/dev/null || true
  done
  PIDS=()
  if [ -n "$STARTED_POSTGRES" ]; then
    log "stopping the PostgreSQL cluster this script started"
    pg_ctlcluster --skip-systemctl-redirect "$STARTED_POSTGRES" main stop || true
    STARTED_POSTGRES=""
  fi
}

wait_for() {
  local what="$1" url="$2" pid="$3"
  for _ in $(seq 1 240); do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$what exited; see its log under $DATA/logs"; exit 1
    fi
    if curl -fsS "$url" >/dev/null 2>&1; then
      return
    fi
    sleep 0.5
  done
  log "$what not ready at $url"; exit 1
}

start_kafka() {
  local lib="$DATA/kafka-lib" dir="$DATA/kafka" port="${CORDON_KAFKA_PORT:-9092}"
  if [ ! -f "$lib/.complete" ]; then
    log "fetching the Kafka broker from Maven Central (once)"
    mkdir -p "$lib"
    "${MVN[@]}" -f "$ROOT/scripts/kafka/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$lib" -DincludeScope=runtime
    touch "$lib/.complete"
  fi
  mkdir -p "$dir/logs"
  export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$port"
  cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$((port + 1))
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$((port + 1))
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
log.dirs=$dir/log-data
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
log.retention.hours=-1
PROPS
  if [ ! -f "$dir/log-data/meta.properties" ]; then
    java -cp "$lib/*" kafka.tools.StorageTool format -t "$(java -cp "$lib/*" kafka.tools.StorageTool random-uuid)" \
      -c "$dir/server.properties" >/dev/null
  fi
  java -Xmx512m -XX:+UseSerialGC -Dkafka.logs.dir="$dir/logs" \
    -Dlog4j2.configurationFile="$ROOT/scripts/kafka/log4j2.properties" \
    -cp "$lib/*" kafka.Kafka "$dir/server.properties" >"$dir/logs/stdout.log" 2>&1 &
  PIDS+=($!)
  local pid=$!
  for _ in $(seq 1 120); do
    grep -q "Kafka Server started" "$dir/logs/server.log" 2>/dev/null && { log "Kafka broker ready on 127.0.0.1:$port"; return; }
    kill -0 "$pid" 2>/dev/null || { log "Kafka broker exited; see $dir/logs"; exit 1; }
    sleep 0.5
  done
  log "Kafka broker not ready"; exit 1
}

run() {
  trap stop_all EXIT
  trap 'exit 130' INT TERM
  ensure_postgres
  ensure_database cordon_events
  ensure_database cordon_query
  log "building"
  "${MVN[@]}" -DskipTests package
  mkdir -p "$DATA/logs"
  rm -f "$DATA/kafka/logs/server.log"
  start_kafka
  local version
  version="$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)"
  java -jar "$ROOT/command-side/target/command-side-$version-exec.jar" >"$DATA/logs/command-side.log" 2>&1 &
  PIDS+=($!)
  local command_pid=$!
  java -jar "$ROOT/query-side/target/query-side-$version-exec.jar" >"$DATA/logs/query-side.log" 2>&1 &
  PIDS+=($!)
  local query_pid=$!
  wait_for "command side" "http://127.0.0.1:${CORDON_COMMAND_PORT:-8081}/actuator/health" "$command_pid"
  wait_for "query side" "http://127.0.0.1:${CORDON_QUERY_PORT:-8082}/actuator/health" "$query_pid"
  cat <<INFO

Cordon is running (Ctrl-C stops everything).
  commands (isolate, release, cancel, agent): http://127.0.0.1:${CORDON_COMMAND_PORT:-8081}/api/...
  reads (Action center, timeline, devices):   http://127.0.0.1:${CORDON_QUERY_PORT:-8082}/api/...
  logs: $DATA/logs

INFO
  local status=0
  wait -n "${PIDS[@]}" || status=$?
  log "a process exited (status $status); stopping the rest"
  exit "$(( status == 0 ? 1 : status ))"
}

run_tests() {
  trap stop_all EXIT
  ensure_postgres
  mvn -B verify
}

case "${1:-}" in
  run) run ;;
  test) run_tests ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac
