#!/usr/bin/env bash
# Runs every test of Learning Rate Academy: unit, HTTP, PostgreSQL, restart, browser and deployment
# checks. Installs what the tests need from Debian when it is missing (Chromium and its driver, docker-compose).
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v curl >/dev/null 2>&1 || need+=(curl)
# The deployment checks validate docker-compose.yml with docker-compose itself.
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} from Debian..."
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends "${need[@]}"
fi

./mvnw -B verify "$@"
