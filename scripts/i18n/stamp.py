"""Record that translations match the current English: `make translation-stamp [FILES="..."]`.

Writes `translation_of: STAMP` into each translated page's front matter and `translates: STAMP` into each entry of a
translated data file, changing no other line. Run it only once the translation says what the English says now:
the stamp is the record that someone checked.

Usage: python -m scripts.i18n.stamp [--root PROJECT_ROOT] [FILE ...]   (no FILE: every translation)
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from scripts.common.content_errors import ContentError, ContentProblem
from scripts.common.markdown_source import split_front_matter
from scripts.common.yaml_loader import read_text
from scripts.i18n.data_texts import STAMP_KEY as DATA_STAMP_KEY
from scripts.i18n.languages import DEFAULT_LANGUAGE, TRANSLATIONS, english_path, language_of
from scripts.i18n.outdated import translated_pages
from scripts.i18n.pages import STAMP_KEY as PAGE_STAMP_KEY
from scripts.i18n.pages import english_page_stamp
from scripts.site.site_content import SiteContent


def stamp_page(root: Path, name: str) -> bool:
    """Write the English page's stamp into the translation's front matter; True if the file changed."""
    path = root / name
    source = read_text(path, name)
    english = english_path(name)
    stamp = english_page_stamp(read_text(root / english, english))
    page = split_front_matter(source)
    if page.front_matter is None:
        raise ContentError([ContentProblem(name, 1, "the page has no front matter; copy the English page's first")])
    lines = page.front_matter.split("\n")
    line = f"{PAGE_STAMP_KEY}: {stamp}"
    existing = [index for index, text in enumerate(lines) if text.startswith(f"{PAGE_STAMP_KEY}:")]
    if existing:
        lines[existing[0]] = line
    else:
        lines.insert(len(lines) - 1 if lines and not lines[-1].strip() else len(lines), line)
    start = source.index(page.front_matter)
    updated = source[:start] + "\n".join(lines) + source[start + len(page.front_matter) :]
    if updated != source:
        path.write_text(updated, encoding="utf-8")
    return updated != source


def stamp_data(root: Path, name: str) -> bool:
    """Write each entry's English stamp into a translated data file; True if the file changed."""
    language = language_of(name)
    content = SiteContent.load(root, language)
    entries = content.translations.entries.get(english_path(name), [])
    path = root / name
    lines = read_text(path, name).split("\n")
    inserted = 0
    for entry in sorted(entries, key=lambda item: item.line or 0):
        index = (entry.line or 1) - 1 + inserted
        text = lines[index]
        if entry.stamp is not None:
            lines[index] = re.sub(rf"({DATA_STAMP_KEY}:\s*)\S+", rf"\g<1>{entry.english_stamp}", text, count=1)
            continue
        indent = len(text) - len(text.lstrip()) + 2
        lines.insert(index + 1, f"{' ' * indent}{DATA_STAMP_KEY}: {entry.english_stamp}")
        inserted += 1
    updated = "\n".join(lines)
    changed = updated != read_text(path, name)
    if changed:
        path.write_text(updated, encoding="utf-8")
    return changed


def all_translations(root: Path) -> list[str]:
    pages = [path.relative_to(root).as_posix() for path in translated_pages(root)]
    data = [
        path.relative_to(root).as_posix()
        for path in sorted((root / "data").glob("*.y*ml"))
        if language_of(path.name) in TRANSLATIONS
    ]
    return pages + data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Stamp translations as matching the current English.")
    parser.add_argument("files", nargs="*", help="translated files, like docs/aftercare.es.md (default: all)")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: here)")
    args = parser.parse_args(argv)
    problems: list[ContentProblem] = []
    for name in args.files or all_translations(args.root):
        if language_of(name) == DEFAULT_LANGUAGE:
            problems.append(ContentProblem(name, None, "this is an English file; name a translation, like NAME.es.md"))
            continue
        try:
            changed = (stamp_page if name.endswith(".md") else stamp_data)(args.root, name)
        except ContentError as error:
            problems += error.problems
            continue
        print(f"{name}: {'stamped' if changed else 'already current'}")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
