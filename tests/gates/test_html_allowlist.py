"""One allowlist for sources, rendered pages and copied files: each forbidden case is caught, allowed ones pass."""

from __future__ import annotations

import re
import subprocess
import sys

import markdown
import pytest
from mkdocs.config import load_config

from scripts.checks.html_allowlist import check_paths
from scripts.common.yaml_loader import parse_yaml
from scripts.site.copied_files import check_copied_file
from scripts.site.html_allowlist import (
    ALLOWED_CLASSES,
    GENERATED_CLASS,
    check_page_source,
    check_rendered_html,
    check_yaml_texts,
)
from tests.conftest import PROJECT_ROOT

PAGE_START = "---\ntitle: Aftercare\n---\n\n# Aftercare\n\n"
BROKEN_LINE = 7  # the first line after PAGE_START

FORBIDDEN = {
    "script": ("<script>alert(1)</script>", "<script> is not allowed in pages; pages must not run code"),
    "iframe": (
        '<iframe src="https://video.example/x"></iframe>',
        "<iframe> is not allowed in pages; embed nothing from other sites — link to it instead",
    ),
    "style tag": (
        "<style>p { color: red }</style>",
        "<style> is not allowed in pages; styling belongs in docs/stylesheets/extra.css",
    ),
    "object": ('<object data="x.swf"></object>', "<object> is not allowed in pages; embed nothing from other sites"),
    "embed": ('<embed src="x.swf">', "<embed> is not allowed in pages; embed nothing from other sites"),
    "form": (
        '<form action="/send"><input name="email"></form>',
        "<form> is not allowed in pages; the guide collects nothing from readers",
    ),
    "unlisted tag": (
        "<marquee>Hi</marquee>",
        "<marquee> is not allowed in pages; use Markdown instead, or ask a developer",
    ),
    "event handler": (
        '<span onclick="steal()">x</span>',
        "<span>: the onclick= attribute is not allowed: pages must not run code",
    ),
    "event handler, upper case": ('<div ONMOUSEOVER="x()">x</div>', "<div>: the onmouseover= attribute is not allowed"),
    "style attribute": ('<span style="color: red">x</span>', "<span>: the style= attribute is not allowed"),
    "attribute not for this tag": (
        '<a href="../x/" target="_blank">x</a>',
        "<a>: the target= attribute is not allowed on <a>",
    ),
    "javascript href": ('<a href="javascript:alert(1)">x</a>', "<a>: the link 'javascript:alert(1)' is not allowed"),
    "javascript href hidden by entities": (
        '<a href="java&#115;cript:x()">x</a>',
        "<a>: the link 'javascript:x()' is not allowed",
    ),
    "data href": (
        '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
        "<a>: the link 'data:text/html;base64,PHNjcmlwdD4=' is not allowed",
    ),
    "javascript Markdown link": ("[click here](javascript:alert(1))", "the link 'javascript:alert(1)' is not allowed"),
    "data Markdown image": (
        "![chart](data:image/svg+xml;base64,PHN2Zz4=)",
        "the address 'data:image/svg+xml;base64,PHN2Zz4=' is not allowed for a picture",
    ),
    "javascript reference link": ("[ref]: javascript:alert(1)", "the link 'javascript:alert(1)' is not allowed"),
    "javascript autolink": ("<javascript:alert(1)>", "the link 'javascript:alert(1)' is not allowed"),
    "event handler in attribute list": (
        '## Heading { onclick="x()" }',
        "{ ... } attribute list: the onclick= attribute is not allowed",
    ),
    "style in attribute list": (
        "[link](../x/){: style='color:red' }",
        "{ ... } attribute list: the style= attribute is not allowed",
    ),
}


@pytest.mark.parametrize("case", sorted(FORBIDDEN))
def test_forbidden_html_is_reported_with_file_line_and_fix(case):
    snippet, expected = FORBIDDEN[case]

    problems = [str(problem) for problem in check_page_source("docs/aftercare.md", PAGE_START + snippet + "\n")]

    assert any(problem.startswith(f"docs/aftercare.md:{BROKEN_LINE}: {expected}") for problem in problems), problems


ALLOWED = {
    "abbreviation": '<abbr title="post-inflammatory hyperpigmentation">PIH</abbr>',
    "keyboard and superscript": "Press <kbd>Ctrl</kbd>+<kbd>P</kbd>. 10<sup>3</sup> and H<sub>2</sub>O<br>",
    "Markdown block": '<div class="grid cards" markdown>\n\n- one\n\n</div>',
    "aria on span": '<span class="visually-hidden" aria-label="clinic practice">clinic</span>',
    "details": "<details open><summary>More</summary>Text</details>",
    "time": '<time datetime="2026-11-21">21 November 2026</time>',
    "safe links": '<a href="../side-effects/#when-to-get-help" title="When to get help">help</a> '
    "[FDA](https://www.fda.gov/) <https://www.fda.gov/> <editors@microneedling-guide.example.org>",
    "table": '<table><caption>C</caption><thead><tr><th scope="col" colspan="2">A</th></tr></thead>'
    '<tbody><tr><td rowspan="1">1</td></tr></tbody></table>',
    "code span": "Never write `<script>` or `[x](javascript:y)` in a page.",
    "fenced code": '```html\n<iframe src="x"></iframe>\n<p style="x" onclick="y">\n```',
    "fenced code in admonition": "!!! note\n    ~~~\n    <script>alert(1)</script>\n    ~~~",
    "comparison sign": "Fewer than 1 in 100 people (< 1%) and more than 5 > 4.",
    "comment": "<!-- <script>this is a note for editors</script> -->",
    "attribute list": "## Heading { #my-id .highlight }",
}


