"""`make review-due` lists pages whose next_review is within 30 days or past, and fails only then."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scripts.checks.review_due import main
from tests.conftest import PROJECT_ROOT, replace_once

TODAY = "2027-03-01"


def page(next_review: str) -> str:
    front_matter = f"title: A page\ndescription: One sentence.\nlast_reviewed: 2026-03-01\nnext_review: {next_review}\n"
    return f"---\n{front_matter}---\n# A page\n"


@pytest.fixture
def project(tmp_path) -> Path:
    (tmp_path / "docs" / "snippets").mkdir(parents=True)
    (tmp_path / "data").mkdir()
    (tmp_path / "docs" / "far.md").write_text(page("2028-01-01"), encoding="utf-8")
    (tmp_path / "docs" / "snippets" / "shared.md").write_text("Shared text, no front matter.\n", encoding="utf-8")
    (tmp_path / "data" / "references.yml").write_text("- id: Chu\n  citation: A review.\n", encoding="utf-8")
    (tmp_path / "data" / "timeline.yml").write_text(
        "# Generates a page.\npage:\n  title: Timeline\n  last_reviewed: 2026-03-01\n  next_review: 2028-06-01\n"
        "effects: []\n",
        encoding="utf-8",
    )
    return tmp_path


def review_due(project: Path, capsys) -> tuple[int, list[str]]:
    code = main(["--root", str(project), "--today", TODAY])
    return code, capsys.readouterr().out.splitlines()


def test_nothing_due_passes_and_says_so(project, capsys):
    code, lines = review_due(project, capsys)
    assert code == 0
    assert lines == [f"No page is due for review in the 30 days from {TODAY}."]


def test_past_and_near_dates_are_listed_with_file_and_line_soonest_first(project, capsys):
    (project / "docs" / "near.md").write_text(page("2027-03-20"), encoding="utf-8")
    (project / "docs" / "past.md").write_text(page("2027-02-01"), encoding="utf-8")
    (project / "docs" / "edge.md").write_text(page("2027-03-31"), encoding="utf-8")
    (project / "docs" / "later.md").write_text(page("2027-04-01"), encoding="utf-8")

    code, lines = review_due(project, capsys)

    assert code == 1
    assert lines[0].startswith("3 pages to review")
    assert lines[1].startswith(
        "docs/past.md:5: next_review was 2027-02-01, 28 days ago; review the page, then update both dates"
    )
    assert lines[2].startswith("docs/near.md:5: next_review is 2027-03-20, in 19 days;")
    assert lines[3].startswith("docs/edge.md:5: next_review is 2027-03-31, in 30 days;")
    assert len(lines) == 5
    assert lines[4].startswith("To review a page, check the whole page against its sources")


def test_a_data_file_page_block_is_checked_with_its_line(project, capsys):
    timeline = project / "data" / "timeline.yml"
    timeline.write_text(
        replace_once(timeline.read_text(encoding="utf-8"), "2028-06-01", "2027-03-01"), encoding="utf-8"
    )

    code, lines = review_due(project, capsys)

    assert code == 1
    assert lines[1].startswith("data/timeline.yml:5: next_review is today, 2027-03-01;")


def test_a_missing_or_unreadable_date_fails_with_the_fix(project, capsys):
    (project / "docs" / "nodate.md").write_text(page("soon"), encoding="utf-8")
    (project / "docs" / "bare.md").write_text("# No front matter\n", encoding="utf-8")

    code, lines = review_due(project, capsys)

    assert code == 1
    assert "docs/bare.md:1: the page has no front matter, so its next_review date cannot be read" in lines
    assert "docs/nodate.md:5: next_review 'soon' is not a date; write it like 2027-11-01" in lines


def test_make_target_passes_today_through_and_exits_non_zero_when_due(project):
    (project / "docs" / "past.md").write_text(page("2027-02-01"), encoding="utf-8")
    command = [sys.executable, "-m", "scripts.checks.review_due", "--root", str(project), "--today", TODAY]
    make_line = subprocess.run(
        ["make", "-n", "review-due", f"TODAY={TODAY}"], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60
    ).stdout
    assert f"--today {TODAY}" in make_line

    result = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)

    assert result.returncode == 1
    assert "docs/past.md:5: next_review was 2027-02-01" in result.stdout
