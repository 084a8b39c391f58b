"""Care cards and the other warning-sign views, included into pages by one line each.

A page never writes a care card itself. It holds a line such as `<!-- care-card: urgent -->`, and the
build replaces that line with the card rendered from data/side-effects.yml, so every page shows the same
signs at the same level with the same threshold. A care card typed by hand stops the build with the line
to use instead. The lines may be indented, for example inside a box; the included text keeps the indent.
"""

from __future__ import annotations

import difflib
import posixpath
import re
import textwrap
from dataclasses import dataclass

from scripts.common.content_errors import ContentProblem, did_you_mean
from scripts.common.markdown_source import BLOCK_OPENER, parse_markdown, split_front_matter
from scripts.common.templates import render_template
from scripts.timeline import periods, wording
from scripts.timeline.advice import INLINE_INCLUDE
from scripts.timeline.models import CARE_LEVELS, SideEffect, SideEffectsFile, WarningSign, by_urgency

TIMELINE_PAGE = "side-effects-timeline.md"
INCLUDE_TEMPLATE = "care-cards-include.md.j2"
# Each include: what it shows, and the argument it takes (None: none).
INCLUDES: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "care-card": ("one care card with every sign at that level, and whom to contact", CARE_LEVELS),
    "care-cards": ("the three care cards, most urgent first", None),
    "warning-signs": ("the signs at one level as a short list, for a box that is not a care card", CARE_LEVELS),
    "day-picker": ('the "What day is it?" links to the day views', None),
    "symptom-list": ('the "I have..." list: each symptom with its verdict', None),
    "contacts": ("whom to contact at each level, most urgent first", None),
    # Its argument is a side effect's id, checked against the data in advice.py.
    "signs-of": ("one side effect's signs to rule out, each with what to do, most urgent first", ()),
}
INCLUDE_LINE = re.compile(r"^(?P<indent>[ \t]*)<!--\s*(?P<name>[\w -]+?)\s*(?::\s*(?P<argument>[\w -]*?))?\s*-->\s*$")
CARD_TYPES = (*CARE_LEVELS, "get-help")
# A care card or warning sign typed as HTML instead of as a "!!! urgent" box.
HAND_WRITTEN_HTML = re.compile(
    r"class=\"[^\"]*\badmonition\b[^\"]*\b(?P<level>" + "|".join(CARD_TYPES) + r")\b|class=\"[^\"]*\bcare-sign\b"
)

# Every line check_includes can report matches this; most pages have none, so their parse is skipped.
MAY_NEED_CHECKING = re.compile(
    rf"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+(?:{'|'.join(CARD_TYPES)})(?:\s|$)|{HAND_WRITTEN_HTML.pattern}|^[ \t]*<!--",
    re.MULTILINE,
)


@dataclass(frozen=True)
class SymptomRow:
    name: str
    detail: str  # the anchor on the timeline page of the effect it links to
    normal: SideEffect | None
    signs: list[WarningSign]  # most urgent first; with a normal effect, its "lasts too long" sign too


def symptom_rows(data: SideEffectsFile) -> list[SymptomRow]:
    rows = []
    for symptom in data.symptoms:
        normal = data.effect(symptom.normal) if symptom.normal else None
        named = [data.sign(sign_id) for sign_id in symptom.signs]
        lasting = [sign for sign in data.signs_of(normal) if sign not in named] if normal else []
        signs = by_urgency(named + lasting)
        # The normal effect's section opens with every sign of this line (signs_to_rule_out); without one,
        # the line links to the effect of its most urgent sign.
        detail = normal.id if normal else signs[0].effects[0]
        rows.append(SymptomRow(symptom.name, detail, normal, signs))
    return rows


def _usage() -> str:
    return "; ".join(
        f"<!-- {name}: {'|'.join(argument) or 'ID'} -->" if argument is not None else f"<!-- {name} -->"
        for name, (_, argument) in INCLUDES.items()
    )


def check_includes(path: str, source: str, in_snippet: bool = False) -> list[ContentProblem]:
    """Hand-written care cards and include lines that would not work, each with the line to write instead.

    Snippets are pasted into pages after includes are expanded, so an include in a snippet would show nothing.
    """
    page = split_front_matter(source)
    if not MAY_NEED_CHECKING.search(page.body):
        return []
    found: list[tuple[int, list[ContentProblem]]] = []
    for number, line in enumerate(page.body.split("\n"), start=page.body_first_line):
        opener = BLOCK_OPENER.match(line)
        kind = opener.group(1).split(maxsplit=1)[0] if opener and opener.group(1).strip() else ""
        if kind in CARD_TYPES:
            found.append((number, [_hand_written(path, number, kind)]))
        if card := HAND_WRITTEN_HTML.search(line):
            found.append((number, [_hand_written(path, number, card.group("level"))]))
        elif include := INCLUDE_LINE.match(line):
            name, argument = include.group("name"), include.group("argument")
            if in_snippet and name in INCLUDES:
                message = "includes do not work inside a snippet; move this line into each page that uses the snippet"
                found.append((number, [ContentProblem(path, number, message)]))
            else:
                found.append((number, _include_problems(path, number, name, argument)))
    found = [(number, problems) for number, problems in found if problems]
    if not found:
        return []
    # Readers see code as code: what looks like a card or an include there is shown, not used. Finding code takes a
    # parse of the page, so it waits until there is something to report.
    code = parse_markdown(page.body, page.body_first_line, inline=False).code_lines()
    return [problem for number, problems in found if number not in code for problem in problems]