@pytest.mark.parametrize("case", sorted(ALLOWED))
def test_allowed_html_and_code_examples_pass(case):
    assert check_page_source("docs/aftercare.md", PAGE_START + ALLOWED[case] + "\n") == []


@pytest.mark.parametrize("title", ["<script>x</script>", "`<script>x</script>`"])
def test_front_matter_values_are_checked_as_html(title):
    # The theme prints the title into the navigation and the tab as it is: not Markdown, so code is no shelter.
    assert [str(problem) for problem in check_page_source("docs/a.md", f"---\ntitle: '{title}'\n---\n")] == [
        "docs/a.md:2: <script> is not allowed in pages; pages must not run code; ask a developer if you need "
        "something interactive"
    ]


def test_html_in_data_file_strings_is_reported_but_comments_are_not():
    data = (
        "# Strings here end up in pages. Never add <script> to them.\n"
        '- id: x\n  summary: "Read <iframe src=x></iframe>"\n'
    )

    assert [str(problem) for problem in check_yaml_texts(parse_yaml(data, "data/glossary.yml"))] == [
        "data/glossary.yml:3: <iframe> is not allowed in pages; embed nothing from other sites — link to it instead"
    ]


def test_pages_and_data_files_pass():
    problems = check_paths([PROJECT_ROOT / "docs", PROJECT_ROOT / "data"], root=PROJECT_ROOT)
    assert problems == [], "\n".join(map(str, problems))


