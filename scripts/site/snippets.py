"""Snippet includes (--8<-- "name.md") checked before the build renders anything.

pymdownx.snippets stops the build with a traceback when an included file is missing; running its own
preprocessor on each page that includes something first turns that into a message with file, line and fix.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
from pymdownx.snippets import SnippetExtension, SnippetMissingError

from scripts.common.content_errors import ContentProblem
from scripts.i18n.languages import translation_path

INCLUDE_MARKER = "8<"
_MISSING_NAME = re.compile(r"'([^']*)'")
_INCLUDED_NAME = re.compile(r"^[ \t]*-+8<-+[ \t]+[\"']([^\"'\n]+)[\"']", re.MULTILINE)
_INCLUDE_LINE = re.compile(r"^[ \t]*-+8<-+[ \t]+[\"'](?P<name>[^\"'\n]+)[\"']", re.MULTILINE)


def included_snippets(source: str) -> list[str]:
    """The snippet files a page includes on one line each (--8<-- "name.md"), in order, once each."""
    return list(dict.fromkeys(_INCLUDED_NAME.findall(source))) if INCLUDE_MARKER in source else []


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


def translated_snippet(name: str, language: str, options: dict, root: Path) -> str | None:
    """The translation of snippet `name` (NAME.LANG.md in the same snippets folder), or None when there is none."""
    translated = translation_path(name, language)
    folders = [root / folder for folder in options.get("base_path", ["."])]
    return translated if any((folder / translated).is_file() for folder in folders) else None


def with_translated_snippets(source: str, language: str, options: dict, root: Path) -> str:
    """A translated page includes the snippets' translations: it names the English snippet, as its English page does."""

    def include(match: re.Match) -> str:
        translated = translated_snippet(match.group("name"), language, options, root)
        return match.group(0) if translated is None else match.group(0).replace(match.group("name"), translated)

    return _INCLUDE_LINE.sub(include, source) if INCLUDE_MARKER in source else source


def untranslated_snippets(path: str, source: str, language: str, options: dict, root: Path) -> list[ContentProblem]:
    lines = source.split("\n")
    return [
        ContentProblem(
            path,
            _line_naming(lines, name),
            f"the snippet {name!r} has no {language} translation, so this page would show it in English; add"
            f" {translation_path(name, language)} beside it",
        )
        for name in included_snippets(source)
        if translated_snippet(name, language, options, root) is None
    ]
