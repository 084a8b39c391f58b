"""Only harmless HTML reaches readers: one allowlist of tags, attributes, ids, classes and links.

The guide must never run code, load anything from another site or collect anything from readers, so nothing
may add scripts, frames, forms, inline styles, event handlers (onclick=...), pictures from other hosts,
javascript:/data: links, or ids and classes that the theme's own code reads (`__config`, `md-*`).

Everything is parsed by the browser's own rules (scripts/common/html_reader.py), so the check sees the elements
and attributes a browser will build, however the markup is written. Two places are checked:

1. Sources, for their line numbers: pages and snippets are parsed by markdown-it-py (code blocks and `code
   spans` are shown, not run, so they are skipped); every text in a data file and every front-matter value is
   checked the same way, since templates print them as Markdown (front-matter values are printed as HTML).
2. The HTML each page renders to: what the browser will get, so no Markdown trick gets past it. Then, as a
   second net, an independent allowlist sanitiser (ammonia, through nh3) must keep every element and attribute.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote

import nh3
from markdown_it.token import Token
from pygments.token import STANDARD_TYPES

from scripts.common.content_errors import ContentError, ContentProblem
from scripts.common.html_reader import DOCUMENT_TAGS, elements
from scripts.common.markdown_source import parse_markdown, split_front_matter
from scripts.common.yaml_loader import YamlDocument, parse_yaml

# Attributes any allowed tag may carry; aria-* attributes are allowed too, for accessibility.
COMMON_ATTRIBUTES = frozenset({"class", "title", "lang", "dir", "role"})
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
# An id is a slug, as the toc writes it. The theme's ids start with "__" (its settings are read from #__config)
# and "md-", so a page's own id can never stand in for one of them.
SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,79}")
THEME_ID_PREFIX = "md-"
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Where the Markdown toolchain writes ids, and their shape: headings (toc, attribute lists), and the project's
# templates: glossary terms (glossary-list.md.j2) and reference anchors (reference-list.md.j2). A page generated
# from data also names its sections and rows. Editors' own HTML never needs one.
PAGE_IDS = {
    **dict.fromkeys(HEADING_TAGS, SAFE_ID),
    "dt": re.compile(r"term-[a-z0-9][a-z0-9-]{0,79}"),
    "span": re.compile(r"source-\d{1,4}"),
}
GENERATED_PAGE_IDS = {**PAGE_IDS, **dict.fromkeys(("dt", "span", "div", "details"), SAFE_ID)}
# Classes that mean something to Markdown's extensions, Material's content styles or the project's stylesheets.
ADMONITION_TYPES = frozenset(
    [
        "note",
        "abstract",
        "summary",
        "tldr",
        "info",
        "todo",
        "tip",
        "hint",
        "important",
        "success",
        "check",
        "done",
        "question",
        "help",
        "faq",
        "warning",
        "caution",
        "attention",
        "failure",
        "fail",
        "missing",
        "danger",
        "error",
        "bug",
        "example",
        "quote",
        "cite",
    ]
)
PROJECT_CLASSES = frozenset(
    [
        "after-treatment",
        "care-card-row",
        "care-sign",
        "care-sign__when",
        "care-verdict",
        "checklist",
        "citation",
        "day-finder",
        "day-link",
        "emergency",
        "get-help",
        "page-review",
        "page-review__dates",
        "print-only",
        "print-source",
        "reference-list",
        "reference-list__kind",
        "screen-only",
        "soon",
        "urgent",
        "visually-hidden",
        "write-in",
        "write-ins",
        "content-problems",
        "tl-axis",
        "tl-axis-row",
        "tl-axis-spacer",
        "tl-bar",
        "tl-chart",
        "tl-compact",
        "tl-detail",
        "tl-key",
        "tl-key--bar",
        "tl-key--linger",
        "tl-key--marker",
        "tl-key--never",
        "tl-legend",
        "tl-legend__items",
        "tl-legend__title",
        "tl-linger",
        "tl-marker",
        "tl-row",
        "tl-row--never",
        "tl-row__label",
        "tl-row__name",
        "tl-row__text",
        "tl-rows",
        "tl-tick",
        "tl-track",
    ]
)
MARKDOWN_CLASSES = frozenset({"admonition", "admonition-title", "headerlink", "grid", "cards", "highlight"})
# Code highlighting marks each token with a Pygments class ("k", "nf", ...), and code blocks name their language.
CODE_CLASSES = frozenset(name for name in STANDARD_TYPES.values() if name)
ALLOWED_CLASSES = ADMONITION_TYPES | PROJECT_CLASSES | MARKDOWN_CLASSES | CODE_CLASSES
# Classes the project's templates build from data: a warning sign's id and level, a day view's first and last day.
GENERATED_CLASS = re.compile(r"(?:sign|level|day-from|day-to|language)-[a-z0-9][a-z0-9+-]{0,60}")
# Markdown tables align columns with style="text-align: ..."; the timeline page places its bars with custom
# properties (style="--tl-at: 42%"). No other style= is written, and no editor's style= is allowed.
TABLE_STYLE = re.compile(r"\s*text-align\s*:\s*(?:left|right|center)\s*;?\s*")
GENERATED_STYLE = re.compile(r"\s*(?:--[a-z][\w-]*\s*:\s*-?[\d.]+%?\s*(?:;\s*|$))+")
# Why the most likely forbidden tags are forbidden, so the message says what to do instead.
FORBIDDEN_TAG_ADVICE = {
    **dict.fromkeys(
        ("script", "noscript"), "pages must not run code; ask a developer if you need something interactive"
    ),
    **dict.fromkeys(
        ("iframe", "frame", "frameset", "object", "embed", "applet", "portal", "video", "audio", "source", "track"),
        "embed nothing from other sites — link to it instead",
    ),
    **dict.fromkeys(
        ("style", "link"), "styling belongs in docs/stylesheets/extra.css; ask a developer for a CSS class"
    ),
    **dict.fromkeys(
        ("form", "input", "button", "select", "textarea", "option"),
        "the guide collects nothing from readers; link to an email address instead",
    ),
    **dict.fromkeys(("meta", "base", "html", "head", "body"), "it changes how the whole page loads; ask a developer"),
    "img": "use Markdown for pictures: ![what the picture shows](picture.png)",
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), "use a Markdown heading: ## Heading"),
}
UNLISTED_TAG_ADVICE = (
    "use Markdown instead, or ask a developer to add the tag to ALLOWED_TAGS in scripts/site/html_allowlist.py"
)
# Links may go to other pages of the guide (no scheme), to https:// addresses, or open mail and phone apps.
LINK_SCHEMES = frozenset({"https", "mailto", "tel"})
URL_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
# Browsers drop tabs and line breaks anywhere in a URL, and spaces and control characters around it.
URL_IGNORED = re.compile(r"[\t\n\r]")
URL_TRIMMED = "".join(map(chr, range(0x21)))
# Every tag, link scheme (even one written with an entity, like javascript&#58;) and attribute list needs one of
# these; most texts in data files and front matter have none and need no parsing.
MAY_HOLD_MARKUP = re.compile(r"[<:&{]")
# Attribute lists such as { #id .class key="value" } set attributes on headings, links and blocks.
ATTRIBUTE_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*)\}")
# Each name starts after a space or the brace, and no part backtracks, so a long run costs one pass (linear).
ATTRIBUTE_PAIR = re.compile(r"""(?<![^\s{:])([^\s=#.]++)=(?:"([^"]*+)"|'([^']*+)'|(\S++))""")
# Appended to a text before parsing: found as an element only if the text closes every tag, quote and comment it
# opens, so nothing it leaves open can swallow the theme's markup after it in the real page.
END_MARK_ATTRIBUTE = "data-end-of-checked-html"
END_MARK = f"<br {END_MARK_ATTRIBUTE}>"
# An editor fixes a page's first problems first; more would only repeat them, at a cost growing with the page.
MAX_PROBLEMS_PER_PAGE = 20
UNCLOSED_MESSAGE = (
    "a tag, quote or comment (<!-- -->) is left open at the end, so it would swallow the page around it; close it"
)


def other_host_or_scheme(value: str) -> str | None:
    """The scheme (or '//' for another host) a URL names as the browser reads it; None for a same-site address."""
    url = URL_IGNORED.sub("", value).strip(URL_TRIMMED)
    scheme = URL_SCHEME.match(url.lower())
    if scheme:
        return scheme.group(1)
    # Browsers read a backslash as a slash in web addresses, so \\host and /\host name another host too.
    if url[:2].replace("\\", "/") == "//":
        return "//"
    return None


def unsafe_url(value: str, *, link: bool = True) -> bool:
    """A link may go to https:, mailto: or tel:, or stay on the site; anything else loads only from the site."""
    scheme = other_host_or_scheme(value)
    return scheme is not None and not (link and scheme in LINK_SCHEMES)


def _url_message(value: str, *, link: bool = True) -> str:
    shown = value if len(value) <= 40 else value[:37] + "..."
    if not link:
        return (
            f"the address '{shown}' is not allowed for a picture or file: the guide loads nothing from other sites;"
            " save the picture in docs/images/ and write ![what it shows](images/name.png)"
        )
    return f"the link '{shown}' is not allowed; link to a web address starting https:// or to another page of the guide"


@dataclass(frozen=True)
class Found:
    """One problem in a text: the message, and what to look for to find its line."""

    needle: str
    message: str


@dataclass(frozen=True)
class _Rules:
    tags: dict[str, frozenset[str]]
    # Rendered HTML: ids and classes as the toolchain writes them. Editors' HTML: neither ids nor styles.
    rendered: bool
    # A page the build generates from data may place things with custom properties.
    generated: bool = False
    # The elements that may carry an id, and the shape of their ids.
    ids: dict[str, re.Pattern[str]] = field(default_factory=dict)


EDITOR_RULES = _Rules(ALLOWED_TAGS, rendered=False)
RENDERED_RULES = _Rules(RENDERED_TAGS, rendered=True, ids=PAGE_IDS)
GENERATED_RULES = _Rules(RENDERED_TAGS, rendered=True, generated=True, ids=GENERATED_PAGE_IDS)


def _attribute_problem(tag: str, name: str, value: str, rules: _Rules) -> str | None:
    """Why an attribute may not stand on this tag; None if it may."""
    if name.startswith("on"):
        return f"the {name}= attribute is not allowed: pages must not run code; remove it"
    if name == "style":
        styled = (tag in ("th", "td") and TABLE_STYLE.fullmatch(value)) or (
            rules.generated and GENERATED_STYLE.fullmatch(value)
        )
        if rules.rendered and styled:
            return None
        return (
            "the style= attribute is not allowed; remove it,"
            " or ask a developer for a CSS class in docs/stylesheets/extra.css"
        )
    if name == "id":
        heading_advice = "ids come from Markdown headings, so link to a heading (## Heading { #its-id })"
        if tag not in rules.ids:
            return f"the id= attribute is not allowed here; {heading_advice}"
        if value.startswith("__") or value.lower().startswith(THEME_ID_PREFIX):
            return (
                f"the id '{value[:40]}' is not allowed: the theme uses ids starting '__' and 'md-'; use letters,"
                " digits and '-' only, starting with a letter or digit"
            )
        if not rules.ids[tag].fullmatch(value):
            return f"the id '{value[:40]}' is not one the site writes on <{tag}>; {heading_advice}"
        return None
    if name == "class":
        unknown = [
            name for name in value.split() if name not in ALLOWED_CLASSES and not GENERATED_CLASS.fullmatch(name)
        ]
        if unknown:
            return (
                f"the class '{unknown[0][:40]}' is not one the guide uses; remove it, or ask a developer to add it"
                " to ALLOWED_CLASSES in scripts/site/html_allowlist.py"
            )
        return None
    if name == "href" and unsafe_url(value):
        return _url_message(value)
    if name == "src" and unsafe_url(value, link=False):
        return _url_message(value, link=False)
    if not (name in COMMON_ATTRIBUTES or name.startswith("aria-") or name in rules.tags[tag]):
        allowed = ", ".join(sorted(COMMON_ATTRIBUTES | rules.tags[tag])) + ", aria-*"
        return f"the {name}= attribute is not allowed on <{tag}>; remove it (allowed: {allowed})"
    return None


def _html_found(html: str, rules: _Rules, *, whole: bool = True, shape: list | None = None) -> list[Found]:
    """Every element and attribute of `html` the browser would build that the allowlist does not name.

    A `whole` text (a page's content, a front-matter value) must also close what it opens; markdown-it hands a
    page's inline HTML over one tag at a time, so its pieces are not whole. Each element read is added to `shape`.
    """
    found: list[Found] = []
    closed = not whole
    for node in elements(html + END_MARK if whole else html):
        if not node.is_element_node:
            continue
        tag = node.tag
        attributes = node.attributes
        if tag == "br" and END_MARK_ATTRIBUTE in attributes:
            closed = len(attributes) == 1
            continue
        if tag in DOCUMENT_TAGS and not attributes:
            continue  # the parser's own frame around any text
        if shape is not None:
            shape.append((tag, tuple(sorted(attributes.items()))))
        if tag not in rules.tags:
            advice = FORBIDDEN_TAG_ADVICE.get(tag.lower(), UNLISTED_TAG_ADVICE)
            found.append(Found(f"<{tag}", f"<{tag}> is not allowed in pages; {advice}"))
            continue
        for name, value in attributes.items():
            problem = _attribute_problem(tag, name, value or "", rules)
            if problem:
                needle = value if name in ("href", "src", "id") and value else f"{name}="
                found.append(Found(needle, f"<{tag}>: {problem}"))
    if not closed:
        found.append(Found("", UNCLOSED_MESSAGE))
    return found


def _located(text: str, first_line: int, found: Iterable[Found]) -> list[tuple[int, str]]:
    """(file line, message): each problem at the first line of `text` that mentions it, else at `first_line`."""
    lowered = text.lower()
    shown = list(dict.fromkeys(found))[:MAX_PROBLEMS_PER_PAGE]
    return [(first_line + (_source_line(lowered, item.needle) or 1) - 1, item.message) for item in shown]


def _html_problems(html: str, rules: _Rules, first_line: int, *, whole: bool = False) -> list[tuple[int, str]]:
    return _located(html, first_line, _html_found(html, rules, whole=whole))


# 1. Sources, with line numbers.


def check_markdown(display_path: str, markdown: str, first_line: int = 1) -> list[ContentProblem]:
    """Every use of HTML, attribute lists or links in Markdown that is not on the allowlist, with its line."""
    found = _markdown_problems(markdown, first_line)
    return [ContentProblem(display_path, line, message) for line, message in sorted(set(found))]


def _markdown_problems(markdown: str, first_line: int) -> list[tuple[int, str]]:
    # markdown-it writes link addresses percent-encoded (a tab as %09); the browser reads the characters.
    if not MAY_HOLD_MARKUP.search(markdown):
        return []
    blocks = parse_markdown(markdown, first_line)
    found: list[tuple[int, str]] = []
    for line, title in blocks.openers:
        found += _markdown_problems(title, line)
    for line, token in blocks.tokens:
        if token.type == "html_block":
            found += _html_problems(token.content, EDITOR_RULES, line)
        elif token.type == "inline":
            found += _inline_problems(token.children or [], line)
    found += [(line, _url_message(url)) for line, url in blocks.references if unsafe_url(unquote(url))]
    return found


def _inline_problems(children: list[Token], line: int) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "html_inline":
            found += _html_problems(child.content, EDITOR_RULES, line)
            line += child.content.count("\n")
        elif child.type == "link_open" and unsafe_url(unquote(str(child.attrs.get("href", "")))):
            found.append((line, _url_message(str(child.attrs["href"]))))
        elif child.type == "image" and unsafe_url(unquote(str(child.attrs.get("src", ""))), link=False):
            found.append((line, _url_message(str(child.attrs["src"]), link=False)))
        elif child.type == "text":
            found += [(line, message) for message in _attribute_list_problems(child.content)]
    return found


def _attribute_list_problems(text: str) -> Iterator[str]:
    if "{" not in text:
        return
    for attribute_list in ATTRIBUTE_LIST.finditer(text):
        for word in attribute_list.group(1).split():
            if word.startswith("#") and len(word) > 1:
                problem = _attribute_problem("h2", "id", word[1:], RENDERED_RULES)
            elif word.startswith(".") and len(word) > 1:
                problem = _attribute_problem("span", "class", word[1:], RENDERED_RULES)
            else:
                continue
            if problem:
                yield f"{{ ... }} attribute list: {problem}"
        for pair in ATTRIBUTE_PAIR.finditer(attribute_list.group(1)):
            value = next((group for group in pair.groups()[1:] if group is not None), "")
            problem = _attribute_problem("a", pair.group(1).lower(), value, EDITOR_RULES)
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
        problem
        for _, first_line, text in document.texts()
        for problem in check_html_text(display_path, text, first_line)
    ]


def check_html_text(display_path: str, text: str, first_line: int | None) -> list[ContentProblem]:
    """A text the theme prints into pages as HTML, as it is (a title, a setting), starting on `first_line`."""
    if not MAY_HOLD_MARKUP.search(text):
        return []
    found = _html_found(text, EDITOR_RULES)
    if first_line is None:
        return [ContentProblem(display_path, None, item.message) for item in dict.fromkeys(found)]
    return [ContentProblem(display_path, line, message) for line, message in _located(text, first_line, found)]


def check_yaml_texts(document: YamlDocument) -> list[ContentProblem]:
    """Every text value in a data file or front matter: templates print them into pages as Markdown."""
    return [
        problem for _, line, text in document.texts() for problem in check_markdown(document.display_path, text, line)
    ]


# 2. The HTML a page renders to.


def check_rendered_page(
    display_path: str, html: str, source: str = "", *, generated: bool = False
) -> list[ContentProblem]:
    """A page's rendered content; when something is off, its Markdown `source` is read for the exact lines.

    Parsing the source costs as much again as the check, so a clean build skips it. Whatever only the rendered
    HTML shows is reported from there, at the first source line mentioning it.
    """
    rendered = check_rendered_html(display_path, html, source, generated=generated)
    if not rendered or not source:
        return rendered
    page = split_front_matter(source)
    return check_markdown(display_path, page.body, page.body_first_line) or rendered


def check_rendered_html(
    display_path: str, html: str, source: str = "", *, generated: bool = False
) -> list[ContentProblem]:
    """Every element, attribute and link of a page's rendered content against the allowlist, then the sanitiser.

    Lines in rendered HTML mean nothing to an editor, so each problem points at the first line of `source`
    (the page's Markdown) that mentions the tag, attribute or link, when there is one.
    """
    shape: list = []
    found = _html_found(html, GENERATED_RULES if generated else RENDERED_RULES, shape=shape)
    found = found or _sanitiser_differences(html, shape)
    # Each problem searches the page once, so their number is capped: the cost stays linear in the page's size.
    shown = list(dict.fromkeys(found))[:MAX_PROBLEMS_PER_PAGE]
    lowered = source.lower()
    return [
        ContentProblem(display_path, _source_line(lowered, item.needle), f"the page would publish this: {item.message}")
        for item in shown
    ]


def _source_line(lowered_source: str, needle: str) -> int | None:
    if not lowered_source or not needle:
        return None
    at = lowered_source.find(needle.lower())
    return lowered_source.count("\n", 0, at) + 1 if at >= 0 else None


# Ammonia keeps what it is told to, on its own HTML5 parser (html5ever): a second reading of the same allowlist.
_SANITISER = nh3.Cleaner(
    tags=set(RENDERED_TAGS),
    attributes={
        "*": set(COMMON_ATTRIBUTES | {"id", "style"}),
        **{tag: set(attributes) for tag, attributes in RENDERED_TAGS.items()},
    },
    generic_attribute_prefixes={"aria-"},
    url_schemes=set(LINK_SCHEMES),
    link_rel=None,
    strip_comments=True,
)


def _shape(html: str) -> list[tuple[str, tuple[tuple[str, str | None], ...]]]:
    return [
        (node.tag, tuple(sorted(node.attributes.items())))
        for node in elements(html)
        if node.is_element_node and node.tag not in DOCUMENT_TAGS
    ]


def _sanitiser_differences(html: str, shape: list) -> list[Found]:
    """The first element or attribute the sanitiser would not keep of `html`, whose elements are `shape`."""
    kept = _shape(_SANITISER.clean(html))
    for original, cleaned in zip(shape, [*kept, None], strict=False):
        if original != cleaned:
            tag, attributes = original
            return [
                Found(
                    f"<{tag}",
                    f"<{tag}> with {dict(attributes)} is not kept by the allowlist sanitiser; remove it,"
                    " or ask a developer",
                )
            ]
    return []
