"""Get-help advice in a page's own words: found, refused, and replaced by inline includes from the data.

When to get help, how urgently and whom to contact are decided once, in data/side-effects.yml. A page may talk
about a warning sign, but the day it counts from, its level and the contact must come from the data, through
inline includes that the build fills in:

    <!-- sign: ID -->      the sign in readers' words with its day ("redness ... still there after day 7")
    <!-- when: ID -->      only the sign's day ("after day 7")
    <!-- verdict: ID -->   what to do at the sign's level ("see your practitioner soon")
    <!-- contact: LEVEL --> whom to contact at a level (emergency, urgent or soon)

A sentence that gives get-help advice (ADVICE) together with a time or a level word (WHEN_OR_HOW_URGENT) in its
own words stops the build, and so does any list item or box (whatever its type) that gives get-help advice in its
own words: lists and boxes are where readers look for what to do, so what they say must match every other page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scripts.common.content_errors import ContentProblem, did_you_mean
from scripts.common.html_reader import parse_html
from scripts.common.markdown_source import BLOCK_OPENER, parse_markdown, split_front_matter
from scripts.timeline.models import CARE_LEVELS, SideEffectsFile

# Advice to get care: going to or calling someone who can treat you, or being checked; and saying something is not
# normal. Asking a question or telling a practitioner something before treatment is not advice to get help.
CARERS = r"(?:practitioner|doctor|gp|nurse|dermatologist|clinic|pharmacist|health professional)"
ADVICE = re.compile(
    # "what is normal and when to get help" names a topic; it is not advice.
    r"(?<!when to )(?<!how to )\b(?:get|seek|getting|seeking)\s+"
    r"(?:medical\s+|urgent\s+|quick\s+)?(?:help|care|treatment)\b"
    rf"|\b(?:call|contact|see|phone|ring|visit|show\s+(?:it|them)\s+to)\s+(?:your|a|the|my)\s+(?:\w+\s+)?{CARERS}"
    rf"|\bask\s+(?:your|a|the|my)\s+(?:\w+\s+)?{CARERS}\s+to\s+(?:check|look)"
    r"|\b(?:call|phone|ring|dial)\s+(?:nhs\s+)?(?:111|999|911|112)\b"
    r"|\bgo\s+(?:straight\s+)?to\s+(?:an?\s+|the\s+)?(?:urgent care|a&e|er\b|emergency)"
    r"|\b(?:should|must|needs?\s+to)\s+be\s+(?:seen|checked)\b"
    r"|\bget\s+(?:it|them|this)\s+checked\b"
    r"|\bworth\s+a\s+(?:call|check)\b"
    r"|\bemergency\b"
    # A verdict without a level is still a verdict: "worse after day 2 or 3 is not normal" gives the sign's day.
    r"|\b(?:not|never)\s+normal\b",
    re.IGNORECASE,
)
# A time after treatment or a duration ("after day 2 or 3", "about a week", "48 hours"), or how urgent it is.
WHEN_OR_HOW_URGENT = re.compile(
    r"\b(?:day|days|week|weeks|hour|hours|month|months|fortnight)\b"
    r"|\b(?:today|same day|straight away|right away|immediately|at once|now|soon|urgent|urgently|emergency)\b",
    re.IGNORECASE,
)
INLINE_INCLUDE = re.compile(r"<!--\s*(?P<name>sign|when|verdict|contact):\s*(?P<argument>[\w-]*)\s*-->")
INLINE_NAMES = ("sign", "when", "verdict", "contact")
# What is not the page's own words: inline includes, link texts (a link to "when to get help" is not advice),
# citations and inline code.
NOT_OWN_WORDS = re.compile(r"<!--.*?-->|\[\[[^\]]*\]\]|\[[^\]]*\]\([^)]*\)|`[^`]*`")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
WORD = re.compile(r"[a-z]{4,}")


@dataclass(frozen=True)
class _Prose:
    line: int
    text: str
    form: str  # "sentence", "list item" or "box"


def _box_lines(body_lines: list[str], first_line: int) -> set[int]:
    """File lines inside an admonition or details box (the indented lines under "!!! type" or "??? type")."""
    inside: set[int] = set()
    for index, line in enumerate(body_lines):
        if not BLOCK_OPENER.match(line):
            continue
        indent = len(line) - len(line.lstrip())
        for offset, following in enumerate(body_lines[index + 1 :], start=index + 1):
            if following.strip() and len(following) - len(following.lstrip()) <= indent:
                break
            inside.add(first_line + offset)
    return inside


def _prose(source: str) -> list[_Prose]:
    page = split_front_matter(source)
    # Only each block's text is read, so the block structure is enough (less than half of a full parse).
    blocks = parse_markdown(page.body, page.body_first_line, inline=False)
    boxes = _box_lines(page.body.split("\n"), page.body_first_line)
    found: list[_Prose] = []
    open_items = 0
    heading = False
    for line, token in blocks.tokens:
        if token.type == "list_item_open":
            open_items += 1
        elif token.type == "list_item_close":
            open_items -= 1
        elif token.type == "heading_open":
            heading = True
        elif token.type == "heading_close":
            heading = False
        elif token.type == "inline" and not heading:
            form = "box" if line in boxes else "list item" if open_items else "sentence"
            found.append(_Prose(line, token.content, form))
        elif token.type == "html_block":
            # Raw HTML (a hand-made <div> box, a <p>) is read for its text as a browser would show it.
            form = "box" if line in boxes or _looks_like_a_box(token.content) else "sentence"
            found.append(_Prose(line, _html_text(token.content), form))
    return found


def _html_text(html: str) -> str:
    """The text a browser shows of raw HTML; the source's own line breaks are kept, so lines still count."""
    return parse_html(html).root.text(deep=True, separator=" ")


