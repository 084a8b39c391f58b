"""The one HTML parser: Lexbor (through selectolax), which builds the same tree a browser builds.

Python's html.parser reads some markup differently from browsers (`<!-->` and `<![CDATA[` as long comments,
for one), so a check built on it can pass what a browser runs. Lexbor follows the HTML Standard's tokenizer and
tree builder, with scripting on as in the browser, so `<noscript>` holds text as it does for readers.
"""

from __future__ import annotations

from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

# What the parser inserts around any document; any attribute on them was written by the text parsed.
DOCUMENT_TAGS = frozenset({"html", "head", "body"})


def parse_html(html: str) -> LexborHTMLParser:
    """`html` as a browser reads a page holding it."""
    return LexborHTMLParser(html, scripting=True)


def elements(html: str) -> Iterator[LexborNode]:
    """Every element of `html`, in document order, as the browser's tree holds it."""
    yield from parse_html(html).root.traverse(include_text=False)


def element_text(node: LexborNode) -> str:
    """The text a reader sees in `node`, with runs of white space made one space."""
    return " ".join((node.text(deep=True) or "").split())
