"""Printing: care cards and reference lists print cleanly, and the aftercare checklist fits one page."""

from __future__ import annotations

import re

import pytest

from scripts.i18n.languages import DEFAULT_LANGUAGE, LANGUAGES
from scripts.site.mkdocs_hook import site_address
from scripts.site.site_content import SiteContent
from tests.browser.conftest import browser_page
from tests.conftest import PROJECT_ROOT


def pdf_page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.fixture
def print_page(browser):
    with browser_page(browser, "desktop") as page:
        page.emulate_media(media="print")
        yield page


# Each language's folder from the site root: "" and "es/".
LANGUAGE_FOLDERS = {language: "" if language == DEFAULT_LANGUAGE else f"{language}/" for language in LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_aftercare_checklist_prints_on_one_page(print_page, site_url, paper, language):
    print_page.goto(site_url + LANGUAGE_FOLDERS[language] + "aftercare-checklist/", wait_until="load")
    pdf = print_page.pdf(format=paper, print_background=False)
    assert pdf_page_count(pdf) == 1


def test_print_layout_keeps_cards_and_references_whole_and_drops_site_chrome(print_page, site_url):
    print_page.goto(site_url + "side-effects/", wait_until="load")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert print_page.locator(chrome).first.evaluate("element => getComputedStyle(element).display") == "none", (
            chrome
        )
    cards = print_page.locator(".admonition.emergency, .admonition.urgent, .admonition.soon")
    assert cards.count() >= 3
    for index in range(cards.count()):
        style = cards.nth(index).evaluate(
            "card => [getComputedStyle(card).breakInside, getComputedStyle(card).borderLeftColor]"
        )
        assert style == ["avoid", "rgb(0, 0, 0)"]
    references = print_page.locator(".reference-list li")
    assert references.count() > 0
    assert references.first.evaluate("item => getComputedStyle(item).breakInside") == "avoid"


SMALLEST_PRINT_POINTS = 10


@pytest.mark.parametrize("language", LANGUAGES)
def test_aftercare_checklist_prints_at_10pt_or_more_with_blanks_whom_to_call_and_the_sites_address(
    print_page, site_url, language
):
    data = SiteContent.load(PROJECT_ROOT, language).side_effects
    folder = LANGUAGE_FOLDERS[language]
    print_page.goto(site_url + folder + "aftercare-checklist/", wait_until="load")
    smallest = print_page.evaluate(
        """() => {
          let smallest = Infinity;
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const element = walker.currentNode.parentElement;
            if (!walker.currentNode.textContent.trim() || element.closest(".visually-hidden")) continue;
            if (!element.getClientRects().length || getComputedStyle(element).visibility === "hidden") continue;
            smallest = Math.min(smallest, parseFloat(getComputedStyle(element).fontSize));
          }
          return smallest * 0.75;
        }"""
    )
    assert smallest >= SMALLEST_PRINT_POINTS - 0.01, f"smallest printed text is {smallest:.1f} pt"
    assert print_page.locator(".write-in").count() >= 2, "blanks for the treatment date and the practitioner's phone"
    for level in ("emergency", "urgent", "soon"):
        card = print_page.locator(f".admonition.{level}")
        assert card.count() == 1
        assert " ".join(data.get_help.advice(level).contact.split()) in " ".join(card.inner_text().split())
    assert " ".join(data.get_help.no_medical_staff.split()) in " ".join(
        print_page.locator(".admonition.urgent").inner_text().split()
    )
    source = print_page.locator(".print-source")
    assert source.is_visible()
    # The site's name as this language's pages give it (the <title> ends with it).
    assert print_page.title().rsplit(" - ", 1)[-1] in source.inner_text()
    assert site_address(PROJECT_ROOT / "mkdocs.yml") + folder + "aftercare-checklist/" in source.inner_text()
