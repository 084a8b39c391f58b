"""Plain phrases for times after treatment, in the unit the editor chose, in the language being built (the words
are in scripts/common/templates/strings.yml)."""

from __future__ import annotations

from scripts.common.templates import phrase
from scripts.timeline.durations import Duration, When
from scripts.timeline.models import SideEffect, SideEffectsFile, WarningSign


def _count(amount: int, unit: str) -> str:
    """ "1 week", "2 weeks": `unit` is hour, week or month."""
    plural = {"hour": "hours", "week": "weeks", "month": "months_count"}[unit]
    return phrase(unit if amount == 1 else plural, n=amount)


def moment(duration: Duration) -> str:
    """A point in time: "treatment day", "6 hours", "day 3", "2 weeks", "6 months"."""
    if duration.hours == 0:
        return phrase("treatment_day")
    if duration.unit == "h":
        return _count(duration.amount, "hour")
    if duration.unit == "d":
        return phrase("day_n", n=duration.amount)
    return _count(duration.amount, "week" if duration.unit == "w" else "month")


def _after(duration: Duration) -> str:
    """A moment read as a time after treatment: "day 3" already is one; "2 weeks" needs "after treatment"."""
    text = moment(duration)
    return text if duration.hours == 0 or duration.unit == "d" else phrase("after_treatment", time=text)


def starts(duration: Duration) -> str:
    if duration.hours == 0:
        return phrase("starts_treatment_day")
    if duration.unit == "h":
        return phrase("starts_within", time=moment(duration))
    return phrase("starts_around", time=_after(duration))


def usually_gone(duration: Duration) -> str:
    return phrase("gone_by" if duration.unit == "d" else "gone_within", time=moment(duration))


def when(threshold: When) -> str:
    """From when a sign counts: "after day 2 or 3", "from about day 3", "after 2 weeks"."""
    word = phrase(f"when_{threshold.word.replace(' ', '_')}")
    if threshold.latest is None:
        text = phrase("when_one", word=word, time=moment(threshold.earliest))
        weeks, rest = divmod(threshold.earliest.amount, 7)
        # Readers count in weeks ("still red after a week?"), so a day that ends a week says so too.
        if threshold.earliest.unit == "d" and weeks and not rest:
            text += phrase("when_week_note", weeks=_count(weeks, "week"))
        return text
    if threshold.earliest.unit == "d":
        return phrase("when_days", word=word, a=threshold.earliest.amount, b=threshold.latest.amount)
    return phrase("when_two", word=word, a=threshold.earliest.amount, time=moment(threshold.latest))


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
        return phrase("verdict_normal", verdict=first, time=moment(effect.see_help_after))
    if len(levels) == 1:
        return phrase("verdict_notice", verdict=first)
    others = phrase("or_word").join(lower_first(data.get_help.advice(level).verdict) for level in levels[1:])
    return phrase("verdict_levels", verdict=first, others=others)


def text_equivalent(effect: SideEffect, data: SideEffectsFile) -> str:
    """Everything one chart row shows, in words, for screen readers and for anyone who skips the bars."""
    if not effect.normal:
        return phrase(
            "never_normal_timing",
            start=moment(effect.onset),
            end=_after(effect.end_of_bar),
            verdict=verdict(effect, data),
        )
    return phrase(
        "normal_timing",
        starts=starts(effect.onset),
        gone=usually_gone(effect.end_of_bar),
        verdict=verdict(effect, data),
    )
