"""Spelling, checked by codespell with the project's word list, proven against a page with a typo."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import PROJECT_ROOT

# What editors and developers write in; the same list the pre-commit hook covers.
CHECKED_PATHS = ("docs", "data", "README.md", "CONTRIBUTING.md", "scripts")
CODESPELL = Path(sys.executable).parent / "codespell"
HINT = "Fix the spelling, or if the word is a correct medical term add it, in lowercase, to .codespell-words.txt."


def spelling_mistakes(root: Path) -> str:
    """codespell's file:line: word ==> suggestion lines for the checked paths under root; empty if none."""
    paths = [path for path in CHECKED_PATHS if (root / path).exists()]
    result = subprocess.run(
        [str(CODESPELL), "--config", str(PROJECT_ROOT / ".codespellrc"), *paths],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode in (0, 65), result.stderr  # 65 means typos were found; anything else is a broken run
    return result.stdout.strip()


def test_no_spelling_mistakes():
    mistakes = spelling_mistakes(PROJECT_ROOT)
    assert not mistakes, f"{mistakes}\n{HINT}"


def project_copy(tmp_path: Path) -> Path:
    for name in (".codespellrc", ".codespell-words.txt", "docs"):
        source = PROJECT_ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    return tmp_path


def add_line_to_aftercare(root: Path, text: str) -> int:
    """Append a line to docs/aftercare.md in a project copy; return its line number."""
    page = root / "docs" / "aftercare.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")
    return len(page.read_text(encoding="utf-8").splitlines())


def test_typo_in_a_page_is_reported_with_file_line_and_suggestion(tmp_path):
    root = project_copy(tmp_path)
    line = add_line_to_aftercare(root, "You will recieve a leaflet.")

    assert spelling_mistakes(root) == f"docs/aftercare.md:{line}: recieve ==> receive"


def test_word_list_and_reference_ids_are_honoured(tmp_path):
    root = project_copy(tmp_path)
    add_line_to_aftercare(root, "It may sting [[Cach]] [[Abl]].")

    assert spelling_mistakes(root) == ""


def test_word_list_holds_lowercase_words_one_per_line():
    words = (PROJECT_ROOT / ".codespell-words.txt").read_text(encoding="utf-8").splitlines()
    assert words and all(word == word.strip().lower() and word.isalpha() for word in words)


US_SPELLING_HINT = "The guide uses US spelling throughout: write the suggested form."


def british_spellings(root: Path) -> str:
    """British spellings in the pages readers see (a glossary alias may keep one so it still matches)."""
    pages = sorted(path.relative_to(root).as_posix() for path in (root / "docs").rglob("*.md"))
    result = subprocess.run(
        [
            str(CODESPELL),
            "--config",
            str(PROJECT_ROOT / ".codespellrc"),
            "--builtin",
            "en-GB_to_en-US",
            *pages,
            *[name for name in ("data/side-effects.yml", "data/references.yml") if (root / name).exists()],
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode in (0, 65), result.stderr
    return result.stdout.strip()


def test_pages_use_us_spelling():
    found = british_spellings(PROJECT_ROOT)
    assert not found, f"{found}\n{US_SPELLING_HINT}"


def test_british_spelling_in_a_page_is_reported(tmp_path):
    root = project_copy(tmp_path)
    line = add_line_to_aftercare(root, "Skin colour may change.")

    assert british_spellings(root) == f"docs/aftercare.md:{line}: colour ==> color"
