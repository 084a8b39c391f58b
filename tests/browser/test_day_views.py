"""A reader a few days after treatment, on a 390x844 phone: the day views, the warning signs and the
timeline page as they look in real Chromium. Rules come from data/side-effects.yml, not today's wording."""

from __future__ import annotations

import datetime
import urllib.parse

import pytest

from scripts.site.site_content import SiteContent
from scripts.timeline.periods import day_by_day, day_periods, period_for_day
from tests.browser.conftest import VIEWPORTS, browser_page
from tests.conftest import PROJECT_ROOT

SCREEN = VIEWPORTS["phone"]["height"]
TIMELINE = "side-effects-timeline/"
MAXIMUM_TIMELINE_SCREENS = 14
# Everything the site keeps in the browser's storage (Material keeps its colour scheme there).
STORED = """() => Object.fromEntries([localStorage, sessionStorage].flatMap(store =>
  Object.keys(store).map(key => [key, store.getItem(key)])))"""


@pytest.fixture(scope="module")
def data():
    return SiteContent.load(PROJECT_ROOT).side_effects


def test_from_the_home_page_one_tap_opens_the_day_4_view_and_its_get_help_box_within_two_screens(
    browser, site_url, data
):
    anchor = period_for_day(day_periods(data), 4).anchor
    with browser_page(browser, "phone") as page:
        page.goto(site_url, wait_until="load")
        page.locator(f'a.day-link[href$="#{anchor}"]').first.click()
        page.wait_for_url(f"**/side-effects-timeline/#{anchor}")
        # The browser scrolls to the view after the page arrives; wait for that, not for a fixed time.
        page.wait_for_function(
            """anchor => { const heading = document.getElementById(anchor);
                      const top = heading && heading.getBoundingClientRect().top;
                      return heading !== null && top >= 0 && top < innerHeight; }""",
            arg=anchor,
        )
        view = page.evaluate(
            """anchor => {
              const heading = document.getElementById(anchor);
              let box = heading.nextElementSibling;
              while (box && !box.matches(".admonition.get-help")) box = box.nextElementSibling;
              const top = heading.getBoundingClientRect().top;
              return {top, boxBottom: box ? box.getBoundingClientRect().bottom : null,
                      signs: box ? box.querySelectorAll(".care-sign").length : 0};
            }""",
            anchor,
        )
    assert view["boxBottom"] is not None, "the view has a get-help box"
    assert 0 <= view["top"] < SCREEN, "the tap lands on the view"
    assert view["boxBottom"] - view["top"] <= 2 * SCREEN
    assert view["signs"] > 0


def test_the_home_pages_first_two_screens_name_the_infection_signs(browser, site_url, data):
    infection_signs = [sign for sign in data.warning_signs if "infection" in sign.effects and sign.level == "urgent"]
    assert infection_signs
    with browser_page(browser, "phone") as page:
        page.goto(site_url, wait_until="load")
        for sign in infection_signs:
            shown = page.locator(f".care-sign.sign-{sign.id}").first
            box = shown.bounding_box()
            assert box and box["y"] + box["height"] <= 2 * SCREEN, sign.id
            size = shown.evaluate("element => parseFloat(getComputedStyle(element).fontSize)")
            body = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")
            assert size >= body, f"{sign.id} is smaller than the body text"


def test_the_timeline_page_fits_fourteen_phone_screens_with_an_emergency_box_in_each_view_it_can_start_in(
    browser, site_url, data
):
    with browser_page(browser, "phone") as page:
        page.goto(site_url + TIMELINE, wait_until="load")
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height <= MAXIMUM_TIMELINE_SCREENS * SCREEN, f"{height / SCREEN:.1f} screens"
        assert page.locator(".admonition.emergency").count() == sum(1 for view in day_by_day(data) if view.emergency)
        # The day views are one tap away from the top of the page.
        for period in day_periods(data):
            link = page.locator(f'a.day-link[href$="#{period.anchor}"]')
            box = link.bounding_box()
            assert box and box["y"] < SCREEN, period.anchor
            assert page.locator(f"#{period.anchor}").count() == 1


def test_the_chart_axis_stays_readable_while_the_chart_is_on_screen(browser, site_url):
    with browser_page(browser, "phone") as page:
        page.goto(site_url + TIMELINE, wait_until="load")
        last_row = page.locator(".tl-row").last
        last_row.scroll_into_view_if_needed()
        axis, row = page.locator(".tl-axis").bounding_box(), last_row.bounding_box()
        header = page.locator(".md-header").bounding_box()
        assert axis["y"] >= header["y"] + header["height"] - 1, "the axis is not hidden under the header"
        assert axis["y"] + axis["height"] <= row["y"] + 1, "the axis sits above the row"
        labels = page.locator(".tl-tick")
        for index in range(labels.count()):
            box = labels.nth(index).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= VIEWPORTS["phone"]["width"]


@pytest.mark.parametrize("days_ago", [0, 4, 10, 30, 100])
def test_typing_the_treatment_date_opens_that_days_view_and_keeps_the_date_to_itself(browser, site_url, days_ago, data):
    treated = datetime.date.today() - datetime.timedelta(days=days_ago)
    with browser_page(browser, "phone") as page:
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(site_url, wait_until="load")
        requests.clear()
        stored_before = page.evaluate(STORED)
        page.locator(".day-finder input[type=date]").first.fill(treated.isoformat())
        page.locator(".day-finder button").first.click()
        page.wait_for_url(f"**/side-effects-timeline/#{period_for_day(day_periods(data), days_ago).anchor}")
        assert treated.isoformat() not in page.url
        assert not any(treated.isoformat() in urllib.parse.unquote(url) for url in requests)
        assert page.context.cookies() == []
        stored_after = page.evaluate(STORED)
        assert stored_after == stored_before, "the finder stores nothing"


def test_without_javascript_the_day_views_are_plain_links(browser, site_url, data):
    context = browser.new_context(viewport=VIEWPORTS["phone"], java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url, wait_until="load")
        hrefs = page.locator("a.day-link").evaluate_all("links => links.map(link => link.getAttribute('href'))")
        assert [href.split("#")[1] for href in hrefs] == [period.anchor for period in day_periods(data)]
        page.goto(site_url + TIMELINE, wait_until="load")
        for period in day_periods(data):
            assert page.locator(f"#{period.anchor}").count() == 1
    finally:
        context.close()
