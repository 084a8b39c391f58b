"""Every way data/side-effects.yml can be wrong stops the build with file, line and a fix."""

from __future__ import annotations

import pytest

from scripts.timeline.loading import load_side_effects
from tests.timeline.helpers import FIXTURE_REFERENCE_IDS, SMALL_FILE, line_number_of, problems_for

SMALL_TEXT = SMALL_FILE.read_text(encoding="utf-8")


def only_problem(tmp_path, old: str, new: str, count: int = 1) -> tuple[str, str]:
    """The single message for the fixture with `old` replaced, and the fixture text it came from."""
    assert old in SMALL_TEXT
    text = SMALL_TEXT.replace(old, new, count)
    messages = problems_for(tmp_path, text, load_side_effects)
    assert len(messages) == 1, messages
    return messages[0], text


def test_fixture_loads():
    data = load_side_effects(SMALL_FILE, FIXTURE_REFERENCE_IDS)
    assert [effect.id for effect in data.effects] == ["redness", "peeling", "allergy"]


def test_bad_duration(tmp_path):
    message, text = only_problem(tmp_path, "typical_end: 3d", "typical_end: 2x")
    line = line_number_of(text, "typical_end: 2x")
    assert message == (
        f'data/side-effects.yml:{line}: effect "redness": typical_end "2x" is not a duration; '
        "write a number and a unit like 6h, 3d, 2w or 6m"
    )


def test_duration_without_unit(tmp_path):
    message, text = only_problem(tmp_path, "see_help_after: 7d", "see_help_after: 7")
    assert message.startswith(f"data/side-effects.yml:{line_number_of(text, 'see_help_after: 7')}: ")
    assert 'see_help_after "7" is not a duration' in message


def test_onset_after_typical_end(tmp_path):
    message, text = only_problem(tmp_path, "onset: 2d", "onset: 6d")
    line = line_number_of(text, "typical_end: 5d")
    assert message.startswith(
        f'data/side-effects.yml:{line}: effect "peeling": typical_end "5d" is not after onset "6d"'
    )
    assert "make typical_end later or onset earlier" in message


def test_see_help_after_before_onset(tmp_path):
    text = SMALL_TEXT.replace("onset: 2d", "onset: 20d")
    messages = problems_for(tmp_path, text, load_side_effects)
    line = line_number_of(text, "see_help_after: 2w")
    assert any(
        message.startswith(
            f'data/side-effects.yml:{line}: effect "peeling": see_help_after "2w" comes before onset "20d"'
        )
        and "make it the same as onset or later" in message
        for message in messages
    ), messages


def test_see_help_after_before_typical_end(tmp_path):
    text = SMALL_TEXT.replace("see_help_after: 7d", "see_help_after: 2d")
    messages = problems_for(tmp_path, text, load_side_effects)
    assert messages[0].startswith(f"data/side-effects.yml:{line_number_of(text, 'see_help_after: 2d')}: ")
    assert 'see_help_after "2d" comes before typical_end "3d"' in messages[0]


def test_unknown_reference_id_suggests_the_close_one(tmp_path):
    message, text = only_problem(tmp_path, "sources: [Chu]", "sources: [Chuu]")
    assert message == (
        f'data/side-effects.yml:{line_number_of(text, "sources: [Chuu]")}: effect "peeling": source "Chuu" '
        "is not in data/references.yml (did you mean 'Chu'?); use an id from that file, or add the reference "
        "there first"
    )


def test_unknown_key(tmp_path):
    message, text = only_problem(tmp_path, "    sources: [Chu]\n", "    sources: [Chu]\n    sorces: [Chu]\n")
    assert message.startswith(
        f'data/side-effects.yml:{line_number_of(text, "sorces")}: effect "peeling": unknown key "sorces"'
    )
    assert "check its spelling or remove it" in message


def test_missing_field_points_at_its_effect(tmp_path):
    message, text = only_problem(tmp_path, "    how_common: common\n", "")
    assert message == (
        f'data/side-effects.yml:{line_number_of(text, "- id: peeling")}: effect "peeling": "how_common" is missing; '
        "add it: one of expected, common, uncommon, rare or not_known"
    )


