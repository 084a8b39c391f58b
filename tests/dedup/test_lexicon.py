"""The WordNet concepts behind the meaning-level similarity, and what happens without them."""

import pytest

from scripts.dedup.lexicon import WORDNET_DIR_VARIABLE, LexiconMissing, load_lexicon

from .support import run_cli


@pytest.fixture
def fresh_lexicon():
    load_lexicon.cache_clear()
    yield
    load_lexicon.cache_clear()


def shares_a_concept(first: str, second: str) -> bool:
    concepts = load_lexicon().concepts
    return bool(set(concepts(first)) & set(concepts(second)))


def test_synonyms_share_a_concept_and_unrelated_words_do_not():
    assert shares_a_concept("physician", "doctor")
    assert shares_a_concept("mended", "healed")
    assert not shares_a_concept("doctor", "swimming")


def test_inflected_and_irregular_forms_are_lemmatised_with_wordnets_rules():
    concepts = load_lexicon().concepts
    assert set(concepts("doctors")) == set(concepts("doctor"))
    assert set(concepts("tooth")) <= set(concepts("teeth"))


def test_missing_wordnet_says_what_to_install(tmp_path, monkeypatch, fresh_lexicon):
    monkeypatch.setenv(WORDNET_DIR_VARIABLE, str(tmp_path / "nowhere"))
    with pytest.raises(LexiconMissing, match="apt-get install wordnet-base wordnet-sense-index"):
        load_lexicon()
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text("Watering\nWater the soil early in the morning.\n", encoding="utf-8")
    output = tmp_path / "out.json"
    completed = run_cli(str(sources), "--json", str(output))
    assert completed.returncode == 3
    assert "wordnet-base wordnet-sense-index" in completed.stderr
    assert not output.exists()


def test_the_cache_is_written_once_and_read_back(tmp_path, monkeypatch, fresh_lexicon):
    monkeypatch.setenv("DEDUP_CACHE_DIR", str(tmp_path))
    built = load_lexicon().concepts("physician")
    cached = list(tmp_path.glob("wordnet-concepts-*.json"))
    assert len(cached) == 1
    load_lexicon.cache_clear()
    assert load_lexicon().concepts("physician") == built
    assert list(tmp_path.glob("*")) == cached


def test_sections_sharing_no_word_but_synonyms_are_similar():
    from scripts.dedup.features import content_stem, content_words, section_vectors

    texts = [
        "The physician mended the cut quickly.",
        "A doctor healed the gash fast.",
        "Tomatoes ripen on sunny windowsills.",
    ]
    words = [content_words(text) for text in texts]
    stems = [[content_stem(word) for word in found] for found in words]
    assert not set(stems[0]) & set(stems[1])
    matrix = section_vectors(texts, words, stems, anchor_weight=0.3)
    similarity = (matrix @ matrix.T).toarray()
    # Words alone would give 0: the likeness comes from shared synsets only, and the unrelated text shares none.
    assert similarity[0, 1] > 0.02
    assert similarity[0, 2] == 0
