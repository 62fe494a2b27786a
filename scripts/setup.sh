#!/usr/bin/env bash
# Set-up, sourced by scripts/serve.sh and scripts/test.sh (works from any folder):
#  - goes to the repository root (found from this file's own path);
#  - checks the Python interpreter first (3.11 or newer), one Vietnamese line if not;
#  - creates .venv, and rebuilds one that another or a broken interpreter made;
#  - installs requirements.txt when it changed; the stamp is written only after pip succeeded;
#  - installs the project itself (pyproject.toml) when it changed or is missing: its
#    `mkdocs.plugins` entry point names the kontum plugin that mkdocs.yml lists. Metadata
#    only (no module is copied): the code is imported from this folder (kontum-goc.pth below).
# PYTHON=/path/to/python3.12 chooses the interpreter; otherwise python3, python3.13 … python3.11.
set -euo pipefail
ROOT="$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"

NEED_MAJOR=3 NEED_MINOR=11
_version() {  # "3.11.7" of an interpreter, or nothing if it does not run
  "$1" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null || true
}
_new_enough() {  # version string -> true if >= 3.11
  local major minor
  IFS=. read -r major minor _ <<<"$1"
  [ -n "$major" ] && { [ "$major" -gt "$NEED_MAJOR" ] || { [ "$major" -eq "$NEED_MAJOR" ] && [ "$minor" -ge "$NEED_MINOR" ]; }; }
}

if [ -n "${PYTHON:-}" ]; then
  candidates=("$PYTHON")
else
  candidates=(python3 python3.13 python3.12 python3.11)
fi
py="" found=""
for candidate in "${candidates[@]}"; do
  path=$(command -v "$candidate" 2>/dev/null || true)
  [ -n "$path" ] || continue
  version=$(_version "$path")
  [ -n "$version" ] || continue
  [ -n "$found" ] || found="$version ($path)"
  if _new_enough "$version"; then py=$path; break; fi
done
if [ -z "$py" ]; then
  echo "Cần Python ${NEED_MAJOR}.${NEED_MINOR} trở lên, nhưng tìm thấy: ${found:-không có python3 nào chạy được}. Cài Python ${NEED_MAJOR}.${NEED_MINOR}+ rồi chạy lại (hoặc chỉ rõ: PYTHON=/đường/dẫn/python3.11 $0)." >&2
  exit 2
fi

# A .venv that does not run, or was made by a Python older than 3.11, is rebuilt.
venv_version=""
if [ -e .venv ]; then
  venv_version=$(_version .venv/bin/python)
  if ! _new_enough "$venv_version"; then
    echo "Tạo lại .venv (Python trong .venv: ${venv_version:-hỏng}; cần ${NEED_MAJOR}.${NEED_MINOR}+)…" >&2
    rm -rf .venv
    venv_version=""
  fi
fi
if [ ! -e .venv ]; then
  echo "Cài đặt lần đầu: tạo .venv bằng $py (Python $(_version "$py")) và cài các gói trong requirements.txt…" >&2
  if ! "$py" -m venv .venv; then
    rm -rf .venv
    echo "Không tạo được .venv bằng $py (Debian/Ubuntu: apt-get install python3-venv)." >&2
    exit 2
  fi
  venv_version=$(_version .venv/bin/python)
fi

# Stamp: which interpreter the packages were installed for, which requirements and project.
stamp=.venv/.kontum-setup
want="python=$(readlink -f .venv/bin/python) $venv_version
requirements=$(sha256sum requirements.txt | cut -d' ' -f1)
project=$(sha256sum pyproject.toml | cut -d' ' -f1)"
_plugin_installed() {  # the entry point MkDocs looks the kontum plugin up by
  .venv/bin/python -c 'import sys; from importlib.metadata import entry_points as e; sys.exit(not e(group="mkdocs.plugins", name="kontum"))' 2>/dev/null
}
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ] || ! _plugin_installed; then
  rm -f "$stamp"
  if ! .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt; then
    echo "Cài các gói trong requirements.txt không thành công (xem lỗi pip ở trên); chạy lại lệnh khi đã có mạng." >&2
    exit 1
  fi
  # Built from pyproject.toml alone, in a temporary folder: no build/ or *.egg-info left here.
  project_tmp=$(mktemp -d)
  cp pyproject.toml "$project_tmp/"
  if ! .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps "$project_tmp"; then
    rm -rf "$project_tmp"
    echo "Cài plugin kontum của dự án (pyproject.toml) không thành công (xem lỗi pip ở trên); chạy lại lệnh khi đã có mạng." >&2
    exit 1
  fi
  rm -rf "$project_tmp"
  printf '%s\n' "$want" > "$stamp"
fi
# The repository on the venv's import path, found from the venv's own place (<root>/.venv):
# `.venv/bin/python -m macros.check` works from any folder, not only the root (issue 23).
pth="$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/kontum-goc.pth"
[ -f "$pth" ] || printf '%s\n' "import os, sys; _goc = os.path.dirname(sys.prefix); os.path.isfile(os.path.join(_goc, 'macros', 'check.py')) and _goc not in sys.path and sys.path.append(_goc)" > "$pth"
export NO_MKDOCS_2_WARNING=1
