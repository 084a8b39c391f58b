"""Medical terms from data/glossary.yml: hover definitions on every page and the Glossary page."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from scripts.common.content_errors import ContentError, ContentProblem
from scripts.common.data_files import CONTENT_ERROR, load_entry_list
from scripts.common.templates import render_template

# A hover definition longer than this covers too much of a phone screen; the guide states the same number.
DEFINITION_MAX_LENGTH = 200
FIELD_HELP = {
    "term": "the word as it appears in the text, like: term: milia",
    "definition": f"one plain sentence of at most {DEFINITION_MAX_LENGTH} characters, like: definition: Tiny hard white"
    " bumps under the skin.",
    "also": "other forms of the word (capitals, plurals) in square brackets, like: also: [Milia]",
}


class GlossaryEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    term: str = Field(min_length=1)
    definition: str = Field(min_length=1, max_length=DEFINITION_MAX_LENGTH)
    also: list[str] = []

    @field_validator("definition")
    @classmethod
    def _fits_a_tooltip(cls, definition: str) -> str:
        # Abbreviation definitions end at the line; brackets would break the Markdown syntax.
        if "\n" in definition.strip() or "[" in definition or "]" in definition:
            raise PydanticCustomError(
                CONTENT_ERROR,
                "definition has a line break or square brackets, which hover text cannot show; keep it to one line"
                " without [ ]",
            )
        return definition.strip()

    @property
    def anchor(self) -> str:
        return "term-" + "-".join(self.term.lower().split())

    @property
    def matched_forms(self) -> list[str]:
        return [self.term, *self.also]


def load_glossary(path: Path, display_path: str) -> list[GlossaryEntry]:
    loaded = load_entry_list(path, display_path, GlossaryEntry, "term", FIELD_HELP)
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


def hover_definitions(entries: list[GlossaryEntry]) -> dict[str, str]:
    """Every term and other form with its definition: the abbr extension's glossary, which marks each one on every
    page as a hover definition, as a whole word, longer terms first."""
    return {form: entry.definition for entry in entries for form in entry.matched_forms}


def hover_definitions_removed(entries: list[GlossaryEntry]) -> str:
    """Markdown that takes every term off the abbr glossary for one page: an empty definition removes a term."""
    return "\n".join(f'*[{form}]: ""' for form in hover_definitions(entries))


def render_glossary_list(entries: list[GlossaryEntry]) -> str:
    return render_template("glossary-list.md.j2", entries=entries)
