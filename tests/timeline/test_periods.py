import itertools

from scripts.timeline.loading import load_side_effects
from scripts.timeline.periods import PERIODS, day_by_day, period_for_day
from tests.timeline.helpers import FIXTURE_REFERENCE_IDS, SMALL_FILE


def ids(items):
    return [item.id for item in items]


def views_by_anchor():
    data = load_side_effects(SMALL_FILE, FIXTURE_REFERENCE_IDS)
    return {view.period.anchor: view for view in day_by_day(data)}


def test_periods_cover_every_day_without_gaps_in_the_five_choices_readers_make():
    assert PERIODS[0].first_day == 0 and PERIODS[-1].last_day is None
    for earlier, later in itertools.pairwise(PERIODS):
        assert later.first_day == earlier.last_day + 1
    assert [(period.first_day, period.last_day) for period in PERIODS] == [
        (0, 2),
        (3, 5),
        (6, 14),
        (15, 42),
        (43, None),
    ]
    assert [period_for_day(day).anchor for day in (0, 2, 3, 5, 6, 14, 15, 42, 43, 400)] == [
        "days-0-to-2",
        "days-0-to-2",
        "days-3-to-5",
        "days-3-to-5",
        "days-6-to-14",
        "days-6-to-14",
        "weeks-3-to-6",
        "weeks-3-to-6",
        "later",
        "later",
    ]


def test_normal_effect_is_normal_until_its_usual_end_then_fading_until_help():
    views = views_by_anchor()
    assert ids(views["days-0-to-2"].normal_now) == ["redness", "peeling"]
    assert ids(views["days-3-to-5"].normal_now) == ["peeling"]
    assert ids(views["days-3-to-5"].fading) == ["redness"]
    assert ids(views["days-6-to-14"].fading) == ["redness", "peeling"]
    assert ids(views["weeks-3-to-6"].fading) == []
    assert views["later"].is_quiet


def test_a_sign_is_named_from_when_it_counts_until_its_effect_is_past_watching():
    views = views_by_anchor()
    named = {anchor: ids(view.signs) for anchor, view in views.items()}
    # hot-skin counts after day 2 or 3; the allergy is watched until 6 weeks (day 42).
    assert [anchor for anchor, signs in named.items() if "hot-skin" in signs] == [
        "days-0-to-2",
        "days-3-to-5",
        "days-6-to-14",
        "weeks-3-to-6",
    ]
    # A sign that a normal effect lasts too long counts from see_help_after and never stops.
    assert [anchor for anchor, signs in named.items() if "peeling-too-long" in signs] == [
        "days-6-to-14",
        "weeks-3-to-6",
        "later",
    ]
    assert next(anchor for anchor, signs in named.items() if "itchy-lumps" in signs) == "days-3-to-5"


def test_get_help_box_groups_by_level_most_urgent_first_and_leaves_the_emergency_card_to_the_page():
    view = views_by_anchor()["days-6-to-14"]
    assert "swollen-lips" in ids(view.signs)
    assert [group.level for group in view.get_help] == ["urgent", "soon"]
    assert ids(view.get_help[1].signs) == ["red-too-long", "peeling-too-long", "itchy-lumps"]


def test_self_care_is_listed_once_for_effects_normal_now():
    assert views_by_anchor()["days-0-to-2"].self_care == ["Use a plain moisturiser.", "Leave flakes alone."]
