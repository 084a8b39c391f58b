"""The Markdown digest for editors: each group once, where it came from, and what other versions add."""

from __future__ import annotations

import re

from .features import content_terms
from .models import DedupResult, Group, GroupedSection

SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[\"“(]?[A-Z0-9])")
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
WARNING = re.compile(
    r"\b(avoid|never|do not|don't|should not|must not|warning|caution|risk|danger|infection|scar|bleed|pregnan|"
    r"consult|doctor|dermatologist|professional|stop|allerg|severe|seek|toxic|poison)\w*",
    re.IGNORECASE,
)
NOVEL_SHARE = 0.4
WARNING_NOVEL_SHARE = 0.7


def sentences(text: str) -> list[str]:
    return [piece.strip() for piece in SENTENCE_BREAK.split(text) if piece.strip()]


def points_missing_from(canonical: str, member: str) -> list[str]:
    """Member sentences with a number, a warning or mostly new content words that the canonical text lacks."""
    canonical_terms = set(content_terms(canonical))
    canonical_numbers = set(NUMBER.findall(canonical))
    missing = []
    for sentence in sentences(member):
        terms = set(content_terms(sentence))
        if not terms:
            continue
        covered = len(terms & canonical_terms) / len(terms)
        new_numbers = set(NUMBER.findall(sentence)) - canonical_numbers
        if new_numbers or covered < NOVEL_SHARE or (WARNING.search(sentence) and covered < WARNING_NOVEL_SHARE):
            missing.append(sentence)
    return missing


def place(section: GroupedSection) -> str:
    lines = (
        f"line {section.start_line}"
        if section.start_line == section.end_line
        else f"lines {section.start_line}–{section.end_line}"
    )
    return f"`{section.source}` {lines}"


def quoted(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines() or [""])


def group_entry(group: Group, by_id: dict[str, GroupedSection], plain: dict[str, str]) -> list[str]:
    canonical = by_id[group.canonical]
    out = [f"### {group.label} ({group.id})", ""]
    if len(group.members) > 1:
        out.append(f"{len(group.members)} versions; canonical text from {place(canonical)}:")
    else:
        out.append(f"Found once, in {place(canonical)}:")
    out += ["", quoted(plain[canonical.id]), ""]
    if len(group.members) == 1:
        return out
    out.append("Found in:")
    for member_id in group.members:
        member = by_id[member_id]
        heading = f" — “{member.heading}”" if member.heading else " — (no heading)"
        marker = " (canonical)" if member_id == group.canonical else ""
        out.append(f"- {place(member)}{heading}{marker}")
    out.append("")
    seen: set[str] = set()
    additions = []
    for member_id in group.members:
        if member_id == group.canonical:
            continue
        for sentence in points_missing_from(plain[canonical.id], plain[member_id]):
            if sentence not in seen:
                seen.add(sentence)
                additions.append(f"- {place(by_id[member_id])}: {sentence}")
    if additions:
        out += ["Said only in other versions (numbers, warnings, other points):", *additions, ""]
    return out


def render_report(result: DedupResult) -> str:
    by_id = {section.id: section for section in result.sections}
    plain = result.plain_texts
    content_groups = [g for g in result.groups if not by_id[g.canonical].boilerplate]
    repeated = [g for g in content_groups if len(g.members) > 1]
    single = [g for g in content_groups if len(g.members) == 1]
    boilerplate = [g for g in result.groups if by_id[g.canonical].boilerplate]
    sources = sorted({section.source for section in result.sections})
    out = [
        "# Source sections digest",
        "",
        f"{len(sources)} source files, {len(result.sections)} sections,"
        f" {len(content_groups)} distinct content sections "
        f"({len(repeated)} repeated), {sum(len(g.members) for g in boilerplate)} boilerplate lines.",
        "",
        "## Repeated sections",
        "",
    ]
    for group in repeated:
        out += group_entry(group, by_id, plain)
    if not repeated:
        out += ["None found.", ""]
    out += ["## Sections found once", ""]
    for group in single:
        out += group_entry(group, by_id, plain)
    out += ["## Boilerplate", "", "Slogans and footer lines that are not content:", ""]
    for group in boilerplate:
        places = ", ".join(place(by_id[member]) for member in group.members)
        out.append(f"- “{plain[group.canonical]}” — {places}")
    if not boilerplate:
        out.append("- none")
    return "\n".join(out).rstrip() + "\n"
