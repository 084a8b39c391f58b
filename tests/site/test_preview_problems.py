"""While `mkdocs serve` runs, a content problem shows in the browser as in the terminal; the fix brings the page back.

Before, a failed rebuild left every request waiting until the files were fixed.
"""

from __future__ import annotations

import html
import re

import pytest

from tests.conftest import an_article, copy_project, fetch, mkdocs_serve, page_url_path, run_mkdocs_build, wait_for

# Serves and rebuilds the whole site several times.
pytestmark = pytest.mark.slow

PROBLEM_LINE = re.compile(r"<li><code>(.*?)</code></li>")


def shown_problems(url: str) -> list[str]:
    """The problems a preview page lists; empty for a normal page."""
    page = fetch(url)
    if "content-problems" not in page:
        return []
    return [html.unescape(line) for line in PROBLEM_LINE.findall(page)]


def bad_date(name: str, original: str) -> tuple[str, str]:
    broken = re.sub(r"^next_review:.*$", "next_review: soon", original, count=1, flags=re.MULTILINE)
    line = broken.splitlines().index("next_review: soon") + 1
    return broken, f"{name}:{line}: next_review 'soon' is not a date"


def script_only_the_rendered_page_shows(name: str, original: str) -> tuple[str, str]:
    """Inside a raw HTML block a code span is no code span to Python-Markdown; only the rendered check sees it."""
    broken = original.rstrip("\n") + "\n\n<div>\n\n`<script>alert(1)</script>`\n\n</div>\n"
    line = broken.splitlines().index("`<script>alert(1)</script>`") + 1
    return broken, f"{name}:{line}: the page would publish this: <script> is not allowed in pages"


def is_normal_page(page: str) -> bool:
    return "<h1" in page and "content-problems" not in page


@pytest.mark.parametrize(
    ("breakage", "serve_options"),
    [(bad_date, ()), (script_only_the_rendered_page_shows, ()), (bad_date, ("--strict",))],
    ids=["front-matter", "rendered-html", "front-matter-strict"],
)
def test_a_broken_page_shows_its_problem_in_the_preview_and_recovers_after_the_fix(tmp_path, breakage, serve_options):
    project = copy_project(tmp_path / "project")
    page = an_article(project)
    original = page.read_text(encoding="utf-8")
    broken, expected = breakage(page.relative_to(project).as_posix(), original)
    assert broken != original
    url = f"{{address}}/{page_url_path(page)}"
    terminal = tmp_path / "serve.log"

    with mkdocs_serve(project, terminal, *serve_options) as address:
        page_url = url.format(address=address)
        wait_for(lambda: is_normal_page(fetch(page_url)), 90, "the first build")

        page.write_text(broken, encoding="utf-8")
        problems = wait_for(lambda: shown_problems(page_url), 60, "the problem in the preview")
        assert problems[0].startswith(expected), problems
        assert shown_problems(f"{address}/") == problems, "every page of the preview shows the problems"
        assert problems[0] in terminal.read_text(encoding="utf-8"), "the terminal names the same file, line and fix"

        page.write_text(original, encoding="utf-8")
        wait_for(lambda: is_normal_page(fetch(page_url)), 60, "the page after the fix")

    page.write_text(broken, encoding="utf-8")
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0 and expected in build.stderr
    assert "Traceback" not in build.stderr
