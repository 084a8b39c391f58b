"""The site's reference list: loaded once from data/references.yml, cited by ID from pages."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

from scripts.common.content_errors import ContentError, ContentProblem
from scripts.common.data_files import load_entry_list

# What sort of evidence a reference is; the guide (CONTRIBUTING.md) and the file's header list the same words.
ReferenceKind = Literal[
    "systematic review",
    "meta-analysis",
    "randomized trial",
    "study",
    "case report",
    "review",
    "medical reference book",
    "regulator",
    "public health report",
    "professional body",
    "hospital leaflet",
    "patient information",
    "clinic practice",
    "clinic marketing",
]
REFERENCE_KINDS: tuple[str, ...] = get_args(ReferenceKind)
CITATION_MAX_LENGTH = 400
FIELD_HELP = {
    "id": "a short ID pages cite it by, like: id: Smith2027",
    "citation": 'the reference as printed, in double quotes, like: citation: "Smith A. Title. Journal 2027;1:3-4."',
    "kind": f"what sort of evidence it is, one of: {', '.join(REFERENCE_KINDS)}",
    "url": "https://doi.org/10.0000/example (leave url out when there is none)",
}


class Reference(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    citation: str = Field(min_length=1, max_length=CITATION_MAX_LENGTH)
    kind: ReferenceKind
    url: HttpUrl | None = None


def load_references(path: Path, display_path: str) -> dict[str, Reference]:
    loaded = load_entry_list(path, display_path, Reference, "reference", FIELD_HELP)
    references: dict[str, Reference] = {}
    problems: list[ContentProblem] = []
    for item in loaded:
        if item.entry.id in references:
            problems.append(
                ContentProblem(
                    display_path, item.line, f"the ID {item.entry.id!r} is used twice; give each reference its own ID"
                )
            )
        references[item.entry.id] = item.entry
    if problems:
        raise ContentError(problems)
    return references
