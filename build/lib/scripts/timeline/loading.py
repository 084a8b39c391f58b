"""Read data/side-effects.yml and either return it validated or raise every problem with its line."""

from __future__ import annotations

from pathlib import Path

from scripts.common.content_errors import ContentError, ContentProblem
from scripts.common.data_files import validate
from scripts.common.yaml_loader import load_yaml_file
from scripts.timeline import checks, problems
from scripts.timeline.models import SideEffectsFile


def load_side_effects(
    data_file: Path, known_reference_ids: set[str], display_path: str = "data/side-effects.yml"
) -> SideEffectsFile:
    """The validated file; raises ContentError listing each problem as display_path:line: message."""
    document = load_yaml_file(data_file, display_path)
    validated = validate(document, SideEffectsFile, lambda detail: problems.describe(detail, document.data)[1])
    found = [
        ContentProblem(display_path, document.line_of(path), message)
        for path, message in checks.find_issues(validated, known_reference_ids)
    ]
    if found:
        raise ContentError(found)
    return validated
