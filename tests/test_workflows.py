"""The GitHub workflows are valid (GitHub's workflow schema, vendored in
check-jsonschema: no network) and run the README's commands."""

import subprocess
import sys

from tests.sitebuild import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def test_workflows_match_githubs_schema():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert {f.name for f in files} >= {"pr.yml", "pages.yml"}
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             *map(str, files)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_run_the_readme_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pr = (WORKFLOWS / "pr.yml").read_text(encoding="utf-8")
    pages = (WORKFLOWS / "pages.yml").read_text(encoding="utf-8")
    for command in (".venv/bin/python -m macros.check", ".venv/bin/python scripts/build.py"):
        assert command in readme and command in pr and command in pages, command
    assert "bash .ci/run" in pr and "./scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "actions/upload-artifact@" in pr and "actions/deploy-pages@" in pages


def test_broken_workflow_is_caught(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("name: x\non: [push]\njobs:\n  a:\n    steps:\n      - run: echo\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             str(bad)], capture_output=True, text=True)
    assert result.returncode != 0  # no runs-on: GitHub would refuse it
