"""Turning one source's lines into blocks (headings, paragraphs, front matter) for each format."""

from __future__ import annotations

import re

from markdown_it.token import Token
from selectolax.lexbor import LexborNode

from scripts.common.html_reader import parse_html
from scripts.common.markdown_source import parse_markdown, split_front_matter

from .models import Block, BlockKind

# A heading is a short line; longer ones are sentences that lost their full stop.
HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 100
# `Heading: text` lines: a longer phrase before the colon is a sentence ("Remember this: ..."), not a heading.
INLINE_HEADING_MAX_WORDS = 7
SENTENCE_END = tuple('.!?:;"”’)')
SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "the",
        "to",
        "vs",
        "with",
        "your",
        "you",
        "its",
        "it's",
        "is",
        "are",
    ]
)
BULLET = re.compile(r"^\s*([-*+•]|\d+[.)])\s+")
# Question-and-answer pages: "Q: ..." heads the answer that follows; the "A:" label is not content.
QUESTION_LINE = re.compile(r"^\s*(?:\*\*|__)?(?:Q|Question)\s*[:.)](?:\*\*|__)?\s+(\S.*)$")
ANSWER_LINE = re.compile(r"^\s*(?:\*\*|__)?(?:A|Answer)\s*[:.)](?:\*\*|__)?\s+(\S.*)$")
INLINE_HEADING = re.compile(r"^\s*(?:\*\*|__)?([^\W\d_][^:.!?]{0,70}?)(?:\*\*|__)?:(?:\*\*|__)?\s+(\S.*)$")


def is_title_like(words: list[str]) -> bool:
    significant = [w for w in words if w.lower().strip("()\"'“”‘’") not in SMALL_WORDS]
    if not significant:
        return False
    capitalised = sum(1 for w in significant if w[:1].isupper() or w[:1].isdigit())
    return capitalised / len(significant) >= 0.6


def is_heading_line(line: str, previous_line: str, previous_was_heading: bool, next_line: str = "") -> bool:
    """A short line without closing punctuation that neither continues nor starts a wrapped paragraph."""
    stripped = line.strip()
    if next_line[:1].islower():
        return False
    words = stripped.split()
    if not words or len(words) > HEADING_MAX_WORDS or len(stripped) > HEADING_MAX_CHARS:
        return False
    if not (stripped[0].isupper() or stripped[0].isdigit()) or BULLET.match(stripped):
        return False
    if stripped[-1] in ".,;:!":
        return False
    previous = previous_line.strip()
    return not previous or previous_was_heading or previous.endswith(SENTENCE_END)


def inline_heading(line: str) -> tuple[str, str] | None:
    """`Heading: text` at a paragraph start, where the heading is a short title-cased phrase."""
    match = INLINE_HEADING.match(line)
    if not match:
        return None
    heading, body = match.group(1).strip(), match.group(2).strip()
    words = heading.split()
    if len(words) > INLINE_HEADING_MAX_WORDS or len(body.split()) < 3 or not is_title_like(words):
        return None
    return heading, body


