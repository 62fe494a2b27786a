#!/usr/bin/env bash
# Set up (first run only), check the data, then build the site and serve it at
# http://127.0.0.1:8000 . It does not open a browser: open that address yourself.
# Stop with Ctrl+C. Another port: PORT=8001 ./scripts/serve.sh  or  ./scripts/serve.sh 8001
# Works from any folder. Saving a file under data/, docs/, macros/ or overrides/
# rebuilds the pages and reloads the browser. Under serve no PDFs are made (a fast
# edit loop; scripts/build.py makes them) and a data error shows on the pages as a
# red banner over the last good version. Arguments after the port go to mkdocs serve.
set -euo pipefail
port="${PORT:-8000}"
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then port=$1; shift; fi
# Before anything is built: is the port free? (something answers on it = busy)
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "Cổng $port đang được chương trình khác dùng. Chọn cổng khác, ví dụ: PORT=$((port + 1)) $0  (hoặc $0 $((port + 1)))." >&2
  exit 1
fi
source "$(dirname -- "${BASH_SOURCE[0]}")/setup.sh"   # also: cd to the repository root
.venv/bin/python -m macros.check
echo "Website: http://127.0.0.1:$port/  (mở địa chỉ này trong trình duyệt; dừng bằng Ctrl+C)"
# `mkdocs serve` is the preview for the kontum plugin (macros/adapters/plugin.py): no PDFs,
# data errors on the pages. --dirty: a save builds again only the pages whose data changed,
# and remakes only the downloads made from a changed data file (macros/adapters/serve_hooks.py).
exec .venv/bin/python -m mkdocs serve --dirty --dev-addr "127.0.0.1:$port" "$@"
