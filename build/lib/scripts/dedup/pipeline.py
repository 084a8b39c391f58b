"""The dedup core: in-memory texts in, sections and groups out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .blocks import split_blocks
from .boilerplate import mark_boilerplate, normalised_line
from .grouping import DEFAULT_CONFIG, GroupingConfig, group_content_sections
from .models import DedupResult, Group, GroupedSection, Section
from .reading import normalise_newlines
from .sections import build_sections, whole_source_section

# A group without a heading is labelled by its opening words, enough to recognise it in a list.
LABEL_WORDS = 8


def split_documents(documents: Iterable[tuple[str, str]]) -> list[Section]:
    """Sections of every document, in the given document order, boilerplate already marked."""
    lines_by_source: dict[str, list[str]] = {}
    for name, text in documents:
        if name in lines_by_source:
            raise ValueError(f"duplicate document name: {name}")
        lines_by_source[name] = normalise_newlines(text).split("\n")
    blocks_by_source = {name: split_blocks(name, lines) for name, lines in lines_by_source.items()}
    mark_boilerplate(blocks_by_source)
    sections: list[Section] = []
    for name, lines in lines_by_source.items():
        if not any(line.strip() for line in lines):
            continue
        found = build_sections(name, lines, blocks_by_source[name]) if blocks_by_source[name] else []
        sections.extend(found or [whole_source_section(name, lines)])
    return sections


def opening_words(text: str) -> str:
    words = text.split()
    return " ".join(words[:LABEL_WORDS]) + ("…" if len(words) > LABEL_WORDS else "")


def group_label(section: Section) -> str:
    return section.heading or opening_words(section.plain_text)


def disambiguate_labels(groups: list[Group], sections_by_id: dict[str, Section]) -> None:
    """Groups sharing a label (many are called "Conclusion") get their opening words added."""
    counts: dict[str, int] = defaultdict(int)
    for group in groups:
        counts[group.label] += 1
    for group in groups:
        canonical = sections_by_id[group.canonical]
        if counts[group.label] > 1 and canonical.heading:
            group.label = f"{group.label}: {opening_words(body_text(canonical))}"


def body_text(section: Section) -> str:
    """Plain text without the heading, for showing under the group's label."""
    if section.heading and section.plain_text.startswith(section.heading):
        return section.plain_text[len(section.heading) :].strip() or section.heading
    return section.plain_text


def boilerplate_groups(sections: list[Section], indices: list[int]) -> list[list[int]]:
    """Boilerplate is grouped only when the line itself repeats."""
    by_text: dict[str, list[int]] = defaultdict(list)
    for index in indices:
        by_text[normalised_line(sections[index].plain_text) or f"#{index}"].append(index)
    return list(by_text.values())


def assemble(sections: list[Section], member_lists: list[tuple[list[int], int]]) -> DedupResult:
    """member_lists holds (members, canonical member) per group; groups are numbered by first member."""
    member_lists = sorted(
        ((sorted(members), canonical) for members, canonical in member_lists), key=lambda item: item[0][0]
    )
    group_of: dict[int, str] = {}
    groups: list[Group] = []
    for number, (members, canonical) in enumerate(member_lists, start=1):
        group_id = f"g{number}"
        groups.append(
            Group(group_id, sections[canonical].id, [sections[i].id for i in members], group_label(sections[canonical]))
        )
        group_of.update((index, group_id) for index in members)
    disambiguate_labels(groups, {s.id: s for s in sections})
    rows = [
        GroupedSection(s.id, s.source, s.start_line, s.end_line, s.heading, group_of[i], s.boilerplate, s.raw_text)
        for i, s in enumerate(sections)
    ]
    return DedupResult(rows, groups, {s.id: body_text(s) for s in sections})


def group_sections(sections: list[Section], config: GroupingConfig = DEFAULT_CONFIG) -> DedupResult:
    content = [i for i, s in enumerate(sections) if not s.boilerplate and s.plain_text.strip()]
    others = [i for i, s in enumerate(sections) if not s.boilerplate and not s.plain_text.strip()]
    boilerplate = [i for i, s in enumerate(sections) if s.boilerplate]
    content_groups = [
        ([content[k] for k in members], content[canonical])
        for members, canonical in group_content_sections([sections[i] for i in content], config)
    ]
    member_lists = content_groups + [([i], i) for i in others]
    member_lists += [(members, members[0]) for members in boilerplate_groups(sections, boilerplate)]
    return assemble(sections, member_lists)


def group_documents(documents: Iterable[tuple[str, str]], config: GroupingConfig = DEFAULT_CONFIG) -> DedupResult:
    """Split (name, text) documents into sections and group the ones that say the same thing."""
    return group_sections(split_documents(documents), config)
