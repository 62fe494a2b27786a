"""deploy/nginx.conf, run by a real nginx on the built site: pre-compressed
copies are sent compressed, versioned assets are cached for a year, HTML is
revalidated, and the web manifest and JSON have their types.

Needs Debian's nginx (`apt-get install nginx-light`); skipped where it is
missing, except under CI=true (.ci/run installs it)."""

import contextlib
import gzip
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.sitebuild import ROOT

CONF = ROOT / "deploy" / "nginx.conf"
YEAR = "public, max-age=31536000, immutable"


def _nginx() -> str | None:
    for candidate in (shutil.which("nginx"), "/usr/sbin/nginx"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def site_conf(text: str, port: int, root: Path) -> str:
    """deploy/nginx.conf with only its listen and root lines changed."""
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("listen [::]"):
            continue
        if stripped.startswith("listen "):
            line = f"    listen 127.0.0.1:{port};"
        elif stripped.startswith("root "):
            line = f"    root {root};"
        lines.append(line)
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def nginx(site, tmp_path_factory):
    binary = _nginx()
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail("nginx is required in CI (apt-get install nginx-light)")
        pytest.skip("no nginx on this machine (apt-get install nginx-light)")
    prefix = tmp_path_factory.mktemp("nginx")
    port = _free_port()
    (prefix / "site.conf").write_text(site_conf(CONF.read_text(encoding="utf-8"), port, site), encoding="utf-8")
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read the temp site
    temp = "".join(f"{name}_temp_path {prefix / name};\n" for name in
                   ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (prefix / "nginx.conf").write_text(
        f"{user}daemon off;\nworker_processes 1;\npid {prefix / 'nginx.pid'};\n"
        f"error_log {prefix / 'error.log'};\nevents {{ worker_connections 64; }}\n"
        f"http {{\ninclude /etc/nginx/mime.types;\ndefault_type application/octet-stream;\n"
        f"access_log off;\n{temp}include {prefix / 'site.conf'};\n}}\n", encoding="utf-8")
    check = subprocess.run([binary, "-t", "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    proc = subprocess.Popen([binary, "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 10
        while True:  # ready when it accepts a connection
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
            assert proc.poll() is None, proc.stderr.read().decode()
            assert time.monotonic() < deadline, "nginx did not start"
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def get(url: str, encoding: str = "gzip"):
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.headers, response.read()


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "stylesheet" or tag == "script" and a.get("src"):
            self.urls.append(a.get("href") or a.get("src"))


def test_pages_are_sent_gzipped_and_revalidated(nginx, site):
    for path in ("/", "/ke-hoach/", "/don-vi/huyen-dak-glei/", "/bo-cong-cu/phieu-khao-sat/"):
        status, headers, body = get(nginx + path)
        assert status == 200
        assert headers["Content-Encoding"] == "gzip", path
        assert "Accept-Encoding" in headers.get("Vary", "")
        assert headers["Cache-Control"] == "no-cache", path
        local = site / path.strip("/") / "index.html" if path != "/" else site / "index.html"
        assert gzip.decompress(body) == local.read_bytes()  # the .gz copy, unchanged
    # without Accept-Encoding the plain file
    status, headers, body = get(nginx + "/", encoding=None)
    assert "Content-Encoding" not in headers and body == (site / "index.html").read_bytes()


def test_versioned_and_hashed_assets_are_cached_for_a_year(nginx, site):
    parser = _Links()
    parser.feed((site / "bo-cong-cu" / "phieu-khao-sat" / "index.html").read_text(encoding="utf-8"))
    urls = ["/" + u.lstrip("./") for u in parser.urls if u and not u.startswith("http")]
    assert any("site.css?v=" in u for u in urls) and any("bundle." in u for u in urls), urls
    for url in urls:
        status, headers, _ = get(nginx + url)
        assert status == 200, url
        assert headers["Cache-Control"] == YEAR, url
        assert headers["Content-Encoding"] == "gzip", url
    # the same file without its version is revalidated
    assert get(nginx + "/assets/site.css")[1]["Cache-Control"] == "no-cache"


def test_search_index_and_manifest_types(nginx, site, tmp_path):
    status, headers, _ = get(nginx + "/search/search_index.json")
    assert headers["Content-Type"].startswith("application/json")
    assert headers["Content-Encoding"] == "gzip" and headers["Cache-Control"] == "no-cache"
    manifests = sorted(site.rglob("*.webmanifest"))
    if manifests:  # the installable-app manifest, where the site has one
        rel = manifests[0].relative_to(site).as_posix()
        assert get(nginx + "/" + rel)[1]["Content-Type"].startswith("application/manifest+json")


def test_missing_page_is_the_sites_404(nginx):
    with pytest.raises(urllib.error.HTTPError) as err:
        get(nginx + "/khong-co-trang-nay/")
    assert err.value.code == 404
