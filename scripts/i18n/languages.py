"""The site's languages and where each language's files live.

English is the source: docs/NAME.md and data/NAME.yml. A translation sits beside it with the language before the
extension (docs/NAME.es.md, data/NAME.es.yml), the layout mkdocs-static-i18n's `suffix` structure reads.
"""

from __future__ import annotations

from pathlib import PurePosixPath

DEFAULT_LANGUAGE = "en"
TRANSLATIONS = ("es",)
LANGUAGES = (DEFAULT_LANGUAGE, *TRANSLATIONS)


def translation_path(path: str, language: str) -> str:
    """docs/aftercare.md -> docs/aftercare.es.md; the English path for English."""
    if language == DEFAULT_LANGUAGE:
        return path
    source = PurePosixPath(path)
    return str(source.with_name(f"{source.stem}.{language}{source.suffix}"))


def language_of(path: str) -> str:
    """The language a file is written in, from its name: aftercare.es.md is Spanish, aftercare.md English."""
    suffixes = PurePosixPath(path).suffixes
    return suffixes[-2][1:] if len(suffixes) >= 2 and suffixes[-2][1:] in TRANSLATIONS else DEFAULT_LANGUAGE


def english_path(path: str) -> str:
    """docs/aftercare.es.md -> docs/aftercare.md; an English path is returned as it is."""
    language = language_of(path)
    if language == DEFAULT_LANGUAGE:
        return path
    source = PurePosixPath(path)
    return str(source.with_name(source.name.replace(f".{language}.", ".", 1)))
