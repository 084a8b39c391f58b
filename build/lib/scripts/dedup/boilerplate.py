"""Spotting site furniture by how it behaves, not by one site's vocabulary.

A short line on its own is boilerplate when it
- repeats in several places (a slogan or footer glued under every article),
- is a call to action aimed at the publisher: an imperative (book, call, follow, share, like, subscribe...)
  together with a reference to the publisher, its channels or its offers (us, our, this page, a phone
  number, a link, a social network, free, % off), or one of the fixed engagement phrases (sign up, stay tuned, like us),
- is a legal line (copyright, rights, privacy policy) or navigation (items split by separators, "Back to top").
A paragraph under a heading, or any longer text, is content, whatever it says.
"""

from __future__ import annotations

import re
from collections import Counter

from .models import Block, BlockKind

# Site furniture is a line or two; anything longer is an article's paragraph, whatever it says.
MAX_BOILERPLATE_WORDS = 25
MAX_BOILERPLATE_LINES = 2
# A repeated line with no call to action is only boilerplate when it is short ("Back to top", a tagline):
# a repeated full sentence is content said twice, which is what grouping is for.
MAX_UNPROMOTED_REPEAT_WORDS = 8
# Navigation is a run of at least this many short items ("Home | Blog | Contact").
MIN_NAVIGATION_ITEMS = 3
# Menu items are a few words each; a list of longer items is content.
MAX_NAVIGATION_ITEM_WORDS = 3

CLAUSE_START = r"(?:^|[.!?;:,–—(]\s*|\band\s+|\bor\s+)"
ACTION_VERBS = (
    "book|call|phone|ring|text|message|email|e-mail|contact|visit|follow|share|like|join|register|download|"
    "shop|buy|order|click|tap|get|stay|discover|explore|learn|read|find|check|see|watch|schedule|request|"
    "claim|reserve|try|tell|tag|leave|send|grab|enjoy|start|ask|reach|chat|talk|drop|don't miss|never miss"
)
CALL_TO_ACTION = re.compile(rf"{CLAUSE_START}(?:{ACTION_VERBS})\b", re.IGNORECASE)
ENGAGEMENT_PHRASE = re.compile(
    r"\bsubscrib\w*|\bsign(?:ing)? up\b|\b(?:get|stay|keep) (?:updated|informed|tuned|in touch|connected)\b|"
    r"\b(?:like|follow|join|contact|visit|email|call|message) us\b|\bshare this\b",
    re.IGNORECASE,
)
# Pronouns are matched case-sensitively so that "US" (the country) is not "us".
PUBLISHER_REFERENCE = re.compile(
    r"\b(?:[Uu]s|[Oo]urs?|[Ww]e|[Ww]e're|[Ww]e'll|OUR)\b|"
    r"(?i:\bthis (?:article|post|page|blog|guide|video|site|story)\b|https?://|www\.|\S+@\S+\.\w+|@\w+|"
    r"\+?\d[\d ()-]{6,}\d|\b(?:facebook|instagram|twitter|tiktok|youtube|linkedin|pinterest|whatsapp)\b|"
    r"\bnewsletter|\binbox\b|\bfree\b|\d+ ?% off\b|\bdiscount|\boffers?\b)"
)
LEGAL = re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b|\bprivacy (?:policy|notice)\b|"
    r"\bterms (?:of (?:use|service)|and conditions|& conditions)\b|\bcookie (?:policy|settings)\b",
    re.IGNORECASE,
)
NAVIGATION_PHRASE = re.compile(
    r"^\W*(?:back to (?:top|home)|skip to (?:main )?content|(?:previous|next|older|newer) "
    r"(?:post|article|page|entry)|page \d+ of \d+|home|menu)\W*$",
    re.IGNORECASE,
)
NAVIGATION_SEPARATOR = re.compile(r"\s+[|•·›»/>]\s+|\s*\|\s*")


def normalised_line(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def is_call_to_action(text: str) -> bool:
    return bool(ENGAGEMENT_PHRASE.search(text)) or (
        bool(CALL_TO_ACTION.search(text)) and bool(PUBLISHER_REFERENCE.search(text))
    )


def is_navigation(text: str) -> bool:
    if NAVIGATION_PHRASE.match(text):
        return True
    items = [item for item in NAVIGATION_SEPARATOR.split(text.strip()) if item.strip()]
    return len(items) >= MIN_NAVIGATION_ITEMS and all(len(item.split()) <= MAX_NAVIGATION_ITEM_WORDS for item in items)


def is_short_line(block: Block) -> bool:
    if block.kind is BlockKind.FRONT_MATTER or block.end_line - block.start_line + 1 > MAX_BOILERPLATE_LINES:
        return False
    if block.kind is BlockKind.HEADING:
        return len(block.heading.split()) <= MAX_BOILERPLATE_WORDS
    return block.heading is None and len(block.text.split()) <= MAX_BOILERPLATE_WORDS


def heads_a_body(block: Block, next_block: Block | None) -> bool:
    return block.kind is BlockKind.HEADING and (
        bool(block.text) or (next_block is not None and next_block.kind is BlockKind.PARAGRAPH)
    )


def block_line_text(block: Block) -> str:
    return block.heading if block.kind is BlockKind.HEADING else block.text


def mark_boilerplate(blocks_by_source: dict[str, list[Block]]) -> None:
    """Sets Block.boilerplate in place, using counts across all sources so repeats are seen.

    A heading over a body is never boilerplate for repeating ("Conclusion" heads many articles), but it is
    when it is itself a call to action, legal or navigation line; its body then stands as content on its own.
    """
    candidates: list[tuple[Block, bool]] = []
    places: Counter[str] = Counter()
    for blocks in blocks_by_source.values():
        for index, block in enumerate(blocks):
            if not is_short_line(block):
                continue
            standalone = not heads_a_body(block, blocks[index + 1] if index + 1 < len(blocks) else None)
            candidates.append((block, standalone))
            if standalone:
                places[normalised_line(block_line_text(block))] += 1
    for block, standalone in candidates:
        text = block_line_text(block)
        key = normalised_line(text)
        repeated_stub = (
            standalone and bool(key) and places[key] >= 2 and len(text.split()) <= MAX_UNPROMOTED_REPEAT_WORDS
        )
        block.boilerplate = repeated_stub or is_call_to_action(text) or bool(LEGAL.search(text)) or is_navigation(text)
