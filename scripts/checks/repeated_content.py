"""Flag paragraphs copied across pages, using the source tool's grouping.

A paragraph that stands on two pages drifts apart when one copy is edited; a snippet keeps one copy.
Re-worded mentions of the same fact are fine (each page should stand on its own), so only groups whose
members are nearly word for word the same are reported.
`python -m scripts.checks.repeated_content docs` prints each repeat and exits 1 if there is one.
"""

from __future__ import annotations

import difflib
import posixpath
import sys
from dataclasses import dataclass
from pathlib import Path

from scripts.checks.markdown_prose import prose_blocks
from scripts.common.content_errors import ContentProblem
from scripts.dedup import group_documents
from scripts.site.site_content import SNIPPETS_DIR

MINIMUM_WORDS = 12
# Share of matching words above which two paragraphs count as copies rather than re-wordings.
COPY_SIMILARITY = 0.8


@dataclass(frozen=True)
class Paragraph:
    page: str
    line: int
    text: str

    @property
    def key(self) -> str:
        return f"{self.page}:{self.line}"


def page_paragraphs(page: str, markdown: str) -> list[Paragraph]:
    """Each block of prose (a paragraph, a list, a table) long enough to matter, with its first line; front matter,
    code and headings are left out, and a block inside an admonition counts on its own."""
    return [
        Paragraph(page, line, text)
        for line, units in prose_blocks(markdown)
        if len((text := " ".join(units)).split()) >= MINIMUM_WORDS
    ]


def _similarity(first: str, second: str) -> float:
    return difflib.SequenceMatcher(None, first.lower().split(), second.lower().split(), autojunk=False).ratio()


def find_repeated_paragraphs(pages: dict[str, str]) -> list[ContentProblem]:
    paragraphs = {
        paragraph.key: paragraph for page, text in sorted(pages.items()) for paragraph in page_paragraphs(page, text)
    }
    result = group_documents([(key, paragraph.text) for key, paragraph in paragraphs.items()])
    source_of = {section.id: section.source for section in result.sections}
    problems: list[ContentProblem] = []
    for group in result.groups:
        members = sorted(
            {paragraphs[source_of[member]] for member in group.members},
            key=lambda paragraph: (paragraph.page, paragraph.line),
        )
        first = members[0]
        for other in members[1:]:
            if other.page == first.page or _similarity(first.text, other.text) < COPY_SIMILARITY:
                continue
            preview = " ".join(other.text.split()[:8])
            snippets = posixpath.join(posixpath.dirname(other.page), SNIPPETS_DIR)
            problems.append(
                ContentProblem(
                    other.page,
                    other.line,
                    f'this paragraph ("{preview}…") repeats {first.page}:{first.line}; keep one copy: move it to '
                    f'{snippets}/NAME.md and put the line --8<-- "NAME.md" where it stood on both pages',
                )
            )
    return problems


def main(argv: list[str]) -> int:
    docs_dir = Path(argv[0] if argv else "docs")
    pages = {
        f"{docs_dir.as_posix()}/{path.name}": path.read_text(encoding="utf-8") for path in sorted(docs_dir.glob("*.md"))
    }
    problems = find_repeated_paragraphs(pages)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
