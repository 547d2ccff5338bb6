#!/usr/bin/env bash
# Install what the tests need (Debian's chromium and chromium-driver for the browser
# tests, postgresql for the store tests' server, the package with its test extras in
# .venv), check the code with ruff and mypy, and run pytest. The tests start their own
# throwaway PostgreSQL cluster, or use $TEST_DATABASE_URL when it is set.
# Arguments go to pytest: ./test.sh -k browser
set -euo pipefail
cd "$(dirname "$0")"
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
fi
if [ ${#missing[@]} -gt 0 ]; then
  sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  sudo_if_needed apt-get update -q
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi
scripts/install.sh ".[test]"
.venv/bin/ruff check .
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
