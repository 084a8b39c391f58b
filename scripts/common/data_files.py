"""Editors' YAML data files, validated with pydantic models so each problem names its file, line and fix.

All problems are reported together so an editor can fix them in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, RootModel, ValidationError
from pydantic_core import ErrorDetails

from scripts.common.content_errors import ContentError, ContentProblem, did_you_mean
from scripts.common.yaml_loader import EXAMPLE_DATE, YamlDocument, load_yaml_file

Model = TypeVar("Model", bound=BaseModel)
# The error type of a validator that words its message itself: PydanticCustomError(CONTENT_ERROR, "...; fix").
CONTENT_ERROR = "content"


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


def plain_message(detail: ErrorDetails, field_help: Mapping[str, str], allowed_keys: Sequence[str], noun: str) -> str:
    """One of pydantic's errors in the project's words: the key, what is wrong, and what to write instead.

    `field_help` says, per key, what to write with an example ("the page title, like: title: Aftercare");
    `noun` says what uses the keys ("pages use", "a reference uses"). Errors a validator words itself
    (a PydanticCustomError) keep their message.
    """
    kind = detail["type"]
    if kind == CONTENT_ERROR:
        return detail["msg"]
    keys = [part for part in detail["loc"] if isinstance(part, str)]
    field = keys[-1] if keys else ""
    value = detail.get("input")
    help_text = field_help.get(field, "")
    if kind == "missing":
        return f"{field} is missing; add {help_text}"
    if kind == "extra_forbidden":
        hint = did_you_mean(field, allowed_keys)
        return (
            f"{field!r} is not a field {noun}{hint}; remove it or fix its spelling"
            f" (allowed keys: {', '.join(allowed_keys)})"
        )
    if kind == "literal_error":
        expected = detail.get("ctx", {}).get("expected", "")
        hint = did_you_mean(str(value), re.findall(r"'([^']*)'", expected))
        return f"{field} {value!r} is not allowed{hint}; write one of: {expected}"
    if kind == "string_too_long":
        limit = detail.get("ctx", {}).get("max_length")
        return f"{field} is {len(value)} characters; shorten it to {limit} or fewer"
    if kind in ("too_short", "string_too_short"):
        return f"{field} is empty; write {help_text}"
    if kind in ("too_long",):
        limit = detail.get("ctx", {}).get("max_length")
        return f"{field} has {len(value)} items; keep at most {limit}"
    if kind.startswith(("date", "datetime")):
        return f"{field} {str(value)!r} is not a date; write it as year-month-day, like {field}: {EXAMPLE_DATE}"
    if kind == "list_type":
        return f"{field} must be a list in square brackets; write {help_text}"
    if kind in ("url_parsing", "url_scheme", "url_type"):
        return f"{field} {str(value)!r} is not a web address; write the full address, like {help_text}"
    if kind == "string_type":
        return f"{field} must be text; write {help_text}"
    return f"{field}: {detail['msg'][:1].lower()}{detail['msg'][1:]}; write {help_text}"


def load_entry_list(
    path: Path,
    display_path: str,
    model: type[Model],
    entry_noun: str,
    field_help: Mapping[str, str],
) -> list[LoadedEntry[Model]]:
    """Validate each item of a top-level YAML list as `model`; raise ContentError listing every problem.

    `entry_noun` names one item for messages ("reference", "term"); `field_help` says what to write in each field,
    with an example, for the messages.
    """
    document = load_yaml_file(path, display_path)
    items = document.data
    fields = ", ".join(model.model_fields)
    if not isinstance(items, list) or not items:
        shape = "lists nothing" if isinstance(items, list) else "must be a list"
        raise ContentError(
            [
                ContentProblem(
                    display_path,
                    1,
                    f"the file {shape}; write each {entry_noun} starting with '- ', with the keys {fields}",
                )
            ]
        )

    def describe(detail: ErrorDetails) -> str:
        index = detail["loc"][0]
        entry = items[index] if isinstance(index, int) else None
        name = entry.get(_first_key(model)) if isinstance(entry, dict) else None
        where = f"{entry_noun} {name!r}" if isinstance(name, str) else f"{entry_noun} number {index + 1}"
        if len(detail["loc"]) == 1 and detail["type"] in ("model_type", "dict_type", "model_attributes_type"):
            return f"{where} must be keys and values, like {_first_key(model)}: ...; use the keys {fields}"
        return f"{where}: {plain_message(detail, field_help, list(model.model_fields), f'a {entry_noun} uses')}"

    entries = validate(document, RootModel[list[model]], describe)
    return [LoadedEntry(document.line_of([index]), entry) for index, entry in enumerate(entries.root)]


def _first_key(model: type[BaseModel]) -> str:
    return next(iter(model.model_fields))
