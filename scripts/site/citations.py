"""In-text citation markers such as [[Chu]] become numbered links to the page's reference list."""

from __future__ import annotations

import html

from scripts.site.page_metadata import CITATION


def link_citations(markdown: str, source_ids: list[str]) -> str:
    """Replace each [[ID]] with a superscript number; IDs were checked against `source_ids` already."""

    def replace(match) -> str:
        number = source_ids.index(match.group(1)) + 1
        label = html.escape(f"Reference {number}", quote=True)
        return f'<sup class="citation"><a href="#ref-{number}" aria-label="{label}">{number}</a></sup>'

    return CITATION.sub(replace, markdown)
