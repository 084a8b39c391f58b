"""Each front-matter rule, proven by building a copy of the site with a page broken on purpose."""

from __future__ import annotations

import re

import pytest

from tests.conftest import copy_project, run_mkdocs_build

BROKEN_PAGES = {
    "unknown reference": (
        lambda text: re.sub(r"^sources: \[", "sources: [Nonexistent2099, ", text, count=1, flags=re.M),
        r"docs/aftercare\.md:\d+: sources lists unknown reference 'Nonexistent2099'.*use an ID from "
        r"data/references\.yml",
    ),
    "missing next_review": (
        lambda text: re.sub(r"^next_review:.*\n", "", text, count=1, flags=re.M),
        r"docs/aftercare\.md:1: next_review is missing; add the date the next review is due, like: next_review: "
        r"2027-11-01",
    ),
    "missing description": (
        lambda text: re.sub(r"^description:.*\n", "", text, count=1, flags=re.M),
        r"docs/aftercare\.md:1: description is missing; add one sentence",
    ),
    "next review before last review": (
        lambda text: re.sub(r"^next_review:.*$", "next_review: 2020-01-01", text, count=1, flags=re.M),
        r"docs/aftercare\.md:\d+: next_review \(2020-01-01\) must be after last_reviewed \(\d{4}-\d\d-\d\d\); set it "
        r"to a later date",
    ),
    "date that is not a date": (
        lambda text: re.sub(r"^last_reviewed:.*$", "last_reviewed: last spring", text, count=1, flags=re.M),
        r"docs/aftercare\.md:\d+: last_reviewed 'last spring' is not a date; write it as year-month-day",
    ),
    "citation missing from sources": (
        lambda text: text + "\nOne more claim [[Spr]].\n",
        r"docs/aftercare\.md:\d+: the citation \[\[Spr\]\] is not in this page's sources; add Spr to sources",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN_PAGES))
def test_broken_page_fails_the_build_with_a_fix(tmp_path, case):
    break_page, expected_message = BROKEN_PAGES[case]
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "aftercare.md"
    page.write_text(break_page(page.read_text(encoding="utf-8")), encoding="utf-8")
    site_dir = tmp_path / "site"

    result = run_mkdocs_build(project, site_dir)

    assert result.returncode != 0
    assert re.search(expected_message, result.stderr), result.stderr
    assert not any(site_dir.rglob("*.html")), "a failed build must not leave pages behind"


def test_citation_inside_a_snippet_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    snippet = project / "docs" / "snippets" / "evidence-ratings.md"
    snippet.write_text(snippet.read_text(encoding="utf-8") + "    Reviews agree [[Chu]].\n", encoding="utf-8")
    line = len(snippet.read_text(encoding="utf-8").splitlines())

    result = run_mkdocs_build(project, tmp_path / "site")

    assert result.returncode != 0
    assert f"docs/snippets/evidence-ratings.md:{line}: the citation [[Chu]] cannot go in a snippet" in result.stderr
