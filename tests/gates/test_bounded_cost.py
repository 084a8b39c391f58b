"""No page input can make the build's work grow faster than the input: a generated worst case, counted, not timed.

Every line is at most MAX_LINE_CHARACTERS (longer is refused before any parser runs), so a pattern that costs the
square of a line's length costs at most a constant per line. What is left to prove is that nothing costs more than
linearly in the number of lines: the same worst-case lines, twice as many, must cost at most about twice the
Python operations (trace events) through the Markdown renderer and both checks.
"""

from __future__ import annotations

import sys

import markdown
import pytest
import yaml

from scripts.common.input_limits import MAX_LINE_CHARACTERS, MAX_PAGE_CHARACTERS, oversized
from scripts.site.html_allowlist import check_markdown, check_rendered_html
from tests.conftest import PROJECT_ROOT

WIDTH = 400
# Lines that drove patterns into backtracking: unclosed attribute lists, runs of '=', comment and tag openers,
# nested emphasis, citation brackets and link openers.
WORST_LINES = [
    "{" + "=" * WIDTH,
    "{ " + "a=" * (WIDTH // 2),
    "<!--" * (WIDTH // 4),
    "<a href=" * (WIDTH // 8),
    "*_" * (WIDTH // 2),
    "[[" * (WIDTH // 2),
    "[" * WIDTH + "](",
    "<div>" * (WIDTH // 5),
    "`" * WIDTH,
]


def site_markdown() -> markdown.Markdown:
    config = yaml.safe_load((PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    entries = [item if isinstance(item, dict) else {item: None} for item in config["markdown_extensions"]]
    settings = {name: value or {} for entry in entries for name, value in entry.items()}
    settings.pop("pymdownx.snippets", None)
    return markdown.Markdown(extensions=list(settings), extension_configs=settings)


def operations(page: str) -> int:
    """Python line events while the page is rendered and checked as the build does it."""
    count = 0

    def trace(frame, event, arg):
        nonlocal count
        count += 1
        return trace

    renderer = site_markdown()
    sys.settrace(trace)
    try:
        html = renderer.convert(page)
        check_rendered_html("docs/a.md", html)
        check_markdown("docs/a.md", page)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("line", WORST_LINES, ids=range(len(WORST_LINES)))
def test_twice_the_worst_case_lines_cost_at_most_about_twice_the_work(line):
    lines = 8
    single = operations("\n\n".join([line] * lines))
    double = operations("\n\n".join([line] * 2 * lines))
    assert double <= 2.3 * single, f"{single} then {double} operations: more than linear"


def test_lines_and_pages_over_the_limits_are_refused_before_parsing():
    assert oversized("docs/a.md", "x" * MAX_LINE_CHARACTERS, MAX_PAGE_CHARACTERS) == []
    [line] = oversized("docs/a.md", "ok\n" + "{" * (MAX_LINE_CHARACTERS + 1), MAX_PAGE_CHARACTERS)
    assert line.line == 2 and "over the limit" in line.message
    [page] = oversized("docs/a.md", "short line\n" * (MAX_PAGE_CHARACTERS // 10), MAX_PAGE_CHARACTERS)
    assert page.line == 1 and "split it into smaller files" in page.message
