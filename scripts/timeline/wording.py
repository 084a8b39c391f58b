"""Plain-English phrases for times after treatment, in the unit the editor chose."""

from __future__ import annotations

from scripts.timeline.durations import Duration, When
from scripts.timeline.models import SideEffect, SideEffectsFile, WarningSign

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


def when(threshold: When) -> str:
    """From when a sign counts: "after day 2 or 3", "from about day 3", "after 2 weeks"."""
    if threshold.latest is None:
        text = f"{threshold.word} {moment(threshold.earliest)}"
        weeks, rest = divmod(threshold.earliest.amount, 7)
        # Readers count in weeks ("still red after a week?"), so a day that ends a week says so too.
        if threshold.earliest.unit == "d" and weeks and not rest:
            text += f" ({_count(weeks, 'week')})"
        return text
    if threshold.earliest.unit == "d":
        return f"{threshold.word} day {threshold.earliest.amount} or {threshold.latest.amount}"
    return f"{threshold.word} {threshold.earliest.amount} or {moment(threshold.latest)}"


def sign_text(sign: WarningSign) -> str:
    """The sign as one phrase with its threshold, without a full stop: the words every page shows."""
    return f"{sign.sign} {when(sign.when)}" if sign.when else sign.sign


def lower_first(text: str) -> str:
    """ "Pus, yellow ooze" -> "pus, yellow ooze"; an acronym at the start ("HIV ...") keeps its capitals."""
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]


def verdict(effect: SideEffect, data: SideEffectsFile) -> str:
    """What to do about an effect, as a sentence: from its most urgent warning sign's level."""
    levels = list(dict.fromkeys(sign.level for sign in data.signs_of(effect)))
    first = data.get_help.advice(levels[0]).verdict
    if effect.normal:
        return f"{first} if it is still there after {moment(effect.see_help_after)}."
    if len(levels) == 1:
        return f"{first} if you notice it."
    others = " or ".join(lower_first(data.get_help.advice(level).verdict) for level in levels[1:])
    return f"{first}, or {others}, depending on the signs."


def text_equivalent(effect: SideEffect, data: SideEffectsFile) -> str:
    """Everything one chart row shows, in words, for screen readers and for anyone who skips the bars."""
    if not effect.normal:
        return (
            f"Never normal. Watch for it from {moment(effect.onset)} to {_after(effect.end_of_bar)}. "
            f"{verdict(effect, data)}"
        )
    return f"{starts(effect.onset)} and is {usually_gone(effect.end_of_bar)}. {verdict(effect, data)}"
