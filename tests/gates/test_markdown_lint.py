"""Markdown lint of the pages with pymarkdown and .pymarkdown.yml, proven against pages broken on purpose."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

PYMARKDOWN = Path(sys.executable).parent / "pymarkdown"
CONFIG = PROJECT_ROOT / ".pymarkdown.yml"
HINT = (
    "Each line reads file:line:column: rule: what is wrong. Fix the Markdown there; "
    "to look a rule up, search for its number (like MD001) at https://pymarkdown.readthedocs.io/"
)


def lint(docs: Path) -> str:
    pages = sorted(str(path) for path in docs.glob("*.md"))
    result = subprocess.run(
        [str(PYMARKDOWN), "--strict-config", "--config", str(CONFIG), "scan", *pages],
        cwd=docs.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode in (0, 1), (
        result.stdout + result.stderr
    )  # 1 means lint problems; anything else is a broken run
    return (result.stdout + result.stderr).replace(f"{docs.parent}/", "").strip()


def test_pages_pass_markdown_lint():
    problems = lint(PROJECT_ROOT / "docs")
    assert not problems, f"{problems}\n{HINT}"


BROKEN_PAGES = {
    "heading level skipped": (
        lambda text: re.sub(r"^# .*$", "\\g<0>\n\n### A heading two levels down", text, count=1, flags=re.M),
        r"MD001: Heading levels should only increment by one level at a time. \[Expected: h2; Actual: h3\]",
    ),
    "second top heading": (
        lambda text: text + "\n# Another page title\n\nText.\n",
        r"MD025: Multiple top-level headings in the same document",
    ),
    "text before the page heading": (
        lambda text: re.sub(r"^# ", "Intro.\n\n## ", text, count=1, flags=re.M),
        r"MD041: First line in file should be a top level heading",
    ),
    "list without blank line": (
        lambda text: text + "\nSome text.\n- an item straight under it\n",
        r"MD032: Lists should be surrounded by blank lines",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN_PAGES))
def test_broken_page_is_reported_with_file_and_line(tmp_path, case):
    break_page, expected = BROKEN_PAGES[case]
    docs = shutil.copytree(PROJECT_ROOT / "docs", tmp_path / "docs")
    page = docs / "aftercare.md"
    page.write_text(break_page(page.read_text(encoding="utf-8")), encoding="utf-8")

    problems = lint(docs)

    assert re.search(r"^docs/aftercare\.md:\d+:\d+: " + expected, problems, re.M), problems


def test_material_syntax_is_not_reported(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "material.md").write_text(
        "---\ntitle: Example\ndescription: One sentence.\n---\n\n# Example { #top }\n\n"
        '!!! note "A note"\n    An admonition body, indented like code.\n\n'
        "```text\nA fenced block on the same page.\n```\n\n"
        "A very long line that editors write as one paragraph " + "and keep going " * 20 + ".\n\n"
        'Go to [the top](#top) or <abbr title="example">ex</abbr>.\n\n'
        "- [x] A task list item\n",
        encoding="utf-8",
    )

    assert lint(docs) == ""
