"""Editors' YAML data files, validated with pydantic models so each problem names its file, line and fix.

All problems are reported together so an editor can fix them in one pass.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, RootModel, ValidationError
from pydantic_core import ErrorDetails

from scripts.common.content_errors import ContentError, ContentProblem
from scripts.common.yaml_loader import YamlDocument, load_yaml_file

Model = TypeVar("Model", bound=BaseModel)


def validate(document: YamlDocument, model: type[Model], describe: Callable[[ErrorDetails], str]) -> Model:
    """`document` as `model`; raises ContentError with each validation error worded by `describe`, at its line."""
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        raise ContentError(
            [
                ContentProblem(document.display_path, document.line_of(detail["loc"]), describe(detail))
                for detail in error.errors()
            ]
        ) from None


@dataclass(frozen=True)
class LoadedEntry(Generic[Model]):
    line: int | None
    entry: Model


def load_entry_list(
    path: Path, display_path: str, model: type[Model], entry_noun: str, fields_hint: str
) -> list[LoadedEntry[Model]]:
    """Validate each item of a top-level YAML list as `model`; raise ContentError listing every problem.

    `entry_noun` names one item for messages ("reference", "term"); `fields_hint` says which fields an
    entry needs, like "each reference needs id, citation and kind (url is optional)".
    """
    document = load_yaml_file(path, display_path)
    items = document.data
    if not isinstance(items, list) or not items:
        shape = "lists nothing" if isinstance(items, list) else "must be a list"
        raise ContentError(
            [
                ContentProblem(
                    display_path, 1, f"the file {shape}; write each {entry_noun} starting with '- '; {fields_hint}"
                )
            ]
        )

    def describe(detail: ErrorDetails) -> str:
        index = detail["loc"][0]
        field = ".".join(str(part) for part in detail["loc"][1:]) or entry_noun
        return f"{entry_noun} {index + 1}: {field}: {detail['msg']}; {fields_hint}"

    entries = validate(document, RootModel[list[model]], describe)
    return [LoadedEntry(document.line_of([index]), entry) for index, entry in enumerate(entries.root)]
