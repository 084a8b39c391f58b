"""No sentence of the clinic source articles is copied into the project (their facts only).

The sources are read from ../shared/seeds at run time and never stored in the project.
"""

from __future__ import annotations

import subprocess

import pytest

from scripts.checks.copied_text import RUN_LENGTH, copied_runs, reworded_sentences, source_runs, source_sentences
from tests.conftest import PROJECT_ROOT, SEEDS_DIR


@pytest.fixture(scope="module")
def seed_runs() -> dict:
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"source articles not found at {SEEDS_DIR} (GitHub's checks do not have them)")
    return source_runs(
        {path.name: path.read_text(encoding="utf-8", errors="replace") for path in sorted(SEEDS_DIR.iterdir())}
    )


@pytest.fixture(scope="module")
def seed_sentences() -> list:
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"source articles not found at {SEEDS_DIR} (GitHub's checks do not have them)")
    return source_sentences(
        {path.name: path.read_text(encoding="utf-8", errors="replace") for path in sorted(SEEDS_DIR.iterdir())}
    )


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


def test_no_file_in_the_project_copies_a_source_sentence(seed_runs, seed_sentences):
    copies = []
    for name in project_text_files():
        try:
            text = (PROJECT_ROOT / name).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        copies += copied_runs(name, text, seed_runs)
        if name.startswith(("docs/", "data/")):
            copies += reworded_sentences(name, text, seed_sentences)
    assert not copies, "\n".join(str(copy) for copy in copies)


def test_a_pasted_source_sentence_is_reported_with_its_line(seed_runs):
    seed_name, seed_text = next((path.name, path.read_text(encoding="utf-8")) for path in sorted(SEEDS_DIR.iterdir()))
    pasted = " ".join(seed_text.split()[20 : 20 + RUN_LENGTH + 2])
    page = "# Aftercare\n\nOur own words here.\n\n" + pasted + "\n"

    copies = copied_runs("docs/aftercare.md", page, seed_runs)

    assert [(copy.line, copy.source) for copy in copies] == [(5, seed_name)]
    assert str(copies[0]).endswith(f"is copied from {seed_name}; write it in your own words")


def test_short_shared_phrases_are_not_copies(seed_runs):
    seed_words = next(path.read_text(encoding="utf-8") for path in sorted(SEEDS_DIR.iterdir())).split()
    assert copied_runs("docs/x.md", " ".join(seed_words[20 : 20 + RUN_LENGTH - 1]), seed_runs) == []


def _a_long_seed_sentence(seed_sentences):
    return next(sentence for _, sentence in seed_sentences if 10 <= len(sentence.text.split()) <= 25)


def test_a_source_sentence_with_a_few_words_swapped_is_reported(seed_sentences):
    original = _a_long_seed_sentence(seed_sentences).text.split()
    # Every third word replaced: no run of ten words survives, but the sentence is still the source's.
    reworded = " ".join("quite" if index % 3 == 1 else word for index, word in enumerate(original))
    page = "# Page\n\nOur own words here.\n\n" + reworded + "\n"
    copies = reworded_sentences("docs/page.md", page, seed_sentences)
    assert [copy.line for copy in copies] == [5]
    assert "follows a sentence of" in str(copies[0])


def test_the_same_facts_in_other_words_are_not_a_copy(seed_sentences):
    original = _a_long_seed_sentence(seed_sentences).text.split()
    # Half the words kept, in reverse order: the facts may match, the sentence does not.
    kept = list(reversed(original[::2]))
    assert reworded_sentences("docs/page.md", " ".join(kept) + ".", seed_sentences) == []
