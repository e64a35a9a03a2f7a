#!/usr/bin/env bash
# Runs Learning Rate Academy: builds what is missing, starts the backend and the frontend on the
# embedded database, prints both addresses, and stops both on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")"

backend_port=${ACADEMY_BACKEND_PORT:-8080}
frontend_port=${ACADEMY_FRONTEND_PORT:-8081}
backend_jar=backend/target/quarkus-app/quarkus-run.jar
frontend_jar=frontend/target/quarkus-app/quarkus-run.jar
export ACADEMY_DATA_DIR=${ACADEMY_DATA_DIR:-$PWD/data}
export DJL_CACHE_DIR=${DJL_CACHE_DIR:-$ACADEMY_DATA_DIR/djl-cache}
mkdir -p "$ACADEMY_DATA_DIR"
# Idle libtorch worker threads sleep rather than spin, so that trainings side by side do not slow each other.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}

stale() {
  [ ! -f "$1" ] && return 0
  [ -n "$(find pom.xml "$2" -newer "$1" -type f -not -path '*/target/*' -not -path '*/node_modules/*' \
    -not -path '*/generated/*' -print -quit)" ]
}

if stale "$backend_jar" backend || stale "$frontend_jar" frontend; then
  echo "Building (the first build downloads dependencies and takes a few minutes)..."
  ./mvnw -B -q -DskipTests -Dskip.e2e=true package
fi

pids=()
stop() {
  trap - INT TERM EXIT
  echo
  echo "Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

# Answers whether GET http://127.0.0.1:$1$2 returns 200, with bash alone (no curl needed).
http_ok() {
  local status
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$2" >&3
  read -r -t 5 _ status _ <&3 || true
  exec 3<&- 3>&-
  [ "$status" = "200" ]
}

wait_for() {
  local port=$1 path=$2 name=$3
  for _ in $(seq 1 120); do
    if http_ok "$port" "$path"; then return 0; fi
    for pid in "${pids[@]}"; do
      kill -0 "$pid" 2>/dev/null || { echo "$name stopped while starting; see the log above." >&2; exit 1; }
    done
    sleep 1
  done
  echo "$name did not answer at http://localhost:$port$path within two minutes." >&2
  exit 1
}

# Both listen on this machine only; set ACADEMY_HOST=0.0.0.0 to serve other machines (then set academy.api-keys).
host=${ACADEMY_HOST:-127.0.0.1}
# The backend's heavy work is native (libtorch): the JIT's first tier is enough, and the optimising tier's compile
# threads would take cores from the trainings for minutes (docs/benchmarks.md, "Two CPU slots against one").
# shellcheck disable=SC2086
java ${ACADEMY_BACKEND_JAVA_OPTS:--XX:TieredStopAtLevel=1} -Dquarkus.http.host="$host" -Dquarkus.http.port="$backend_port" \
  -Dai.djl.offline=true -jar "$backend_jar" &
pids+=($!)
wait_for "$backend_port" /q/health/ready "The backend"

ACADEMY_BACKEND_URL=${ACADEMY_BACKEND_URL:-http://127.0.0.1:$backend_port} \
  java -Dquarkus.http.host="$host" -Dquarkus.http.port="$frontend_port" -jar "$frontend_jar" &
pids+=($!)
wait_for "$frontend_port" / "The frontend"

cat <<TEXT

Learning Rate Academy is running.
  Course (frontend):  http://localhost:$frontend_port/
  API (backend):      http://localhost:$backend_port/api/v1/lessons
  API documentation:  http://localhost:$backend_port/q/swagger-ui
Press Ctrl-C to stop both.
TEXT
wait -n "${pids[@]}"
