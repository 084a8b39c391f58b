"""Readers search in their own words: typed into Material's real search box on a phone, each query brings up
the page that answers it first, not the glossary, the sources or a page that only mentions the word."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from scripts.common.markdown_source import split_front_matter
from scripts.common.yaml_loader import parse_yaml
from scripts.i18n.languages import DEFAULT_LANGUAGE, language_of
from tests.browser.conftest import browser_page
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
SEARCH_BUTTON = "label.md-header__button[for='__search']"
SEARCH_FIELD = "input.md-search__input"
RESULT_LINKS = ".md-search-result__item > a"
# With search.highlight on, each result link carries the query words it matched as ?h=...; a link that
# carries the query's last word shows the results are for the whole query, not a half-typed one.
RESULTS_FOR_QUERY = """lastWord => [...document.querySelectorAll('.md-search-result__item a')].some(link =>
  (new URL(link.href).searchParams.get('h') || '').split(' ').includes(lastWord))"""


def page_path(source_file: str) -> str:
    """The site path MkDocs gives a page in docs/: index.md is the home page, x.md is x/, x.es.md is es/x/."""
    return page_url_path(Path(source_file))


def search_results(page, site_url: str, query: str, language: str = DEFAULT_LANGUAGE) -> list[str]:
    """Type the query as a reader of that language's pages does (Material listens for key-up) and return the result
    pages in order."""
    page.goto(site_url + ("" if language == DEFAULT_LANGUAGE else f"{language}/"), wait_until="load")
    page.locator(SEARCH_BUTTON).click()
    page.locator(SEARCH_FIELD).press_sequentially(query, delay=30)
    try:
        # Playwright's default wait is the guard against a search that never answers; a page that matches shows in
        # well under it, so how busy the machine is does not decide the result.
        page.wait_for_function(RESULTS_FOR_QUERY, arg=query.split()[-1].lower())
    except PlaywrightTimeoutError:
        return []
    hrefs = page.locator(RESULT_LINKS).evaluate_all("links => links.map(link => link.href)")
    return [urllib.parse.urlsplit(href).path.removeprefix(urllib.parse.urlsplit(site_url).path) for href in hrefs]


@pytest.mark.parametrize(
    ("query", "expected_file"), QUESTIONS, ids=[f"{language_of(file)}-{query}" for query, file in QUESTIONS]
)
def test_the_page_that_answers_comes_first(browser, site_url, query, expected_file):
    with browser_page(browser, "phone") as page:
        results = search_results(page, site_url, query, language_of(expected_file))
    assert results, f"searching {query!r} finds nothing; use the words {query!r} in a heading of docs/{expected_file}"
    pages_in_order = ", ".join(f"/{path}" for path in dict.fromkeys(results))
    assert results[0] == page_path(expected_file), (
        f"searching {query!r} lists the pages {pages_in_order}; "
        f"the answer is docs/{expected_file}. Put the reader's words in one of its headings, "
        "or lower the search boost of the page that wins."
    )
