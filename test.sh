#!/usr/bin/env bash
# Install what the tests need (Debian's chromium and chromium-driver, the package
# with its test extras in .venv), check the code with ruff, and run pytest.
# Arguments go to pytest: ./test.sh -k browser
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  sudo_if_needed apt-get update -q
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
fi
scripts/install.sh ".[test]"
.venv/bin/ruff check .
exec .venv/bin/python -m pytest "$@"
