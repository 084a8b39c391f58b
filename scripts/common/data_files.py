"""Editors' YAML data files that are lists of entries, validated entry by entry.

Every problem names the file and the line of the entry (or field) and says what to write, and all
problems are reported together so an editor can fix them in one pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from scripts.common.content_errors import ContentError, ContentProblem
from scripts.common.yaml_lines import compose, line_of, load

Entry = TypeVar("Entry", bound=BaseModel)


@dataclass(frozen=True)
class LoadedEntry(Generic[Entry]):
    line: int | None
    entry: Entry


def load_entry_list(
    path: Path, display_path: str, model: type[Entry], entry_noun: str, fields_hint: str
) -> list[LoadedEntry[Entry]]:
    """Validate each item of a top-level YAML list as `model`; raise ContentError listing every problem.

    `entry_noun` names one item for messages ("reference", "term"); `fields_hint` says which fields an
    entry needs, like "each reference needs id, citation and kind (url is optional)".
    """
    text = path.read_text(encoding="utf-8")
    try:
        items = load(text) or []
        root = compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or "unreadable"
        raise ContentError(
            [
                ContentProblem(
                    display_path,
                    mark.line + 1 if mark else None,
                    f"this is not valid YAML ({reason}); check the indentation, colons and quotes",
                )
            ]
        ) from error
    if not isinstance(items, list):
        raise ContentError(
            [
                ContentProblem(
                    display_path, 1, f"the file must be a list, each {entry_noun} starting with '- '; {fields_hint}"
                )
            ]
        )
    loaded: list[LoadedEntry[Entry]] = []
    problems: list[ContentProblem] = []
    for index, item in enumerate(items):
        try:
            loaded.append(LoadedEntry(line_of(root, [index]), model.model_validate(item)))
        except ValidationError as error:
            for detail in error.errors():
                location = [index, *detail["loc"]]
                field = ".".join(str(part) for part in detail["loc"]) or entry_noun
                problems.append(
                    ContentProblem(
                        display_path,
                        line_of(root, location),
                        f"{entry_noun} {index + 1}: {field}: {detail['msg']}; {fields_hint}",
                    )
                )
    if problems:
        raise ContentError(problems)
    return loaded
