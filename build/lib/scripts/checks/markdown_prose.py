"""Turn an article's Markdown source into units of plain prose for reading-level checks.

A unit is a paragraph, list item or table cell. Headings, code, front matter, HTML comments,
abbreviation and link definitions are not body text and are left out.
"""

from __future__ import annotations

import re

from scripts.common.markdown_source import parse_markdown, split_front_matter

HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
SKIPPED_LINE = re.compile(
    r"^\s*("
    r"#{1,6}\s"  # heading
    r"|\*\[[^\]]+\]:"  # abbreviation definition
    r"|\[[^\]]+\]:\s"  # link reference definition
    r"|(!!!|\?\?\?\+?)\s"  # admonition opener; its title is a label, not a sentence
    r"|--8<--"  # snippet include
    r"|[-*_]{3,}\s*$"  # thematic break
    r")"
)
LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
INLINE_REPLACEMENTS = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # inline links keep their text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"\[\[[^\]]+\]\]"), ""),  # citation markers such as [[Chu]]
    (re.compile(r"\[\^[^\]]+\]"), ""),  # footnote markers
    (re.compile(r"\{[:.#][^}]*\}"), ""),  # attribute lists
    (re.compile(r"<[^>]+>"), " "),  # inline HTML tags
    (re.compile(r"[*_`~]{1,3}"), ""),  # emphasis and code marks
    (re.compile(r"\s+"), " "),
    (re.compile(r" ([.,;:!?])"), r"\1"),  # a removed marker leaves a space before punctuation
]
TERMINAL_PUNCTUATION = (".", "!", "?", ":", ";")


def _plain(text: str) -> str:
    for pattern, replacement in INLINE_REPLACEMENTS:
        text = pattern.sub(replacement, text)
    return text.strip()


def _as_sentence(text: str) -> str:
    """A list item or cell without closing punctuation still reads as one sentence."""
    text = _plain(text)
    if text and not text.endswith(TERMINAL_PUNCTUATION):
        text += "."
    return text


def prose_units(markdown: str) -> list[str]:
    # Comments become blank lines, so code found by the parser stays on the lines it is on.
    body = HTML_COMMENT.sub(lambda comment: "\n" * comment.group(0).count("\n"), split_front_matter(markdown).body)
    code_lines = parse_markdown(body).code_lines()
    units: list[str] = []
    paragraph: list[str] = []
    table_row = 0  # rows seen in the current table; row 0 is the header, row 1 the separator

    def close_paragraph() -> None:
        if paragraph:
            unit = _as_sentence(" ".join(paragraph))
            if unit:
                units.append(unit)
            paragraph.clear()

    for number, line in enumerate(body.split("\n"), start=1):
        if number in code_lines:
            close_paragraph()
            continue
        stripped = line.strip()
        if stripped.startswith("|"):
            close_paragraph()
            if table_row >= 2:
                cells = stripped.strip("|").split("|")
                units.extend(filter(None, (_as_sentence(cell) for cell in cells)))
            table_row += 1
            continue
        table_row = 0
        if not stripped or SKIPPED_LINE.match(line):
            close_paragraph()
            continue
        if LIST_MARKER.match(line):
            close_paragraph()
            paragraph.append(LIST_MARKER.sub("", line))
            continue
        paragraph.append(stripped)
    close_paragraph()
    return units
