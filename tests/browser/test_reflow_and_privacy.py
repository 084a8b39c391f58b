"""What the accessibility and privacy statements promise: reflow at high zoom, and no cookies."""

from __future__ import annotations

from tests.browser.conftest import browser_page

# 320 CSS pixels wide is a 1280-pixel screen at 400% zoom (WCAG 1.4.10 Reflow), stricter than the 200% promised.
REFLOW_WIDTH = 320


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_every_page_reflows_without_sideways_scrolling_at_high_zoom(browser, site_url, article_paths):
    overflowing = []
    with browser_page(browser, "phone") as page:
        page.set_viewport_size({"width": REFLOW_WIDTH, "height": 640})
        for path in [*article_paths, "404.html"]:
            page.goto(site_url + path, wait_until="load")
            # Wide tables scroll inside their own keyboard-reachable box, which WCAG allows for tables.
            width = page_width(page)
            if width > REFLOW_WIDTH:
                overflowing.append(f"/{path}: the page is {width} px wide at {REFLOW_WIDTH} px")
    assert not overflowing, "\n".join(overflowing)


def test_a_fixed_width_block_breaks_reflow(browser, site_url):
    """The check itself: content wider than the screen makes the page scroll sideways."""
    with browser_page(browser, "phone") as page:
        page.set_viewport_size({"width": REFLOW_WIDTH, "height": 640})
        page.goto(site_url + "aftercare/", wait_until="load")
        assert page_width(page) <= REFLOW_WIDTH
        page.evaluate(
            "document.querySelector('article').insertAdjacentHTML('beforeend', '<pre>' + 'x'.repeat(200) + '</pre>')"
        )
        page.add_style_tag(content="article pre { overflow: visible !important; white-space: pre; }")
        assert page_width(page) > REFLOW_WIDTH


def test_reading_every_page_sets_no_cookie(browser, site_url, article_paths):
    with browser_page(browser, "desktop") as page:
        for path in article_paths:
            page.goto(site_url + path, wait_until="load")
        # The scheme toggle, in whichever language the last page is.
        page.locator('label.md-header__button[for^="__palette"]:visible').click()
        assert page.context.cookies() == []