def test_command_line_lists_problems_and_fails(tmp_path):
    page = tmp_path / "docs" / "aftercare.md"
    page.parent.mkdir()
    page.write_text(PAGE_START + "<iframe></iframe>\n", encoding="utf-8")

    result = subprocess.run(
        [sys.executable, "-m", "scripts.checks.html_allowlist", str(page.parent)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 1
    assert f"aftercare.md:{BROKEN_LINE}: <iframe> is not allowed in pages" in result.stdout


RENDERED_FORBIDDEN = {
    "script": ("<p>Hi</p><script>x()</script>", "<script> is not allowed in pages"),
    "handler on a heading": ('<h2 id="a" onclick="x()">A</h2>', "<h2>: the onclick= attribute is not allowed"),
    "picture with a handler": (
        '<img src="a.png" alt="" onerror="x()">',
        "<img>: the onerror= attribute is not allowed",
    ),
    "styled text": ('<span style="color: red">x</span>', "<span>: the style= attribute is not allowed"),
    "style hiding a rule": (
        '<span style="--a: 1%; background: url(x)">x</span>',
        "the style= attribute is not allowed",
    ),
    "javascript link in any case": (
        '<a href=" JaVaScRiPt:x()">x</a>',
        "<a>: the link ' JaVaScRiPt:x()' is not allowed",
    ),
    "file link": ('<a href="file:///etc/passwd">x</a>', "<a>: the link 'file:///etc/passwd' is not allowed"),
}


@pytest.mark.parametrize("case", sorted(RENDERED_FORBIDDEN))
def test_rendered_html_off_the_allowlist_is_reported(case):
    html, expected = RENDERED_FORBIDDEN[case]
    messages = [problem.message for problem in check_rendered_html("docs/a.md", html)]
    assert any(message.startswith("the page would publish this: ") and expected in message for message in messages)


def test_rendered_markdown_output_passes():
    html = (
        '<h2 id="care">Care<a class="headerlink" href="#care" title="Link to this section">¶</a></h2>'
        '<p><img alt="A chart" src="chart.png"> <a href="mailto:editors@example.org">mail</a> '
        '<a href="https://www.fda.gov/">FDA</a></p><blockquote><p>Quote</p></blockquote><hr><pre><code>x</code></pre>'
        '<div class="tl-track" aria-hidden="true"><span class="tl-bar" style="--tl-start: 0.0%; --tl-width: 42.86%">'
        "</span></div>"
    )
    assert check_rendered_html("docs/a.md", html, generated=True) == []


MARKDOWN_OF_EVERY_KIND = """# Title

Text with *emphasis*, **strong**, `code`, a [link](../x/), an <https://www.fda.gov/> autolink and HTML.

| Left | Right | Centre |
|:-----|------:|:------:|
| 1    | 2     | 3      |

```python
x = 1
```

Term
:   Definition

> A quote

![A chart](chart.png "Chart")

---

!!! note "A note"
    Body text.

??? tip "More"
    Hidden text.

## Heading { #custom .highlight }

HTML is a markup language.

*[HTML]: HyperText Markup Language
"""


def test_everything_markdown_writes_passes_the_rendered_allowlist():
    # The site's own extensions and settings, as MkDocs reads them for the build.
    config = load_config(str(PROJECT_ROOT / "mkdocs.yml"))
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    html = md.convert(MARKDOWN_OF_EVERY_KIND)

    assert "text-align" in html and "<dl>" in html and "<abbr" in html
    assert check_rendered_html("docs/a.md", html) == []


def test_rendered_problem_points_at_the_source_line_that_mentions_it():
    source = "---\ntitle: A\n---\n\nText.\n\n<div>\n\n`<SCRIPT>x()</script>`\n\n</div>\n"
    problems = check_rendered_html("docs/a.md", "<div>`<script>x()</script>`</div>", source)
    assert [problem.line for problem in problems] == [9]


SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
COPIED = {
    "script": (f"{SVG}>\n<script>x()</script></svg>", 2, "<script> is not allowed"),
    "foreign object": (f"{SVG}>\n\n<foreignObject><p>x</p></foreignObject></svg>", 3, "<foreignObject> is not allowed"),
    "handler": (f'{SVG} onload="x()"></svg>', 1, "<svg>: the onload= attribute is not allowed"),
    "javascript link": (f'{SVG}><use xlink:href="javascript:x()"/></svg>', 1, "the reference 'javascript:x()'"),
    "animated link": (f'{SVG}><g><set attributeName="href" to="javascript:x()"/></g></svg>', 1, "<set> is not allowed"),
    "no namespace": ("<svg><rect/></svg>", 1, "<svg> is not allowed in pictures"),
    "picture from another host": (f"{SVG}><rect fill='url(https://x.example/p)'/></svg>", 1, "leaves the drawing"),
}


@pytest.mark.parametrize("case", sorted(COPIED))
def test_svg_pictures_that_could_run_code_are_reported(case):
    svg, line, expected = COPIED[case]
    problems = check_copied_file("docs/images/a.svg", "images/a.svg", svg.encode())
    assert any(problem.line == line and expected in problem.message for problem in problems), problems


def test_harmless_files_pass_and_others_are_refused():
    drawing = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg">'
        b'<defs><linearGradient id="g"/></defs><g><rect style="fill:red" fill="url(#g)"/></g></svg>'
    )
    assert check_copied_file("docs/images/a.svg", "images/a.svg", drawing) == []
    assert check_copied_file("docs/images/a.png", "images/a.png", b"\x89PNG\r\n\x1a\n....") == []
    assert check_copied_file("docs/stylesheets/x.css", "stylesheets/x.css", b"body { color: red }") == []
    assert check_copied_file("docs/javascripts/x.js", "javascripts/x.js", b"// a comment\nlet a = 1;") == []
    for name in ("a.html", "a.xht", "a.xml", "images/x.css", "a.pdf"):
        [problem] = check_copied_file(f"docs/{name}", name, b"<p>Hi</p>")
        assert "would be published unchecked" in problem.message


def test_the_gate_refuses_links_and_disguised_names_and_checks_every_file(tmp_path):
    docs = tmp_path / "docs"
    (docs / "stylesheets").mkdir(parents=True)
    (docs / "stylesheets" / "extra.css").write_text('@import url("https://fonts.example/a.css");\n', encoding="utf-8")
    (docs / "notes\u202etxt.md").write_text("# Notes\n", encoding="utf-8")
    (docs / "passwd.md").symlink_to("/etc/passwd")

    messages = [str(problem) for problem in check_paths([docs], root=tmp_path)]
    # Named on its own, as pre-commit names files, a link is still a link.
    alone = [str(problem) for problem in check_paths([docs / "passwd.md"], root=tmp_path)]

    assert any(message.startswith("docs/stylesheets/extra.css:1: ") for message in messages), messages
    assert any(message.startswith("docs/notes\\u202etxt.md: this file name holds") for message in messages), messages
    assert any(message.startswith("docs/passwd.md: this is a symbolic link") for message in messages), messages
    assert alone == [
        "docs/passwd.md: this is a symbolic link, which would publish whatever file it points at; "
        "replace it with the file itself"
    ]


def test_every_class_the_templates_write_is_allowed():
    """A class added to a template must be added to the allowlist too, or every page using it stops the build."""
    templates = [*(PROJECT_ROOT / "scripts").rglob("*.j2"), *(PROJECT_ROOT / "scripts" / "timeline").glob("*.py")]
    unknown = {
        f"{template.relative_to(PROJECT_ROOT)}: {name}"
        for template in templates
        for value in re.findall(r'class="([^"\n]*)"', template.read_text(encoding="utf-8"))
        # Names put together from data (sign-{{ id }}) are checked by GENERATED_CLASS on the built page.
        for name in re.sub(r"\{\{.*?\}\}|\{[^}]*\}", "- ", value).split()
        if not name.endswith("-") and name not in ALLOWED_CLASSES and not GENERATED_CLASS.fullmatch(name)
    }
    assert not unknown, f"add these classes to ALLOWED_CLASSES in scripts/site/html_allowlist.py: {sorted(unknown)}"
