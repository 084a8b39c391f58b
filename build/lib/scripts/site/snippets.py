"""Snippet includes (--8<-- "name.md") checked before the build renders anything.

pymdownx.snippets stops the build with a traceback when an included file is missing; running its own
preprocessor on each page that includes something first turns that into a message with file, line and fix.
"""

from __future__ import annotations

import re

import markdown
from pymdownx.snippets import SnippetExtension, SnippetMissingError

from scripts.common.content_errors import ContentProblem

INCLUDE_MARKER = "8<"
_MISSING_NAME = re.compile(r"'([^']*)'")


def missing_snippets(path: str, source: str, options: dict) -> list[ContentProblem]:
    """The include that names a snippet file (or section) that does not exist; `options` as in mkdocs.yml."""
    if INCLUDE_MARKER not in source:
        return []
    preprocessor = markdown.Markdown(extensions=[SnippetExtension(**options)]).preprocessors["snippet"]
    lines = source.split("\n")
    try:
        preprocessor.run(lines)
    except SnippetMissingError as error:
        named = _MISSING_NAME.search(str(error))
        name = named.group(1) if named else ""
        line = _line_naming(lines, name)
        folders = ", ".join(str(folder) for folder in options.get("base_path", ["."]))
        return [
            ContentProblem(
                path,
                line,
                f"the included snippet {name!r} does not exist in {folders}; fix the name after --8<--,"
                " or add the snippet file there",
            )
        ]
    return []


def _line_naming(lines: list[str], name: str) -> int | None:
    """The include line naming `name`; in a block of includes the name stands on a line of its own."""
    for wanted in ((name, INCLUDE_MARKER), (name,), (INCLUDE_MARKER,)):
        for number, text in enumerate(lines, start=1):
            if all(part and part in text for part in wanted):
                return number
    return None
