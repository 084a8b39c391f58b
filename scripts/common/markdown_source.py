"""An article's Markdown source: its front matter split off, the rest parsed by markdown-it with line maps."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

# The same rule MkDocs applies: '---' on the first line, the YAML, then '---' (or '...') on a line of its own.
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class SplitPage:
    front_matter: str | None
    body: str
    body_first_line: int


def split_front_matter(source: str) -> SplitPage:
    """The YAML between the '---' lines (None when the page has none), and the body with its first line number."""
    source = source.replace("\r\n", "\n")
    match = FRONT_MATTER.match(source)
    if not match:
        return SplitPage(None, source, 1)
    return SplitPage(match.group(1) or "", source[match.end() :], source[: match.end()].count("\n") + 1)


# markdown-it-py parses as CommonMark does; Python-Markdown (the build's renderer) differs in ways handled below.
_MARKDOWN = MarkdownIt("commonmark").enable("table")
# markdown-it refuses javascript: links and leaves them as text; Python-Markdown does not, so they must be seen.
_MARKDOWN.validateLink = lambda url: True
# Block structure alone (where code, lists and paragraphs are) costs less than half of a full parse.
_MARKDOWN_BLOCKS = MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])
# "!!! note" (admonition) and "??? note" (pymdownx.details) open a block whose body is indented; the rest of the
# line is its title.
BLOCK_OPENER = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+(.*)$")


@dataclass(frozen=True)
class MarkdownBlocks:
    """A page's block tokens as Python-Markdown will render them, each with the file line it starts on."""

    tokens: list[tuple[int, Token]]
    # Admonition and details openers: their line and the title text after the marker.
    openers: list[tuple[int, str]]
    # Link reference definitions ([label]: destination): their line and destination.
    references: list[tuple[int, str]]

    def code_lines(self) -> set[int]:
        """File lines inside fenced or indented code, which readers see as code and no parser runs."""
        return {
            line + offset
            for line, token in self.tokens
            if token.type in ("fence", "code_block") and token.map
            for offset in range(token.map[1] - token.map[0])
        }


def parse_markdown(markdown: str, first_line: int = 1, *, inline: bool = True) -> MarkdownBlocks:
    """Block tokens of `markdown`, which starts on line `first_line` of its file; with `inline`, each inline
    token's children (text, links, inline HTML) too.

    An admonition's or details block's indented body would be an indented code block to CommonMark; Python-Markdown
    renders it as Markdown, so it is parsed again as Markdown here (nested blocks too).
    """
    lines = markdown.split("\n")
    opener_indexes: set[int] = set()
    openers: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        if opener := BLOCK_OPENER.match(line):
            # Alone on its line, as Python-Markdown treats it, so the body below is its own block.
            lines[index] = ""
            opener_indexes.add(index)
            openers.append((first_line + index, opener.group(1)))
    environment: dict = {}
    tokens: list[tuple[int, Token]] = []
    references: list[tuple[int, str]] = []
    parser = _MARKDOWN if inline else _MARKDOWN_BLOCKS
    for token in parser.parse("\n".join(lines), environment):
        line = first_line + token.map[0] if token.map else first_line
        if token.type == "code_block" and _follows_opener(lines, token.map[0], opener_indexes):
            body = parse_markdown(textwrap.dedent(token.content), line, inline=inline)
            tokens += body.tokens
            openers += body.openers
            references += body.references
        else:
            tokens.append((line, token))
    references += [
        (first_line + reference["map"][0], reference["href"])
        for reference in environment.get("references", {}).values()
    ]
    return MarkdownBlocks(tokens, openers, references)


def _follows_opener(lines: list[str], start: int, opener_indexes: set[int]) -> bool:
    index = start - 1
    while index >= 0 and not lines[index].strip() and index not in opener_indexes:
        index -= 1
    return index in opener_indexes
