"""Data shapes shared by the dedup stages: blocks, sections, groups and the result."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    FRONT_MATTER = "front_matter"


@dataclass
class Block:
    """A run of source lines with one role: a heading, a paragraph or front matter."""

    kind: BlockKind
    start_line: int
    end_line: int
    text: str
    heading: str | None = None
    heading_level: int | None = None
    boilerplate: bool = False


@dataclass
class Section:
    """A heading with its body (or a heading-less paragraph), as found in one source."""

    source: str
    start_line: int
    end_line: int
    heading: str | None
    raw_text: str
    plain_text: str
    article: int
    position: int
    boilerplate: bool = False
    closes_article: bool = False

    @property
    def id(self) -> str:
        return f"{self.source}:{self.start_line}"


@dataclass
class Group:
    id: str
    canonical: str
    members: list[str]
    label: str


@dataclass
class GroupedSection:
    """One row of the JSON contract."""

    id: str
    source: str
    start_line: int
    end_line: int
    heading: str | None
    group: str
    boilerplate: bool
    text: str


@dataclass
class DedupResult:
    sections: list[GroupedSection] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    plain_texts: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The JSON contract: only the documented keys, in a fixed order."""
        return {
            "sections": [
                {
                    "id": s.id,
                    "source": s.source,
                    "start_line": s.start_line,
                    "end_line": s.end_line,
                    "heading": s.heading,
                    "group": s.group,
                    "boilerplate": s.boilerplate,
                    "text": s.text,
                }
                for s in self.sections
            ],
            "groups": [
                {"id": g.id, "canonical": g.canonical, "members": list(g.members), "label": g.label}
                for g in self.groups
            ],
        }
