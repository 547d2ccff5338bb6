#!/usr/bin/env bash
# Install the package into .venv (made when missing). Usage: scripts/install.sh [SPEC]
# SPEC defaults to "." ; the tests use ".[test]". Compiling the extractor takes a minute or two.
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
spec="${1:-.}"
compile="${TRADE_FIGURES_COMPILE:-1}"
# The extractor is compiled with mypyc (setup.py) unless TRADE_FIGURES_COMPILE=0, which
# installs the pure-Python package: then no compiled module may stay to shadow its source.
if [ "$compile" = "0" ]; then
  find dashboard -name '*.so' -delete
  rm -f dashboard_compiled__mypyc.*.so
fi
# Installed already, the same way, and no source changed since: nothing to compile again.
stamp=".venv/installed-$(printf '%s' "$spec" | tr -c 'A-Za-z0-9' '_')-compile-$compile"
if [ -f "$stamp" ] && [ -z "$(find pyproject.toml setup.py dashboard -newer "$stamp" \( -name '*.py' -o -name '*.toml' \) -print -quit)" ]; then
  exit 0
fi
if [ "$compile" != "0" ]; then
  # mypyc's C needs a compiler and this Python's headers (Debian's python3-dev for its own)
  need=()
  command -v gcc >/dev/null || need+=(gcc)
  .venv/bin/python -c 'import os, sysconfig; raise SystemExit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' \
    || need+=(python3-dev)
  if [ ${#need[@]} -gt 0 ]; then
    sudo_if_needed apt-get update -q
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
  fi
fi
rm -f .venv/installed-*
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e "$spec"
touch "$stamp"
