"""Check every page's front matter and citations, and the data files, without building the site.

The same checks the build runs (scripts/site/mkdocs_hook.py), fast enough for a pre-commit hook.

Usage: python -m scripts.checks.check_content [PROJECT_ROOT]
"""

from __future__ import annotations

import sys
from pathlib import Path

from scripts.common.content_errors import ContentError, ContentProblem, problems_summary
from scripts.common.yaml_loader import read_text
from scripts.site.site_content import GENERATED_PAGE, SiteContent


def page_sources(root: Path) -> tuple[dict[str, str], list[ContentProblem]]:
    """Every Markdown file under docs/ (snippets too) by its path from the project root, and why any cannot be read."""
    sources: dict[str, str] = {}
    unreadable: list[ContentProblem] = []
    for path in sorted((root / "docs").rglob("*.md")):
        name = path.relative_to(root).as_posix()
        try:
            sources[name] = read_text(path, name)
        except ContentError as error:
            unreadable += error.problems
    return sources, unreadable


def content_problems(root: Path) -> list[str]:
    """Every problem in the pages and data files, worded for an editor; empty when all is well."""
    sources, unreadable = page_sources(root)
    problems = [str(problem) for problem in unreadable]
    try:
        site = SiteContent.load(root)
        sources[GENERATED_PAGE] = site.timeline_page()
        site.check_pages(sources)
    except ContentError as error:
        return problems + [str(problem) for problem in error.problems]
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path.cwd()
    problems = content_problems(root)
    for problem in problems:
        print(problem)
    if problems:
        print(problems_summary(len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
