"""Errors in editors' content, worded so an editor can act on them, and the wording helpers they share."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class ContentProblem:
    """One fixable problem: where it is and what to write instead."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class ContentError(Exception):
    """Raised with every problem found, so an editor can fix them all in one go."""

    def __init__(self, problems: list[ContentProblem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """' (did you mean 'Chu'?)' when a choice is close to a misspelt value, else ''."""
    close = difflib.get_close_matches(value, sorted(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def problems_summary(count: int) -> str:
    return f"{count} problem{'s' if count != 1 else ''} to fix before the site can be built"
