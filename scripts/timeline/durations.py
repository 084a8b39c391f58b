"""Durations written the way editors write them: a whole number and a unit, such as 6h, 3d, 2w or 6m.

Every duration is a time after the treatment, so "3d" means "3 days after treatment". Months count as
30 days: the data is about rough ranges, not calendar dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HOURS_PER_UNIT = {"h": 1, "d": 24, "w": 24 * 7, "m": 24 * 30}
DURATION_PATTERN = re.compile(r"^\s*(\d+)\s*([hdwm])\s*$")
DURATION_HINT = "write a number and a unit like 6h, 3d, 2w or 6m"


@dataclass(frozen=True)
class Duration:
    """A time after treatment, kept with the unit the editor chose so the page can say it their way."""

    amount: int
    unit: str

    @property
    def hours(self) -> int:
        return self.amount * HOURS_PER_UNIT[self.unit]

    @property
    def day_number(self) -> int:
        """The day it falls on, counting treatment day as day 0."""
        return self.hours // 24

    def __str__(self) -> str:
        return f"{self.amount}{self.unit}"


def parse_duration(text: object) -> Duration | None:
    """The duration `text` describes, or None if it is not one (a number without a unit, "2x", "")."""
    if not isinstance(text, str):
        return None
    match = DURATION_PATTERN.match(text)
    if not match:
        return None
    return Duration(amount=int(match.group(1)), unit=match.group(2))
