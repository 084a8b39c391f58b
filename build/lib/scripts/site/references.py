"""The site's reference list: loaded once from data/references.yml, cited by ID from pages."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, HttpUrl

from scripts.common.content_errors import ContentError, ContentProblem
from scripts.common.data_files import load_entry_list


class Reference(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    citation: str
    kind: str
    url: HttpUrl | None = None


def load_references(path: Path, display_path: str) -> dict[str, Reference]:
    loaded = load_entry_list(
        path, display_path, Reference, "reference", "each reference needs id, citation and kind (url is optional)"
    )
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
