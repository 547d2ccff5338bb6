#!/usr/bin/env bash
# Install the package into .venv (made when missing). Usage: scripts/install.sh [SPEC]
# SPEC defaults to "." ; the tests use ".[test]".
set -euo pipefail
cd "$(dirname "$0")/.."
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if [ ! -x .venv/bin/python ]; then
  # Debian's Python makes venvs only with python3-venv installed.
  python3 -m venv .venv 2>/dev/null || {
    rm -rf .venv
    sudo_if_needed apt-get update -q
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv
    python3 -m venv .venv
  }
fi
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e "${1:-.}"
