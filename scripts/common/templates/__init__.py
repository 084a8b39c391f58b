"""The one Jinja environment: templates turn data files into the pages and lists the build generates.

Fixed words in templates come from strings.yml in the language being built: `t` in every template. The language
is set per build (`in_language`), so one build's pages never get another language's words.
"""

from __future__ import annotations

import contextlib
import datetime
import re
from collections.abc import Iterator
from contextvars import ContextVar
from functools import cache
from pathlib import Path

import jinja2

from scripts.common.content_errors import ContentError, ContentProblem
from scripts.common.yaml_loader import load_yaml_file

STRINGS_FILE = Path(__file__).with_name("strings.yml")
_language: ContextVar[str] = ContextVar("template_language", default="en")

_environment = jinja2.Environment(
    loader=jinja2.PackageLoader("scripts.common", "templates"),
    # Markdown templates print editors' text as Markdown; HTML templates escape what they print.
    autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)


@cache
def _all_strings() -> dict[str, dict]:
    document = load_yaml_file(STRINGS_FILE, "scripts/common/templates/strings.yml")
    languages = {language for texts in document.data.values() for language in texts}
    problems = [
        ContentProblem(document.display_path, document.line_of([key]), f"{key} has no {language!r} text; add one")
        for key, texts in document.data.items()
        for language in sorted(languages - set(texts))
    ]
    if problems:
        raise ContentError(problems)
    return document.data


def strings(language: str) -> dict:
    """Every fixed template word in `language`, by key."""
    return {key: texts[language] for key, texts in _all_strings().items()}


def phrase(key: str, **values) -> str:
    """A fixed phrase in the language templates are being rendered in, with `values` filled in; Spanish contractions
    ("de el" -> "del") applied, so code can join phrases without knowing the language."""
    words = strings(_language.get())
    text = words[key].format(**values)
    for long, short in words["contractions"].items():
        text = re.sub(rf"\b{re.escape(long)}", short, text)
    return text


def long_date(day: datetime.date, language: str) -> str:
    words = strings(language)
    return words["date"].format(day=day.day, month=words["months"][day.month - 1], year=day.year)


@contextlib.contextmanager
def in_language(language: str) -> Iterator[None]:
    """Templates rendered inside this block print their fixed words in `language`."""
    token = _language.set(language)
    try:
        yield
    finally:
        _language.reset(token)


def render_template(name: str, **values) -> str:
    return _environment.get_template(name).render(t=strings(_language.get()), **values)
