"""Check that every link inside the built site leads somewhere: the file exists and the #section is on that page.

MkDocs --strict checks links written in Markdown; this checks the finished HTML, which also holds links made by
templates, hooks and raw HTML. Links to other websites are checked separately (scripts/checks/linkcheck_external.py).

Usage: python -m scripts.checks.link_check SITE_DIR
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from scripts.common.content_errors import ContentError, ContentProblem, did_you_mean
from scripts.common.html_reader import elements
from scripts.site.mkdocs_hook import site_address

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# Any base works: it only lets urljoin resolve relative links; links to another host are external.
LOCAL_BASE = "http://site.invalid"
SKIPPED_SCHEMES = {"mailto", "tel", "data"}
URL_ATTRIBUTES = {"href", "src"}


@dataclass(frozen=True)
class Link:
    url: str
    line: int
    in_article: bool  # inside the page text, rather than the theme's header, menu or footer


@dataclass(frozen=True)
class ParsedPage:
    ids: frozenset[str]
    links: tuple[Link, ...]


def parse_page(html: str) -> ParsedPage:
    """The ids and links of a built page, read as the browser reads it.

    The parser keeps no source positions, so each link's line is found in the text: the first place at or after
    the previous link's that holds its address.
    """
    ids: set[str] = set()
    links: list[Link] = []
    position = 0
    line = 1
    for node in elements(html):
        if not node.is_element_node:
            continue
        in_article = node.tag == "article" or any(parent.tag == "article" for parent in _ancestors(node))
        for name, value in node.attributes.items():
            if value is None:
                continue
            if name == "id" or (node.tag == "a" and name == "name"):
                ids.add(value)
            elif name in URL_ATTRIBUTES or name == "srcset":
                urls = [part.split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]
                for url in urls:
                    found = html.find(url, position)
                    if found >= 0:
                        line += html.count("\n", position, found)
                        position = found
                    links.append(Link(url.strip(), line, in_article))
    return ParsedPage(frozenset(ids), tuple(links))


def _ancestors(node):
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def source_file(page: str, docs_dir: Path) -> str | None:
    """The Markdown file a site page is built from: side-effects/index.html <-> docs/side-effects.md."""
    path = PurePosixPath(page)
    if path.name != "index.html":
        return None
    stem = "index" if path.parent == PurePosixPath(".") else path.parent.as_posix()
    candidate = docs_dir / f"{stem}.md"
    if not candidate.is_file():
        candidate = docs_dir / stem / "index.md"
    if not candidate.is_file():
        return None
    try:
        return candidate.relative_to(docs_dir.parent).as_posix()
    except ValueError:
        return candidate.as_posix()


def site_url_from_config(config_file: Path) -> str:
    """The address the site is built for: SITE_URL when set, else site_url from mkdocs.yml as MkDocs reads it."""
    return site_address(config_file)


class _Site:
    def __init__(self, site_dir: Path, site_url: str):
        self.site_dir = site_dir
        own = urlsplit(site_url)
        self.own_host = own.netloc.lower()
        self.base_path = own.path if own.path.endswith("/") else own.path + "/"
        self._pages: dict[Path, ParsedPage] = {}

    def page(self, file: Path) -> ParsedPage:
        if file not in self._pages:
            self._pages[file] = parse_page(file.read_text(encoding="utf-8", errors="replace"))
        return self._pages[file]

    def target_file(self, site_path: str) -> Path | None:
        """The file a site-absolute path serves, or None if nothing is there."""
        if not site_path.startswith(self.base_path):
            return None
        relative = unquote(site_path[len(self.base_path) :])
        target = self.site_dir / relative
        if relative == "" or relative.endswith("/") or target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def problem(self, page_file: Path, url: str) -> str | None:
        """What is wrong with one link on a page, or None if it resolves."""
        scheme = urlsplit(url).scheme.lower()
        if scheme == "javascript":
            return "javascript: links run code instead of going to a page; link to a page or section instead"
        if scheme in SKIPPED_SCHEMES:
            return None
        page_path = "/" + page_file.relative_to(self.site_dir).as_posix()
        resolved = urlsplit(urljoin(LOCAL_BASE + self.base_path.rstrip("/") + page_path, url))
        if scheme in {"http", "https"} and resolved.netloc.lower() != self.own_host:
            return None
        if scheme and scheme not in {"http", "https"}:
            return None
        target = page_file if resolved.path == page_path and not urlsplit(url).path else self.target_file(resolved.path)
        if target is None:
            return f"nothing is published at {resolved.path}; check the page name in the link"
        fragment = unquote(resolved.fragment)
        if not fragment or target.suffix != ".html":
            return None
        ids = self.page(target).ids
        if fragment in ids:
            return None
        shown = target.relative_to(self.site_dir).as_posix()
        hint = did_you_mean(f"#{fragment}", (f"#{known}" for known in ids))
        return (
            f"the page {shown} has no section with id '{fragment}'{hint}; fix the #part of the link to match a heading"
        )


@dataclass
class _ThemeLink:
    """A broken link outside the page text, reported once with the number of other pages that hold it."""

    page: str
    line: int
    url: str
    problem: str
    other_pages: int = 0

    def as_problem(self) -> ContentProblem:
        others = f" and {self.other_pages} other pages" if self.other_pages else ""
        where = "(theme, overrides/ or mkdocs.yml, not the page text)"
        return ContentProblem(
            f"site page {self.page}", self.line, f"the link {self.url}{others} {where}: {self.problem}"
        )


def check_site(site_dir: Path, site_url: str = "/", docs_dir: Path | None = None) -> list[ContentProblem]:
    """Every internal link in the built site that does not resolve, in page order.

    A link in a page's text is reported against the docs file an editor changes, with its line in the HTML (the
    Markdown line is not known here). A link from the theme is reported once, against the first page holding it.
    """
    site_dir = site_dir.resolve()
    docs_dir = docs_dir or PROJECT_ROOT / "docs"
    site = _Site(site_dir, site_url)
    found: list[ContentProblem | _ThemeLink] = []
    theme_links: dict[str, _ThemeLink] = {}  # by problem, so a theme link broken on every page shows once
    for page_file in sorted(site_dir.rglob("*.html")):
        page = page_file.relative_to(site_dir).as_posix()
        seen: set[str] = set()
        for link in site.page(page_file).links:
            if link.url in seen:
                continue
            seen.add(link.url)
            problem = site.problem(page_file, link.url)
            if not problem:
                continue
            source = source_file(page, docs_dir) if link.in_article else None
            if source:
                where = f"(site page {page}, HTML line {link.line})"
                found.append(ContentProblem(source, None, f"the link {link.url} {where}: {problem}"))
            elif problem in theme_links:
                theme_links[problem].other_pages += 1
            else:
                theme_links[problem] = _ThemeLink(page, link.line, link.url, problem)
                found.append(theme_links[problem])
    return [item.as_problem() if isinstance(item, _ThemeLink) else item for item in found]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m scripts.checks.link_check SITE_DIR", file=sys.stderr)
        return 2
    try:
        site_url = site_url_from_config(PROJECT_ROOT / "mkdocs.yml")
    except ContentError as error:
        print(error)
        return 1
    broken = check_site(Path(args[0]), site_url)
    for link in broken:
        print(link)
    if broken:
        print(f"{len(broken)} broken link{'s' if len(broken) != 1 else ''}; fix each link where it is written")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
