"""Get-help advice in a page's own words is refused with the include to use; the includes themselves pass."""

import re

import pytest

from scripts.timeline.advice import check_advice
from scripts.timeline.includes import expand_includes
from scripts.timeline.loading import load_side_effects
from tests.timeline.helpers import FIXTURE_REFERENCE_IDS, SMALL_FILE

PAGE = "---\ntitle: T\n---\n\n"


@pytest.fixture(scope="module")
def data():
    return load_side_effects(SMALL_FILE, FIXTURE_REFERENCE_IDS)


def problems(data, body: str) -> list[str]:
    return [str(problem) for problem in check_advice("docs/page.md", PAGE + body, data)]


@pytest.mark.parametrize(
    "body",
    [
        "If your redness lasts more than a week, call your practitioner.\n",
        "Hot skin after day 2 or 3 is not normal.\n",
        "Swollen lips are an emergency.\n",
        '!!! danger "Watch out"\n    Hot skin that gets worse needs a doctor: get help.\n',
        "!!! note\n    - Call your doctor if the redness spreads.\n",
        '??? info "More"\n    Redness that spreads should be checked.\n',
        "- See your practitioner if the lumps itch.\n",
        "1. Go to urgent care if you feel hot.\n",
        '<div class="warning">\n<p>Hot skin that gets worse: call your doctor.</p>\n</div>\n',
    ],
)
def test_advice_in_a_pages_own_words_is_refused_whatever_form_it_takes(data, body):
    found = problems(data, body)
    assert len(found) == 1, found
    # The line holding the advice: the body's last line with words outside tags; the front matter takes 4 lines.
    lines = body.rstrip("\n").split("\n")
    advice_line = 4 + max(number for number, line in enumerate(lines, start=1) if re.sub(r"<[^>]*>", "", line).strip())
    assert found[0].startswith(f"docs/page.md:{advice_line}: ")
    assert "<!-- sign: " in found[0] and "<!-- verdict: " in found[0] and "data/side-effects.yml" in found[0]


def test_the_message_names_the_sign_the_words_are_about(data):
    assert "<!-- sign: red-too-long -->" in problems(data, "Redness still there after a week: call your doctor.\n")[0]


@pytest.mark.parametrize(
    "body",
    [
        "If you are not sure, call your practitioner and ask.\n",
        "This page says what is normal and when to get help.\n",
        "- [When to get help](#when-to-get-help)\n",
        "Redness often lasts 1 to 3 days [[Chu]].\n",
        "If it is still there <!-- when: red-too-long -->, <!-- verdict: red-too-long -->.\n",
        "- <!-- verdict: hot-skin --> if you have <!-- sign: hot-skin -->. <!-- contact: urgent -->\n",
        "```text\nGet help today if it spreads after day 2.\n```\n",
    ],
)
def test_plain_information_and_the_includes_pass(data, body):
    assert problems(data, body) == []


def test_an_include_with_an_unknown_id_or_level_says_what_would_work(data):
    found = problems(data, "If it lasts <!-- when: red-too-lng -->, <!-- contact: later -->.\n")
    assert any("red-too-long" in message for message in found)
    assert any("<!-- contact: urgent -->" in message for message in found)
    assert problems(data, "<!-- signs-of: alergy -->\n")[0].startswith("docs/page.md:5: ")


def test_inline_includes_give_the_datas_words_and_a_capital_only_where_a_sentence_starts(data):
    page = expand_includes("Still red <!-- when: red-too-long -->? <!-- verdict: red-too-long -->.", data, "x.md")
    assert "after day 7" in page and ">See your practitioner soon<" in page
    inside = expand_includes("If so, <!-- verdict: red-too-long -->.", data, "x.md")
    assert ">see your practitioner soon<" in inside
