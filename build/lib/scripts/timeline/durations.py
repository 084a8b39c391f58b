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


WHEN_PATTERN = re.compile(r"^\s*(after|from about)\s+(\d+[hdwm])(?:\s+or\s+(\d+[hdwm]))?\s*$")
WHEN_HINT = (
    'write "after" or "from about", then one or two times joined by "or": after 2d or 3d, after 7d, from about 3d'
)


@dataclass(frozen=True)
class When:
    """From when a warning sign counts: "after 2d or 3d" (after day 2 or 3), "from about 3d" (from about day 3)."""

    word: str
    earliest: Duration
    latest: Duration | None = None

    @property
    def hours(self) -> int:
        """The earliest time it counts; the day views show the sign from this time on."""
        return self.earliest.hours

    def __str__(self) -> str:
        return f"{self.word} {self.earliest}" + (f" or {self.latest}" if self.latest else "")


def parse_when(text: object) -> When | None:
    """The threshold `text` describes, or None if it does not follow WHEN_HINT."""
    if not isinstance(text, str):
        return None
    match = WHEN_PATTERN.match(text)
    if not match:
        return None
    earliest = parse_duration(match.group(2))
    latest = parse_duration(match.group(3)) if match.group(3) else None
    assert earliest is not None
    if latest is not None and (latest.unit != earliest.unit or latest.hours <= earliest.hours):
        return None
    return When(word=match.group(1), earliest=earliest, latest=latest)


def parse_duration(text: object) -> Duration | None:
    """The duration `text` describes, or None if it is not one (a number without a unit, "2x", "")."""
    if not isinstance(text, str):
        return None
    match = DURATION_PATTERN.match(text)
    if not match:
        return None
    return Duration(amount=int(match.group(1)), unit=match.group(2))
