"""No sentence of the clinic source articles is copied into the project (their facts only).

The articles are not in the project; their committed fingerprint (hashed runs of words) is, so this runs on any
clone. Where the articles are at hand (../shared/seeds), the fingerprint must be the one they give today.
"""

from __future__ import annotations

import subprocess

import pytest

from scripts.checks.copied_text import (
    FINGERPRINT_COMMAND,
    RUN_LENGTH,
    SOURCE_FINGERPRINT,
    copied_runs,
    fingerprint,
    load_fingerprint,
    main,
    read_sources,
    reworded_sentences,
    source_runs,
    source_sentences,
)
from tests.conftest import PROJECT_ROOT, SEEDS_DIR

# Made-up articles standing in for the real ones, which the project may not hold.
ARTICLE = (
    "Microneedling uses tiny needles to make controlled channels in the skin surface. The body answers with repair "
    "that builds fresh collagen over several weeks. Most people see mild redness for a day or two afterwards."
)
OTHER_ARTICLE = "Sunscreen every morning protects healing skin from pigment changes after any resurfacing treatment."


@pytest.fixture
def sources(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "clinic-a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "clinic-b.txt").write_text(OTHER_ARTICLE, encoding="utf-8")
    return folder


def project_text_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [
        name
        for name in listed
        if (PROJECT_ROOT / name).is_file()
        and name != "package-lock.json"
        and (PROJECT_ROOT / name).stat().st_size < 2_000_000
    ]


def test_no_file_in_the_project_copies_a_source_sentence():
    runs = load_fingerprint()
    copies = []
    for name in project_text_files():
        try:
            text = (PROJECT_ROOT / name).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        copies += copied_runs(name, text, runs)
    assert not copies, "\n".join(str(copy) for copy in copies)


def test_no_page_or_data_text_follows_a_source_sentence_closely():
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"source articles not found at {SEEDS_DIR}; reworded sentences are checked where they are")
    sentences = source_sentences(read_sources(SEEDS_DIR))
    copies = [
        copy
        for name in project_text_files()
        if name.startswith(("docs/", "data/")) and name.endswith((".md", ".yml"))
        for copy in reworded_sentences(name, (PROJECT_ROOT / name).read_text(encoding="utf-8"), sentences)
    ]
    assert not copies, "\n".join(str(copy) for copy in copies)


def test_the_committed_fingerprint_is_the_one_the_articles_give():
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"source articles not found at {SEEDS_DIR}; the committed fingerprint is checked where they are")
    committed = SOURCE_FINGERPRINT.read_text(encoding="utf-8")
    assert committed == fingerprint(source_runs(read_sources(SEEDS_DIR))), f"run {FINGERPRINT_COMMAND}"


def test_a_pasted_source_sentence_is_found_through_the_fingerprint_with_its_line(sources, tmp_path):
    fingerprint_file = tmp_path / "fingerprint.json"
    fingerprint_file.write_text(fingerprint(source_runs(read_sources(sources))), encoding="utf-8")
    words = ARTICLE.split()
    pasted = " ".join(words[5 : 5 + RUN_LENGTH + 2])
    page = "# Aftercare\n\nOur own words here.\n\n" + pasted.upper() + "\n"

    copies = copied_runs("docs/page.md", page, load_fingerprint(fingerprint_file))

    assert [(copy.file, copy.line) for copy in copies] == [("docs/page.md", 5)]
    assert str(copies[0]).endswith("is copied from clinic-a.txt; write it in your own words")


def test_the_fingerprint_holds_no_words_of_the_articles(sources):
    committed = fingerprint(source_runs(read_sources(sources)))
    for word in set((ARTICLE + " " + OTHER_ARTICLE).lower().split()):
        if len(word) > 3:
            assert word.strip(".") not in committed


def test_short_shared_phrases_are_not_copies(sources):
    runs = source_runs(read_sources(sources))
    assert copied_runs("docs/x.md", " ".join(ARTICLE.split()[: RUN_LENGTH - 1]), runs) == []


def test_the_command_checks_files_against_the_articles_or_the_fingerprint(sources, tmp_path, capsys):
    page = tmp_path / "page.md"
    page.write_text("Intro.\n\n" + " ".join(ARTICLE.split()[:RUN_LENGTH]) + "\n", encoding="utf-8")
    assert main(["--sources", str(sources), str(page)]) == 1
    assert f"{page.as_posix()}:3: " in capsys.readouterr().out
    clean = tmp_path / "clean.md"
    clean.write_text("Nothing here is taken from anywhere.\n", encoding="utf-8")
    assert main([str(clean)]) == 0


def _long_sentence() -> list[str]:
    return next(sentence for sentence in ARTICLE.split(". ") if len(sentence.split()) >= 10).split()


def test_a_source_sentence_with_a_few_words_swapped_is_reported(sources):
    # Every third word replaced: no run of ten words survives, but the sentence is still the source's.
    reworded = " ".join("quite" if index % 3 == 1 else word for index, word in enumerate(_long_sentence()))
    page = "# Page\n\nOur own words here.\n\n" + reworded + ".\n"
    copies = reworded_sentences("docs/page.md", page, source_sentences(read_sources(sources)))
    assert [copy.line for copy in copies] == [5]
    assert "follows a sentence of clinic-a.txt" in str(copies[0])


def test_the_same_facts_in_other_words_are_not_a_copy(sources):
    # Half the words kept, in reverse order: the facts may match, the sentence does not.
    kept = list(reversed(_long_sentence()[::2]))
    assert reworded_sentences("docs/page.md", " ".join(kept) + ".", source_sentences(read_sources(sources))) == []
