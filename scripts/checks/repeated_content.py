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
import textwrap
from dataclasses import dataclass
from pathlib import Path

from scripts.checks.markdown_prose import prose_units
from scripts.common.content_errors import ContentProblem
from scripts.common.markdown_source import parse_markdown, split_front_matter
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
    """Blank-line separated blocks of prose with their first line, front matter, code and headings left out.

    Blocks are cut from the whole page, so code is known as code wherever it stands; a block indented inside an
    admonition is read without its indent.
    """
    page_source = split_front_matter(markdown)
    code_lines = parse_markdown(page_source.body, page_source.body_first_line).code_lines()
    paragraphs: list[Paragraph] = []
    block: list[str] = []
    start = 0
    for number, line in enumerate([*page_source.body.split("\n"), ""], start=page_source.body_first_line):
        if line.strip() and number not in code_lines:
            if not block:
                start = number
            block.append(line)
            continue
        if block:
            text = " ".join(prose_units(textwrap.dedent("\n".join(block))))
            if len(text.split()) >= MINIMUM_WORDS:
                paragraphs.append(Paragraph(page, start, text))
            block = []
    return paragraphs


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
