#!/bin/sh
# Times the training engine against PyTorch on the digits work of torch_digits.py, at 1 and 2 threads.
# Usage: bench/digits.sh [path/to/torch_digits.py] [python]
# BENCH_MAIN=org.lracademy.training.bench.MemoryBench JAVA_OPTS="-Xms256m -Xmx256m" bench/digits.sh: the RSS loop.
set -e
# Paths given relative to where the command runs, resolved before the script changes folder.
script=$(realpath "${1:-$(dirname "$0")/../../shared/bench/torch_digits.py}")
cd "$(dirname "$0")/.."
./mvnw -B -q -pl backend test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
cd backend
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$HOME/.djl.ai}"
# Idle OpenMP workers sleep instead of spinning, for both sides: on a host with more runnable threads
# than cores, spinning workers steal the time of the thread they wait for.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
exec java ${JAVA_OPTS:-} -Dai.djl.offline=true -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    "${BENCH_MAIN:-org.lracademy.training.bench.DigitsBench}" \
    "$script" "${2:-/usr/bin/python3}"
