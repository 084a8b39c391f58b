"""Translated data texts: data/NAME.es.yml holds only the texts of data/NAME.yml, keyed by the English entry's key.

Ids, levels, times and sources stay in the English file, so two languages cannot disagree on urgency or timing:
a translated file is laid over the English data and only replaces texts. Every effect, sign, symptom, get-help
line and glossary term needs its translation (a missing one stops the build with file, line and key); a reference
without one keeps its English citation. Each entry records the stamp of the English texts it translates
(`translates:`); a stamp that no longer matches is reported as out of date, never silently published as current.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field
from pydantic_core import ErrorDetails

from scripts.common.content_errors import ContentError, ContentProblem, did_you_mean
from scripts.common.data_files import plain_message, validate
from scripts.common.yaml_loader import YamlDocument, load_yaml_file
from scripts.i18n.languages import translation_path
from scripts.i18n.stamps import STAMP_PATTERN, stamp_of

Text = Annotated[str, Field(min_length=1)]
Stamp = Annotated[str, Field(pattern=STAMP_PATTERN)]
STAMP_KEY = "translates"
STAMP_FIX = "make translation-stamp FILES={file}"
# Texts each language has its own number of: a glossary term's other forms (plurals, capitals) are not translations
# of the English forms, so neither their count nor a change to the English ones concerns the translation.
OWN_FORMS = ("also",)


class _Texts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    translates: Stamp | None = None

    @classmethod
    def text_fields(cls) -> list[str]:
        return [name for name in cls.model_fields if name != STAMP_KEY]


class PageTexts(_Texts):
    title: Text
    description: Text


class LevelTexts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    title: Text
    verdict: Text
    contact: Text


class GetHelpTexts(_Texts):
    emergency: LevelTexts
    urgent: LevelTexts
    soon: LevelTexts
    no_medical_staff: Text
    normal_if: Text | None = None


class EffectTexts(_Texts):
    name: Text
    summary: Text
    self_care: list[Text] = []
    before_treatment: list[Text] = []
    sources_disagree: Text | None = None


class SignTexts(_Texts):
    sign: Text


class SymptomTexts(_Texts):
    name: Text


class SideEffectsTexts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    page: PageTexts
    get_help: GetHelpTexts
    effects: dict[str, EffectTexts]
    warning_signs: dict[str, SignTexts]
    symptoms: dict[str, SymptomTexts] = {}


class TermTexts(_Texts):
    term: Text
    definition: Text
    also: list[Text] = []


class CitationTexts(_Texts):
    citation: Text


FIELD_HELP = {
    STAMP_KEY: "the stamp the stamp command writes; run: make translation-stamp",
    "title": 'the Spanish title, like: title: "Cuidados posteriores"',
    "description": "one Spanish sentence",
    "verdict": 'the short Spanish verdict, like: verdict: "Busque ayuda hoy"',
    "contact": "whom to contact, in Spanish",
    "name": "the Spanish name",
    "summary": "the Spanish summary",
    "sign": "the sign in the reader's Spanish words",
    "term": "the Spanish word as it appears in Spanish pages, like: term: milia",
    "definition": "one plain Spanish sentence",
    "citation": "the citation as printed",
    "self_care": "a list with one Spanish item per English item",
    "before_treatment": "a list with one Spanish item per English item",
}


@dataclass(frozen=True)
class TranslatedEntry:
    """Where one entry's translation is, and whether it still matches its English."""

    file: str
    line: int | None
    key: str
    stamp: str | None
    english_stamp: str

    @property
    def out_of_date(self) -> bool:
        return self.stamp != self.english_stamp

    def problem(self, english_file: str) -> ContentProblem:
        fix = STAMP_FIX.format(file=self.file)
        if self.stamp is None:
            what = f"{self.key} has no 'translates:' stamp, so nobody can tell which English it translates"
            return ContentProblem(self.file, self.line, f"{what}; check it against {english_file}, then run: {fix}")
        return ContentProblem(
            self.file,
            self.line,
            f"{self.key}: the English in {english_file} changed since this was translated; update the Spanish to say"
            f" what the English says now, then run: {fix}",
        )