def _hand_written(path: str, number: int, level: str | None) -> ContentProblem:
    replacement = f"<!-- care-card: {level} -->" if level in CARE_LEVELS else "<!-- care-cards -->"
    return ContentProblem(
        path,
        number,
        "this care card is written by hand, so it could disagree with other pages; delete it (this line and the "
        f"indented lines under it) and write the line {replacement} instead. Its signs come from "
        "data/side-effects.yml (warning_signs); change them there",
    )


def _include_problems(path: str, number: int, name: str, argument: str | None) -> list[ContentProblem]:
    if name not in INCLUDES:
        if not difflib.get_close_matches(name, list(INCLUDES), n=1, cutoff=0.7):
            return []  # an ordinary HTML comment
        message = f'"{name}" is not an include{did_you_mean(name, INCLUDES)}; write one of: {_usage()}'
        return [ContentProblem(path, number, message)]
    allowed = INCLUDES[name][1]
    if allowed == ():
        return []
    if allowed is None and argument is not None:
        return [ContentProblem(path, number, f"<!-- {name} --> takes nothing after it; write <!-- {name} -->")]
    if allowed is not None and argument not in allowed:
        choices = " or ".join(f"<!-- {name}: {level} -->" for level in allowed)
        return [ContentProblem(path, number, f'"{argument or ""}" is not a level; write {choices}')]
    return []


def link_to_timeline(page_path: str) -> str:
    """The timeline page's address from a page, for links to its day views and details ("" on the page itself)."""
    if page_path == TIMELINE_PAGE:
        return ""
    return posixpath.relpath(TIMELINE_PAGE, posixpath.dirname(page_path) or ".")


def render_include(name: str, argument: str | None, data: SideEffectsFile, page_path: str) -> str:
    return render_template(
        INCLUDE_TEMPLATE,
        include=name,
        argument=argument,
        data=data,
        wording=wording,
        periods=periods.day_periods(data),
        symptom_rows=symptom_rows(data),
        timeline=link_to_timeline(page_path),
    )


def has_includes(markdown: str) -> bool:
    """Whether the page holds an include line, whose text then comes from data/side-effects.yml."""
    return any(
        (include := INCLUDE_LINE.match(line)) and include.group("name") in INCLUDES for line in markdown.split("\n")
    )


def expand_includes(
    markdown: str, data: SideEffectsFile, page_path: str, rendered_before: dict[tuple, str] | None = None
) -> str:
    """The page with each include line replaced by what it includes, at the line's indent, and each inline include
    (<!-- sign: ID --> and the others in advice.py) by its words.

    `rendered_before` keeps what each include rendered to, for other pages of the same build with the same data.
    """
    rendered_before = {} if rendered_before is None else rendered_before
    out = []
    for line in markdown.split("\n"):
        include = INCLUDE_LINE.match(line)
        if include and include.group("name") in INCLUDES:
            key = (include.group("name"), include.group("argument"), link_to_timeline(page_path))
            if key not in rendered_before:
                rendered_before[key] = render_include(*key[:2], data, page_path)
            rendered = rendered_before[key]
            out.append(textwrap.indent(rendered.strip("\n"), include.group("indent"), lambda text: bool(text.strip())))
        else:
            out.append(INLINE_INCLUDE.sub(lambda found, text=line: _inline(found, text, data), line))
    return "\n".join(out)


def _inline(found: re.Match, line: str, data: SideEffectsFile) -> str:
    """One inline include's words; a verdict or contact starts with a capital only where a sentence starts."""
    name, argument = found.group("name"), found.group("argument")
    before = line[: found.start()].rstrip()
    starts_sentence = not before or before.endswith((".", "!", "?", ":")) or before.lstrip("-*> ") == ""
    if name == "contact":
        return data.get_help.advice(argument).contact
    sign = data.sign(argument)
    if name == "verdict":
        verdict = data.get_help.advice(sign.level).verdict
        text = verdict if starts_sentence else wording.lower_first(verdict)
        return f'<span class="care-verdict level-{sign.level}">{text}</span>'
    return render_template(
        INCLUDE_TEMPLATE, include=f"inline-{name}", argument=sign, data=data, wording=wording
    ).strip()
