"""Every output rendered from data is byte-identical to the kept fingerprint
(tests/render_snapshot.py): moving code must not change a page, a PDF's HTML or a
download. An intended change rewrites the fingerprint in the same commit."""

import json

from tests.render_snapshot import SNAPSHOT, changes, fingerprint


def test_every_rendered_output_is_unchanged():
    kept = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    found = changes(kept, fingerprint())
    assert not found, ("Đầu ra khác bản đã lưu (nếu cố ý: .venv/bin/python -m tests.render_snapshot --ghi):\n"
                       + "\n".join(found[:40]))
