import pytest

from scripts.timeline.durations import Duration, parse_duration


@pytest.mark.parametrize(
    ("text", "hours"),
    [("0h", 0), ("6h", 6), ("3d", 72), ("2w", 336), ("6m", 4320), (" 1d ", 24)],
)
def test_parses_amount_and_unit_into_hours(text, hours):
    assert parse_duration(text).hours == hours


@pytest.mark.parametrize("text", ["2x", "", "d3", "3", "1.5d", "-1d", "3 days", None, 3, True])
def test_rejects_anything_that_is_not_a_number_and_unit(text):
    assert parse_duration(text) is None


def test_keeps_the_editors_unit_for_display():
    assert str(parse_duration("7d")) == "7d"
    assert parse_duration("7d") != parse_duration("1w")
    assert parse_duration("7d").hours == parse_duration("1w").hours


def test_day_number_counts_treatment_day_as_zero():
    assert Duration(23, "h").day_number == 0
    assert Duration(1, "d").day_number == 1
    assert Duration(2, "w").day_number == 14
