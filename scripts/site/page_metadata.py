"""Front-matter rules every article follows: a closed pydantic schema, with messages an editor can act on.

Only the keys below are allowed. Material for MkDocs reads more (template, icon, status, search, hide), and each
of those can replace a page, drop it from search or break the build silently, so they are refused with the rest.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from scripts.common.content_errors import ContentError, ContentProblem, did_you_mean
from scripts.common.data_files import CONTENT_ERROR, plain_message
from scripts.common.markdown_source import split_front_matter
from scripts.common.review_dates import next_review_problem
from scripts.common.yaml_loader import EXAMPLE_DATE, parse_yaml
from scripts.i18n.stamps import STAMP_PATTERN

CITATION = re.compile(r"\[\[([^\[\]]+)\]\]")
REQUIRED_FIELDS = ("title", "description", "last_reviewed", "next_review", "sources")
GENERATED_LISTS = ("glossary", "references")
# Search results show the description whole only up to about this length; the guide states the same number.
DESCRIPTION_MAX_LENGTH = 160
QUESTION_MAX_LENGTH = 100
FIELD_HELP = {
    "title": "the page title, like: title: Aftercare",
    "description": "one sentence saying what the page covers, like: description: What to do in the days after "
    "treatment.",
    "last_reviewed": f"the date of the last full review, like: last_reviewed: {EXAMPLE_DATE}",
    "next_review": f"the date the next review is due, like: next_review: {EXAMPLE_DATE}",
    "sources": "the reference IDs this page cites, like: sources: [Chu, Har]",
    "generated_list": f"the list the build adds at the foot of the page, one of: {', '.join(GENERATED_LISTS)}",
    "search_boost": "a number that ranks the page higher (2) or lower (0.5, 0.2) in the site search, like: "
    "search_boost: 0.5",
    "search_questions": f"readers' questions this page answers, each at most {QUESTION_MAX_LENGTH} characters, like: "
    "search_questions: [Can I wear makeup?]",
    "translation_of": "the stamp of the English page this page translates; run: make translation-stamp",
}


def _one_sentence(description: str) -> str:
    if not description.rstrip().endswith((".", "?", "!")) or len(re.findall(r"[.!?](\s|$)", description.strip())) > 1:
        raise PydanticCustomError(
            CONTENT_ERROR,
            "description must be exactly one sentence ending with a full stop; it is shown in search results",
        )
    if len(description) > DESCRIPTION_MAX_LENGTH:
        raise PydanticCustomError(
            CONTENT_ERROR,
            f"description is {len(description)} characters; shorten it to {DESCRIPTION_MAX_LENGTH} or fewer so "
            "search results show it whole",
        )
    if '"' in description:
        # The theme prints it inside a quoted HTML attribute, which a straight quote would end.
        raise PydanticCustomError(
            CONTENT_ERROR,
            'description holds a straight double quote ("), which would cut it short in search results;'
            " use curly quotes \u201c \u201d or leave them out",
        )
    return description


Question = Annotated[str, Field(min_length=1, max_length=QUESTION_MAX_LENGTH)]


class FrontMatter(BaseModel):
    """What a page's front matter may hold; every key is checked, unknown ones are refused."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    title: Annotated[str, Field(min_length=1)]
    description: str
    last_reviewed: datetime.date
    next_review: datetime.date
    sources: Annotated[list[str], Field(min_length=1)]
    generated_list: Literal["glossary", "references"] | None = None
    search_boost: Annotated[float, Field(gt=0, le=10)] | None = None
    search_questions: list[Question] = []
    # Only on a translated page: the stamp of the English it translates (scripts/i18n/stamps.py).
    translation_of: Annotated[str, Field(pattern=STAMP_PATTERN)] | None = None

    @field_validator("description")
    @classmethod
    def _one_sentence(cls, description: str) -> str:
        return _one_sentence(description)

    @field_validator("next_review")
    @classmethod
    def _within_a_year(cls, next_review: datetime.date, info: ValidationInfo) -> datetime.date:
        last_reviewed = info.data.get("last_reviewed")
        problem = last_reviewed and next_review_problem(last_reviewed, next_review)
        if problem:
            raise PydanticCustomError(CONTENT_ERROR, problem)
        return next_review


ALLOWED_KEYS = tuple(FrontMatter.model_fields)


# A page's checked front matter is what the rest of the site reads about it.
PageMetadata = FrontMatter


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

    front_matter: FrontMatter | None = None
    try:
        # An empty value counts as missing, so its message says what to write.
        front_matter = FrontMatter.model_validate(
            {key: value for key, value in data.items() if value not in (None, "", [])}
        )
    except ValidationError as error:
        for detail in error.errors():
            key = str(detail["loc"][0]) if detail["loc"] else None
            problem(key, plain_message(detail, FIELD_HELP, ALLOWED_KEYS, "pages use"))

    # Checked even when another key is wrong, so the citations are not all reported as unlisted.
    sources = data.get("sources")
    source_ids: list[str] = []
    if isinstance(sources, list) and all(isinstance(item, str) for item in sources):
        source_ids = sources
        for source_id in source_ids:
            if source_id not in reference_ids:
                hint = did_you_mean(source_id, reference_ids)
                problem(
                    "sources",
                    f"sources lists unknown reference {source_id!r}{hint}; use an ID from data/references.yml,"
                    " or add the reference there first",
                )
        for source_id in sorted({item for item in source_ids if source_ids.count(item) > 1}):
            problem("sources", f"sources lists {source_id!r} twice; keep it once")

    for offset, body_line in enumerate(page.body.split("\n")):
        for cited in CITATION.findall(body_line):
            # With sources missing or unreadable, that one message covers the known IDs; each would repeat it.
            if cited not in source_ids and (source_ids or cited not in reference_ids):
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

    if problems or front_matter is None:
        return CheckedPage(None, sorted(problems, key=lambda found: found.line or 0))
    return CheckedPage(front_matter, [])


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
