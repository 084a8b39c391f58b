"""On a 390x844 phone: fact tables and boxes read at body size, links in boxes are big enough to tap (WCAG 2.2,
2.5.8: 24 by 24 CSS pixels), and the page title in the header is never cut off."""

from __future__ import annotations

from scripts.i18n.languages import DEFAULT_LANGUAGE, LANGUAGES
from tests.browser.conftest import browser_page
from tests.site.test_build import ARTICLES

SMALLEST_TARGET = 24
MEASURE = """() => {
  const body = parseFloat(getComputedStyle(document.querySelector(".md-typeset p")).fontSize);
  const boxed = ".md-typeset table:not([class]), .md-typeset .admonition p, .md-typeset .admonition li";
  const small = [...document.querySelectorAll(boxed)]
    .filter(element => parseFloat(getComputedStyle(element).fontSize) < body - 0.01)
    .map(element => element.textContent.trim().slice(0, 40));
  const tiny = [...document.querySelectorAll(".md-typeset .admonition a")]
    .filter(link => link.getClientRects().length)
    .filter(link => [...link.getClientRects()].some(rect => rect.height < 24)
      || link.getBoundingClientRect().width < 24)
    .map(link => link.textContent.trim().slice(0, 40));
  const cut = [...document.querySelectorAll(".md-header__topic .md-ellipsis")]
    .filter(title => title.scrollWidth > title.clientWidth + 1 || title.scrollHeight > title.clientHeight + 1)
    .map(title => title.textContent.trim());
  return {small, tiny, cut};
}"""


def test_boxes_and_tables_read_at_body_size_their_links_are_big_enough_and_titles_are_whole(browser, site_url):
    problems = []
    with browser_page(browser, "phone") as page:
        # Every page in every language (ARTICLES pairs each page with its language), and each language's timeline.
        pages = [*ARTICLES, *((language, "side-effects-timeline") for language in LANGUAGES)]
        for language, stem in pages:
            folder = "" if language == DEFAULT_LANGUAGE else f"{language}/"
            path = folder if stem == "index" else f"{folder}{stem}/"
            page.goto(site_url + path, wait_until="load")
            page.mouse.wheel(0, 600)  # Material shows the page title in the header once the page scrolls
            page.wait_for_timeout(250)
            found = page.evaluate(MEASURE)
            problems += [f"/{path}: text smaller than the body: {text!r}" for text in found["small"]]
            problems += [f"/{path}: link smaller than {SMALLEST_TARGET} px: {text!r}" for text in found["tiny"]]
            problems += [f"/{path}: title cut off in the header: {text!r}" for text in found["cut"]]
    assert not problems, "\n".join(problems)
