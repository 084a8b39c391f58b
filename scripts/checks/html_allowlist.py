"""Raw HTML in pages and data files may use only a short list of harmless tags and attributes.

The guide must never run code, load anything from another site or collect anything from readers, so pages
may not hold scripts, frames, forms, inline styles, event handlers (onclick=...) or javascript:/data: links.
Code in fenced blocks and `code spans` is shown, not run, so it is skipped.

Usage: python -m scripts.checks.html_allowlist PATH...   (files, or folders to scan for *.md and *.yml)
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

from scripts.common.content_errors import ContentProblem

# Attributes any allowed tag may carry; aria-* attributes are allowed too, for accessibility.
COMMON_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "role"})
# Allowed tags, each with the attributes it may carry beyond the common ones.
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
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "cite", "poster", "background", "xlink:href"})
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")

FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*(\n|\Z)", re.DOTALL)
FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
# <https://...> and <name@example.org> are Markdown autolinks, not HTML tags.
AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s]+)>")
# A link destination may hold balanced brackets: [x](javascript:alert(1)).
MARKDOWN_LINK = re.compile(r"\]\(\s*<?\s*([^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)")
REFERENCE_DEFINITION = re.compile(r"^[ \t]{0,3}\[(?!\^)[^\]]+\]:[ \t]*<?(\S+?)>?(?:\s|$)", re.M)
# Attribute lists such as { #id .class key="value" } set attributes on headings, links and blocks.
ATTRIBUTE_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*=[^{}\n]*)\}")
ATTRIBUTE_PAIR = re.compile(r"""([^\s=#.]+)=(?:"([^"]*)"|'([^']*)'|(\S+))""")
YAML_COMMENT = re.compile(r"^[ \t]*#.*$", re.M)


def _blank(text: str) -> str:
    """Spaces in place of text, keeping line breaks so line numbers stay right."""
    return re.sub(r"[^\n]", " ", text)


def _mask_code(markdown: str) -> str:
    """The page with front matter, fenced code blocks and code spans blanked out."""
    markdown = FRONT_MATTER.sub(lambda match: _blank(match.group(0)), markdown)
    lines = markdown.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        match = FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)
            lines[index] = _blank(line)
        elif fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            lines[index] = _blank(line)
    text = "\n".join(lines)
    return CODE_SPAN.sub(lambda match: _blank(match.group(0)), text)


def _unsafe_url(value: str) -> bool:
    # Browsers ignore spaces and control characters inside a scheme, so "java script:" still runs.
    squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
    return squeezed.startswith(UNSAFE_SCHEMES)


def _url_message(value: str) -> str:
    shown = value if len(value) <= 40 else value[:37] + "..."
    return f"the link '{shown}' is not allowed; link to a web address starting https:// or to another page of the guide"


def _forbidden_attribute(name: str, value: str | None) -> str | None:
    """Why an attribute is never allowed, on any tag or in a { ... } attribute list; None if it may be."""
    if name.startswith("on"):
        return f"the {name}= attribute is not allowed: pages must not run code; remove it"
    if name == "style":
        return (
            "the style= attribute is not allowed; remove it,"
            " or ask a developer for a CSS class in docs/stylesheets/extra.css"
        )
    if name in URL_ATTRIBUTES and value and _unsafe_url(value):
        return _url_message(value)
    return None


def _attribute_problem(tag: str, name: str, value: str | None) -> str | None:
    forbidden = _forbidden_attribute(name, value)
    if forbidden or name in COMMON_ATTRIBUTES or name.startswith("aria-") or name in ALLOWED_TAGS[tag]:
        return forbidden
    allowed = ", ".join(sorted(COMMON_ATTRIBUTES | ALLOWED_TAGS[tag])) + ", aria-*"
    return f"the {name}= attribute is not allowed on <{tag}>; remove it (allowed: {allowed})"


class _AllowlistParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag not in ALLOWED_TAGS:
            advice = FORBIDDEN_TAG_ADVICE.get(
                tag,
                "use Markdown instead, or ask a developer to add the tag to ALLOWED_TAGS"
                " in scripts/checks/html_allowlist.py",
            )
            self.found.append((line, f"<{tag}> is not allowed in pages; {advice}"))
            return
        for name, value in attrs:
            problem = _attribute_problem(tag, name, value)
            if problem:
                self.found.append((line, f"<{tag}>: {problem}"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _markdown_problems(text: str) -> list[tuple[int, str]]:
    """Unsafe links and attributes written in Markdown syntax rather than HTML."""
    found = []
    for pattern in (MARKDOWN_LINK, REFERENCE_DEFINITION):
        for match in pattern.finditer(text):
            if _unsafe_url(match.group(1)):
                found.append((_line_of(text, match.start(1)), _url_message(match.group(1))))
    for match in AUTOLINK.finditer(text):
        if _unsafe_url(match.group(0)[1:-1]):
            found.append((_line_of(text, match.start()), _url_message(match.group(0)[1:-1])))
    for attribute_list in ATTRIBUTE_LIST.finditer(text):
        for pair in ATTRIBUTE_PAIR.finditer(attribute_list.group(1)):
            name = pair.group(1).lower()
            value = next((group for group in pair.groups()[1:] if group is not None), "")
            problem = _forbidden_attribute(name, value)
            if problem:
                found.append((_line_of(text, attribute_list.start()), f"{{ ... }} attribute list: {problem}"))
    return found


def check_text(display_path: str, text: str, *, is_markdown: bool = True) -> list[ContentProblem]:
    """Every use of HTML or links in one file that is not on the allowlist."""
    text = text.replace("\r\n", "\n")
    text = _mask_code(text) if is_markdown else YAML_COMMENT.sub(lambda match: _blank(match.group(0)), text)
    found = _markdown_problems(text)
    parser = _AllowlistParser()
    parser.feed(AUTOLINK.sub(lambda match: _blank(match.group(0)), text))
    parser.close()
    found += parser.found
    return [ContentProblem(display_path, line, message) for line, message in sorted(found)]


def _files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted([*path.rglob("*.md"), *path.rglob("*.yml"), *path.rglob("*.yaml")])
        elif path.suffix in {".md", ".yml", ".yaml"}:
            files.append(path)
    return files


def check_paths(paths: list[Path], root: Path | None = None) -> list[ContentProblem]:
    root = (root or Path.cwd()).resolve()
    problems: list[ContentProblem] = []
    for file in _files(paths):
        resolved = file.resolve()
        display = resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else file.as_posix()
        problems += check_text(display, file.read_text(encoding="utf-8"), is_markdown=file.suffix == ".md")
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
