"""The one Jinja environment: templates turn data files into the pages and lists the build generates."""

from __future__ import annotations

import jinja2

_environment = jinja2.Environment(
    loader=jinja2.PackageLoader("scripts.common", "templates"),
    # Markdown templates print editors' text as Markdown; HTML templates escape what they print.
    autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)


def render_template(name: str, **values) -> str:
    return _environment.get_template(name).render(**values)
