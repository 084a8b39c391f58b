import itertools

from scripts.timeline.loading import load_side_effects
from scripts.timeline.periods import PERIODS, day_by_day
from tests.timeline.helpers import FIXTURE_REFERENCE_IDS, SMALL_FILE


def ids(effects):
    return [effect.id for effect in effects]


def views_by_anchor():
    data = load_side_effects(SMALL_FILE, FIXTURE_REFERENCE_IDS)
    return {view.period.anchor: view for view in day_by_day(list(data.effects))}


def test_periods_cover_every_day_without_gaps():
    assert PERIODS[0].first_day == 0 and PERIODS[-1].last_day is None
    for earlier, later in itertools.pairwise(PERIODS):
        assert later.first_day == earlier.last_day + 1
    assert [period.heading for period in PERIODS] == [
        "Treatment day",
        "Days 1 to 2",
        "Days 3 to 5",
        "Days 6 to 14 (week 2)",
        "Weeks 3 to 6",
        "Months later (after week 6)",
    ]


def test_normal_effect_is_normal_until_its_usual_end_then_fading_until_help():
    views = views_by_anchor()
    assert ids(views["treatment-day"].normal_now) == ["redness"]
    assert ids(views["days-1-to-2"].normal_now) == ["redness", "peeling"]
    assert ids(views["days-3-to-5"].normal_now) == ["peeling"]
    assert ids(views["days-3-to-5"].fading) == ["redness"]
    assert ids(views["days-6-to-14"].fading) == ["redness", "peeling"]
    assert ids(views["weeks-3-to-6"].fading) == []


def test_help_is_due_in_the_period_that_holds_see_help_after():
    views = views_by_anchor()
    assert ids(views["days-6-to-14"].help_due) == ["redness", "peeling"]  # day 7 and day 14
    assert all(not view.help_due for anchor, view in views.items() if anchor != "days-6-to-14")


def test_never_normal_effect_is_watched_from_onset_until_watch_until():
    views = views_by_anchor()
    watched = [anchor for anchor, view in views.items() if ids(view.watch_for) == ["allergy"]]
    assert watched == ["treatment-day", "days-1-to-2", "days-3-to-5", "days-6-to-14", "weeks-3-to-6"]
    assert views["months"].is_quiet


def test_care_cards_are_grouped_by_level_most_urgent_first():
    view = views_by_anchor()["days-6-to-14"]
    assert [group.level for group in view.care_cards] == ["emergency", "soon"]
    soon = view.care_cards[1]
    assert [effect.id for effect, _ in soon.signs_by_effect] == ["redness", "peeling", "allergy"]


def test_self_care_is_listed_once_for_effects_normal_now():
    assert views_by_anchor()["days-1-to-2"].self_care == ["Use a plain moisturiser.", "Leave flakes alone."]
