"""Include lines and hand-written care cards in a page's source, found with their lines."""

from __future__ import annotations

from scripts.timeline.includes import check_includes, expand_includes
from scripts.timeline.loading import load_side_effects
from tests.timeline.helpers import FIXTURE_REFERENCE_IDS, SMALL_FILE

PAGE = """---
title: Test
---
# Test

{body}
"""


def problems(body: str) -> list[str]:
    return [str(problem) for problem in check_includes("docs/test.md", PAGE.format(body=body))]


def test_a_hand_written_card_in_markdown_or_html_names_its_line_and_the_include_to_use():
    found = problems('Text.\n\n!!! urgent "Get help"\n    - Pus.\n\n<div class="admonition soon">Spots</div>\n')
    assert found[0].startswith("docs/test.md:8: this care card is written by hand")
    assert "<!-- care-card: urgent -->" in found[0]
    assert found[1].startswith("docs/test.md:11: ") and "<!-- care-card: soon -->" in found[1]


def test_examples_in_code_and_other_boxes_and_comments_are_left_alone():
    body = '```markdown\n!!! urgent "Example"\n<!-- care-crad: urgent -->\n```\n\n'
    body += '!!! tip "Hi"\n    Text.\n\n<!-- a note -->\n'
    assert problems(body) == []


def test_a_misspelt_include_or_level_is_refused_with_the_right_spelling():
    found = problems("<!-- care-crad: urgent -->\n\n<!-- care-card: fast -->\n\n<!-- day-picker: today -->\n")
    assert "\"care-crad\" is not an include (did you mean 'care-card'?)" in found[0]
    assert '"fast" is not a level; write <!-- care-card: emergency -->' in found[1]
    assert "<!-- day-picker --> takes nothing after it" in found[2]


def test_an_include_in_a_snippet_is_refused_because_it_would_show_nothing():
    found = check_includes("docs/snippets/help.md", "Some text.\n\n<!-- care-cards -->\n", in_snippet=True)
    assert [str(problem) for problem in found] == [
        "docs/snippets/help.md:3: includes do not work inside a snippet; move this line into each page that uses "
        "the snippet"
    ]


def test_an_include_keeps_the_indent_of_its_line_and_every_sign_of_its_level_is_shown():
    data = load_side_effects(SMALL_FILE, FIXTURE_REFERENCE_IDS)
    expanded = expand_includes('!!! tip "Box"\n    <!-- care-card: soon -->\n', data, "aftercare.md")
    lines = expanded.split("\n")
    assert lines[1] == '    !!! soon "See your practitioner soon"'
    assert all(line.startswith("    ") for line in lines[1:] if line.strip())
    for sign in data.warning_signs:
        assert (f"sign-{sign.id} " in expanded) == (sign.level == "soon")
