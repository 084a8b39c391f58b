"""A translated page against its English page: what must be the same, and whether the English changed since.

Only words are translated. The care cards a page includes, the snippets, the citations (in order of first use),
the review dates and the sources are the English page's, so both languages give the same answers from the same
evidence; a difference stops the build. A page whose English changed after its `translation_of:` stamp is out of
date: reported, never silently published as current.
"""

from __future__ import annotations

from pathlib import Path

from scripts.common.content_errors import ContentProblem
from scripts.common.markdown_source import split_front_matter
from scripts.common.yaml_loader import parse_yaml
from scripts.i18n.stamps import stamp_of
from scripts.site.page_metadata import CITATION
from scripts.site.snippets import INCLUDE_MARKER
from scripts.timeline.includes import INCLUDE_LINE

SHARED_KEYS = ("last_reviewed", "next_review", "sources")
STAMP_KEY = "translation_of"
STAMP_COMMAND = "make translation-stamp FILES={file}"


def english_page_stamp(source: str) -> str:
    """The stamp of what a translation of this English page translates: its title, description and body."""
    page = split_front_matter(source)
    front = _front_matter(source, "")
    return stamp_of({"title": front.get("title"), "description": front.get("description"), "body": page.body})


def structure_problems(path: str, source: str, english_path: str, english_source: str) -> list[ContentProblem]:
    """Where the translation's structure differs from the English page's, with the line to fix."""
    problems = []
    front, english_front = _front_matter(source, path), _front_matter(english_source, english_path)
    lines = _front_matter_lines(source, path)
    for key in SHARED_KEYS:
        if front.get(key) != english_front.get(key):
            problems.append(
                ContentProblem(
                    path,
                    lines.get(key, 1),
                    f"{key} is {front.get(key)!r} but {english_path} has {english_front.get(key)!r}; copy the English"
                    f" value: a translation shares its review dates and sources with its English page",
                )
            )
    for what, find in (("include line", _include_lines), ("citation", _citations)):
        ours, theirs = find(source), find(english_source)
        if [item for _, item in ours] != [item for _, item in theirs]:
            line, first_difference = _first_difference(ours, theirs)
            problems.append(
                ContentProblem(
                    path,
                    line,
                    f"the {what}s differ from {english_path} ({first_difference}); keep every {what} of the English"
                    " page, in the same order",
                )
            )
    return problems


def out_of_date(path: str, source: str, english_path: str, english_source: str) -> ContentProblem | None:
    """A problem when the page's stamp is missing or no longer the English page's; None when it is current."""
    stamp = _front_matter(source, path).get(STAMP_KEY)
    if stamp == english_page_stamp(english_source):
        return None
    line = _front_matter_lines(source, path).get(STAMP_KEY, 1)
    fix = STAMP_COMMAND.format(file=path)
    if stamp is None:
        return ContentProblem(
            path,
            line,
            f"translation_of is missing, so nobody can tell which version of {english_path} this"
            f" translates; check it against the English, then run: {fix}",
        )
    return ContentProblem(
        path,
        line,
        f"translation_of: the English page {english_path} changed since this translation; make the Spanish say what"
        f" the English says now (git diff shows what changed in {english_path}), then run: {fix}",
    )


def _front_matter(source: str, path: str) -> dict:
    page = split_front_matter(source)
    if not page.front_matter:
        return {}
    data = parse_yaml(page.front_matter, path or "page", first_line=2).data
    return data if isinstance(data, dict) else {}


def _front_matter_lines(source: str, path: str) -> dict[str, int]:
    page = split_front_matter(source)
    if not page.front_matter:
        return {}
    document = parse_yaml(page.front_matter, path, first_line=2)
    return {key[0]: line for key, line in document.lines.items() if len(key) == 1 and isinstance(key[0], str)}


def _include_lines(source: str) -> list[tuple[int, str]]:
    page = split_front_matter(source)
    return [
        (page.body_first_line + offset, " ".join(line.split()))
        for offset, line in enumerate(page.body.split("\n"))
        if INCLUDE_LINE.match(line) or INCLUDE_MARKER in line
    ]


def _citations(source: str) -> list[tuple[int, str]]:
    page = split_front_matter(source)
    seen: dict[str, int] = {}
    for offset, line in enumerate(page.body.split("\n")):
        for cited in CITATION.findall(line):
            seen.setdefault(cited, page.body_first_line + offset)
    return [(line, cited) for cited, line in seen.items()]


def _first_difference(ours: list[tuple[int, str]], theirs: list[tuple[int, str]]) -> tuple[int, str]:
    for index, (line, item) in enumerate(ours):
        if index >= len(theirs):
            return line, f"{item!r} is not in the English"
        if item != theirs[index][1]:
            return line, f"{item!r} where the English has {theirs[index][1]!r}"
    missing = theirs[len(ours)][1]
    return (ours[-1][0] if ours else 1), f"the English has {missing!r} here too"


def english_source_of(project_root: Path, english_path: str) -> str | None:
    path = project_root / english_path
    return path.read_text(encoding="utf-8") if path.exists() else None
