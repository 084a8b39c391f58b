"""What a parser would silently drop or crash on stops `mkdocs build` with file, line and fix, and publishes nothing.

Each case breaks a copy of the project the way an editor might, builds it for real and reads the message.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import copy_project, run_mkdocs_build

pytestmark = pytest.mark.slow


def first_line_matching(path: Path, pattern: str) -> int:
    """1-based number of the first line matching `pattern`, so the cases follow whatever the files hold today."""
    lines = path.read_bytes().decode("utf-8").split("\n")
    return next(number for number, line in enumerate(lines, start=1) if re.search(pattern, line))


def insert_after(path: Path, line: int, text: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(line, text)
    path.write_text("\n".join(lines), encoding="utf-8")


def repeat_key(file: str, indent: str, key: str):
    """A breakage writing `key` a second time just below its first use in `file`."""

    def breakage(project: Path) -> str:
        path = project / file
        first = first_line_matching(path, rf"^{indent}{key}:")
        insert_after(path, first, f"{indent}{key}: A second value.")
        return f"{file}:{first + 1}: the key '{key}' is written twice, on lines {first} and {first + 1}"

    return breakage


def empty_glossary(project: Path) -> str:
    (project / "data" / "glossary.yml").write_text("# Every term was deleted.\n", encoding="utf-8")
    return "data/glossary.yml:1: this data file is empty"


def empty_glossary_list(project: Path) -> str:
    (project / "data" / "glossary.yml").write_text("[]\n", encoding="utf-8")
    return "data/glossary.yml:1: the file lists nothing"


def impossible_date(project: Path) -> str:
    page = project / "docs" / "aftercare.md"
    line = first_line_matching(page, r"^last_reviewed:")
    text = re.sub(
        r"^last_reviewed:.*$", "last_reviewed: 2026-02-30", page.read_text(encoding="utf-8"), count=1, flags=re.M
    )
    page.write_text(text, encoding="utf-8")
    return f"docs/aftercare.md:{line}: 2026-02-30 is not a real date; write year-month-day"


def non_utf8_byte_in_page(project: Path) -> str:
    page = project / "docs" / "aftercare.md"
    raw = page.read_bytes().rstrip(b"\n") + b"\n\nA caf\xe9 is not a clinic.\n"
    page.write_bytes(raw)
    line = raw.count(b"\n")
    return f"docs/aftercare.md:{line}: this line holds a character that is not UTF-8 (byte 0xE9)"


def non_utf8_byte_in_side_effects(project: Path) -> str:
    data = project / "data" / "side-effects.yml"
    line = first_line_matching(data, r"^    name:")
    lines = data.read_bytes().split(b"\n")
    lines[line - 1] += b" caf\xe9"
    data.write_bytes(b"\n".join(lines))
    return f"data/side-effects.yml:{line}: this line holds a character that is not UTF-8 (byte 0xE9)"


def unclosed_quote(project: Path) -> str:
    data = project / "data" / "side-effects.yml"
    line = first_line_matching(data, r"^    name:")
    text = data.read_text(encoding="utf-8").split("\n")
    text[line - 1] = text[line - 1].replace("name: ", 'name: "', 1)
    data.write_text("\n".join(text), encoding="utf-8")
    return f"data/side-effects.yml:{line}: a quote opens on this line and is not closed before line"


def missing_snippet(project: Path) -> str:
    page = project / "docs" / "aftercare.md"
    text = page.read_text(encoding="utf-8").rstrip("\n") + '\n\n--8<-- "no-such-snippet.md"\n'
    page.write_text(text, encoding="utf-8")
    line = text.count("\n")
    return f"docs/aftercare.md:{line}: the included snippet 'no-such-snippet.md' does not exist"


BREAKAGES = {
    "title twice in front matter": repeat_key("docs/aftercare.md", "", "title"),
    "citation twice in data/references.yml": repeat_key("data/references.yml", "  ", "citation"),
    "definition twice in data/glossary.yml": repeat_key("data/glossary.yml", "  ", "definition"),
    "emptied glossary": empty_glossary,
    "glossary emptied to an empty list": empty_glossary_list,
    "date that does not exist": impossible_date,
    "non-UTF-8 byte in a page": non_utf8_byte_in_page,
    "non-UTF-8 byte in data/side-effects.yml": non_utf8_byte_in_side_effects,
    "unclosed quote": unclosed_quote,
    "missing snippet": missing_snippet,
}


@pytest.mark.parametrize("case", sorted(BREAKAGES))
def test_build_stops_with_file_line_and_fix(tmp_path, case):
    project = copy_project(tmp_path / "project")
    expected = BREAKAGES[case](project)
    site_dir = tmp_path / "site"

    result = run_mkdocs_build(project, site_dir)

    assert result.returncode != 0
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert not site_dir.exists() or not any(site_dir.iterdir()), "a failed build must publish nothing"
