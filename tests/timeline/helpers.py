"""Shared test helpers: the fixture file, and writing a variant of it to check one validation rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.common.content_errors import ContentError

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SMALL_FILE = FIXTURES / "small.yml"
FIXTURE_REFERENCE_IDS = {"Chu", "M&H", "SA"}


def line_number_of(text: str, fragment: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing fragment."""
    matches = [number for number, line in enumerate(text.splitlines(), start=1) if fragment in line]
    return matches[occurrence - 1]


def problems_for(tmp_path: Path, text: str, loader) -> list[str]:
    """Messages raised when `text` is loaded; fails the test if it loads cleanly."""
    data_file = tmp_path / "side-effects.yml"
    data_file.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        loader(data_file, FIXTURE_REFERENCE_IDS, "data/side-effects.yml")
    return [str(problem) for problem in raised.value.problems]
