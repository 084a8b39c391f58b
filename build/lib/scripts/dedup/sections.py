"""Cutting a source into sections (a heading with its body) and telling glued articles apart."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .models import Block, BlockKind, Section

CONCLUSION_HEADING = re.compile(
    r"^(in )?(conclusion|summary|final thoughts|(the )?bottom line|wrapping up|key takeaways|takeaways?)\b",
    re.IGNORECASE,
)
SUMMARY_OPENER = re.compile(
    r"^(in summary|in conclusion|to sum up|to summari[sz]e|to conclude|all in all|in short)\b", re.IGNORECASE
)


def normalised_heading(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


@dataclass
class SectionDraft:
    blocks: list[Block]
    heading: str | None
    article: int
    position: int
    boilerplate: bool = False
    closes_article: bool = False


@dataclass
class ArticleTracker:
    """Decides where one article ends and the next begins within a source."""

    article: int = 0
    position: int = 0
    has_content: bool = False
    break_pending: bool = False
    titles: set[str] = field(default_factory=set)

    def start_heading(self, heading: str, level: int | None, previous: SectionDraft | None) -> None:
        key = normalised_heading(heading)
        closed = previous is not None and previous.closes_article and not previous.boilerplate
        if self.has_content and (self.break_pending or closed or level == 1 or key in self.titles):
            self.new_article()
        if not self.has_content:
            self.titles.add(key)

    def start_plain(self, previous: SectionDraft | None) -> None:
        if self.has_content and (self.break_pending or (previous is not None and previous.closes_article)):
            self.new_article()

    def new_article(self) -> None:
        self.article += 1
        self.position = 0
        self.has_content = False

    def take_position(self) -> int:
        self.has_content = True
        self.break_pending = False
        self.position += 1
        return self.position - 1


def draft_sections(blocks: list[Block]) -> list[SectionDraft]:
    drafts: list[SectionDraft] = []
    tracker = ArticleTracker()
    current: SectionDraft | None = None
    for block in blocks:
        if block.boilerplate or block.kind is BlockKind.FRONT_MATTER:
            current = SectionDraft([block], None, tracker.article, -1, boilerplate=True)
            drafts.append(current)
            tracker.break_pending = tracker.has_content
            continue
        heading = block.heading
        if heading is not None:
            tracker.start_heading(heading, block.heading_level, current)
            closes = bool(CONCLUSION_HEADING.match(heading))
        else:
            opens_summary = bool(SUMMARY_OPENER.match(block.text))
            already_concluding = current is not None and current.closes_article and current.heading is not None
            joins_current = current is not None and current.heading is not None and not current.boilerplate
            if joins_current and not (opens_summary and not already_concluding):
                current.blocks.append(block)
                continue
            tracker.start_plain(current)
            closes = opens_summary
        current = SectionDraft([block], heading, tracker.article, tracker.take_position(), closes_article=closes)
        drafts.append(current)
    return drafts


def first_content_line(lines: list[str]) -> int:
    return next((number for number, line in enumerate(lines, start=1) if line.strip()), 1)


def last_content_line(lines: list[str], start: int, end: int) -> int:
    while end > start and not lines[end - 1].strip():
        end -= 1
    return end


def build_sections(source: str, lines: list[str], blocks: list[Block]) -> list[Section]:
    """Sections cover contiguous line ranges, so every non-blank line lands in exactly one."""
    drafts = draft_sections(blocks)
    sections: list[Section] = []
    for index, draft in enumerate(drafts):
        start = first_content_line(lines) if index == 0 else draft.blocks[0].start_line
        following = drafts[index + 1].blocks[0].start_line if index + 1 < len(drafts) else len(lines) + 1
        end = last_content_line(lines, start, following - 1)
        plain_parts = [part for block in draft.blocks for part in (block.heading, block.text) if part]
        sections.append(
            Section(
                source=source,
                start_line=start,
                end_line=end,
                heading=draft.heading,
                raw_text="\n".join(lines[start - 1 : end]),
                plain_text=" ".join(plain_parts),
                article=draft.article,
                position=draft.position,
                boilerplate=draft.boilerplate,
                closes_article=draft.closes_article,
            )
        )
    return sections


def whole_source_section(source: str, lines: list[str]) -> Section:
    """A source with no recognisable block (markup only) still keeps its lines."""
    start = first_content_line(lines)
    end = last_content_line(lines, start, len(lines))
    return Section(source, start, end, None, "\n".join(lines[start - 1 : end]), "", 0, 0)
