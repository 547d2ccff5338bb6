#!/usr/bin/env bash
# Install what the tests need (Debian's chromium and chromium-driver, the package
# with its test extras in .venv), check the code with ruff, and run pytest.
# Arguments go to pytest: ./test.sh -k browser
set -euo pipefail
cd "$(dirname "$0")"
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  sudo_if_needed apt-get update -q
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
fi
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv 2>/dev/null || {
    rm -rf .venv
    sudo_if_needed apt-get update -q && sudo_if_needed apt-get install -y -q python3-venv
    python3 -m venv .venv
  }
fi
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e '.[test]'
.venv/bin/ruff check .
exec .venv/bin/python -m pytest "$@"
