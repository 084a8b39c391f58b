"""An article's Markdown source: its front matter split off, the rest parsed by markdown-it with line maps."""

from __future__ import annotations

import re
from dataclasses import dataclass

# The same rule MkDocs applies: '---' on the first line, the YAML, then '---' (or '...') on a line of its own.
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class SplitPage:
    front_matter: str | None
    body: str
    body_first_line: int


def split_front_matter(source: str) -> SplitPage:
    """The YAML between the '---' lines (None when the page has none), and the body with its first line number."""
    source = source.replace("\r\n", "\n")
    match = FRONT_MATTER.match(source)
    if not match:
        return SplitPage(None, source, 1)
    return SplitPage(match.group(1) or "", source[match.end() :], source[: match.end()].count("\n") + 1)
