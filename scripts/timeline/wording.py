"""Plain-English phrases for times after treatment, in the unit the editor chose."""

from __future__ import annotations

from scripts.timeline.durations import Duration
from scripts.timeline.models import SideEffect

HOW_COMMON_LABELS = {
    "expected": "Expected: almost everyone gets this",
    "common": "Common",
    "uncommon": "Uncommon",
    "rare": "Rare",
    # For effects the studies list without saying how often: better no label than a guessed one.
    "not_known": "Not known: the studies do not say how often",
}


def _count(amount: int, unit_word: str) -> str:
    return f"{amount} {unit_word}" if amount == 1 else f"{amount} {unit_word}s"


def moment(duration: Duration) -> str:
    """A point in time: "treatment day", "6 hours", "day 3", "2 weeks", "6 months"."""
    if duration.hours == 0:
        return "treatment day"
    if duration.unit == "h":
        return _count(duration.amount, "hour")
    if duration.unit == "d":
        return f"day {duration.amount}"
    return _count(duration.amount, "week" if duration.unit == "w" else "month")


def _after(duration: Duration) -> str:
    """A moment read as a time after treatment: "day 3" already is one; "2 weeks" needs "after treatment"."""
    text = moment(duration)
    return text if duration.hours == 0 or duration.unit == "d" else f"{text} after treatment"


def starts(duration: Duration) -> str:
    if duration.hours == 0:
        return "Starts on treatment day"
    if duration.unit == "h":
        return f"Starts within {moment(duration)}"
    return f"Starts around {_after(duration)}"


def usually_gone(duration: Duration) -> str:
    preposition = "by" if duration.unit == "d" else "within"
    return f"usually gone {preposition} {moment(duration)}"


def still_there_after(duration: Duration) -> str:
    return f"Get help if it is still there after {moment(duration)}."


def text_equivalent(effect: SideEffect) -> str:
    """Everything one chart row shows, in words, for screen readers and for anyone who skips the bars."""
    if not effect.normal:
        return (
            f"Never normal. It tends to start between {moment(effect.onset)} and "
            f"{_after(effect.end_of_bar)}. Get help as soon as you notice it."
        )
    return (
        f"{starts(effect.onset)} and is {usually_gone(effect.end_of_bar)}. {still_there_after(effect.see_help_after)}"
    )
