"""`mkdocs build` itself refuses unsafe HTML, wherever it comes from, with file, line and fix, and publishes nothing.

Each case breaks a copy of the project the way a pasted snippet or a careless edit would and builds it for real.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.common.markdown_source import split_front_matter
from scripts.common.yaml_loader import parse_yaml
from tests.conftest import copy_project, run_mkdocs_build

pytestmark = pytest.mark.slow

PAGE = "docs/aftercare.md"
SCRIPT = "<script>alert(1)</script>"


def add_to_page(lines: str, breaking_line: int = 0):
    """A breakage appending `lines` to a page, after a blank line; `breaking_line` counts from 0 within `lines`."""

    def breakage(project: Path) -> int:
        page = project / PAGE
        kept = page.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
        page.write_text(kept + lines + "\n", encoding="utf-8")
        return kept.count("\n") + 1 + breaking_line

    return breakage


def add_to_first_text(file: str):
    """A breakage adding a script to the first one-line text of a few words in a data file or a page's front matter.

    The text is found with the project's own YAML loader, so the case follows whatever the file holds.
    """

    def breakage(project: Path) -> int:
        path = project / file
        source = path.read_text(encoding="utf-8")
        if file.endswith(".md"):
            document = parse_yaml(split_front_matter(source).front_matter, file, first_line=2)
        else:
            document = parse_yaml(source, file)
        lines = source.split("\n")
        line = next(
            line for _, line, text in document.texts() if " " in text and lines[line - 1].rstrip().endswith(text)
        )
        lines[line - 1] += f" {SCRIPT}"
        path.write_text("\n".join(lines), encoding="utf-8")
        return line

    return breakage


def add_file(name: str, content: str, line: int | None):
    def breakage(project: Path) -> int | None:
        path = project / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        return line

    return breakage


# Each case: (what breaks the copy and gives the line to expect, the file named, the message expected there).
CASES = {
    "script": (add_to_page(SCRIPT), PAGE, "<script> is not allowed in pages; pages must not run code"),
    "iframe": (
        add_to_page('<iframe src="https://video.example/clip"></iframe>'),
        PAGE,
        "<iframe> is not allowed in pages; embed nothing from other sites",
    ),
    "onclick": (
        add_to_page('Read <span onclick="steal()">this</span>.'),
        PAGE,
        "<span>: the onclick= attribute is not allowed",
    ),
    "onclick in an attribute list": (
        add_to_page('## More help { onclick="steal()" }'),
        PAGE,
        "{ ... } attribute list: the onclick= attribute is not allowed",
    ),
    "img onerror": (add_to_page('<img src="x.png" onerror="steal()">'), PAGE, "<img> is not allowed in pages"),
    "style element": (add_to_page("<style>body { display: none }</style>"), PAGE, "<style> is not allowed in pages"),
    "javascript link in HTML": (
        add_to_page('<a href="javascript:alert(1)">help</a>'),
        PAGE,
        "<a>: the link 'javascript:alert(1)' is not allowed",
    ),
    "data link in HTML": (
        add_to_page('<a href="data:text/html;base64,PHNjcmlwdD4=">help</a>'),
        PAGE,
        "<a>: the link 'data:text/html;base64,PHNjcmlwdD4=' is not allowed",
    ),
    "javascript Markdown link": (
        add_to_page("[help](javascript:alert(1))"),
        PAGE,
        "the link 'javascript:alert(1)' is not allowed",
    ),
    "data Markdown image": (
        add_to_page("![chart](data:image/svg+xml;base64,PHN2Zz4=)"),
        PAGE,
        "the link 'data:image/svg+xml;base64,PHN2Zz4=' is not allowed",
    ),
    "script after a stray backtick": (
        add_to_page(f"Press the ` key.\n\n{SCRIPT}", breaking_line=2),
        PAGE,
        "<script> is not allowed in pages",
    ),
    # A code span inside a raw HTML block is no code span to Python-Markdown: only the rendered page shows it.
    "script the source check cannot see": (
        add_to_page(f"<div>\n\n`{SCRIPT}`\n\n</div>", breaking_line=2),
        PAGE,
        "the page would publish this: <script> is not allowed in pages",
    ),
    "script in front matter": (
        add_to_first_text(PAGE),
        PAGE,
        "<script> is not allowed in pages",
    ),
    "script in a glossary definition": (
        add_to_first_text("data/glossary.yml"),
        "data/glossary.yml",
        "<script> is not allowed in pages",
    ),
    "script in side-effects text": (
        add_to_first_text("data/side-effects.yml"),
        "data/side-effects.yml",
        "<script> is not allowed in pages",
    ),
    "SVG picture with a script": (
        add_file("images/diagram.svg", f'<svg xmlns="http://www.w3.org/2000/svg">\n{SCRIPT}\n</svg>\n', 2),
        "docs/images/diagram.svg",
        "<script> is not allowed in pictures",
    ),
    "SVG picture with a handler and a javascript: link": (
        add_file(
            "images/diagram.svg",
            '<svg xmlns="http://www.w3.org/2000/svg">\n<a href="javascript:alert(1)"><rect onload="x()"/></a>\n</svg>',
            2,
        ),
        "docs/images/diagram.svg",
        "<a> href=: the link 'javascript:alert(1)' is not allowed",
    ),
    "HTML file": (
        add_file("help.html", f"<p>Help</p>{SCRIPT}\n", None),
        "docs/help.html",
        "HTML files are copied into the site unchecked",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_build_refuses_unsafe_html_with_file_line_and_fix(tmp_path, case):
    breakage, file, message = CASES[case]
    project = copy_project(tmp_path / "project")
    line = breakage(project)
    site_dir = tmp_path / "site"

    result = run_mkdocs_build(project, site_dir)

    assert result.returncode != 0
    where = f"{file}:{line}" if line else file
    assert f"{where}: {message}" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert not site_dir.exists() or not any(site_dir.iterdir()), "a failed build must publish nothing"
