"""Medical terms from data/glossary.yml: hover definitions on every page and the Glossary page."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from scripts.content_errors import ContentError, ContentProblem
from scripts.templates import render_template
from scripts.yaml_lines import item_lines


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
    text = path.read_text(encoding="utf-8")
    try:
        items = yaml.safe_load(text) or []
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ContentError([ContentProblem(display_path, mark.line + 1 if mark else None, "this is not valid YAML; check the indentation, colons and quotes")]) from error
    if not isinstance(items, list):
        raise ContentError([ContentProblem(display_path, 1, "the file must be a list of terms, each starting with '- term:'")])
    entries: list[GlossaryEntry] = []
    problems: list[ContentProblem] = []
    seen: set[str] = set()
    lines = item_lines(text)
    for index, item in enumerate(items):
        line = lines[index] if index < len(lines) else None
        try:
            entry = GlossaryEntry.model_validate(item)
        except ValidationError as error:
            for detail in error.errors():
                field = ".".join(str(part) for part in detail["loc"]) or "entry"
                problems.append(ContentProblem(display_path, line, f"term {index + 1}: {field}: {detail['msg']}; each term needs term and definition (also is optional)"))
            continue
        for form in entry.matched_forms:
            if form in seen:
                problems.append(ContentProblem(display_path, line, f"{form!r} is defined twice; keep one definition"))
            seen.add(form)
        entries.append(entry)
    if problems:
        raise ContentError(problems)
    return sorted(entries, key=lambda entry: entry.term.lower())


def abbreviation_definitions(entries: list[GlossaryEntry], markdown: str) -> str:
    """Markdown abbreviation lines for the terms the page uses; the abbr extension turns each into a hover definition.

    Only terms present are defined: every definition costs the Markdown parser a pass over the page.
    """
    words = set(re.findall(r"[\w'-]+", markdown))
    return "\n".join(
        f"*[{form}]: {entry.definition}"
        for entry in entries
        for form in entry.matched_forms
        if (form in words if " " not in form else form in markdown)
    )


def render_glossary_list(entries: list[GlossaryEntry]) -> str:
    return render_template("glossary-list.md.j2", entries=entries)
