"""Turn an article's Markdown source into units of plain prose for reading-level checks.

A unit is a paragraph, list item or table cell, read from markdown-it's tokens (scripts/common/markdown_source.py),
the one Markdown reader. Headings, code, HTML blocks, front matter, table headers, abbreviation and link definitions
are not body text and are left out; inside a unit, links keep their text, and pictures and inline HTML are dropped.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from scripts.common.markdown_source import parse_markdown, split_front_matter
from scripts.site.page_metadata import CITATION

# Lines of Markdown extensions CommonMark does not know, which would otherwise read as paragraph text.
EXTENSION_LINE = re.compile(
    r"^\s*(?:"
    r"\*\[[^\]]+\]:"  # abbreviation definition (abbr)
    r"|-{2,}8<-{2,}"  # snippet include (pymdownx.snippets)
    r").*$",
    re.MULTILINE,
)
# Extension marks inside text: footnote markers and attribute lists ({: .class }); citations are CITATION.
INLINE_MARKS = re.compile(r"\[\^[^\]]+\]|\{[:.#][^}]*\}|\{\s*[.#][^}]*\}")
SPACE_BEFORE_PUNCTUATION = re.compile(r" ([.,;:!?])")
TERMINAL_PUNCTUATION = (".", "!", "?", ":", ";")
# Blocks whose text is not body prose.
SKIPPED_BLOCKS = ("heading", "thead")


def _plain(children: list[Token]) -> str:
    # A picture's alt text is in its own children, so it is not read here.
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak", "html_inline"):
            parts.append(" ")
    text = INLINE_MARKS.sub("", CITATION.sub("", "".join(parts)))
    return SPACE_BEFORE_PUNCTUATION.sub(r"\1", " ".join(text.split())).strip()


def _as_sentence(text: str) -> str:
    """A list item or cell without closing punctuation still reads as one sentence."""
    if text and not text.endswith(TERMINAL_PUNCTUATION):
        text += "."
    return text


def prose_blocks(markdown: str) -> list[tuple[int, list[str]]]:
    """Each block of the page that holds prose (a paragraph, a list, a table, an admonition's paragraph), with the
    file line it starts on and its units; one markdown-it parse of the page."""
    page = split_front_matter(markdown)
    blocks: list[tuple[int, list[str]]] = []
    skipped = 0  # depth inside headings and table headers
    for line, token in parse_markdown(EXTENSION_LINE.sub("", page.body), page.body_first_line).tokens:
        if token.level == 0 and token.nesting >= 0:
            blocks.append((line, []))
        kind = token.type.removesuffix("_open").removesuffix("_close")
        if kind in SKIPPED_BLOCKS:
            skipped += token.nesting
        elif token.type == "inline" and not skipped and (unit := _as_sentence(_plain(token.children or []))):
            blocks[-1][1].append(unit)
    return [(line, units) for line, units in blocks if units]


def prose_units(markdown: str) -> list[str]:
    return [unit for _, units in prose_blocks(markdown) for unit in units]
