"""The review-date rule every page follows, its own front matter or the page block of a data file."""

from __future__ import annotations

import datetime


def one_year_after(date: datetime.date) -> datetime.date:
    # 29 February has no twin next year; the day before keeps the review within the year.
    return date.replace(year=date.year + 1, day=28 if (date.month, date.day) == (2, 29) else date.day)


def next_review_problem(last_reviewed: datetime.date, next_review: datetime.date) -> str | None:
    """What is wrong with the pair, worded as a fix; None when next_review is after last_reviewed, within a year."""
    latest = one_year_after(last_reviewed)
    if next_review <= last_reviewed:
        return (
            f"next_review ({next_review}) must be after last_reviewed ({last_reviewed}); set it to a later date, "
            f"such as {latest}"
        )
    if next_review > latest:
        return (
            f"next_review ({next_review}) is more than a year after last_reviewed ({last_reviewed}); every page is "
            f"reviewed at least once a year, so set it to {latest} or earlier"
        )
    return None
