"""Medical terms from data/glossary.yml: hover definitions on every page and the Glossary page."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from scripts.common.content_errors import ContentError, ContentProblem
from scripts.common.data_files import load_entry_list
from scripts.common.templates import render_template


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
    seen: set[str] = set()
    for item in loaded:
        for form in item.entry.matched_forms:
            if form in seen:
                problems.append(
                    ContentProblem(display_path, item.line, f"{form!r} is defined twice; keep one definition")
                )
            seen.add(form)
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
