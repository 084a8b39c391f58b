"""In-text citation markers such as [[Chu]] become numbered links to the page's reference list.

Two steps, so the link never passes through Markdown as raw HTML: raw HTML makes Python-Markdown parse the whole
page a second time, looking for HTML blocks, which was the largest part of the hook's cost per page. Before
rendering, [[Chu]] becomes a plain-text mark holding the reference number, ⟦1⟧; after rendering, each mark becomes
the superscript link.
"""

from __future__ import annotations

import re

from scripts.site.page_metadata import CITATION

# Brackets no page uses and no Markdown rule or glossary term (whole words) can match.
NUMBER_MARK = re.compile(r"⟦(\d+)⟧")


def mark_citations(markdown: str, source_ids: list[str]) -> str:
    """Replace each [[ID]] with its reference number in marks; IDs were checked against `source_ids` already."""
    return CITATION.sub(lambda match: f"⟦{source_ids.index(match.group(1)) + 1}⟧", markdown)


def link_citation_marks(html: str) -> str:
    """Turn each number mark in rendered HTML into a superscript link to that reference.

    A mark inside a tag (an image's alt text, a link's title) cannot hold a link; it keeps only its number. A mark is
    inside a tag when the nearest '<' before it is nearer than the nearest '>'.
    """
    if "⟦" not in html:
        return html

    def replace(match: re.Match[str]) -> str:
        number = match.group(1)
        if html.rfind("<", 0, match.start()) > html.rfind(">", 0, match.start()):
            return number
        return f'<sup class="citation"><a href="#ref-{number}" aria-label="Reference {number}">{number}</a></sup>'

    return NUMBER_MARK.sub(replace, html)
