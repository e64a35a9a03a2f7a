#!/usr/bin/env bash
# Starts the packaged backend on a loopback port with the demo kind, runs SseLoad against it, stops it.
# Build first: ./mvnw -B -pl backend package -DskipTests
# Usage: bench/sse-load.sh [clients] [submits-per-s] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
jar=backend/target/quarkus-app/quarkus-run.jar
port=${BENCH_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
data=$(mktemp -d)
java -Xmx512m -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" -Dacademy.data-dir="$data" \
  -Dacademy.demo-kinds=true -Dacademy.slots.cpu=4 -Dacademy.slots.gpus=0 -Dai.djl.offline=true \
  -jar "$jar" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  kill -0 $server 2>/dev/null || { cat "$data/server.log"; exit 1; }
  curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null && break
  sleep 0.5
done
java bench/SseLoad.java "http://127.0.0.1:$port" "${1:-50}" "${2:-10}" "${3:-30}"
echo "server log: $data/server.log"
