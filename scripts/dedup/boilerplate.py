"""Spotting site slogans and footer lines: short, standalone, promotional or repeated lines."""

from __future__ import annotations

import re
from collections import Counter

from .models import Block, BlockKind

MAX_BOILERPLATE_WORDS = 25
MAX_BOILERPLATE_LINES = 2
# A repeated line with no promotional wording is only boilerplate when it is a stub ("Back to top"):
# a repeated full sentence is content said twice, which is what grouping is for.
MAX_UNPROMOTED_REPEAT_WORDS = 6
PROMOTIONAL_PATTERNS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\bsubscrib",
        r"\bnewsletter",
        r"\bsign(ing)? up\b",
        r"\b(get|stay) (updated|informed|tuned)\b",
        r"\bfollow us\b",
        r"\bjoin (us|our)\b",
        r"\bdiscover\b",
        r"\bwith our\b|\bour (team|clinic|blog|shop|store|site|community|experts)\b",
        r"\bresources\b",
        r"\btips\b",
        r"\bnews\b",
        r"\bbook (now|today|your|a)\b",
        r"\b(call|contact|visit|email) us\b",
        r"\bshop\b",
        r"\bfree\b",
        r"\bexclusive\b",
        r"\boffers?\b|\bdiscount",
        r"\bclick\b",
        r"\b(learn|read) more\b",
        r"\bshare this\b",
        r"©|\bcopyright\b|\ball rights reserved\b",
        r"\bprivacy policy\b",
        r"\bempower",
        r"\bjoyful\b",
        r"\binspir",
        r"https?://|www\.",
        r"\bdelivered to your inbox\b|\binbox\b",
    )
)


def normalised_line(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def promotional_score(text: str) -> int:
    return sum(1 for pattern in PROMOTIONAL_PATTERNS if pattern.search(text))


def is_candidate(block: Block, next_block: Block | None) -> bool:
    """Only short standalone lines can be boilerplate: a heading with a body is never one."""
    if block.kind is BlockKind.FRONT_MATTER:
        return False
    if block.end_line - block.start_line + 1 > MAX_BOILERPLATE_LINES:
        return False
    if block.kind is BlockKind.HEADING:
        has_body = bool(block.text) or (next_block is not None and next_block.kind is BlockKind.PARAGRAPH)
        return not has_body and len(block.heading.split()) <= MAX_BOILERPLATE_WORDS
    return block.heading is None and len(block.text.split()) <= MAX_BOILERPLATE_WORDS


def block_line_text(block: Block) -> str:
    return block.heading if block.kind is BlockKind.HEADING else block.text


def mark_boilerplate(blocks_by_source: dict[str, list[Block]]) -> None:
    """Sets Block.boilerplate in place, using counts across all sources so repeats are seen."""
    candidates: list[tuple[Block, bool, bool]] = []
    seen_in: dict[str, set[tuple[str, int]]] = {}
    for source, blocks in blocks_by_source.items():
        for index, block in enumerate(blocks):
            next_block = blocks[index + 1] if index + 1 < len(blocks) else None
            if not is_candidate(block, next_block):
                continue
            at_end = next_block is None
            standalone = at_end or next_block.kind is BlockKind.HEADING or block.kind is BlockKind.HEADING
            candidates.append((block, at_end, standalone))
            seen_in.setdefault(normalised_line(block_line_text(block)), set()).add((source, index))
    occurrences = Counter({key: len(places) for key, places in seen_in.items()})
    for block, at_end, standalone in candidates:
        text = block_line_text(block)
        promotional = min(promotional_score(text), 3)
        repeated = occurrences[normalised_line(text)] >= 2 and bool(normalised_line(text))
        score = promotional + 2 * repeated + at_end + standalone
        block.boilerplate = (
            (promotional >= 2 and standalone)
            or (promotional >= 1 and score >= 3)
            or (repeated and standalone and len(text.split()) <= MAX_UNPROMOTED_REPEAT_WORDS)
        )