@dataclass
class LoadedTexts:
    """A translated data file, validated, with where each entry is."""

    document: YamlDocument
    data: BaseModel | dict
    entries: list[TranslatedEntry] = field(default_factory=list)


def translation_file(english_file: str, language: str) -> str:
    return translation_path(english_file, language)


def load_texts(project_root: Path, english_file: str, language: str, model: type[BaseModel]) -> LoadedTexts:
    """data/NAME.LANG.yml validated as `model` (whose values are entries of texts); every problem at once."""
    name = translation_file(english_file, language)
    path = project_root / name
    if not path.exists():
        raise ContentError(
            [
                ContentProblem(
                    name,
                    None,
                    f"the {language} texts of {english_file} are missing; create {name} as CONTRIBUTING.md,"
                    ' section "Translating", shows',
                )
            ]
        )
    document = load_yaml_file(path, name)

    def describe(detail: ErrorDetails) -> str:
        keys = ".".join(str(part) for part in detail["loc"])
        allowed = list(_fields_at(model, detail["loc"]))
        return f"{keys}: {plain_message(detail, FIELD_HELP, allowed, 'this entry uses')}"

    return LoadedTexts(document, validate(document, model, describe))


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    current: type | None = model
    for part in loc[:-1]:
        if isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            annotation = current.model_fields[part].annotation
            args = getattr(annotation, "__args__", ())
            current = args[-1] if args else annotation
    return list(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


def english_texts(english: BaseModel, texts_model: type[_Texts]) -> dict:
    """The English entry's texts that `texts_model` translates, for its stamp."""
    values = {}
    for name in texts_model.text_fields():
        if name in OWN_FORMS:
            continue
        value = getattr(english, name, None)
        values[name] = value.model_dump() if isinstance(value, BaseModel) else value
    return values


def check_entries(
    loaded: LoadedTexts,
    section: tuple[str, ...],
    translated: dict[str, _Texts],
    english: dict[str, BaseModel],
    noun: str,
) -> tuple[dict[str, _Texts], list[ContentProblem]]:
    """Match the translated entries under `section` with the English ones by key: every English entry needs one,
    no translation may name an entry the English lacks, and lists and optional texts must match the English's."""
    document = loaded.document
    problems: list[ContentProblem] = []
    section_line = document.line_of(list(section)) or 1
    where = ".".join(section) if section else "the file"
    for key, english_entry in english.items():
        entry = translated.get(key)
        if entry is None:
            problems.append(
                ContentProblem(
                    document.display_path,
                    section_line,
                    f"{noun} {key!r} has no Spanish text; add it under {where}, with the same keys as the entries"
                    " around it",
                )
            )
            continue
        line = document.line_of([*section, key])
        problems += _shape_problems(document.display_path, line, f"{noun} {key!r}", english_entry, entry)
        loaded.entries.append(
            TranslatedEntry(
                document.display_path,
                document.line_of([*section, key, STAMP_KEY]) or line,
                f"{noun} {key!r}",
                entry.translates,
                stamp_of(english_texts(english_entry, type(entry))),
            )
        )
    for key in translated:
        if key not in english:
            problems.append(
                ContentProblem(
                    document.display_path,
                    document.line_of([*section, key]),
                    f"there is no English {noun} {key!r}{did_you_mean(key, english)}; fix the key or remove the entry",
                )
            )
    return translated, problems


def _shape_problems(file: str, line: int | None, what: str, english: BaseModel, entry: _Texts) -> list[ContentProblem]:
    problems = []
    for name in type(entry).text_fields():
        if name in OWN_FORMS:
            continue
        english_value = getattr(english, name, None)
        value = getattr(entry, name)
        if isinstance(english_value, list) and len(value) != len(english_value):
            problems.append(
                ContentProblem(
                    file,
                    line,
                    f"{what}: {name} has {len(value)} items but the English has {len(english_value)}; translate each"
                    " English item once, in the same order",
                )
            )
        elif english_value is None and value not in (None, []):
            problems.append(ContentProblem(file, line, f"{what}: the English has no {name}; remove it"))
        elif english_value not in (None, []) and value in (None, []):
            problems.append(ContentProblem(file, line, f"{what}: {name} is missing; translate the English {name}"))
    return problems