def test_bad_care_level(tmp_path):
    message, text = only_problem(tmp_path, "level: emergency", "level: urgnt")
    assert message == (
        f'data/side-effects.yml:{line_number_of(text, "level: urgnt")}: warning sign "swollen-lips": level "urgnt" '
        "is not allowed; use 'emergency', 'urgent' or 'soon'"
    )


def test_bad_how_common(tmp_path):
    message, _ = only_problem(tmp_path, "how_common: rare", "how_common: sometimes")
    allowed = "'expected', 'common', 'uncommon', 'rare' or 'not_known'"
    assert f'how_common "sometimes" is not allowed; use {allowed}' in message


def test_duplicate_id(tmp_path):
    text = SMALL_TEXT.replace("- id: peeling", "- id: redness")
    message = problems_for(tmp_path, text, load_side_effects)[0]
    line = line_number_of(text, "- id: redness", occurrence=2)
    assert message.startswith(
        f'data/side-effects.yml:{line}: effect "redness": the id "redness" is already used by effect number 1'
    )
    assert "give each effect its own id" in message


def test_bad_id_spelling(tmp_path):
    message, _ = only_problem(tmp_path, "- id: peeling", "- id: Peeling Skin")
    assert 'id "Peeling Skin" is not a valid id; write a short name in lower case with hyphens' in message


def test_bad_yaml_syntax(tmp_path):
    text = SMALL_TEXT.replace("    name: Peeling\n", "    name: Peeling\n   summary: [broken\n")
    messages = problems_for(tmp_path, text, load_side_effects)
    assert len(messages) == 1
    assert messages[0].startswith("data/side-effects.yml:")
    line = int(messages[0].split(":")[1])
    assert abs(line - line_number_of(text, "summary: [broken")) <= 1
    assert "is not valid YAML" in messages[0] and "check the indentation" in messages[0]


def test_key_written_twice(tmp_path):
    message, text = only_problem(
        tmp_path, "    summary: The skin flakes.\n", "    summary: The skin flakes.\n    summary: Again.\n"
    )
    first, repeat = line_number_of(text, "summary: The skin flakes."), line_number_of(text, "summary: Again.")
    assert message.startswith(
        f"data/side-effects.yml:{repeat}: the key 'summary' is written twice, on lines {first} and {repeat}; keep one"
    )


def test_empty_required_list(tmp_path):
    message, text = only_problem(tmp_path, "sources: [Chu]", "sources: []")
    assert message.startswith(f"data/side-effects.yml:{line_number_of(text, 'sources: []')}: ")
    assert "sources is empty; write a list of reference ids" in message


def test_text_where_a_list_belongs(tmp_path):
    message, text = only_problem(
        tmp_path,
        "    self_care:\n      - Use a plain moisturiser.\n      - Leave flakes alone.\n",
        "    self_care: Leave flakes alone.\n",
    )
    assert message.startswith(f"data/side-effects.yml:{line_number_of(text, 'self_care: Leave')}: ")
    assert 'self_care must be a list, with each item on its own line starting with "- "' in message


def test_normal_must_be_true_or_false(tmp_path):
    message, _ = only_problem(tmp_path, "normal: true", "normal: sometimes")
    assert 'normal "sometimes" must be true or false' in message


def test_quoted_date(tmp_path):
    message, text = only_problem(tmp_path, "last_reviewed: 2026-11-21", 'last_reviewed: "21 Nov 2026"')
    assert message.startswith(f"data/side-effects.yml:{line_number_of(text, 'last_reviewed')}: page: last_reviewed")
    assert "is not a date; write the date a person last checked the page, like 2026-11-21" in message


def test_next_review_before_last_reviewed(tmp_path):
    message, text = only_problem(tmp_path, "next_review: 2027-11-21", "next_review: 2025-01-01")
    assert message.startswith(f"data/side-effects.yml:{line_number_of(text, 'next_review')}: page: next_review")


