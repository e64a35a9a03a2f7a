#!/usr/bin/env bash
# Checks the deployment files offline: renders k8s/overlays/*, validates every document against the Kubernetes
# API types, validates docker-compose.yml with docker-compose, checks the Dockerfiles and the invariants.
# Installs Debian's docker-compose first when it is missing. The same tests run inside ./mvnw -B verify.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v docker-compose >/dev/null 2>&1; then
  echo "Installing docker-compose from Debian..."
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends docker-compose
fi

./mvnw -B -pl deploy verify -Ddeploy.require-tools=true "$@"