def _looks_like_a_box(html: str) -> bool:
    """A list or a block with a class: what readers see as a list or a box."""
    return bool(re.search(r"<(?:ul|ol|li|aside|details)\b|<div\b[^>]*\bclass=", html, re.IGNORECASE))


def _closest_sign(text: str, data: SideEffectsFile) -> str:
    """The warning sign whose words (or its effects' names) the text shares most, by word stems."""
    stems = {word[:5] for word in WORD.findall(text.lower())}

    def shared(sign) -> int:
        words = f"{sign.sign} {' '.join(data.effect(effect_id).name for effect_id in sign.effects)}".lower()
        return len(stems & {word[:5] for word in WORD.findall(words)})

    best = max(data.warning_signs, key=shared)
    return best.id if shared(best) else data.warning_signs[0].id


def _fix(text: str, data: SideEffectsFile) -> str:
    sign_id = _closest_sign(text, data)
    return (
        f"write the sign as <!-- sign: {sign_id} --> (its words and day), and its day and advice with "
        f"<!-- when: {sign_id} --> and <!-- verdict: {sign_id} --> inside your sentence; whom to contact is "
        f"<!-- contact: {'|'.join(CARE_LEVELS)} -->. Sign ids are listed under warning_signs in data/side-effects.yml"
    )


SIGNS_OF_LINE = re.compile(r"^[ \t]*<!--\s*signs-of:\s*(?P<argument>[\w-]*)\s*-->\s*$")


def check_advice(path: str, source: str, data: SideEffectsFile) -> list[ContentProblem]:
    """Get-help advice written in the page's own words, and inline includes that would not work."""
    problems: list[ContentProblem] = []
    sign_ids = [sign.id for sign in data.warning_signs]
    effect_ids = [effect.id for effect in data.effects]
    for number, line in enumerate(source.replace("\r\n", "\n").split("\n"), start=1):
        found = SIGNS_OF_LINE.match(line)
        if found and found.group("argument") not in effect_ids:
            argument = found.group("argument")
            problems.append(
                ContentProblem(
                    path,
                    number,
                    f'"{argument}" is not a side effect id{did_you_mean(argument, effect_ids)}; write '
                    "<!-- signs-of: ID --> with an id listed under effects in data/side-effects.yml",
                )
            )
    for prose in _prose(source):
        for include in INLINE_INCLUDE.finditer(prose.text):
            problem = _include_problem(include.group("name"), include.group("argument"), sign_ids)
            if problem:
                problems.append(ContentProblem(path, prose.line, problem))
        # Keep the line breaks of what is removed, so each sentence's line can be counted.
        own_words = NOT_OWN_WORDS.sub(lambda match: "\n" * match.group(0).count("\n") or " ", prose.text)
        position = 0
        for sentence in SENTENCE_END.split(own_words):
            start = own_words.find(sentence.strip(), position)
            line = prose.line + own_words[:start].count("\n")
            position = start + len(sentence.strip())
            advice = ADVICE.search(sentence)
            if not advice:
                continue
            timing = WHEN_OR_HOW_URGENT.search(sentence)
            if prose.form == "sentence" and not timing:
                continue
            said = " ".join(f'"{advice.group(0)}"'.split()) + (f' and "{timing.group(0)}"' if timing else "")
            where = "this sentence" if prose.form == "sentence" else f"this {prose.form}"
            problems.append(
                ContentProblem(
                    path,
                    line,
                    f"{where} gives get-help advice in its own words ({said}), so it could disagree with "
                    f"data/side-effects.yml; {_fix(sentence, data)}",
                )
            )
            if prose.form != "sentence":
                break
    return problems


def _include_problem(name: str, argument: str, sign_ids: list[str]) -> str | None:
    if name == "contact":
        if argument in CARE_LEVELS:
            return None
        return f'"{argument}" is not a level; write ' + " or ".join(
            f"<!-- contact: {level} -->" for level in CARE_LEVELS
        )
    if argument in sign_ids:
        return None
    return (
        f'"{argument}" is not a warning sign id{did_you_mean(argument, sign_ids)}; write <!-- {name}: ID --> with an '
        "id listed under warning_signs in data/side-effects.yml"
    )
