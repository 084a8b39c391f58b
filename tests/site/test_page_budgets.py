"""Page weight, counted from the built files: what a first visit downloads by the load event, gzipped as hosting
serves it, stays within budget, and nothing that holds up the first paint comes from another host.

Counted from files, not timed, so the figures are the same on any machine; `make bench` reports load times.
"""

from __future__ import annotations

import gzip
import shutil
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from scripts.browser.static_server import COMPRESSIBLE
from scripts.common.html_reader import elements
from tests.conftest import replace_once, site_root_path

# Material alone (its CSS, JavaScript and an empty page) is about 63 KB; our pages are 70-85 KB today.
PAGE_BUDGET_KB = 110


@dataclass
class PageResources:
    """The files a page loads by its load event, and the ones that block its first paint."""

    loaded: list[str] = field(default_factory=list)
    render_blocking: list[str] = field(default_factory=list)

    def add(self, tag: str, attributes: dict[str, str | None]) -> None:
        relations = (attributes.get("rel") or "").split()
        if tag == "link" and "stylesheet" in relations and attributes.get("href"):
            self.loaded.append(attributes["href"])
            if attributes.get("media") in (None, "", "all", "screen"):
                self.render_blocking.append(attributes["href"])
        elif tag == "link" and "icon" in relations and attributes.get("href"):
            self.loaded.append(attributes["href"])
        elif tag == "script" and attributes.get("src"):
            self.loaded.append(attributes["src"])
            if not {"async", "defer"} & set(attributes) and attributes.get("type") != "module":
                self.render_blocking.append(attributes["src"])
        elif tag == "img" and attributes.get("src") and attributes.get("loading") != "lazy":
            self.loaded.append(attributes["src"])


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def resources_of(page: Path) -> PageResources:
    resources = PageResources()
    for node in elements(page.read_text(encoding="utf-8")):
        if node.is_element_node:
            resources.add(node.tag, node.attributes)
    return resources


def is_other_host(url: str) -> bool:
    return bool(urllib.parse.urlsplit(url).netloc)


def local_file(site: Path, page: Path, url: str) -> Path:
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
    if path.startswith("/"):
        return (site / path.removeprefix(site_root_path())).resolve()
    return (page.parent / path).resolve()


def transferred_bytes(path: Path) -> int:
    """Bytes on the wire for a file: gzipped as the server and real hosting send text, as-is otherwise."""
    data = path.read_bytes()
    return len(gzip.compress(data, compresslevel=6, mtime=0)) if path.suffix in COMPRESSIBLE else len(data)


def page_weight(site: Path, page: Path) -> tuple[int, list[str]]:
    """Gzipped bytes of the page and each file it loads once (by load), and any loaded file that is missing."""
    files = {page.resolve()}
    missing = []
    for url in resources_of(page).loaded:
        if is_other_host(url) or url.startswith("data:"):
            continue
        path = local_file(site, page, url)
        if path.is_file():
            files.add(path)
        else:
            missing.append(url)
    return sum(transferred_bytes(path) for path in files), missing


def weight_problems(site: Path) -> list[str]:
    problems = []
    for page in html_pages(site):
        weight, missing = page_weight(site, page)
        name = page.relative_to(site).as_posix()
        if weight > PAGE_BUDGET_KB * 1024:
            problems.append(
                f"{name}: {weight / 1024:.1f} KB by load (gzipped) is over the {PAGE_BUDGET_KB} KB budget; "
                "shrink or remove the largest image, stylesheet or script it adds"
            )
        problems += [f"{name}: loads {url}, which is not in the built site" for url in missing]
    return problems


def render_blocking_problems(site: Path) -> list[str]:
    return [
        f"{page.relative_to(site).as_posix()}: {url} is loaded from another host before the page can show; "
        "copy the file into docs/ or load it with async or defer"
        for page in html_pages(site)
        for url in resources_of(page).render_blocking
        if is_other_host(url)
    ]


def test_every_page_downloads_at_most_the_budget_by_load(built_site):
    pages = html_pages(built_site)
    assert len(pages) > 1
    problems = weight_problems(built_site)
    assert not problems, "\n".join(problems)


def test_nothing_that_blocks_the_first_paint_comes_from_another_host(built_site):
    problems = render_blocking_problems(built_site)
    assert not problems, "\n".join(problems)


def test_a_heavy_page_and_an_outside_stylesheet_are_caught(built_site, tmp_path):
    """The checks themselves: a page with a large image and a stylesheet from another host fails both."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    (site / "assets" / "images" / "photo.jpg").write_bytes(bytes(range(256)) * 4 * PAGE_BUDGET_KB)
    page = site / "aftercare" / "index.html"
    html = replace_once(
        page.read_text(encoding="utf-8"),
        "</head>",
        '<link rel="stylesheet" href="https://cdn.example.com/theme.css">'
        '<script src="//cdn.example.com/widget.js"></script>'
        '<script async src="https://cdn.example.com/later.js"></script></head>',
    )
    page.write_text(
        replace_once(html, "</article>", '<img src="../assets/images/photo.jpg" alt="A photo"></article>'),
        encoding="utf-8",
    )

    assert [problem.split(":")[0] for problem in weight_problems(site)] == ["aftercare/index.html"]
    assert f"over the {PAGE_BUDGET_KB} KB budget" in weight_problems(site)[0]
    blocking = render_blocking_problems(site)
    assert len(blocking) == 2 and "theme.css" in blocking[0] and "widget.js" in blocking[1]
