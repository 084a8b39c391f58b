"""Front-matter rules every article follows, checked with messages an editor can act on."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Literal

from scripts.common.content_errors import ContentError, ContentProblem, did_you_mean
from scripts.common.markdown_source import split_front_matter
from scripts.common.yaml_loader import EXAMPLE_DATE, parse_yaml

CITATION = re.compile(r"\[\[([^\[\]]+)\]\]")
REQUIRED_FIELDS = ("title", "description", "last_reviewed", "next_review", "sources")
# Keys Material for MkDocs itself understands; anything else is most likely a typo.
THEME_FIELDS = ("hide", "icon", "status", "subtitle", "search", "template", "tags")
GENERATED_LISTS = ("glossary", "references")
# Optional: what readers type into search to find the page; tests/browser/test_search.py checks each finds it first.
OPTIONAL_FIELDS = ("generated_list", "search_questions")
FIELD_HELP = {
    "title": "add the page title, like: title: Aftercare",
    "description": "add one sentence saying what the page covers, like: description: What to do in the days after "
    "treatment.",
    "last_reviewed": f"add the date of the last full review, like: last_reviewed: {EXAMPLE_DATE}",
    "next_review": f"add the date the next review is due, like: next_review: {EXAMPLE_DATE}",
    "sources": "list the reference IDs this page cites, like: sources: [Chu, Har]",
}


@dataclass(frozen=True)
class PageMetadata:
    title: str
    description: str
    last_reviewed: datetime.date
    next_review: datetime.date
    sources: list[str]
    generated_list: Literal["glossary", "references"] | None


@dataclass(frozen=True)
class CheckedPage:
    metadata: PageMetadata | None
    problems: list[ContentProblem]


def check_page(path: str, source: str, reference_ids: set[str]) -> CheckedPage:
    """Check a page's front matter and in-text citations against the reference list."""
    page = split_front_matter(source)
    if page.front_matter is None:
        fields = ", ".join(REQUIRED_FIELDS)
        message = (
            f"the page has no front matter; start it with a line '---', then the fields {fields}, then another '---'"
        )
        return CheckedPage(None, [ContentProblem(path, 1, message)])
    try:
        # Front matter starts on line 2 of the file, after the opening '---'.
        document = parse_yaml(page.front_matter, path, first_line=2)
    except ContentError as error:
        return CheckedPage(None, error.problems)
    data = {} if document.data is None else document.data
    if not isinstance(data, dict):
        return CheckedPage(
            None, [ContentProblem(path, 2, "the front matter must be 'name: value' lines, like title: Aftercare")]
        )

    problems: list[ContentProblem] = []

    def problem(key: str | None, message: str) -> None:
        problems.append(ContentProblem(path, document.line_of([key]) if key in data else 1, message))

    for key in data:
        if key not in REQUIRED_FIELDS + THEME_FIELDS + OPTIONAL_FIELDS:
            hint = did_you_mean(str(key), REQUIRED_FIELDS + THEME_FIELDS + OPTIONAL_FIELDS)
            problem(key, f"{key!r} is not a field pages use{hint}; remove it or fix its spelling")
    for key in REQUIRED_FIELDS:
        if data.get(key) in (None, "", []):
            problem(key if key in data else None, f"{key} is missing; {FIELD_HELP[key]}")

    title = data.get("title")
    if "title" in data and not isinstance(title, str):
        problem("title", "title must be text, like: title: Aftercare")
    description = data.get("description")
    if isinstance(description, str) and description:
        if (
            not description.rstrip().endswith((".", "?", "!"))
            or len(re.findall(r"[.!?](\s|$)", description.strip())) > 1
        ):
            problem(
                "description",
                "description must be exactly one sentence ending with a full stop; it is shown in search results",
            )
        elif len(description) > 160:
            problem(
                "description",
                f"description is {len(description)} characters; shorten it to 160 or fewer so search results show it "
                f"whole",
            )
        elif '"' in description:
            # The theme prints it inside a quoted HTML attribute, which a straight quote would end.
            problem(
                "description",
                'description holds a straight double quote ("), which would cut it short in search results;'
                " use curly quotes “ ” or leave them out",
            )
    elif "description" in data and description is not None and not isinstance(description, str):
        problem("description", "description must be one sentence of text")

    dates: dict[str, datetime.date] = {}
    for key in ("last_reviewed", "next_review"):
        value = data.get(key)
        if value in (None, ""):
            continue
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            dates[key] = value
        else:
            problem(key, f"{key} {str(value)!r} is not a date; write it as year-month-day, like {key}: {EXAMPLE_DATE}")
    if len(dates) == 2 and dates["next_review"] <= dates["last_reviewed"]:
        suggestion = (
            dates["last_reviewed"].replace(year=dates["last_reviewed"].year + 1)
            if not (dates["last_reviewed"].month == 2 and dates["last_reviewed"].day == 29)
            else dates["last_reviewed"] + datetime.timedelta(days=365)
        )
        problem(
            "next_review",
            f"next_review ({dates['next_review']}) must be after last_reviewed ({dates['last_reviewed']}); set it to "
            f"a later date, such as {suggestion}",
        )

    sources = data.get("sources")
    source_ids: list[str] = []
    if sources not in (None, "", []):
        if not isinstance(sources, list) or not all(isinstance(item, str) for item in sources):
            problem("sources", "sources must be a list of reference IDs in square brackets, like: sources: [Chu, Har]")
        else:
            source_ids = sources
            for source_id in sources:
                if source_id not in reference_ids:
                    hint = did_you_mean(source_id, reference_ids)
                    problem(
                        "sources",
                        f"sources lists unknown reference {source_id!r}{hint}; use an ID from data/references.yml,"
                        " or add the reference there first",
                    )
            for source_id in sorted({item for item in sources if sources.count(item) > 1}):
                problem("sources", f"sources lists {source_id!r} twice; keep it once")

    generated_list = data.get("generated_list")
    if generated_list is not None and generated_list not in GENERATED_LISTS:
        problem("generated_list", f"generated_list must be one of {', '.join(GENERATED_LISTS)}, not {generated_list!r}")

    questions = data.get("search_questions")
    if questions is not None and (
        not isinstance(questions, list) or not all(isinstance(item, str) and item.strip() for item in questions)
    ):
        problem("search_questions", "search_questions must be a list of what readers type, one per line: - gym")

    for offset, body_line in enumerate(page.body.split("\n")):
        for cited in CITATION.findall(body_line):
            if cited not in source_ids:
                known = cited in reference_ids
                fix = (
                    f"add {cited} to sources in the front matter"
                    if known
                    else f"use an ID from data/references.yml{did_you_mean(cited, reference_ids)}"
                )
                problems.append(
                    ContentProblem(
                        path,
                        page.body_first_line + offset,
                        f"the citation [[{cited}]] is not in this page's sources; {fix}",
                    )
                )

    # A reference at the foot of a page that no sentence cites looks like support the page does not claim.
    cited_ids = set(CITATION.findall(page.body))
    for source_id in dict.fromkeys(source_ids):
        if source_id in reference_ids and source_id not in cited_ids:
            problem(
                "sources",
                f"sources lists {source_id!r} but no sentence on the page cites it; put [[{source_id}]] after the "
                "claim it supports, or remove it from sources",
            )

    if problems:
        return CheckedPage(None, problems)
    return CheckedPage(
        PageMetadata(
            title=title,
            description=description,
            last_reviewed=dates["last_reviewed"],
            next_review=dates["next_review"],
            sources=source_ids,
            generated_list=generated_list,
        ),
        [],
    )


def check_snippet(path: str, source: str) -> list[ContentProblem]:
    """Snippets are pasted into pages after citations are numbered, so a citation there would show as [[ID]]."""
    return [
        ContentProblem(
            path,
            number,
            f"the citation [[{cited}]] cannot go in a snippet; cite it on each page that includes the snippet, next "
            f"to the include line",
        )
        for number, line in enumerate(source.split("\n"), start=1)
        for cited in CITATION.findall(line)
    ]
