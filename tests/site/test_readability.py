"""Plain English: every article's body text reads at US grade 8 or lower."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.checks.markdown_prose import prose_units
from scripts.checks.readability import MAXIMUM_GRADE, count_syllables, score_markdown, score_text
from scripts.site.site_content import SiteContent

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def article_sources() -> dict[str, str]:
    pages = {
        f"docs/{path.name}": path.read_text(encoding="utf-8") for path in sorted((PROJECT_ROOT / "docs").glob("*.md"))
    }
    pages["side-effects-timeline.md (from data/side-effects.yml)"] = SiteContent.load(PROJECT_ROOT).timeline_page()
    return pages


ARTICLES = article_sources()


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_article_reads_at_grade_8_or_lower(name):
    score = score_markdown(ARTICLES[name])
    print(f"{name}: grade {score.grade:.1f}, {score.words} words")
    assert score.words > 0, f"{name}: no body text found"
    assert score.grade <= MAXIMUM_GRADE, (
        f"{name} reads at grade {score.grade:.1f}; the limit is {MAXIMUM_GRADE:.0f}. "
        "Shorten long sentences and swap long words for everyday ones."
    )


@pytest.mark.parametrize(
    ("word", "syllables"),
    [("the", 1), ("skin", 1), ("redness", 2), ("collagen", 3), ("microneedling", 4), ("fade", 1), ("gentle", 2)],
)
def test_syllable_counts(word, syllables):
    assert count_syllables(word) == syllables


def test_grade_rises_with_longer_sentences_and_words():
    plain = score_text(["The skin gets red. It fades in a day."])
    dense = score_text(
        [
            "Microneedling initiates a physiological inflammatory cascade, subsequently stimulating fibroblast "
            "proliferation and collagen remodelling."
        ]
    )
    assert plain.sentences == 2 and plain.words == 9
    assert plain.grade < 3 < 14 < dense.grade


def test_prose_skips_front_matter_headings_code_and_definitions():
    markdown = (
        "---\ntitle: Long Title Words\n---\n# Heading Words\n\nA short line here.\n\n"
        "```\ncode block text\n```\n\n*[PIH]: A definition\n\n| Head | Cell |\n|---|---|\n| One | Two words |\n\n"
        '!!! urgent "Urgent: get help"\n    Call today [[Chu]].\n'
    )
    assert prose_units(markdown) == ["A short line here.", "One.", "Two words.", "Call today."]
