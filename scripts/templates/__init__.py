"""Jinja templates for the pages and lists the build generates from data files."""

from __future__ import annotations

import jinja2

_environment = jinja2.Environment(
    loader=jinja2.PackageLoader("scripts", "templates"),
    autoescape=False,  # Templates produce Markdown; values are escaped where they land in HTML.
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)


def render_template(name: str, **values) -> str:
    return _environment.get_template(name).render(**values)
