"""Only harmless HTML reaches readers: one allowlist of tags, attributes and link schemes, checked in three places.

The guide must never run code, load anything from another site or collect anything from readers, so nothing
may add scripts, frames, forms, inline styles, event handlers (onclick=...) or javascript:/data: links.

1. Sources, for their line numbers: pages and snippets are parsed by markdown-it-py (code blocks and `code
   spans` are shown, not run, so they are skipped); every text in a data file and every front-matter value is
   checked the same way, since templates print them as Markdown. Pre-commit checks everything this way; the
   build checks front matter, snippets and data files up front, and a page's body when its HTML is off the list.
2. The HTML each page renders to, parsed by html.parser: what the browser will get, so no Markdown trick gets
   past it. The build runs this on every page's content before anything is written.
3. Files the build copies from docs/ as they are: SVG pictures may not script, and HTML files are refused.

Usage: python -m scripts.checks.html_allowlist PATH...   (files, or folders to scan for pages, data and pictures)
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

from markdown_it.token import Token

from scripts.common.content_errors import ContentError, ContentProblem
from scripts.common.markdown_source import parse_markdown, split_front_matter
from scripts.common.yaml_loader import YamlDocument, load_yaml_file, parse_yaml, read_text

# Attributes any allowed tag may carry; aria-* attributes are allowed too, for accessibility.
COMMON_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "role"})
# Tags editors may write as HTML, each with the attributes it may carry beyond the common ones.
# "markdown" asks md_in_html to render Markdown inside a block.
ALLOWED_TAGS: dict[str, frozenset[str]] = {
    "a": frozenset({"href"}),
    "abbr": frozenset(),
    "br": frozenset(),
    "code": frozenset(),
    "dd": frozenset(),
    "dl": frozenset(),
    "dt": frozenset(),
    "details": frozenset({"open", "markdown"}),
    "div": frozenset({"markdown"}),
    "em": frozenset(),
    "kbd": frozenset(),
    "li": frozenset({"value"}),
    "mark": frozenset(),
    "ol": frozenset({"start", "reversed", "type"}),
    "p": frozenset(),
    "small": frozenset(),
    "span": frozenset({"markdown"}),
    "strong": frozenset(),
    "sub": frozenset(),
    "sup": frozenset(),
    "summary": frozenset(),
    "table": frozenset(),
    "caption": frozenset(),
    "thead": frozenset(),
    "tbody": frozenset(),
    "tfoot": frozenset(),
    "tr": frozenset(),
    "th": frozenset({"colspan", "rowspan", "scope"}),
    "td": frozenset({"colspan", "rowspan"}),
    "time": frozenset({"datetime"}),
    "ul": frozenset(),
}
# What Markdown itself writes for headings, pictures, quotes, code and tables; editors write these in Markdown.
RENDERED_TAGS: dict[str, frozenset[str]] = {
    **ALLOWED_TAGS,
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6", "hr", "blockquote", "pre", "del", "ins", "s"), frozenset()),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "th": frozenset({"colspan", "rowspan", "scope", "align"}),
    "td": frozenset({"colspan", "rowspan", "align"}),
}
# Why the most likely forbidden tags are forbidden, so the message says what to do instead.
FORBIDDEN_TAG_ADVICE = {
    **dict.fromkeys(
        ("script", "noscript"), "pages must not run code; ask a developer if you need something interactive"
    ),
    **dict.fromkeys(
        ("iframe", "frame", "frameset", "object", "embed", "applet", "portal", "video", "audio"),
        "embed nothing from other sites — link to it instead",
    ),
    **dict.fromkeys(
        ("style", "link"), "styling belongs in docs/stylesheets/extra.css; ask a developer for a CSS class"
    ),
    **dict.fromkeys(
        ("form", "input", "button", "select", "textarea", "option"),
        "the guide collects nothing from readers; link to an email address instead",
    ),
    **dict.fromkeys(("meta", "base"), "it changes how the whole page loads; ask a developer"),
    "img": "use Markdown for pictures: ![what the picture shows](picture.png)",
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), "use a Markdown heading: ## Heading"),
}
UNLISTED_TAG_ADVICE = (
    "use Markdown instead, or ask a developer to add the tag to ALLOWED_TAGS in scripts/checks/html_allowlist.py"
)
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "cite", "poster", "background", "xlink:href"})
# Links may go to other pages of the guide (no scheme), to web addresses, or open mail and phone apps.
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
URL_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
# Styles the build itself writes: the timeline chart places its bars with CSS custom properties
# (style="--tl-at: 42%") and Markdown tables align columns (style="text-align: right;"). Nothing else may style.
RENDERED_STYLE = re.compile(r"\s*((--[\w-]+\s*:\s*-?[\d.]+%?|text-align\s*:\s*(left|right|center))\s*(;\s*|$))+")
# Every tag, link scheme (even one written with an entity, like javascript&#58;) and attribute list needs one of
# these; most texts in data files and front matter have none and need no parsing.
MAY_HOLD_MARKUP = re.compile(r"[<:&{]")
# Attribute lists such as { #id .class key="value" } set attributes on headings, links and blocks.
ATTRIBUTE_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*=[^{}\n]*)\}")
ATTRIBUTE_PAIR = re.compile(r"""([^\s=#.]+)=(?:"([^"]*)"|'([^']*)'|(\S+))""")
# SVG pictures may draw anything but may not run code or hold another document.
SVG_FORBIDDEN_TAGS = frozenset({"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"})
# Animations (<set to=...>, <animate values=...>) can swap a link's target, so their values count as links.
SVG_URL_ATTRIBUTES = URL_ATTRIBUTES | {"values", "to", "from", "by"}
# Copied into the site byte for byte, so whatever they hold would be published unchecked.
UNCHECKED_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


def unsafe_url(value: str) -> bool:
    # Browsers ignore spaces and control characters inside a scheme, so "java script:" still runs.
    squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
    scheme = URL_SCHEME.match(squeezed)
    return bool(scheme) and scheme.group(1) not in ALLOWED_SCHEMES


def _url_message(value: str) -> str:
    shown = value if len(value) <= 40 else value[:37] + "..."
    return f"the link '{shown}' is not allowed; link to a web address starting https:// or to another page of the guide"


def _forbidden_attribute(name: str, value: str | None, *, rendered: bool = False) -> str | None:
    """Why an attribute is never allowed, on any tag or in a { ... } attribute list; None if it may be."""
    if name.startswith("on"):
        return f"the {name}= attribute is not allowed: pages must not run code; remove it"
    if name == "style" and not (rendered and RENDERED_STYLE.fullmatch(value or "")):
        return (
            "the style= attribute is not allowed; remove it,"
            " or ask a developer for a CSS class in docs/stylesheets/extra.css"
        )
    if name in URL_ATTRIBUTES and value and unsafe_url(value):
        return _url_message(value)
    return None


class _TagChecker(HTMLParser):
    """Every start tag checked against `allowed`; found problems are (line within the text, message)."""

    def __init__(self, allowed: dict[str, frozenset[str]], *, rendered: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.allowed = allowed
        self.rendered = rendered
        self.found: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag not in self.allowed:
            self.found.append(
                (line, f"<{tag}> is not allowed in pages; {FORBIDDEN_TAG_ADVICE.get(tag, UNLISTED_TAG_ADVICE)}")
            )
            return
        for name, value in attrs:
            problem = _forbidden_attribute(name, value, rendered=self.rendered)
            # A style= that passed _forbidden_attribute is one the build itself writes (RENDERED_STYLE).
            permitted = name in COMMON_ATTRIBUTES or name.startswith("aria-") or name in self.allowed[tag]
            if not problem and not (permitted or (self.rendered and name == "style")):
                allowed = ", ".join(sorted(COMMON_ATTRIBUTES | self.allowed[tag])) + ", aria-*"
                problem = f"the {name}= attribute is not allowed on <{tag}>; remove it (allowed: {allowed})"
            if problem:
                self.found.append((line, f"<{tag}>: {problem}"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def _html_problems(
    html: str, allowed: dict[str, frozenset[str]], *, rendered: bool, first_line: int = 1
) -> list[tuple[int, str]]:
    """(line, message) for each problem; `html` starts on line `first_line` of its file."""
    checker = _TagChecker(allowed, rendered=rendered)
    checker.feed(html)
    checker.close()
    return [(first_line + line - 1, message) for line, message in checker.found]


# 1. Sources, with line numbers.


def check_markdown(display_path: str, markdown: str, first_line: int = 1) -> list[ContentProblem]:
    """Every use of HTML, attribute lists or links in Markdown that is not on the allowlist, with its line."""
    found = _markdown_problems(markdown, first_line)
    return [ContentProblem(display_path, line, message) for line, message in sorted(set(found))]


def _markdown_problems(markdown: str, first_line: int) -> list[tuple[int, str]]:
    if not MAY_HOLD_MARKUP.search(markdown):
        return []
    blocks = parse_markdown(markdown, first_line)
    found: list[tuple[int, str]] = []
    for line, title in blocks.openers:
        found += _markdown_problems(title, line)
    for line, token in blocks.tokens:
        if token.type == "html_block":
            found += _html_problems(token.content, ALLOWED_TAGS, rendered=False, first_line=line)
        elif token.type == "inline":
            found += _inline_problems(token.children or [], line)
    found += [(line, _url_message(url)) for line, url in blocks.references if unsafe_url(url)]
    return found


def _inline_problems(children: list[Token], line: int) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "html_inline":
            found += _html_problems(child.content, ALLOWED_TAGS, rendered=False, first_line=line)
            line += child.content.count("\n")
        elif child.type in ("link_open", "image"):
            url = str(child.attrs.get("href" if child.type == "link_open" else "src", ""))
            if unsafe_url(url):
                found.append((line, _url_message(url)))
        elif child.type == "text":
            found += [(line, message) for message in _attribute_list_problems(child.content)]
    return found


def _attribute_list_problems(text: str) -> Iterable[str]:
    for attribute_list in ATTRIBUTE_LIST.finditer(text):
        for pair in ATTRIBUTE_PAIR.finditer(attribute_list.group(1)):
            value = next((group for group in pair.groups()[1:] if group is not None), "")
            problem = _forbidden_attribute(pair.group(1).lower(), value)
            if problem:
                yield f"{{ ... }} attribute list: {problem}"


def check_page_source(display_path: str, source: str) -> list[ContentProblem]:
    """A page or snippet: its front-matter values and its Markdown."""
    page = split_front_matter(source)
    return check_front_matter(display_path, source) + check_markdown(display_path, page.body, page.body_first_line)


def check_front_matter(display_path: str, source: str) -> list[ContentProblem]:
    """A page's front-matter values, as HTML: the theme prints the title and description into pages unescaped.

    They are not Markdown there, so a `code span` is no shelter.
    """
    try:
        document = parse_yaml(split_front_matter(source).front_matter or "", display_path, first_line=2)
    except ContentError:
        return []  # broken front matter is reported, with its line, by the front-matter check
    return [
        ContentProblem(display_path, line, message)
        for _, first_line, text in document.texts()
        for line, message in _html_problems(text, ALLOWED_TAGS, rendered=False, first_line=first_line)
    ]


def check_yaml_texts(document: YamlDocument) -> list[ContentProblem]:
    """Every text value in a data file or front matter: templates print them into pages as Markdown."""
    return [
        problem for _, line, text in document.texts() for problem in check_markdown(document.display_path, text, line)
    ]


# 2. The HTML a page renders to.


def check_rendered_page(display_path: str, html: str, source: str = "") -> list[ContentProblem]:
    """A page's rendered content; when something is off, its Markdown `source` is read for the exact lines.

    Parsing the source costs as much again as the check, so a clean build skips it. Whatever only the rendered
    HTML shows is reported from there, at the first source line mentioning it.
    """
    rendered = check_rendered_html(display_path, html, source)
    if not rendered or not source:
        return rendered
    page = split_front_matter(source)
    return check_markdown(display_path, page.body, page.body_first_line) or rendered


def check_rendered_html(display_path: str, html: str, source: str = "") -> list[ContentProblem]:
    """Every element, attribute and link of a page's rendered content against the allowlist.

    Lines in rendered HTML mean nothing to an editor, so each problem points at the first line of `source`
    (the page's Markdown) that mentions the tag, attribute or link, when there is one.
    """
    return [
        ContentProblem(display_path, _line_mentioning(source, message), f"the page would publish this: {message}")
        for message in dict.fromkeys(message for _, message in _html_problems(html, RENDERED_TAGS, rendered=True))
    ]


def _line_mentioning(source: str, message: str) -> int | None:
    named = re.match(r"<([\w:-]+)>(?:: the ([\w:-]+)= attribute| is not allowed)", message)
    link = re.search(r"the link '([^']*?)(?:\.\.\.)?'", message)
    needles = [link.group(1)] if link else []
    if named:
        needles += [f"{named.group(2)}=" if named.group(2) else f"<{named.group(1)}"]
    for needle in needles:
        for number, line in enumerate(source.lower().split("\n"), start=1):
            if needle.lower() in line:
                return number
    return None


# 3. Files copied into the site as they are.


def check_copied_file(display_path: str, raw: bytes) -> list[ContentProblem]:
    """An SVG picture that could run code, or a page that would bypass every check."""
    suffix = Path(display_path).suffix.lower()
    if suffix in UNCHECKED_PAGE_SUFFIXES:
        return [
            ContentProblem(
                display_path,
                None,
                "HTML files are copied into the site unchecked; write the page in Markdown (.md) instead,"
                " or ask a developer",
            )
        ]
    if suffix != ".svg":
        return []
    checker = _SvgChecker()
    checker.feed(raw.decode("utf-8", errors="replace"))
    checker.close()
    return [ContentProblem(display_path, line, message) for line, message in checker.found]


class _SvgChecker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag in SVG_FORBIDDEN_TAGS:
            self.found.append((line, f"<{tag}> is not allowed in pictures: they must not run code; remove it"))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((line, f"<{tag}>: the {name}= attribute is not allowed: pictures must not run code"))
            elif name in SVG_URL_ATTRIBUTES and value and unsafe_url(value):
                self.found.append((line, f"<{tag}> {name}=: {_url_message(value)}"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


# The command line, for pre-commit.


CHECKED_SUFFIXES = frozenset({".md", ".yml", ".yaml", ".svg", *UNCHECKED_PAGE_SUFFIXES})


def _files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(file for file in path.rglob("*") if file.suffix.lower() in CHECKED_SUFFIXES)
        elif path.suffix.lower() in CHECKED_SUFFIXES:
            files.append(path)
    return files


def check_paths(paths: list[Path], root: Path | None = None) -> list[ContentProblem]:
    root = (root or Path.cwd()).resolve()
    problems: list[ContentProblem] = []
    for file in _files(paths):
        resolved = file.resolve()
        display = resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else file.as_posix()
        try:
            if file.suffix == ".md":
                problems += check_page_source(display, read_text(file, display))
            elif file.suffix in {".yml", ".yaml"}:
                problems += check_yaml_texts(load_yaml_file(file, display))
            else:
                problems += check_copied_file(display, file.read_bytes())
        except ContentError as error:
            problems += error.problems
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m scripts.checks.html_allowlist PATH...", file=sys.stderr)
        return 2
    problems = check_paths([Path(arg) for arg in args])
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
