"""The Markdown digest for editors: each group once, where it came from, and what other versions add.

With an earlier run's JSON (--since), it opens with what each newly added or changed source repeats from the
earlier sources and what it adds: the question an editor asks when adding a clinic article.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from scripts.common.content_errors import ContentProblem

from .features import content_terms
from .models import DedupResult, Group, GroupedSection
from .pipeline import opening_words

SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[\"“(]?[A-Z0-9])")
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
WARNING = re.compile(
    r"\b(avoid|never|do not|don't|should not|must not|warning|caution|risk|danger|infection|scar|bleed|pregnan|"
    r"consult|doctor|dermatologist|professional|stop|allerg|severe|seek|toxic|poison)\w*",
    re.IGNORECASE,
)
# A member sentence is news when fewer than this share of its content words are in the canonical text ...
NOVEL_SHARE = 0.4
# ... and a warning is listed unless nearly all of its words are there: missing one is costly for a reader.
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


@dataclass(frozen=True)
class PreviousRun:
    """What an earlier --json output says each source contained."""

    label: str
    text_by_source: dict[str, str]


class PreviousRunError(ValueError):
    """An earlier run's JSON that cannot be used: the problem says where and what to do about it."""

    def __init__(self, problem: ContentProblem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def load_previous_run(path: Path) -> PreviousRun:
    fix = "give the JSON file an earlier run wrote with --json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise PreviousRunError(
            ContentProblem(str(path), None, f"cannot be read ({error.strerror or error}); {fix}")
        ) from None
    except UnicodeDecodeError as error:
        raise PreviousRunError(ContentProblem(str(path), None, f"is not JSON ({error}); {fix}")) from None
    except json.JSONDecodeError as error:
        raise PreviousRunError(ContentProblem(str(path), error.lineno, f"is not JSON ({error.msg}); {fix}")) from None
    sections = data.get("sections") if isinstance(data, dict) else None
    if not isinstance(sections, list) or not all(
        isinstance(item, dict) and isinstance(item.get("source"), str) and isinstance(item.get("text"), str)
        for item in sections
    ):
        raise PreviousRunError(ContentProblem(str(path), None, f"has no list of sections with source and text; {fix}"))
    texts: dict[str, list[str]] = {}
    for item in sections:
        texts.setdefault(item["source"], []).append(item["text"])
    return PreviousRun(path.name, {source: "\n".join(parts) for source, parts in texts.items()})


def source_texts(result: DedupResult) -> dict[str, str]:
    texts: dict[str, list[str]] = {}
    for section in result.sections:
        texts.setdefault(section.source, []).append(section.text)
    return {source: "\n".join(parts) for source, parts in texts.items()}


def added_sources(result: DedupResult, previous: PreviousRun) -> list[str]:
    """Sources that are new since the earlier run, or whose text changed."""
    return sorted(
        source for source, text in source_texts(result).items() if previous.text_by_source.get(source) != text
    )


def since_entries(result: DedupResult, previous: PreviousRun) -> list[str]:
    by_id = {section.id: section for section in result.sections}
    groups = {group.id: group for group in result.groups}
    plain = result.plain_texts
    added = added_sources(result, previous)
    removed = sorted(previous.text_by_source.keys() - source_texts(result).keys())
    out = [f"## New since {previous.label}", ""]
    if removed:
        out += [f"No longer among the sources: {', '.join(f'`{source}`' for source in removed)}.", ""]
    if not added:
        return [*out, "No source was added or changed.", ""]
    for source in added:
        out += [f"### `{source}`", ""]
        for section in (s for s in result.sections if s.source == source and not s.boilerplate):
            earlier = [m for m in groups[section.group].members if by_id[m].source not in added]
            heading = f" “{section.heading or opening_words(plain[section.id])}”"
            where = place(section).replace(f"`{section.source}` ", "")
            if not earlier:
                out.append(f"- {where}{heading}: new, not in the earlier sources.")
                continue
            out.append(f"- {where}{heading}: repeats {', '.join(place(by_id[m]) for m in earlier)}.")
            earlier_text = " ".join(plain[m] for m in earlier)
            out += [f"  - adds: {sentence}" for sentence in points_missing_from(earlier_text, plain[section.id])]
        out.append("")
    return out


def render_report(result: DedupResult, previous: PreviousRun | None = None) -> str:
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
    ]
    if previous is not None:
        out += since_entries(result, previous)
    out += ["## Repeated sections", ""]
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
