"""The committed JSON Schema (VS Code help for editors) matches the model."""

import json

from macros import schema
from macros.site import FILES
from tests.sitebuild import ROOT


def test_committed_schema_is_in_sync_with_the_model():
    for path, text in schema.expected(ROOT).items():
        assert path.exists(), f"{path} missing: run python -m macros.schema"
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run python -m macros.schema"


def test_each_data_file_points_at_its_schema():
    for name, (rel, _) in FILES.items():
        first = (ROOT / rel).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../{schema.schema_path(name)}"


def test_schema_help_is_vietnamese_and_complete():
    doc = json.loads((ROOT / schema.schema_path("plan")).read_text(encoding="utf-8"))
    top = doc["properties"]
    assert doc["additionalProperties"] is False  # a misspelt key is underlined
    assert all("description" in prop for prop in top.values()), [k for k, v in top.items() if "description" not in v]
    assert "Kinh phí" in top["kinh_phi"]["description"]
    assert "title" not in top["kinh_phi"]  # pydantic's English "Kinh Phi" is dropped