class ParagraphBuilder:
    """Collects consecutive body lines into paragraph blocks."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.open: Block | None = None

    def close(self) -> None:
        if self.open is not None:
            self.blocks.append(self.open)
            self.open = None

    def add_heading(
        self, line_number: int, end_line: int, heading: str, level: int | None, extra_text: str = ""
    ) -> None:
        self.close()
        question = QUESTION_LINE.match(heading)
        heading = question.group(1).strip() if question else heading
        self.blocks.append(Block(BlockKind.HEADING, line_number, end_line, extra_text, heading, level))

    def add_line(self, line_number: int, text: str, new_paragraph: bool, allow_inline_heading: bool = True) -> None:
        question = QUESTION_LINE.match(text) if allow_inline_heading else None
        if question:
            self.add_heading(line_number, line_number, question.group(1).strip(), None)
            return
        answer = ANSWER_LINE.match(text) if allow_inline_heading else None
        if answer:
            text, new_paragraph, allow_inline_heading = answer.group(1).strip(), True, False
        starts = self.open is None or new_paragraph
        if starts:
            self.close()
            found = inline_heading(text) if allow_inline_heading else None
            if found:
                self.open = Block(BlockKind.PARAGRAPH, line_number, line_number, found[1], found[0])
            else:
                self.open = Block(BlockKind.PARAGRAPH, line_number, line_number, text)
        else:
            self.open.end_line = line_number
            self.open.text = f"{self.open.text} {text}"

    def finish(self) -> list[Block]:
        self.close()
        return self.blocks


def text_blocks(lines: list[str]) -> list[Block]:
    builder = ParagraphBuilder()
    previous = ""
    previous_was_heading = False
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        following = lines[number].strip() if number < len(lines) else ""
        heading = bool(stripped) and is_heading_line(stripped, previous, previous_was_heading, following)
        if not stripped:
            builder.close()
        elif heading:
            builder.add_heading(number, number, stripped, None)
        else:
            # Sources often hold one whole paragraph per line with no blank line between them.
            builder.add_line(number, stripped, new_paragraph=previous.endswith(SENTENCE_END))
        previous = stripped
        previous_was_heading = heading
    return builder.finish()


def inline_text(token: Token) -> str:
    """What a reader sees of an inline token: its text, link and image labels, and a newline at each line break."""
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            parts.append(inline_text(child))
    return "".join(parts)


def markdown_blocks(lines: list[str]) -> list[Block]:
    """Blocks from markdown-it's tokens (the project's one Markdown reader), each line of a paragraph in turn,
    so that "Q: ..." lines and `Heading: text` lines inside one paragraph still head what follows."""
    builder = ParagraphBuilder()
    page = split_front_matter("\n".join(lines))
    if page.front_matter is not None:
        builder.blocks.append(Block(BlockKind.FRONT_MATTER, 1, page.body_first_line - 1, page.front_matter))
    tokens = parse_markdown(page.body, page.body_first_line).tokens
    for index, (line, token) in enumerate(tokens):
        if token.type == "heading_open":
            end = line + token.map[1] - token.map[0] - 1
            text = " ".join(inline_text(tokens[index + 1][1]).split())
            builder.add_heading(line, end, text, int(token.tag[1]))
        elif token.type == "inline" and tokens[index - 1][1].type == "paragraph_open":
            for offset, text in enumerate(inline_text(token).split("\n")):
                if text.strip():
                    builder.add_line(line + offset, text.strip(), new_paragraph=offset == 0)
        elif token.type == "tr_open":
            cells = []
            for _, cell in tokens[index + 1 :]:
                if cell.type == "tr_close":
                    break
                if cell.type == "inline":
                    cells.append(inline_text(cell).strip())
            builder.add_line(line, " ".join(filter(None, cells)), new_paragraph=token.map[0] == 0)
        elif token.type in ("fence", "code_block", "html_block"):
            # Code and raw HTML are shown as written; no line of them heads anything.
            for offset in range(token.map[1] - token.map[0]):
                text = lines[line + offset - 1].rstrip()
                if text.strip():
                    builder.add_line(line + offset, text, new_paragraph=offset == 0, allow_inline_heading=False)
        elif token.type in ("hr", "table_close"):
            builder.close()
    return builder.finish()


BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "section",
        "article",
        "header",
        "footer",
        "aside",
        "blockquote",
        "table",
        "tr",
        "td",
        "th",
        "br",
        "hr",
        "pre",
        "dd",
        "dt",
    ]
)
HIDDEN_TAGS = frozenset(["script", "style", "head", "title", "template"])


class HtmlLineReader:
    """Records, per source line, the visible text and where headings and block elements start.

    The HTML is read as a browser reads it (scripts/common/html_reader.py). That parser keeps no source positions,
    so the walk follows the text alongside: each tag and text is found at or after the previous one.
    """

    def __init__(self, source: str) -> None:
        line_count = source.count("\n") + 1
        self.body_text = [""] * (line_count + 2)
        self.heading_text = [""] * (line_count + 2)
        self.heading_level: dict[int, int] = {}
        self.heading_element: dict[int, int] = {}
        self.block_starts: set[int] = set()
        self.open_heading: tuple[int, int] | None = None
        self._source = source
        self._lowered = source.lower()
        self._position = 0
        self._line = 1
        self._walk(parse_html(source).root)

    def _advance_to(self, needle: str, lowered: bool = True) -> bool:
        """Move to the next place holding `needle`; False (staying put) when the text has none."""
        found = (self._lowered if lowered else self._source).find(needle, self._position)
        if found < 0:
            return False
        self._line += self._source.count("\n", self._position, found)
        self._position = found
        return True

    def _walk(self, node: LexborNode) -> None:
        child = node.child
        while child is not None:
            if child.is_text_node:
                self._text(child.text_content or "")
            elif child.is_element_node:
                self._element(child)
            child = child.next

    def _element(self, node: LexborNode) -> None:
        tag = node.tag.lower()
        self._advance_to(f"<{tag}")
        if tag in HIDDEN_TAGS:
            self._advance_to(f"</{tag}")
            return
        heading = re.fullmatch(r"h([1-6])", tag)
        if heading:
            self.open_heading = (int(heading.group(1)), self._line)
            self.block_starts.add(self._line)
        elif tag in BLOCK_TAGS:
            self.block_starts.add(self._line)
        self._walk(node)
        if self._advance_to(f"</{tag}"):
            if heading:
                self.open_heading = None
            elif tag in BLOCK_TAGS:
                self.block_starts.add(self._line + 1)
        elif heading:
            self.open_heading = None

    def _text(self, data: str) -> None:
        first_word = re.search(r"\S+", data)
        if first_word is None:
            return
        pieces = data.split("\n")
        leading = data[: first_word.start()].count("\n")
        self._advance_to(first_word.group(0), lowered=False)
        for offset, piece in enumerate(pieces[leading:]):
            target = self._line + offset
            if target >= len(self.body_text):
                break
            if self.open_heading:
                self.heading_text[target] = f"{self.heading_text[target]} {piece}".strip()
                self.heading_level[target] = self.open_heading[0]
                self.heading_element[target] = self.open_heading[1]
            else:
                self.body_text[target] = f"{self.body_text[target]} {piece}".strip()


def html_blocks(lines: list[str]) -> list[Block]:
    reader = HtmlLineReader("\n".join(lines))
    builder = ParagraphBuilder()
    number = 1
    while number <= len(lines):
        heading = " ".join(reader.heading_text[number].split())
        if heading:
            element = reader.heading_element[number]
            end = number
            while (
                end + 1 <= len(lines)
                and reader.heading_element.get(end + 1) == element
                and reader.heading_text[end + 1]
            ):
                end += 1
                heading = f"{heading} {reader.heading_text[end]}"
            extra = " ".join(reader.body_text[n] for n in range(number, end + 1) if reader.body_text[n])
            builder.add_heading(number, end, " ".join(heading.split()), reader.heading_level[number], extra)
            number = end + 1
            continue
        body = " ".join(reader.body_text[number].split())
        if body:
            builder.add_line(number, body, new_paragraph=number in reader.block_starts)
        else:
            builder.close()
        number += 1
    return builder.finish()


def split_blocks(name: str, lines: list[str]) -> list[Block]:
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix == "md":
        return markdown_blocks(lines)
    if suffix in ("html", "htm"):
        return html_blocks(lines)
    return text_blocks(lines)
