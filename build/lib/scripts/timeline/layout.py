"""Where things sit on the timeline chart, as percentages of its width.

The first days matter most to a worried reader and the months least, so the scale is log-like:
the labelled ticks are evenly spaced and positions between two ticks are linear. Anything past the
last tick sits at the right edge.
"""

from __future__ import annotations

from dataclasses import dataclass

from scripts.timeline.models import SideEffect


@dataclass(frozen=True)
class Tick:
    hours: int
    label: str
    position: float


TICK_HOURS_AND_LABELS = [
    (0, "day 0"),
    (24, "1 d"),
    (24 * 3, "3 d"),
    (24 * 7, "1 w"),
    (24 * 14, "2 w"),
    (24 * 42, "6 w"),
    (24 * 90, "3 m"),
    (24 * 180, "6 m+"),
]


def position(hours: int) -> float:
    """Percent of the chart's width, 0 to 100, for a time after treatment."""
    last_index = len(TICK_HOURS_AND_LABELS) - 1
    for index in range(last_index):
        start, end = TICK_HOURS_AND_LABELS[index][0], TICK_HOURS_AND_LABELS[index + 1][0]
        if hours <= end:
            fraction = max(hours - start, 0) / (end - start)
            return round((index + fraction) * 100 / last_index, 2)
    return 100.0


def ticks() -> list[Tick]:
    return [Tick(hours, label, position(hours)) for hours, label in TICK_HOURS_AND_LABELS]


@dataclass(frozen=True)
class Bar:
    """One effect's row: a bar from onset, and for normal effects a line on to the get-help marker."""

    start: float
    end: float
    help_marker: float | None  # None for effects that are never normal: their whole bar means "get help"

    @property
    def width(self) -> float:
        return round(self.end - self.start, 2)

    @property
    def lingering_width(self) -> float:
        """The stretch after the usual end in which the effect can still be normal."""
        return 0.0 if self.help_marker is None else round(self.help_marker - self.end, 2)


MINIMUM_BAR_WIDTH = 1.5  # percent; a same-day effect still needs a visible bar


def bar_for(effect: SideEffect) -> Bar:
    start = position(effect.onset.hours)
    end = max(position(effect.end_of_bar.hours), min(start + MINIMUM_BAR_WIDTH, 100.0))
    help_marker = max(position(effect.see_help_after.hours), end) if effect.normal else None
    return Bar(start=start, end=round(end, 2), help_marker=help_marker)
