"""The day views: in each period after treatment, the signs to rule out first, then what is normal and what helps.

Readers pick a period ("what day is it?"). The periods start at the days readers think in (BASE_START_DAYS) and
are split wherever an effect stops being normal, so no view calls an effect normal on a day past its
see_help_after: with redness normal until day 7, "Days 6 to 14" becomes "Days 6 to 7" and "Days 8 to 14".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scripts.common.templates import phrase
from scripts.timeline.durations import Duration
from scripts.timeline.models import CARE_LEVELS, CareLevel, SideEffect, SideEffectsFile, WarningSign, by_urgency

HOURS_PER_DAY = 24
DAYS_PER_WEEK = 7
# Where the reader-facing periods start before the data's thresholds split them: the first days, the rest of
# the first two weeks, weeks 3 to 6 and later. Day 0 is treatment day.
BASE_START_DAYS = (0, 3, 15, 43)


@dataclass(frozen=True)
class Period:
    first_day: int
    last_day: int | None  # None: open-ended

    @property
    def start_hours(self) -> int:
        return self.first_day * HOURS_PER_DAY

    @property
    def end_hours(self) -> int | None:
        """The first hour after the period; None: open-ended."""
        return None if self.last_day is None else (self.last_day + 1) * HOURS_PER_DAY

    def includes(self, hours: int) -> bool:
        return hours >= self.start_hours and (self.end_hours is None or hours < self.end_hours)

    def overlaps(self, start_hours: int, end_hours: int | None) -> bool:
        """True if [start_hours, end_hours) shares time with this period; end_hours None: open-ended."""
        before_end = self.end_hours is None or start_hours < self.end_hours
        return before_end and (end_hours is None or end_hours > self.start_hours)

    @property
    def _in_weeks(self) -> bool:
        """Whole weeks from the third on read better as weeks: days 15 to 42 are weeks 3 to 6."""
        starts_a_week = self.first_day > 2 * DAYS_PER_WEEK and (self.first_day - 1) % DAYS_PER_WEEK == 0
        return starts_a_week and self.last_day is not None and self.last_day % DAYS_PER_WEEK == 0

    @property
    def anchor(self) -> str:
        if self.last_day is None:
            return "later"
        if self._in_weeks:
            return f"weeks-{self.first_day // DAYS_PER_WEEK + 1}-to-{self.last_day // DAYS_PER_WEEK}"
        if self.first_day == self.last_day:
            return f"day-{self.first_day}"
        return f"days-{self.first_day}-to-{self.last_day}"

    @property
    def heading(self) -> str:
        if self.last_day is None:
            if (self.first_day - 1) % DAYS_PER_WEEK == 0:
                return phrase("period_later_weeks", n=(self.first_day - 1) // DAYS_PER_WEEK)
            return phrase("period_later_day", n=self.first_day)
        if self._in_weeks:
            return phrase("period_weeks", a=self.first_day // DAYS_PER_WEEK + 1, b=self.last_day // DAYS_PER_WEEK)
        if self.first_day == self.last_day:
            return phrase("period_treatment_day") if self.first_day == 0 else phrase("period_day", n=self.first_day)
        if self.first_day == 0:
            return phrase("period_treatment_day_to", n=self.last_day)
        return phrase("period_days", a=self.first_day, b=self.last_day)

    @property
    def choice(self) -> str:
        """The short label in the "What day is it?" list."""
        if self.last_day is None:
            return phrase("choice_later")
        if self._in_weeks:
            return phrase("choice_weeks", a=self.first_day // DAYS_PER_WEEK + 1, b=self.last_day // DAYS_PER_WEEK)
        if self.first_day == self.last_day:
            return phrase("choice_day", n=self.first_day)
        return phrase("choice_days", a=self.first_day, b=self.last_day)


def last_normal_day(effect: SideEffect) -> int:
    """The last day a normal effect is still normal: see_help_after 7d is "still there after day 7"."""
    return effect.see_help_after.day_number


def normal_until_hours(effect: SideEffect) -> int:
    """The first hour an effect is no longer normal: the start of the day after its see_help_after."""
    return (last_normal_day(effect) + 1) * HOURS_PER_DAY


def periods_for(data: SideEffectsFile) -> list[Period]:
    """The reader-facing periods, split the day after each normal effect's see_help_after."""
    starts = set(BASE_START_DAYS) | {last_normal_day(effect) + 1 for effect in data.effects if effect.normal}
    ordered = sorted(starts)
    return [
        Period(first, ordered[index + 1] - 1 if index + 1 < len(ordered) else None)
        for index, first in enumerate(ordered)
    ]


