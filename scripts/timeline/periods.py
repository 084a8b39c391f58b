"""The day-by-day view: which effects are normal, fading, or a reason to get help in each period."""

from __future__ import annotations

from dataclasses import dataclass, field

from scripts.timeline.models import CareCard, SideEffect

CARE_LEVEL_ORDER = ("emergency", "urgent", "soon")


@dataclass(frozen=True)
class Period:
    anchor: str
    heading: str
    first_day: int
    last_day: int | None  # None: open-ended

    @property
    def start_hours(self) -> int:
        return self.first_day * 24

    def includes(self, hours: int) -> bool:
        return hours >= self.start_hours and (self.last_day is None or hours < (self.last_day + 1) * 24)

    def overlaps(self, start_hours: int, end_hours: int) -> bool:
        """True if [start_hours, end_hours) shares time with this period."""
        before_end = self.last_day is None or start_hours < (self.last_day + 1) * 24
        return before_end and end_hours > self.start_hours


PERIODS = (
    Period("treatment-day", "Treatment day", 0, 0),
    Period("days-1-to-2", "Days 1 to 2", 1, 2),
    Period("days-3-to-5", "Days 3 to 5", 3, 5),
    Period("days-6-to-14", "Days 6 to 14 (week 2)", 6, 14),
    Period("weeks-3-to-6", "Weeks 3 to 6", 15, 42),
    Period("months", "Months later (after week 6)", 43, None),
)


@dataclass(frozen=True)
class CareCardGroup:
    """All signs at one level of urgency in one period, one list per effect."""

    level: str
    signs_by_effect: list[tuple[SideEffect, CareCard]]


@dataclass
class PeriodView:
    period: Period
    normal_now: list[SideEffect] = field(default_factory=list)
    fading: list[SideEffect] = field(default_factory=list)  # past their usual end, not yet a reason for help
    watch_for: list[SideEffect] = field(default_factory=list)  # never normal, and can start in this period
    help_due: list[SideEffect] = field(default_factory=list)  # normal ones that stop being normal in this period

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
        """Nothing from the data falls in this period, so the page says so instead of leaving it blank."""
        return not (self.normal_now or self.fading or self.watch_for or self.help_due)

    @property
    def care_cards(self) -> list[CareCardGroup]:
        return group_care_cards(self.help_due + self.watch_for)


def group_care_cards(effects: list[SideEffect]) -> list[CareCardGroup]:
    """One group per level, most urgent first; within a level, effects keep the data file's order."""
    groups = []
    for level in CARE_LEVEL_ORDER:
        cards = [(effect, card) for effect in effects for card in effect.get_help if card.level == level]
        if cards:
            groups.append(CareCardGroup(level, cards))
    return groups


def day_by_day(effects: list[SideEffect]) -> list[PeriodView]:
    views = [PeriodView(period) for period in PERIODS]
    for effect in effects:
        onset = effect.onset.hours
        end = effect.end_of_bar.hours
        for view in views:
            period = view.period
            if not effect.normal:
                if period.overlaps(onset, end) or period.includes(onset):
                    view.watch_for.append(effect)
                continue
            help_after = effect.see_help_after.hours
            if period.overlaps(onset, end):
                view.normal_now.append(effect)
            elif period.start_hours >= end and period.overlaps(period.start_hours, help_after):
                view.fading.append(effect)
            if period.includes(help_after):
                view.help_due.append(effect)
    return views
