"""The committed JSON Schema (VS Code help for editors) matches the model."""

import json

from macros import schema
import posixpath

from macros.loader import plan_paths
from macros.schema import FILES
from tests.sitebuild import ROOT


def test_committed_schema_is_in_sync_with_the_model():
    for path, text in schema.expected(ROOT).items():
        assert path.exists(), f"{path} missing: run python -m macros.schema"
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run python -m macros.schema"


def test_each_data_file_points_at_its_schema():
    files = {**plan_paths(ROOT, "ke-hoach-2023"), "website": "data/website.yaml"}
    for name in FILES:
        rel = files[name]
        first = (ROOT / rel).read_text(encoding="utf-8").splitlines()[0]
        expected = posixpath.relpath(schema.schema_path(name), posixpath.dirname(rel))
        assert first == f"# yaml-language-server: $schema={expected}", rel


def test_schema_help_is_vietnamese_and_complete():
    doc = json.loads((ROOT / schema.schema_path("plan")).read_text(encoding="utf-8"))
    top = doc["properties"]
    assert doc["additionalProperties"] is False  # a misspelt key is underlined
    assert all("description" in prop for prop in top.values()), [k for k, v in top.items() if "description" not in v]
    assert "theo thứ tự văn bản" in top["muc"]["description"]
    budget = doc["$defs"]["Budget"]["properties"]
    assert "kinh_phi" in budget["loai"]["description"] and "La Mã" in budget["so"]["description"]
    assert "title" not in top["muc"] and "title" not in budget["loai"]  # pydantic's English "Muc" is dropped
