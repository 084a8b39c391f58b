"""The site's reference list: loaded once from data/references.yml, cited by ID from pages."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, HttpUrl, ValidationError

from scripts.content_errors import ContentError, ContentProblem
from scripts.yaml_lines import item_lines


class Reference(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    citation: str
    kind: str
    url: HttpUrl | None = None


class NumberedReference(BaseModel):
    """A reference as one page lists it: numbered in the order of the page's `sources`."""

    number: int
    reference: Reference


def load_references(path: Path, display_path: str) -> dict[str, Reference]:
    text = path.read_text(encoding="utf-8")
    try:
        entries = yaml.safe_load(text) or []
    except yaml.YAMLError as error:
        line = error.problem_mark.line + 1 if getattr(error, "problem_mark", None) else None
        raise ContentError([ContentProblem(display_path, line, f"this is not valid YAML ({error.problem}); check the indentation and quotes")]) from error
    if not isinstance(entries, list):
        raise ContentError([ContentProblem(display_path, 1, "the file must be a list of references, each starting with '- id:'")])
    references: dict[str, Reference] = {}
    problems: list[ContentProblem] = []
    lines = item_lines(text)
    for index, entry in enumerate(entries):
        line = lines[index] if index < len(lines) else None
        try:
            reference = Reference.model_validate(entry)
        except ValidationError as error:
            for detail in error.errors():
                field = ".".join(str(part) for part in detail["loc"]) or "entry"
                problems.append(ContentProblem(display_path, line, f"reference {index + 1}: {field}: {detail['msg']}; each reference needs id, citation and kind (url is optional)"))
            continue
        if reference.id in references:
            problems.append(ContentProblem(display_path, line, f"the ID {reference.id!r} is used twice; give each reference its own ID"))
        references[reference.id] = reference
    if problems:
        raise ContentError(problems)
    return references


def number_references(source_ids: list[str], references: dict[str, Reference]) -> list[NumberedReference]:
    return [NumberedReference(number=number, reference=references[source_id]) for number, source_id in enumerate(source_ids, start=1)]
