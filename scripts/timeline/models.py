"""The shape of data/side-effects.yml, checked field by field.

Rules that compare fields with each other, or with the reference list, live in checks.py so each
problem can point at the exact line to fix.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, ValidationInfo
from pydantic_core import PydanticCustomError

from scripts.timeline.durations import DURATION_HINT, Duration, parse_duration

CareLevel = Literal["emergency", "urgent", "soon"]
HowCommon = Literal["expected", "common", "uncommon", "rare", "not_known"]
EFFECT_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


def _duration_field(value: object, info: ValidationInfo) -> Duration:
    duration = parse_duration(value)
    if duration is None:
        raise PydanticCustomError(
            "duration",
            '{field} "{value}" is not a duration; {hint}',
            {"field": info.field_name, "value": "" if value is None else str(value), "hint": DURATION_HINT},
        )
    return duration


DurationField = Annotated[Duration, PlainValidator(_duration_field)]
Text = Annotated[str, Field(min_length=1)]


class StrictModel(BaseModel):
    # Unknown keys are usually misspelt ones; failing loudly stops a field from being silently ignored.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class PageInfo(StrictModel):
    """Front matter shared with every article."""

    title: Text
    description: Text
    last_reviewed: datetime.date
    next_review: datetime.date


class CareCard(StrictModel):
    """Signs that mean the reader should get help, at one level of urgency."""

    level: CareLevel
    signs: Annotated[list[Text], Field(min_length=1)]


class SideEffect(StrictModel):
    id: Annotated[str, Field(pattern=EFFECT_ID_PATTERN)]
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
    get_help: Annotated[list[CareCard], Field(min_length=1)]
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
    effects: Annotated[list[SideEffect], Field(min_length=1)]
