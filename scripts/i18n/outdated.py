"""Every translation whose English changed since it was made, or that has no stamp: for `make review-due`.

The build reports the same (scripts/site/mkdocs_hook.py); this reads the files directly, so it runs without a build.
"""

from __future__ import annotations

from pathlib import Path

from scripts.common.content_errors import ContentError, ContentProblem
from scripts.common.yaml_loader import read_text
from scripts.i18n.languages import TRANSLATIONS, english_path, language_of
from scripts.i18n.pages import out_of_date
from scripts.site.site_content import SNIPPETS_DIR, SiteContent


def translated_pages(root: Path) -> list[Path]:
    """Translated pages; snippets have no front matter to hold a stamp (they are compared through their pages)."""
    return sorted(
        path
        for path in (root / "docs").rglob("*.md")
        if language_of(path.name) in TRANSLATIONS and SNIPPETS_DIR not in path.relative_to(root / "docs").parts[:-1]
    )


def translations_to_update(root: Path) -> list[ContentProblem]:
    problems: list[ContentProblem] = []
    for path in translated_pages(root):
        name = path.relative_to(root).as_posix()
        english = english_path(name)
        if not (root / english).exists():
            continue
        try:
            stale = out_of_date(name, read_text(path, name), english, read_text(root / english, english))
        except ContentError:
            continue  # a page whose front matter cannot be read: the build and `make check` say why
        if stale:
            problems.append(stale)
    for language in TRANSLATIONS:
        if not any(language_of(path.name) == language for path in (root / "data").glob("*.y*ml")):
            continue  # a project without this language's data texts has nothing of it to go out of date
        try:
            problems += SiteContent.load(root, language).translations.out_of_date()
        except ContentError as error:
            # Problems in the English data are the English's to fix (the build says so); the translation's are listed.
            problems += [problem for problem in error.problems if language_of(problem.file) == language]
    return problems
