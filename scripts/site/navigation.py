"""Pages left out of the site menu (`nav` in mkdocs.yml), each named with the line to add there."""

from __future__ import annotations

import re
from collections.abc import Iterator

from scripts.common.content_errors import ContentProblem

CONFIG_FILE = "mkdocs.yml"
_NAV_KEY = re.compile(r"^nav:\s*(#.*)?$")


def nav_pages(nav: object) -> Iterator[str]:
    """Every page path the nav setting names, at any depth ("Title: page.md" entries and bare "page.md")."""
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_pages(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_pages(value)


def pages_missing_from_nav(nav: object, pages: dict[str, tuple[str, str]], config_text: str) -> list[ContentProblem]:
    """One problem per page not in `nav`; `pages` maps each page's path under docs/ to (display path, title).

    Without a nav setting MkDocs lists every page by itself, so nothing can be missing.
    """
    if nav is None:
        return []
    listed = set(nav_pages(nav))
    last_line, last_text = _last_nav_line(config_text)
    where = f" after line {last_line} ({last_text.strip()})" if last_line else ""
    return [
        ContentProblem(
            display_path,
            1,
            f"this page is not in the site menu, so readers cannot find it; add the line '  - {title}: {uri}' to the"
            f" nav list in {CONFIG_FILE}{where}, in the place it should appear in the menu",
        )
        for uri, (display_path, title) in sorted(pages.items())
        if uri not in listed
    ]


def _last_nav_line(config_text: str) -> tuple[int | None, str]:
    """The number and text of the last line of the nav list in mkdocs.yml's text."""
    lines = config_text.splitlines()
    start = next((index for index, line in enumerate(lines) if _NAV_KEY.match(line)), None)
    if start is None:
        return None, ""
    last = start
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if line.strip() and not line[0].isspace() and not line.lstrip().startswith("-"):
            break
        if line.strip() and not line.lstrip().startswith("#"):
            last = index
    return last + 1, lines[last]
