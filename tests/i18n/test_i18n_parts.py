"""The parts of the Spanish site that need no build: stamps, the fixed words, file names, the per-language index."""

from __future__ import annotations

import json
import string

import pytest

from scripts.checks.editor_check import spanish_spelling_problems
from scripts.checks.spelling_es import spelling_problems
from scripts.common.templates import in_language, phrase, strings
from scripts.i18n.languages import LANGUAGES, english_path, language_of, translation_path
from scripts.i18n.search import language_search_index
from scripts.i18n.stamps import stamp_of
from tests.conftest import PROJECT_ROOT


def test_a_stamp_ignores_line_breaks_but_not_words():
    paragraph = "Keep the skin clean and dry.\nAvoid makeup for a day."
    assert stamp_of(paragraph) == stamp_of(paragraph.replace("\n", " ")) == stamp_of("  " + paragraph + "\n")
    assert stamp_of(paragraph) != stamp_of(paragraph.replace("a day", "two days"))
    assert stamp_of({"sign": "Pus", "when": None}) == stamp_of({"sign": "Pus"})


def test_every_fixed_word_exists_in_every_language_with_the_same_placeholders():
    english = strings("en")
    for language in LANGUAGES:
        words = strings(language)
        assert set(words) == set(english), language
        for key, text in words.items():
            if isinstance(text, str):
                assert sorted(_fields(text)) == sorted(_fields(english[key])), (language, key)


def _fields(text: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


@pytest.mark.parametrize(
    ("path", "language", "english"),
    [
        ("docs/aftercare.es.md", "es", "docs/aftercare.md"),
        ("docs/aftercare.md", "en", "docs/aftercare.md"),
        ("data/side-effects.es.yml", "es", "data/side-effects.yml"),
        ("docs/snippets/evidence-ratings.es.md", "es", "docs/snippets/evidence-ratings.md"),
    ],
)
def test_a_translation_sits_beside_its_english_file(path, language, english):
    assert language_of(path) == language
    assert english_path(path) == english
    assert translation_path(english, language) == path


def test_spanish_phrases_use_contractions():
    with in_language("es"):
        assert phrase("when_days", word=phrase("when_after"), a=2, b=3) == "después del día 2 o 3"
    with in_language("en"):
        assert phrase("when_days", word=phrase("when_after"), a=2, b=3) == "after day 2 or 3"


def test_each_language_searches_only_its_own_pages():
    index = json.dumps(
        {
            "config": {"lang": ["en", "es"]},
            "docs": [
                {"location": "aftercare/", "title": "Aftercare"},
                {"location": "es/aftercare/", "title": "Cuidados"},
            ],
        }
    )
    spanish = json.loads(language_search_index(index, "es"))
    english = json.loads(language_search_index(index, "en"))
    assert spanish["config"]["lang"] == ["es"] and [doc["location"] for doc in spanish["docs"]] == ["aftercare/"]
    assert [doc["title"] for doc in spanish["docs"]] == ["Cuidados"]
    assert english["config"]["lang"] == ["en"] and [doc["title"] for doc in english["docs"]] == ["Aftercare"]


def test_spanish_pages_and_texts_are_spelled_right():
    problems = spanish_spelling_problems(PROJECT_ROOT)
    assert not problems, "\n".join(str(problem) for problem in problems)


def test_a_spanish_typo_is_caught_with_file_and_line(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "cuidados.es.md").write_text(
        "---\ntitle: Cuidados\n---\n\nLávese la piel con agua tibia.\n\nNo se toque la cara con las manoss.\n",
        encoding="utf-8",
    )
    problems = spelling_problems(tmp_path, ["docs/cuidados.es.md"])
    assert [(problem.file, problem.line) for problem in problems] == [("docs/cuidados.es.md", 7)]
    assert "'manoss'" in problems[0].message and ".spanish-words.txt" in problems[0].message
