"""The day views: what is normal, what helps, and which warning signs count in each period after treatment."""

from __future__ import annotations

from dataclasses import dataclass, field

from scripts.timeline.models import CARE_LEVELS, CareLevel, SideEffect, SideEffectsFile, WarningSign


@dataclass(frozen=True)
class Period:
    anchor: str
    heading: str
    choice: str  # the short label in the "What day is it?" list
    first_day: int
    last_day: int | None  # None: open-ended

    @property
    def start_hours(self) -> int:
        return self.first_day * 24

    def includes(self, hours: int) -> bool:
        return hours >= self.start_hours and (self.last_day is None or hours < (self.last_day + 1) * 24)

    def overlaps(self, start_hours: int, end_hours: int | None) -> bool:
        """True if [start_hours, end_hours) shares time with this period; end_hours None: open-ended."""
        before_end = self.last_day is None or start_hours < (self.last_day + 1) * 24
        return before_end and (end_hours is None or end_hours > self.start_hours)


# The choices a worried reader makes ("what day is it?"). Day 0 is treatment day.
PERIODS = (
    Period("days-0-to-2", "Treatment day to day 2", "Day 0 to 2", 0, 2),
    Period("days-3-to-5", "Days 3 to 5", "Day 3 to 5", 3, 5),
    Period("days-6-to-14", "Days 6 to 14", "Day 6 to 14", 6, 14),
    Period("weeks-3-to-6", "Weeks 3 to 6", "Week 3 to 6", 15, 42),
    Period("later", "Later (after week 6)", "Later", 43, None),
)


def period_for_day(day: int) -> Period:
    return next(period for period in PERIODS if period.includes(day * 24))


@dataclass(frozen=True)
class SignGroup:
    """The warning signs at one level, most urgent level first."""

    level: CareLevel
    signs: list[WarningSign]


def group_by_level(signs: list[WarningSign]) -> list[SignGroup]:
    return [
        SignGroup(level, [sign for sign in signs if sign.level == level])
        for level in CARE_LEVELS
        if any(sign.level == level for sign in signs)
    ]


@dataclass
class PeriodView:
    period: Period
    normal_now: list[SideEffect] = field(default_factory=list)
    fading: list[SideEffect] = field(default_factory=list)  # past their usual end, not yet a reason for help
    signs: list[WarningSign] = field(default_factory=list)  # warning signs that can count in this period

    @property
    def self_care(self) -> list[str]:
        """What helps with the effects a reader is most likely to have now, each piece of advice once.

        Fading effects are left out: their advice is often for the first days ("for 1 to 3 days").
        """
        advice: dict[str, None] = {}
        for effect in self.normal_now:
            advice.update(dict.fromkeys(effect.self_care))
        return list(advice)

    @property
    def is_quiet(self) -> bool:
        """No usual side effect is expected now, so the view says so instead of leaving it blank."""
        return not (self.normal_now or self.fading)

    @property
    def get_help(self) -> list[SignGroup]:
        """The view's "get help if" box. Emergency signs are left out: their card is shown once per page."""
        return group_by_level([sign for sign in self.signs if sign.level != "emergency"])


def sign_window(sign: WarningSign, data: SideEffectsFile) -> tuple[int, int | None]:
    """From when to when (hours; None: open-ended) a sign is worth naming.

    It counts from its `when`, or else from the earliest onset of its effects. It stops being named once
    every effect it belongs to is past its watch time; a sign of a normal effect (lasting too long) never stops.
    """
    effects = [data.effect(effect_id) for effect_id in sign.effects]
    start = sign.when.hours if sign.when else min(effect.onset.hours for effect in effects)
    ends = [None if effect.normal else effect.end_of_bar.hours for effect in effects]
    end = None if None in ends else max(ends)
    return start, end


def day_by_day(data: SideEffectsFile) -> list[PeriodView]:
    views = [PeriodView(period) for period in PERIODS]
    for effect in data.effects:
        if not effect.normal:
            continue
        onset, end, help_after = effect.onset.hours, effect.end_of_bar.hours, effect.see_help_after.hours
        for view in views:
            period = view.period
            if period.overlaps(onset, end):
                view.normal_now.append(effect)
            elif period.start_hours >= end and period.overlaps(period.start_hours, help_after):
                view.fading.append(effect)
    for sign in data.warning_signs:
        start, end = sign_window(sign, data)
        for view in views:
            if view.period.overlaps(start, end) or view.period.includes(start):
                view.signs.append(sign)
    return views
