"""Read data/side-effects.yml and either return it validated or raise every problem with its line."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from scripts.common import yaml_lines
from scripts.common.content_errors import ContentError, ContentProblem
from scripts.timeline import checks, problems
from scripts.timeline.models import SideEffectsFile


def load_side_effects(
    data_file: Path, known_reference_ids: set[str], display_path: str = "data/side-effects.yml"
) -> SideEffectsFile:
    """The validated file; raises ContentError listing each problem as display_path:line: message."""
    text = data_file.read_text(encoding="utf-8")
    try:
        root = yaml_lines.compose(text)
        data = yaml_lines.load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise ContentError(
            [ContentProblem(display_path, mark.line + 1 if mark else None, _syntax_message(error))]
        ) from None
    except (yaml.YAMLError, ValueError) as error:
        # A value that looks like a date but is not one (2026-13-40) fails while building Python objects.
        raise ContentError([ContentProblem(display_path, None, f"cannot be read: {error}; check the dates")]) from None

    found = [
        ContentProblem(
            display_path,
            repeat_line,
            f'the key "{key}" is written twice (first on line {first_line}); '
            "keep one of them, because only the last one would count",
        )
        for key, first_line, repeat_line in yaml_lines.duplicate_keys(root)
    ]
    try:
        validated = SideEffectsFile.model_validate(data)
    except ValidationError as error:
        for detail in error.errors():
            path, message = problems.describe(detail, data)
            found.append(ContentProblem(display_path, yaml_lines.line_of(root, path), message))
        raise ContentError(found) from None

    for path, message in checks.find_issues(validated, known_reference_ids):
        found.append(ContentProblem(display_path, yaml_lines.line_of(root, path), message))
    if found:
        raise ContentError(found)
    return validated


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or error.context or "the layout is not valid"
    return (
        f"this is not valid YAML ({problem}); check the indentation matches the lines around it "
        "and put text that contains a colon or starts with a quote inside double quotes"
    )
