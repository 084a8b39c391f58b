"""Medical terms from data/glossary.yml: hover definitions on every page and the Glossary page."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from scripts.common.content_errors import ContentError, ContentProblem
from scripts.common.data_files import load_entry_list
from scripts.common.templates import render_template

WORD = re.compile(r"\w+")


class GlossaryEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    term: str = Field(min_length=1)
    definition: str = Field(min_length=1, max_length=200)
    also: list[str] = []

    @field_validator("definition")
    @classmethod
    def _fits_a_tooltip(cls, definition: str) -> str:
        # Abbreviation definitions end at the line; brackets would break the Markdown syntax.
        if "\n" in definition.strip() or "[" in definition or "]" in definition:
            raise ValueError("keep the definition to one line without square brackets")
        return definition.strip()

    @property
    def anchor(self) -> str:
        return "term-" + "-".join(self.term.lower().split())

    @property
    def matched_forms(self) -> list[str]:
        return [self.term, *self.also]


def load_glossary(path: Path, display_path: str) -> list[GlossaryEntry]:
    loaded = load_entry_list(
        path, display_path, GlossaryEntry, "term", "each term needs term and definition (also is optional)"
    )
    problems: list[ContentProblem] = []
    # One entry lists its forms in each capitalisation the text uses (matching is case-sensitive); two entries
    # whose forms differ only in capitals would publish one term twice, with two definitions and one anchor.
    seen: dict[str, tuple[int, str]] = {}
    for index, item in enumerate(loaded):
        forms: set[str] = set()
        for form in item.entry.matched_forms:
            earlier = seen.get(form.casefold())
            if form in forms or (earlier and earlier[0] != index):
                also = f" (as {earlier[1]!r})" if earlier and earlier[1] != form else ""
                problems.append(
                    ContentProblem(display_path, item.line, f"{form!r} is defined twice{also}; keep one definition")
                )
            forms.add(form)
            seen.setdefault(form.casefold(), (index, form))
    if problems:
        raise ContentError(problems)
    return sorted((item.entry for item in loaded), key=lambda entry: entry.term.lower())


def abbreviation_definitions(entries: list[GlossaryEntry], markdown: str) -> str:
    """Markdown abbreviation lines for the terms the page uses; the abbr extension turns each into a hover definition.

    Only terms present are defined: every definition costs the Markdown parser a pass over the page. A term counts
    as present exactly where the abbr extension would mark it: as a whole word, longer terms first.
    """
    words = set(WORD.findall(markdown))
    # Forms whose every word is on the page; only these few go into the (slow, many-way) whole-term expression.
    candidates = tuple(
        form for entry in entries for form in entry.matched_forms if words.issuperset(WORD.findall(form))
    )
    used = set(_terms_pattern(candidates).findall(markdown)) if candidates else set()
    return "\n".join(
        f"*[{form}]: {entry.definition}" for entry in entries for form in entry.matched_forms if form in used
    )


@functools.lru_cache(maxsize=256)
def _terms_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    # The same expression as Markdown's abbr extension builds from the definitions.
    alternatives = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b")


def render_glossary_list(entries: list[GlossaryEntry]) -> str:
    return render_template("glossary-list.md.j2", entries=entries)
