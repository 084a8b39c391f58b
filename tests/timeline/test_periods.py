import itertools

from scripts.timeline.durations import parse_duration
from scripts.timeline.loading import load_side_effects
from scripts.timeline.periods import day_by_day, day_periods, last_normal_day, period_for_day
from tests.timeline.helpers import FIXTURE_REFERENCE_IDS, SMALL_FILE


def ids(items):
    return [item.id for item in items]


def small_data():
    return load_side_effects(SMALL_FILE, FIXTURE_REFERENCE_IDS)


def days_of(period, up_to=400):
    last = up_to if period.last_day is None else period.last_day
    return range(period.first_day, last + 1)


def test_the_day_views_cover_every_day_once_from_treatment_day_on():
    periods = day_periods(small_data())
    assert periods[0].first_day == 0 and periods[-1].last_day is None
    for earlier, later in itertools.pairwise(periods):
        assert later.first_day == earlier.last_day + 1
    for day in range(0, 400, 5):
        assert period_for_day(periods, day).includes(day * 24)
    assert len({period.anchor for period in periods}) == len(periods)


def test_no_view_calls_an_effect_normal_on_a_day_past_its_see_help_after():
    data = small_data()
    for view in day_by_day(data):
        for effect in view.normal_now:
            assert all(day <= last_normal_day(effect) for day in days_of(view.period)), (view.period, effect.id)


def test_a_normal_effect_is_named_in_every_view_from_its_onset_to_its_see_help_after():
    data = small_data()
    for effect in (effect for effect in data.effects if effect.normal):
        for view in day_by_day(data):
            normal_days = range(effect.onset.day_number, last_normal_day(effect) + 1)
            assert (effect in view.normal_now) == any(day in normal_days for day in days_of(view.period))


def test_each_view_names_the_signs_that_can_start_in_it_most_urgent_first():
    views = day_by_day(small_data())
    # The allergy is watched until 6 weeks; its emergency sign is in every view up to then and no later.
    assert [view.period.last_day is not None for view in views if "swollen-lips" in ids(view.emergency)] == [
        True
    ] * sum(1 for view in views if view.period.first_day <= 42)
    # A sign that a normal effect lasts too long counts from see_help_after, in the view of that day and on.
    peeling_too_long = [view.period for view in views if "peeling-too-long" in ids(view.signs)]
    assert peeling_too_long[0].includes(14 * 24) and peeling_too_long[-1].last_day is None
    for view in views:
        assert [group.level for group in view.get_help] == sorted(
            (group.level for group in view.get_help), key=["urgent", "soon"].index
        )
        assert "emergency" not in [group.level for group in view.get_help]


def test_views_that_would_say_the_same_are_one_view():
    data = small_data()
    longer_watch = data.model_copy(
        update={
            "effects": [
                effect.model_copy(update={"watch_until": parse_duration("6m")}) if not effect.normal else effect
                for effect in data.effects
            ]
        }
    )
    before, after = day_periods(data), day_periods(longer_watch)
    assert len(after) == len(before) - 1
    assert after[-1].last_day is None and after[-1].first_day == before[-2].first_day


def test_self_care_is_listed_once_for_effects_within_their_usual_time():
    first = day_by_day(small_data())[0]
    assert first.self_care == ["Use a plain moisturiser.", "Leave flakes alone."]
