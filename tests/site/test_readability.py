"""Plain English: every article's body text reads at US grade 8 or lower."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.checks import readability_es
from scripts.checks.markdown_prose import prose_units
from scripts.checks.readability import MAXIMUM_GRADE, count_syllables, score_markdown, score_text
from scripts.i18n.languages import DEFAULT_LANGUAGE, language_of, translation_path
from scripts.site.site_content import SiteContent

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def article_sources(language: str) -> dict[str, str]:
    pages = {
        f"docs/{path.name}": path.read_text(encoding="utf-8")
        for path in sorted((PROJECT_ROOT / "docs").glob("*.md"))
        if language_of(path.name) == language
    }
    data = translation_path("data/side-effects.yml", language)
    pages[f"side-effects-timeline.md (from {data})"] = SiteContent.load(PROJECT_ROOT, language).timeline_page()
    return pages


ARTICLES = article_sources(DEFAULT_LANGUAGE)
SPANISH_ARTICLES = article_sources("es")


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


@pytest.mark.parametrize("name", sorted(SPANISH_ARTICLES))
def test_spanish_article_is_fairly_easy_to_read(name):
    score = readability_es.score_markdown(SPANISH_ARTICLES[name])
    print(f"{name}: INFLESZ {score.inflesz:.1f}, Fernández-Huerta {score.fernandez_huerta:.1f}, {score.words} words")
    assert score.words > 0, f"{name}: no body text found"
    assert score.easy_enough, (
        f"{name} reads at INFLESZ {score.inflesz:.0f} (needs {readability_es.MINIMUM_INFLESZ:.0f}) and "
        f"Fernández-Huerta {score.fernandez_huerta:.0f} (needs {readability_es.MINIMUM_FERNANDEZ_HUERTA:.0f}). "
        "Shorten long sentences and use everyday words."
    )


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("piel", 1),
        ("agua", 2),
        ("día", 2),
        ("ahora", 3),
        ("aeropuerto", 5),
        ("que", 1),
        ("pingüino", 3),
        ("enrojecimiento", 6),
        ("hinchazón", 3),
        ("micropunción", 4),
    ],
)
def test_spanish_syllable_counts(word, syllables):
    assert readability_es.count_syllables(word) == syllables


def test_spanish_ease_falls_with_longer_sentences_and_words():
    plain = readability_es.score_text(["La piel se pone roja. Se va en un día."])
    dense = readability_es.score_text(
        [
            "La microagujación desencadena una cascada inflamatoria fisiológica, estimulando posteriormente la "
            "proliferación fibroblástica y la remodelación colagénica dérmica."
        ]
    )
    assert plain.sentences == 2 and plain.words == 10
    assert plain.easy_enough and not dense.easy_enough
    assert dense.inflesz < 40 < 90 < plain.inflesz
