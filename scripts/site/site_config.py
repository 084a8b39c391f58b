"""The site settings editors can change in mkdocs.yml that reach every page: nothing from other hosts, no tracking.

`extra` is printed into every page by the theme (links, analytics), and `extra_css` and `extra_javascript` are
loaded by every page, so each must stay on the site: no analytics, no address on another host, no scheme such
as javascript:, and style sheets and scripts only from the theme's own folders in docs/. The site's name,
description and copyright line are printed as HTML, so they pass the pages' allowlist; the theme's fonts stay
off (Material would load them from Google), and its logo and icon come from the site.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scripts.common.content_errors import ContentProblem
from scripts.site.copied_files import THEME_FOLDERS
from scripts.site.html_allowlist import check_html_text, other_host_or_scheme

# Settings whose only use is to tell another site about readers.
TRACKING_KEYS = frozenset({"analytics", "consent", "tracking"})


def _values(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    """(key path, value) of every key and leaf under `value`."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield f"{path}.{key}", item
            yield from _values(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _values(item, f"{path}[{index}]")
    else:
        yield path, value


def site_config_problems(display_path: str, text: str, settings: dict[str, Any]) -> list[ContentProblem]:
    """Problems in `settings` (extra, extra_css, extra_javascript as loaded); `text` is the file, for lines."""
    lines = text.split("\n")

    def problem(key_path: str, shown: str, message: str) -> ContentProblem:
        return ContentProblem(display_path, _line_of(lines, key_path, shown), f"{key_path}: {message}")

    problems: list[ContentProblem] = []
    for key_path, value in _values(settings.get("extra") or {}, "extra"):
        key = key_path.rpartition(".")[2].split("[")[0]
        if key.lower() in TRACKING_KEYS:
            problems.append(
                problem(key_path, key, "the guide tracks no one and asks no consent for it; remove this setting")
            )
        elif isinstance(value, str) and other_host_or_scheme(value):
            problems.append(
                problem(
                    key_path,
                    value,
                    f"'{value[:60]}' points at another site or runs a scheme; the theme puts it on every page, so"
                    " use a path on this site or remove it",
                )
            )
    for key in ("site_name", "site_description", "copyright"):
        text = settings.get(key) or ""
        problems += [
            ContentProblem(display_path, found.line, f"{key}: {found.message}")
            for found in check_html_text(display_path, text, _line_of(lines, key, f"{key}:"))
        ]
    if settings.get("theme.font") not in (None, False):
        problems.append(
            problem(
                "theme.font",
                "font:",
                "the theme would load its fonts from Google's servers for every reader; set font: false",
            )
        )
    for key in ("theme.logo", "theme.favicon"):
        value = settings.get(key)
        if isinstance(value, str) and other_host_or_scheme(value):
            problems.append(
                problem(key, value, f"'{value[:60]}' is on another site; save the picture in docs/ and name its path")
            )
    for key, suffix in (("extra_css", ".css"), ("extra_javascript", ".js")):
        folder = THEME_FOLDERS[suffix]
        for index, path in enumerate(settings.get(key) or []):
            if other_host_or_scheme(path) or not (path.startswith(f"{folder}/") and path.endswith(suffix)):
                problems.append(
                    problem(
                        f"{key}[{index}]",
                        path,
                        f"'{path[:60]}' is not a {suffix} file in docs/{folder}/; every page loads it, so it must be"
                        f" the site's own: put the file in docs/{folder}/ and list it as {folder}/name{suffix}",
                    )
                )
    return problems


def _line_of(lines: list[str], key_path: str, shown: str) -> int | None:
    """The first line holding the value shown, else the line of the setting's top key."""
    for needle in (shown, f"{key_path.split('.')[0].split('[')[0]}:"):
        for number, line in enumerate(lines, start=1):
            if needle and needle in line:
                return number
    return None
