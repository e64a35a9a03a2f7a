# Sourced by the benchmark scripts: starts the packaged backend on a free loopback port with a fresh data
# directory and stops it when the script exits. Usage: start_backend [-Dkey=value ...]; then $port and $data.
# The JVM runs as run.sh and the images run it (first JIT tier only); BENCH_JVM_OPTS replaces that choice.
jar=backend/target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "Build first: ./mvnw -B -pl backend package -DskipTests" >&2; exit 1; }
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}

start_backend() {
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  data=$(mktemp -d)
  # shellcheck disable=SC2086
  java -Xmx512m ${BENCH_JVM_OPTS:--XX:TieredStopAtLevel=1} -Dquarkus.http.host=127.0.0.1 \
    -Dquarkus.http.port="$port" -Dacademy.data-dir="$data" \
    -Dacademy.slots.gpus=0 -Dai.djl.offline=true "$@" -jar "$jar" >"$data/server.log" 2>&1 &
  server=$!
  trap 'stop_backend' EXIT
  for _ in $(seq 1 120); do
    kill -0 $server 2>/dev/null || { cat "$data/server.log"; exit 1; }
    curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null && return 0
    sleep 0.5
  done
  echo "the backend did not start; log: $data/server.log" >&2
  exit 1
}

stop_backend() {
  if [ -n "${server:-}" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    server=
  fi
}
