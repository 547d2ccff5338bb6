#!/usr/bin/env bash
# Install the app into .venv and serve the seed article at http://127.0.0.1:8050
set -euo pipefail
cd "$(dirname "$0")"
scripts/install.sh .
exec .venv/bin/python -m dashboard "$@"
