"""The Spanish site gives the English answers and never falls silently out of date: real builds of a scratch copy.

Targets are found from the project's files (the first page with a translation, the first warning sign), never named,
so an editor's change to the content does not break these tests.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from scripts.common.markdown_source import split_front_matter
from scripts.i18n.languages import english_path
from tests.conftest import copy_project, replace_once, run_mkdocs_build

# Builds the whole site (both languages) several times.
pytestmark = pytest.mark.slow


def stamp_all(project: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "scripts.i18n.stamp", "--root", str(project)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def a_translated_page(project: Path) -> tuple[Path, Path]:
    """A Spanish page and its English page, the first by name whose English body has a plain paragraph."""
    for page in sorted((project / "docs").glob("*.es.md")):
        english = project / english_path(page.relative_to(project).as_posix())
        if _a_paragraph(english.read_text(encoding="utf-8")):
            return page, english
    raise AssertionError("no translated page with a paragraph")


def _a_paragraph(source: str) -> str | None:
    body = split_front_matter(source).body
    return next(
        (block for block in body.split("\n\n") if re.match(r"^[A-Z][a-z]+ [a-z]", block) and "\n" not in block[:20]),
        None,
    )


@pytest.fixture(scope="module")
def stamped(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("stamped") / "project")
    stamp_all(project)
    return project


def test_a_stamped_site_builds_with_no_translation_to_update(stamped, tmp_path):
    result = run_mkdocs_build(stamped, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "Translation to update" not in result.stderr
    assert (tmp_path / "site" / "es" / "index.html").is_file()


def test_editing_an_english_paragraph_flags_its_translation(stamped, tmp_path):
    project = copy_project(tmp_path / "project")
    stamp_all(project)
    spanish, english = a_translated_page(project)
    source = english.read_text(encoding="utf-8")
    paragraph = _a_paragraph(source)
    english.write_text(replace_once(source, paragraph, paragraph.replace(" ", " really ", 1)), encoding="utf-8")

    result = run_mkdocs_build(project, tmp_path / "site")
    review = subprocess.run(
        [sys.executable, "-m", "scripts.checks.review_due", "--root", str(project)], capture_output=True, text=True
    )

    spanish_name = spanish.relative_to(project).as_posix()
    stamp_line = next(
        number
        for number, line in enumerate(spanish.read_text(encoding="utf-8").split("\n"), start=1)
        if line.startswith("translation_of:")
    )
    flagged = f"{spanish_name}:{stamp_line}: translation_of: the English page {english.relative_to(project).as_posix()}"
    assert result.returncode == 0, "an outdated translation is reported, not fatal: " + result.stderr
    assert flagged in result.stderr
    assert review.returncode == 1 and flagged in review.stdout
    # Only that translation: every other page still matches its English.
    assert result.stderr.count("translation_of: the English page") == 1


def test_editing_an_english_warning_sign_flags_its_spanish_text(tmp_path):
    project = copy_project(tmp_path / "project")
    stamp_all(project)
    data = project / "data" / "side-effects.yml"
    sign = yaml.safe_load(data.read_text(encoding="utf-8"))["warning_signs"][0]
    text = data.read_text(encoding="utf-8")
    data.write_text(replace_once(text, f"id: {sign['id']}\n", f"id: {sign['id']}\n    # edited\n"), encoding="utf-8")
    first_word = sign["sign"].split()[0]
    data.write_text(
        replace_once(data.read_text(encoding="utf-8"), first_word, f"Clearly {first_word.lower()}"), encoding="utf-8"
    )

    result = run_mkdocs_build(project, tmp_path / "site")

    assert result.returncode == 0, result.stderr
    assert re.search(
        rf"data/side-effects\.es\.yml:\d+: sign '{re.escape(sign['id'])}': the English in data/side-effects\.yml"
        " changed",
        result.stderr,
    ), result.stderr


def _reordered_citations(body: str) -> str | None:
    """The body with its first two cited IDs' first uses swapped (every ID still cited), or None if it cites fewer."""
    first_uses = list(dict.fromkeys(re.findall(r"\[\[([^\]]+)\]\]", body)))
    if len(first_uses) < 2:
        return None
    first, second = (f"[[{cited}]]" for cited in first_uses[:2])
    return body.replace(first, "\0", 1).replace(second, first, 1).replace("\0", second, 1)


def test_a_spanish_page_with_other_care_cards_citations_or_dates_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    spanish = next(
        page
        for page in sorted((project / "docs").glob("*.es.md"))
        for source in [page.read_text(encoding="utf-8")]
        if re.search(r"^<!-- .* -->$", source, re.MULTILINE) and _reordered_citations(split_front_matter(source).body)
    )
    source = spanish.read_text(encoding="utf-8")
    body = split_front_matter(source).body
    edited = replace_once(source, body, _reordered_citations(body))
    edited = replace_once(edited, re.search(r"^<!-- .* -->$", edited, re.MULTILINE).group(0) + "\n", "")
    date = re.search(r"^next_review: .*$", source, re.MULTILINE).group(0)
    edited = replace_once(edited, date, "next_review: 2027-01-02")
    spanish.write_text(edited, encoding="utf-8")
    name = spanish.relative_to(project).as_posix()

    result = run_mkdocs_build(project, tmp_path / "site")

    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for what in ("include lines differ", "citations differ", "next_review is"):
        assert re.search(rf"{re.escape(name)}:\d+: [^\n]*{what}", result.stderr), (what, result.stderr)


def test_a_missing_spanish_text_stops_the_build_naming_file_line_and_key(tmp_path):
    project = copy_project(tmp_path / "project")
    texts = project / "data" / "side-effects.es.yml"
    sign_id = next(iter(yaml.safe_load(texts.read_text(encoding="utf-8"))["warning_signs"]))
    lines = texts.read_text(encoding="utf-8").split("\n")
    start = lines.index(f"  {sign_id}:")
    end = next(index for index in range(start + 1, len(lines)) if not lines[index].startswith("    "))
    texts.write_text("\n".join(lines[:start] + lines[end:]), encoding="utf-8")

    result = run_mkdocs_build(project, tmp_path / "site")

    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert re.search(rf"data/side-effects\.es\.yml:\d+: sign '{re.escape(sign_id)}' has no Spanish text", result.stderr)


def test_a_page_without_its_spanish_page_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    page = sorted((project / "docs").glob("*.es.md"))[-1]
    page.unlink()
    english = english_path(page.relative_to(project).as_posix())

    result = run_mkdocs_build(project, tmp_path / "site")

    assert result.returncode != 0
    assert f"{english}:1: this page has no es translation" in result.stderr, result.stderr
