"""Printing: care cards and reference lists print cleanly, and the aftercare checklist fits one page."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import browser_page


def pdf_page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.fixture
def print_page(browser):
    with browser_page(browser, "desktop") as page:
        page.emulate_media(media="print")
        yield page


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_aftercare_checklist_prints_on_one_page(print_page, site_url, paper):
    print_page.goto(site_url + "aftercare-checklist/", wait_until="load")
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
