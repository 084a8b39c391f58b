import itertools

import pytest

from scripts.timeline import layout
from scripts.timeline.loading import load_side_effects
from tests.timeline.helpers import FIXTURE_REFERENCE_IDS, SMALL_FILE


def test_ticks_are_labelled_and_evenly_spaced_from_0_to_100():
    ticks = layout.ticks()
    assert [tick.label for tick in ticks] == ["day 0", "1 d", "3 d", "1 w", "2 w", "6 w", "3 m", "6 m+"]
    assert ticks[0].position == 0.0 and ticks[-1].position == 100.0
    gaps = [round(b.position - a.position, 1) for a, b in itertools.pairwise(ticks)]
    assert len(set(gaps)) == 1


def test_positions_increase_with_time_and_stay_on_the_chart():
    hours = [0, 1, 6, 12, 24, 48, 72, 100, 168, 200, 336, 700, 1008, 2000, 2160, 4320, 9000]
    positions = [layout.position(hour) for hour in hours]
    assert positions == sorted(positions)
    assert all(0 <= position <= 100 for position in positions)
    assert layout.position(9000) == 100.0


def test_a_tick_time_sits_exactly_on_its_tick():
    for tick in layout.ticks():
        assert layout.position(tick.hours) == tick.position


def test_between_ticks_is_linear():
    assert layout.position(48) == pytest.approx((14.29 + 28.57) / 2, abs=0.01)


def test_bars_stay_within_the_chart_and_in_order():
    data = load_side_effects(SMALL_FILE, FIXTURE_REFERENCE_IDS)
    for effect in data.effects:
        bar = layout.bar_for(effect)
        assert 0 <= bar.start < bar.end <= 100
        assert bar.width > 0
        if effect.normal:
            assert bar.end <= bar.help_marker <= 100
        else:
            assert bar.help_marker is None and bar.lingering_width == 0


def test_normal_effect_bar_runs_from_onset_to_usual_end_with_the_marker_at_see_help_after():
    redness = load_side_effects(SMALL_FILE, FIXTURE_REFERENCE_IDS).effects[0]
    bar = layout.bar_for(redness)
    assert (bar.start, bar.end, bar.help_marker) == (0.0, 28.57, 42.86)
    assert bar.lingering_width == pytest.approx(14.29)


def test_same_day_effect_still_gets_a_visible_bar():
    data = load_side_effects(SMALL_FILE, FIXTURE_REFERENCE_IDS)
    short = data.effects[0].model_copy(update={"typical_end": data.effects[0].typical_end.__class__(1, "h")})
    assert layout.bar_for(short).width >= layout.MINIMUM_BAR_WIDTH
