"""The shape of data/side-effects.yml, checked field by field.

The file holds the side effects, and, once each, every warning sign with its level and from when it
counts, whom to contact at each level, and the "I have..." list of symptoms. Every care card on the
site is rendered from it. Rules that compare fields with each other, or with the reference list, live
in checks.py so each problem can point at the exact line to fix.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, ValidationInfo
from pydantic_core import PydanticCustomError

from scripts.timeline.durations import DURATION_HINT, WHEN_HINT, Duration, When, parse_duration, parse_when

CareLevel = Literal["emergency", "urgent", "soon"]
HowCommon = Literal["expected", "common", "uncommon", "rare", "not_known"]
CARE_LEVELS: tuple[CareLevel, ...] = ("emergency", "urgent", "soon")  # most urgent first
EFFECT_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


def _parsed_by(parse: Callable[[object], object | None], kind: str, what: str, hint: str) -> PlainValidator:
    """A validator for a field an editor writes as short text (3d, "after 2d or 3d"), parsed by `parse`."""

    def validate(value: object, info: ValidationInfo) -> object:
        parsed = parse(value)
        if parsed is None:
            raise PydanticCustomError(
                kind,
                '{field} "{value}" is not {what}; {hint}',
                {"field": info.field_name, "value": "" if value is None else str(value), "what": what, "hint": hint},
            )
        return parsed

    return PlainValidator(validate)


DurationField = Annotated[Duration, _parsed_by(parse_duration, "duration", "a duration", DURATION_HINT)]
WhenField = Annotated[When, _parsed_by(parse_when, "when", "a time a sign counts from", WHEN_HINT)]
Text = Annotated[str, Field(min_length=1)]
Id = Annotated[str, Field(pattern=EFFECT_ID_PATTERN)]


class StrictModel(BaseModel):
    # Unknown keys are usually misspelt ones; failing loudly stops a field from being silently ignored.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class PageInfo(StrictModel):
    """Front matter shared with every article."""

    title: Text
    description: Text
    last_reviewed: datetime.date
    next_review: datetime.date


class LevelAdvice(StrictModel):
    """What one level of urgency tells the reader to do."""

    title: Text  # the care card's title; names the level in words
    verdict: Text  # the short form in the "I have..." list and the day views, like "Get help today"
    contact: Text  # whom to contact


class GetHelp(StrictModel):
    """Whom to contact at each level, and what to do if there are no medical staff where you were treated."""

    emergency: LevelAdvice
    urgent: LevelAdvice
    soon: LevelAdvice
    no_medical_staff: Text
    normal_if: Text  # the condition every "normal" statement carries: "it fades a little each day and ..."

    def advice(self, level: CareLevel) -> LevelAdvice:
        return getattr(self, level)


class WarningSign(StrictModel):
    """A sign that needs action, written once: every page that shows it renders it from here."""

    id: Id
    sign: Text  # what the reader sees or feels, in their own words, without the time
    level: CareLevel
    when: WhenField | None = None  # from when it counts; empty: as soon as it appears
    effects: Annotated[list[Id], Field(min_length=1)]  # the side effects it belongs to


class Symptom(StrictModel):
    """One line of the "I have..." list: normal until when, and which signs change that."""

    name: Text
    normal: Id | None = None  # a normal side effect this symptom usually is
    signs: list[Id] = []


class SideEffect(StrictModel):
    id: Id
    name: Text
    summary: Text
    normal: bool
    onset: DurationField
    typical_end: DurationField | None
    see_help_after: DurationField
    watch_until: DurationField | None = None
    how_common: HowCommon
    self_care: list[Text]
    before_treatment: list[Text] = []
    sources: Annotated[list[Text], Field(min_length=1)]
    sources_disagree: Text | None = None

    @property
    def end_of_bar(self) -> Duration:
        """Where its bar on the chart stops: the usual end, or the last time a never-normal effect tends to start."""
        end = self.typical_end if self.normal else self.watch_until
        assert end is not None, "checks.py guarantees the end that matches `normal`"
        return end


class SideEffectsFile(StrictModel):
    page: PageInfo
    get_help: GetHelp
    effects: Annotated[list[SideEffect], Field(min_length=1)]
    warning_signs: Annotated[list[WarningSign], Field(min_length=1)]
    symptoms: list[Symptom] = []

    def effect(self, effect_id: str) -> SideEffect:
        return next(effect for effect in self.effects if effect.id == effect_id)

    def sign(self, sign_id: str) -> WarningSign:
        return next(sign for sign in self.warning_signs if sign.id == sign_id)

    def signs_of(self, effect: SideEffect) -> list[WarningSign]:
        """The effect's warning signs, most urgent first, in file order within a level."""
        return by_urgency([sign for sign in self.warning_signs if effect.id in sign.effects])

    def signs_to_rule_out(self, effect: SideEffect) -> list[WarningSign]:
        """What a reader with this effect must rule out first: its own signs and those of every "I have..." line
        that names it as the normal case (redness: also the spreading-redness sign), most urgent first."""
        named = [sign_id for symptom in self.symptoms if symptom.normal == effect.id for sign_id in symptom.signs]
        ids = {sign.id for sign in self.signs_of(effect)} | set(named)
        return by_urgency([sign for sign in self.warning_signs if sign.id in ids])


def by_urgency(signs: list[WarningSign]) -> list[WarningSign]:
    """Most urgent level first; file order within a level (sorted() is stable)."""
    return sorted(signs, key=lambda sign: CARE_LEVELS.index(sign.level))
