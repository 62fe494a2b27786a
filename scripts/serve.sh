#!/usr/bin/env bash
# Set up (first run only), check the data, then build and serve the site at http://127.0.0.1:8000
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
.venv/bin/python -m macros.check
exec .venv/bin/python -m mkdocs serve --strict --dev-addr 127.0.0.1:8000 "$@"
