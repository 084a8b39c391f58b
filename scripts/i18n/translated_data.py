"""The site's data in one language: the English data with a translation's texts laid over it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import RootModel

from scripts.common.content_errors import ContentError, ContentProblem
from scripts.i18n.data_texts import (
    CitationTexts,
    SideEffectsTexts,
    TermTexts,
    TranslatedEntry,
    check_entries,
    load_texts,
)
from scripts.i18n.languages import translation_path
from scripts.site.glossary import GlossaryEntry
from scripts.site.references import Reference
from scripts.timeline.models import LevelAdvice, SideEffectsFile


@dataclass
class Translations:
    """Every translated data entry of one build, to report those whose English changed since."""

    entries: dict[str, list[TranslatedEntry]] = field(default_factory=dict)

    def out_of_date(self) -> list[ContentProblem]:
        return [
            entry.problem(english_file)
            for english_file, entries in self.entries.items()
            for entry in entries
            if entry.out_of_date
        ]


def translated_side_effects(
    english: SideEffectsFile, project_root: Path, english_file: str, language: str, translations: Translations
) -> SideEffectsFile:
    loaded = load_texts(project_root, english_file, language, SideEffectsTexts)
    texts: SideEffectsTexts = loaded.data
    problems: list[ContentProblem] = []
    _, found = check_entries(
        loaded,
        (),
        {"page": texts.page, "get_help": texts.get_help},
        {"page": english.page, "get_help": english.get_help},
        "section",
    )
    problems += found
    effects, found = check_entries(
        loaded, ("effects",), texts.effects, {effect.id: effect for effect in english.effects}, "effect"
    )
    problems += found
    signs, found = check_entries(
        loaded, ("warning_signs",), texts.warning_signs, {sign.id: sign for sign in english.warning_signs}, "sign"
    )
    problems += found
    symptoms, found = check_entries(
        loaded, ("symptoms",), texts.symptoms, {symptom.name: symptom for symptom in english.symptoms}, "symptom"
    )
    problems += found
    _stop_on(problems)
    translations.entries[english_file] = loaded.entries
    get_help = texts.get_help
    return english.model_copy(
        update={
            "page": english.page.model_copy(update=_texts_of(texts.page)),
            "get_help": english.get_help.model_copy(
                update={
                    **{
                        level: LevelAdvice(**getattr(get_help, level).model_dump())
                        for level in ("emergency", "urgent", "soon")
                    },
                    **{
                        name: getattr(get_help, name)
                        for name in ("no_medical_staff", "normal_if")
                        if getattr(get_help, name) is not None
                    },
                }
            ),
            "effects": [effect.model_copy(update=_texts_of(effects[effect.id])) for effect in english.effects],
            "warning_signs": [sign.model_copy(update=_texts_of(signs[sign.id])) for sign in english.warning_signs],
            "symptoms": [symptom.model_copy(update=_texts_of(symptoms[symptom.name])) for symptom in english.symptoms],
        }
    )


def translated_glossary(
    english: list[GlossaryEntry], project_root: Path, english_file: str, language: str, translations: Translations
) -> list[GlossaryEntry]:
    loaded = load_texts(project_root, english_file, language, RootModel[dict[str, TermTexts]])
    terms, problems = check_entries(loaded, (), loaded.data.root, {entry.term: entry for entry in english}, "term")
    _stop_on(problems)
    translations.entries[english_file] = loaded.entries
    translated = []
    seen: dict[str, str] = {}
    for entry in english:
        texts = terms[entry.term]
        line = loaded.document.line_of([entry.term])
        for form in [texts.term, *texts.also]:
            if form in seen:
                problems.append(
                    ContentProblem(
                        loaded.document.display_path, line, f"{form!r} is defined twice ({seen[form]!r} too); keep one"
                    )
                )
            seen[form] = entry.term
        try:
            translated.append(GlossaryEntry(term=texts.term, definition=texts.definition, also=texts.also))
        except ValueError as error:
            problems.append(ContentProblem(loaded.document.display_path, line, f"term {entry.term!r}: {error}"))
    _stop_on(problems)
    return sorted(translated, key=lambda entry: entry.term.lower())


def translated_references(
    english: dict[str, Reference], project_root: Path, english_file: str, language: str, translations: Translations
) -> dict[str, Reference]:
    """A reference keeps its English citation unless the translation gives one: article titles stay as published."""
    if not (project_root / translation_path(english_file, language)).exists():
        return english
    loaded = load_texts(project_root, english_file, language, RootModel[dict[str, CitationTexts]])
    given = loaded.data.root
    _, problems = check_entries(loaded, (), given, {key: english[key] for key in given if key in english}, "reference")
    problems += [
        ContentProblem(
            loaded.document.display_path,
            loaded.document.line_of([key]),
            f"there is no reference {key!r} in the English file; fix the ID or remove the entry",
        )
        for key in given
        if key not in english
    ]
    _stop_on(problems)
    translations.entries[english_file] = loaded.entries
    return {
        key: reference.model_copy(update={"citation": given[key].citation}) if key in given else reference
        for key, reference in english.items()
    }


def _texts_of(entry) -> dict:
    return {name: value for name in type(entry).text_fields() for value in [getattr(entry, name)] if value is not None}


def _stop_on(problems: list[ContentProblem]) -> None:
    if problems:
        raise ContentError(problems)
