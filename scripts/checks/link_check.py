"""Check that every link inside the built site leads somewhere: the file exists and the #section is on that page.

MkDocs --strict checks links written in Markdown; this checks the finished HTML, which also holds links made by
templates, hooks and raw HTML. Links to other websites are checked separately (scripts/checks/linkcheck_external.py).

Usage: python -m scripts.checks.link_check SITE_DIR
"""

from __future__ import annotations

import dataclasses
import re
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from scripts.common.content_errors import did_you_mean
from scripts.common.html_reader import elements

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


@dataclass(frozen=True)
class BrokenLink:
    page: str  # site path of the page holding the link, like side-effects/index.html
    source: str | None  # the docs file that page is built from, when the link is in that page's text
    line: int
    url: str
    problem: str
    other_pages: int = 0  # further pages with the same broken theme link, reported once

    def __str__(self) -> str:
        if self.source:
            where = f"{self.source} (site page {self.page}, HTML line {self.line})"
        else:
            others = f" and {self.other_pages} other pages" if self.other_pages else ""
            where = f"site page {self.page}:{self.line}{others} (theme, overrides/ or mkdocs.yml, not the page text)"
        return f"{where} -> {self.url}: {self.problem}"


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
    """site_url from mkdocs.yml, read as text because the file may hold tags plain YAML loaders reject."""
    match = re.search(r"^site_url:\s*['\"]?([^'\"\s#]+)", config_file.read_text(encoding="utf-8"), re.M)
    return match.group(1) if match else "/"


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


def check_site(site_dir: Path, site_url: str = "/", docs_dir: Path | None = None) -> list[BrokenLink]:
    """Every internal link in the built site that does not resolve, in page order."""
    site_dir = site_dir.resolve()
    docs_dir = docs_dir or PROJECT_ROOT / "docs"
    site = _Site(site_dir, site_url)
    broken: list[BrokenLink] = []
    theme_links: dict[str, int] = {}  # problem -> index in broken, so a theme link broken on every page shows once
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
            if link.in_article:
                broken.append(BrokenLink(page, source_file(page, docs_dir), link.line, link.url, problem))
            elif problem in theme_links:
                first = broken[theme_links[problem]]
                broken[theme_links[problem]] = dataclasses.replace(first, other_pages=first.other_pages + 1)
            else:
                theme_links[problem] = len(broken)
                broken.append(BrokenLink(page, None, link.line, link.url, problem))
    return broken


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m scripts.checks.link_check SITE_DIR", file=sys.stderr)
        return 2
    broken = check_site(Path(args[0]), site_url_from_config(PROJECT_ROOT / "mkdocs.yml"))
    for link in broken:
        print(link)
    if broken:
        print(f"{len(broken)} broken link{'s' if len(broken) != 1 else ''}; fix each link where it is written")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
