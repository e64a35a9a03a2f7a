#!/usr/bin/env bash
# Times a batch of 8 digits trainings on 1 CPU slot and on 2, alternating, and prints the speed-up.
# Build first: ./mvnw -B -pl backend package -DskipTests
# Usage: bench/slots.sh [rounds] [epochs per training]
# BENCH_JVM_OPTS replaces the server's JIT choice, e.g. BENCH_JVM_OPTS=-XX:+TieredCompilation for both tiers.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/backend.sh
rounds=${1:-3}
epochs=${2:-8}
echo "| round | epochs | slots | trainings | seconds |"
echo "| --- | --- | --- | --- | --- |"
for round in $(seq 1 "$rounds"); do
  for slots in 1 2; do
    start_backend -Dacademy.slots.cpu="$slots" -Dacademy.jobs.max-running-per-owner=8
    java bench/SlotsBench.java "http://127.0.0.1:$port" "$slots" "$round" "$epochs"
    stop_backend
  done
done