def period_for_day(periods: list[Period], day: int) -> Period:
    return next(period for period in periods if period.includes(day * HOURS_PER_DAY))


@dataclass(frozen=True)
class SignGroup:
    """The warning signs at one level."""

    level: CareLevel
    signs: list[WarningSign]


def group_by_level(signs: list[WarningSign]) -> list[SignGroup]:
    return [
        SignGroup(level, [sign for sign in signs if sign.level == level])
        for level in CARE_LEVELS
        if any(sign.level == level for sign in signs)
    ]


@dataclass(frozen=True)
class NormalGroup:
    """Normal effects that stay normal until the same time, in one "normal if ..., until ..." statement."""

    until: Duration
    effects: list[SideEffect]


@dataclass
class PeriodView:
    period: Period
    normal_now: list[SideEffect] = field(default_factory=list)  # normal on every day of the period
    signs: list[WarningSign] = field(default_factory=list)  # warning signs that can count in this period

    @property
    def emergency(self) -> list[WarningSign]:
        """The emergency signs that can start in this period: the view opens with their box."""
        return [sign for sign in self.signs if sign.level == "emergency"]

    @property
    def get_help(self) -> list[SignGroup]:
        """The view's "get help if" box, below the emergency box: the other signs by level, most urgent first."""
        return group_by_level([sign for sign in self.signs if sign.level != "emergency"])

    @property
    def normal_groups(self) -> list[NormalGroup]:
        groups: dict[int, NormalGroup] = {}
        for effect in self.normal_now:
            group = groups.setdefault(effect.see_help_after.hours, NormalGroup(effect.see_help_after, []))
            group.effects.append(effect)
        return list(groups.values())

    @property
    def self_care(self) -> list[str]:
        """What helps with the effects a reader most likely has now (within their usual time), each piece of
        advice once. Effects past their usual end are left out: their advice is often for the first days."""
        advice: dict[str, None] = {}
        for effect in self.normal_now:
            if self.period.overlaps(effect.onset.hours, effect.end_of_bar.hours):
                advice.update(dict.fromkeys(effect.self_care))
        return list(advice)


def sign_window(sign: WarningSign, data: SideEffectsFile) -> tuple[int, int | None]:
    """From when to when (hours; None: open-ended) a sign is worth naming.

    A sign with a `when` counts from then; a sign that a normal effect lasts too long never stops counting.
    Otherwise it counts while one of its effects can start: a change in a normal effect (it spreads, it keeps
    growing) until that effect's see_help_after, a never-normal effect from its onset until its watch_until.
    """
    starts: list[int] = []
    ends: list[int | None] = []
    for effect in (data.effect(effect_id) for effect_id in sign.effects):
        if effect.normal and sign.when is not None:
            starts.append(sign.when.hours)
            ends.append(None)
            continue
        starts.append(sign.when.hours if sign.when else effect.onset.hours)
        ends.append(normal_until_hours(effect) if effect.normal else (effect.end_of_bar.day_number + 1) * HOURS_PER_DAY)
    return min(starts), None if None in ends else max(end for end in ends if end is not None)


def day_by_day(data: SideEffectsFile) -> list[PeriodView]:
    """One view per period; next periods that would say the same thing are one view, so readers get fewer choices."""
    views = [_view(period, data) for period in periods_for(data)]
    merged: list[PeriodView] = []
    for view in views:
        if merged and _says_the_same(merged[-1], view):
            merged[-1] = _view(Period(merged[-1].period.first_day, view.period.last_day), data)
        else:
            merged.append(view)
    return merged


def _says_the_same(first: PeriodView, second: PeriodView) -> bool:
    return (first.normal_now, first.signs, first.self_care) == (second.normal_now, second.signs, second.self_care)


def day_periods(data: SideEffectsFile) -> list[Period]:
    """The periods of the day views, for the "What day is it?" links."""
    return [view.period for view in day_by_day(data)]


def _view(period: Period, data: SideEffectsFile) -> PeriodView:
    # The periods are split the day after each see_help_after, so an effect normal on one day of a period is
    # normal on all of them.
    normal_now = [
        effect
        for effect in data.effects
        if effect.normal and period.overlaps(effect.onset.hours, normal_until_hours(effect))
    ]
    signs = by_urgency([sign for sign in data.warning_signs if period.overlaps(*sign_window(sign, data))])
    return PeriodView(period, normal_now, signs)
