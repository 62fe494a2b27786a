#!/usr/bin/env bash
# Set up (first run only), check the data, then build the site and serve it at
# http://127.0.0.1:8000 (it does not open a browser; stop with Ctrl+C).
# Another port: PORT=8001 ./scripts/serve.sh  or  ./scripts/serve.sh 8001
# Works from any folder. Under serve, PDFs are not made (fast edit loop);
# scripts/build.py makes them. Extra arguments after the port go to mkdocs serve.
set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/setup.sh"   # also: cd to the repository root
port="${PORT:-8000}"
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then port=$1; shift; fi
if ! .venv/bin/python - "$port" <<'PY'
import socket, sys
port = int(sys.argv[1])
with socket.socket() as s:
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        print(f"Cổng {port} đang được chương trình khác dùng. Chọn cổng khác, ví dụ: "
              f"PORT={port + 1} ./scripts/serve.sh  (hoặc ./scripts/serve.sh {port + 1}).", file=sys.stderr)
        sys.exit(1)
PY
then exit 1; fi
.venv/bin/python -m macros.check
echo "Website: http://127.0.0.1:$port/  (mở địa chỉ này trong trình duyệt; dừng bằng Ctrl+C)"
export KONTUM_SERVE=1
exec .venv/bin/python -m mkdocs serve --dev-addr "127.0.0.1:$port" "$@"
