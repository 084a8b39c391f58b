"""The content check command (used by pre-commit) passes the real project and fails a broken copy with the fix."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import PROJECT_ROOT, copy_project


def run_check(root):
    return subprocess.run(
        [sys.executable, "-m", "scripts.checks.check_content", str(root)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_project_content_passes():
    result = run_check(PROJECT_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_broken_front_matter_and_citation_are_listed_together(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "aftercare.md"
    text = re.sub(r"^next_review:.*\n", "", page.read_text(encoding="utf-8"), count=1, flags=re.M)
    page.write_text(text + "\nOne more claim [[Spr]].\n", encoding="utf-8")

    result = run_check(project)

    assert result.returncode == 1
    assert "docs/aftercare.md:1: next_review is missing; add the date the next review is due" in result.stdout
    assert re.search(r"docs/aftercare\.md:\d+: the citation \[\[Spr\]\] is not in this page's sources", result.stdout)
    assert result.stdout.rstrip().endswith("2 problems to fix before the site can be built")


def test_missing_data_file_is_reported(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "data" / "references.yml").unlink()

    result = run_check(project)

    assert result.returncode == 1
    assert (
        "data/references.yml: this data file is missing; restore it with: git checkout -- data/references.yml"
        in result.stdout
    )
