"""Readers search in their own words: typed into Material's real search box on a phone, each query brings up
the page that answers it first, not the glossary, the sources or a page that only mentions the word."""

from __future__ import annotations

import contextlib
import urllib.parse
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from scripts.common.markdown_source import split_front_matter
from scripts.common.yaml_loader import parse_yaml
from scripts.i18n.languages import DEFAULT_LANGUAGE, language_of
from tests.browser.conftest import browser_page
from tests.browser.reader_routes import COUNT_SEARCHES, NEXT_FRAME, SEARCH_BUTTON, SEARCH_DONE, SEARCH_FIELD
from tests.conftest import PROJECT_ROOT, page_url_path


def search_questions() -> list[tuple[str, str]]:
    """What readers type, and the page that answers it: each page lists its own under search_questions."""
    pairs = []
    for path in sorted((PROJECT_ROOT / "docs").rglob("*.md")):
        name = path.relative_to(PROJECT_ROOT).as_posix()
        front_matter = split_front_matter(path.read_text(encoding="utf-8")).front_matter
        data = parse_yaml(front_matter, name, first_line=2).data if front_matter else None
        if isinstance(data, dict):
            pairs += [
                (query, path.relative_to(PROJECT_ROOT / "docs").as_posix())
                for query in data.get("search_questions") or []
            ]
    return pairs


QUESTIONS = search_questions()
RESULT_LINKS = ".md-search-result__item > a"


def page_path(source_file: str) -> str:
    """The site path MkDocs gives a page in docs/: index.md is the home page, x.md is x/, x.es.md is es/x/."""
    return page_url_path(Path(source_file))


def search_results(page, site_url: str, query: str) -> list[str]:
    """Type the query into the open search box as a reader does (key by key: Material listens for key-up) and
    return the result pages in order, once the search worker has answered the whole query."""
    field = page.locator(SEARCH_FIELD)
    field.fill("")
    field.press_sequentially(query, delay=30)
    try:
        # Playwright's default wait is the guard against a search that never answers; a page that answers does so
        # in well under it, so how busy the machine is does not decide the result.
        page.wait_for_function(SEARCH_DONE, arg=query)
    except PlaywrightTimeoutError:
        return []
    page.evaluate(NEXT_FRAME)
    hrefs = page.locator(RESULT_LINKS).evaluate_all("links => links.map(link => link.href)")
    return [urllib.parse.urlsplit(href).path.removeprefix(urllib.parse.urlsplit(site_url).path) for href in hrefs]


@pytest.fixture(scope="module")
def search_box(browser, site_url):
    """Each language's home page on a phone with its search box open, loaded once and kept for the module: the
    queries are typed into it one after another, as a reader searches again, so the site and its search index
    load once per language rather than once per query."""
    with contextlib.ExitStack() as pages:
        opened = {}

        def open_for(language: str):
            if language not in opened:
                page = pages.enter_context(browser_page(browser, "phone"))
                page.add_init_script(COUNT_SEARCHES)
                page.goto(site_url + ("" if language == DEFAULT_LANGUAGE else f"{language}/"), wait_until="load")
                page.locator(SEARCH_BUTTON).click()
                opened[language] = page
            return opened[language]

        yield open_for


@pytest.mark.parametrize(
    ("query", "expected_file"), QUESTIONS, ids=[f"{language_of(file)}-{query}" for query, file in QUESTIONS]
)
def test_the_page_that_answers_comes_first(search_box, site_url, query, expected_file):
    results = search_results(search_box(language_of(expected_file)), site_url, query)
    assert results, f"searching {query!r} finds nothing; use the words {query!r} in a heading of docs/{expected_file}"
    pages_in_order = ", ".join(f"/{path}" for path in dict.fromkeys(results))
    assert results[0] == page_path(expected_file), (
        f"searching {query!r} lists the pages {pages_in_order}; "
        f"the answer is docs/{expected_file}. Put the reader's words in one of its headings, "
        "or lower the search boost of the page that wins."
    )
