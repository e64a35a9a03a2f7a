#!/usr/bin/env bash
# Starts the packaged backend on a loopback port with the demo kind, runs SseLoad against it, stops it.
# Build first: ./mvnw -B -pl backend package -DskipTests
# Usage: bench/sse-load.sh [clients] [submits-per-s] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/backend.sh
start_backend -Dacademy.demo-kinds=true -Dacademy.slots.cpu=4
java bench/SseLoad.java "http://127.0.0.1:$port" "${1:-50}" "${2:-10}" "${3:-30}"
echo "server log: $data/server.log"