@pytest.mark.parametrize(
    ("old", "new", "fragment", "expected"),
    [
        (
            "typical_end: null",
            "typical_end:  3d",
            "typical_end:  3d",
            'typical_end "3d" must be empty (typical_end: null) because normal is false',
        ),
        (
            "see_help_after: 0h",
            "see_help_after: 2d",
            "see_help_after: 2d",
            'see_help_after "2d" must be the same as onset "0h"',
        ),
        ("watch_until: 6w", "watch_until: 0h", "watch_until: 0h", 'watch_until "0h" is not after onset "0h"'),
        ("    watch_until: 6w\n", "", "- id: allergy", "watch_until is missing"),
        ("typical_end: 3d", "typical_end: null", "typical_end: null", "typical_end is empty but normal is true"),
        (
            "    how_common: expected\n",
            "    watch_until: 2w\n    how_common: expected\n",
            "watch_until: 2w",
            "watch_until is only for effects that are never normal",
        ),
    ],
)
def test_normal_and_never_normal_rules(tmp_path, old, new, fragment, expected):
    message, text = only_problem(tmp_path, old, new)
    assert message.startswith(f"data/side-effects.yml:{line_number_of(text, fragment)}: ")
    assert expected in message


def test_reports_every_problem_at_once(tmp_path):
    text = SMALL_TEXT.replace("typical_end: 3d", "typical_end: 2x").replace("level: emergency", "level: urgnt")
    messages = problems_for(tmp_path, text, load_side_effects)
    assert len(messages) == 2


def test_display_path_names_the_file(tmp_path):
    data_file = tmp_path / "side-effects.yml"
    data_file.write_text(SMALL_TEXT.replace("typical_end: 3d", "typical_end: 2x"), encoding="utf-8")
    with pytest.raises(Exception, match=r"^elsewhere/effects\.yml:\d+: "):
        load_side_effects(data_file, FIXTURE_REFERENCE_IDS, "elsewhere/effects.yml")


def test_bad_sign_threshold(tmp_path):
    message, text = only_problem(tmp_path, "when: after 2d or 3d", "when: after day 2")
    assert message.startswith(
        f'data/side-effects.yml:{line_number_of(text, "when: after day 2")}: warning sign "hot-skin": '
        'when "after day 2" is not a time a sign counts from; write "after" or "from about"'
    )


def test_sign_of_an_unknown_effect_suggests_the_close_one(tmp_path):
    message, text = only_problem(tmp_path, "effects: [peeling]", "effects: [peeling, peelin]")
    assert message.startswith(f"data/side-effects.yml:{line_number_of(text, 'effects: [peeling, peelin]')}: ")
    assert 'warning sign "peeling-too-long": effect "peelin" is not in this file (did you mean \'peeling\'?)' in message


def test_the_same_sign_twice_is_refused_whatever_its_level(tmp_path):
    message, text = only_problem(tmp_path, "sign: Itchy lumps", "sign: Hot skin that gets worse.")
    assert message.startswith(f"data/side-effects.yml:{line_number_of(text, 'sign: Hot skin that gets worse.')}: ")
    assert 'the same sign is already written as "hot-skin" (level urgent)' in message


def test_a_sign_that_a_normal_effect_lasts_too_long_counts_from_its_see_help_after(tmp_path):
    message, text = only_problem(tmp_path, "when: after 7d", "when: after 5d")
    assert message.startswith(f"data/side-effects.yml:{line_number_of(text, 'when: after 5d')}: ")
    assert 'effect "redness" is normal until see_help_after 7d' in message and "write when: after 7d" in message


def test_every_effect_needs_a_warning_sign(tmp_path):
    peeling_sign = "  - id: peeling-too-long\n    sign: Peeling still there\n    level: soon\n    when: after 2w\n"
    message, text = only_problem(tmp_path, peeling_sign + "    effects: [peeling]\n", "")
    assert message.startswith(f"data/side-effects.yml:{line_number_of(text, '- id: peeling')}: ")
    assert 'effect "peeling" has no warning sign' in message


def test_symptom_naming_an_unknown_sign_or_a_never_normal_effect(tmp_path):
    message, text = only_problem(tmp_path, "signs: [itchy-lumps]", "signs: [itchy-lump]")
    assert message.startswith(f'data/side-effects.yml:{line_number_of(text, "signs: [itchy-lump]")}: symptom "Lumps": ')
    assert "(did you mean 'itchy-lumps'?)" in message
    message, text = only_problem(tmp_path, "normal: redness", "normal: allergy")
    assert 'symptom "Redness": effect "allergy" is never normal' in message
