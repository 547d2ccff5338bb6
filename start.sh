#!/usr/bin/env bash
# Install the app into .venv and serve the seed article at http://127.0.0.1:8050
set -euo pipefail
cd "$(dirname "$0")"
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv 2>/dev/null || {
    rm -rf .venv
    sudo_if_needed apt-get update -q && sudo_if_needed apt-get install -y -q python3-venv
    python3 -m venv .venv
  }
fi
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e .
exec .venv/bin/python -m dashboard "$@"
