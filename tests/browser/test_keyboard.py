"""Keyboard-only use, at phone and desktop width: every control a reader needs is reached with Tab
(Enter, Space or arrows where a control needs them), on screen and with a focus ring that can be seen."""

from __future__ import annotations

import pytest

from tests.browser.conftest import VIEWPORTS, browser_page

ARTICLE = "side-effects/"
MOST_TAB_PRESSES = 40
SKIP_LINK = "a.md-skip"
SEARCH_FIELD = "input.md-search__input"
SCHEME_RADIO = "input.md-option"
PRIMARY_NAV_LINK = ".md-sidebar--primary a.md-nav__link"
DRAWER_BUTTON = ".md-header label[for='__drawer']"

# The element that shows focus is not always the focused one: the scheme toggle's radio button is
# invisible, and the icon label that follows it carries the ring.
INDICATOR_OF = """element => element.matches('input.md-option') ? element.nextElementSibling : element"""
FOCUS_STYLE = """element => {
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  return {
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
    outlineColor: style.outlineColor,
    boxShadow: style.boxShadow,
    onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
      && box.left < innerWidth && box.top < innerHeight && style.visibility !== 'hidden',
  };
}"""


def focus_ring_problem(unfocused: dict, focused: dict) -> str | None:
    """Why a focused element's indicator cannot be seen, or None when it can."""
    if not focused["onScreen"]:
        return "it is off screen or hidden"
    outline_shown = focused["outlineStyle"] != "none" and focused["outlineWidth"] > 0
    outline_changed = (unfocused["outlineStyle"], unfocused["outlineWidth"], unfocused["outlineColor"]) != (
        focused["outlineStyle"],
        focused["outlineWidth"],
        focused["outlineColor"],
    )
    shadow_changed = focused["boxShadow"] != unfocused["boxShadow"] and focused["boxShadow"] != "none"
    if (outline_shown and (outline_changed or unfocused["outlineStyle"] == "none")) or shadow_changed:
        return None
    outline = f"outline {focused['outlineStyle']} {focused['outlineWidth']}px"
    return f"its style does not change on focus ({outline}, box-shadow {focused['boxShadow']})"


def indicator_style(page, element_handle) -> dict:
    indicator = page.evaluate_handle(INDICATOR_OF, element_handle).as_element()
    return indicator.evaluate(FOCUS_STYLE)


def tab_to(page, selector: str, most_presses: int = MOST_TAB_PRESSES) -> int:
    """Press Tab until the focused element matches selector; return how many presses it took."""
    for presses in range(1, most_presses + 1):
        page.keyboard.press("Tab")
        if page.evaluate("selector => document.activeElement?.matches(selector) ?? false", selector):
            return presses
    raise AssertionError(f"{most_presses} presses of Tab never reached {selector}")


def assert_focus_visible(page, selector: str, unfocused: dict) -> None:
    focused = indicator_style(page, page.evaluate_handle("document.activeElement").as_element())
    problem = focus_ring_problem(unfocused, focused)
    assert problem is None, f"focus on {selector} cannot be seen: {problem}"


@pytest.fixture(params=sorted(VIEWPORTS))
def fresh_page(request, browser, site_url):
    with browser_page(browser, request.param) as page:
        page.goto(site_url + ARTICLE, wait_until="load")
        page.viewport_name = request.param
        yield page


def unfocused_style(page, selector: str) -> dict:
    return indicator_style(page, page.locator(selector).first.element_handle())


def test_skip_link_is_the_first_tab_stop_and_jumps_to_the_content(fresh_page):
    page = fresh_page
    unfocused = unfocused_style(page, SKIP_LINK)
    assert tab_to(page, SKIP_LINK, most_presses=1) == 1
    assert_focus_visible(page, SKIP_LINK, unfocused)
    target = page.get_attribute(SKIP_LINK, "href")
    page.keyboard.press("Enter")
    reached = page.evaluate("location.hash")
    assert reached and target.endswith(reached)


def test_search_field_is_reached_and_searches(fresh_page):
    page = fresh_page
    unfocused = unfocused_style(page, SEARCH_FIELD)
    tab_to(page, SEARCH_FIELD)
    assert_focus_visible(page, SEARCH_FIELD, unfocused)
    page.keyboard.type("peeling", delay=30)
    page.locator(".md-search-result__item a").first.wait_for()


def test_scheme_toggle_is_reached_and_switches_with_the_keyboard(fresh_page):
    page = fresh_page
    unfocused = unfocused_style(page, SCHEME_RADIO)
    tab_to(page, SCHEME_RADIO)
    assert_focus_visible(page, SCHEME_RADIO, unfocused)
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    # Two radio buttons share the toggle; arrow keys move between them, as with any radio group.
    page.keyboard.press("ArrowRight")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    assert_focus_visible(page, SCHEME_RADIO, unfocused)


def test_desktop_sidebar_navigation_is_reached(browser, site_url):
    with browser_page(browser, "desktop") as page:
        page.goto(site_url + ARTICLE, wait_until="load")
        unfocused = unfocused_style(page, PRIMARY_NAV_LINK)
        tab_to(page, PRIMARY_NAV_LINK)
        assert_focus_visible(page, PRIMARY_NAV_LINK, unfocused)
        article_url = page.url
        page.keyboard.press("Enter")
        page.wait_for_url(lambda url: url != article_url)


def test_phone_navigation_links_come_into_view_when_tabbed_to(browser, site_url):
    """The closed drawer's links are in the Tab order; each must be on screen when it has focus."""
    with browser_page(browser, "phone") as page:
        page.goto(site_url + ARTICLE, wait_until="load")
        unfocused = unfocused_style(page, PRIMARY_NAV_LINK)
        tab_to(page, PRIMARY_NAV_LINK)
        # The drawer slides in; judge the ring once it has stopped moving, however slowly this machine animates.
        page.wait_for_function("document.getAnimations().every(animation => animation.playState !== 'running')")
        assert_focus_visible(page, PRIMARY_NAV_LINK, unfocused)


def test_phone_menu_button_opens_the_drawer_from_the_keyboard(browser, site_url):
    with browser_page(browser, "phone") as page:
        page.goto(site_url + ARTICLE, wait_until="load")
        unfocused = unfocused_style(page, DRAWER_BUTTON)
        tab_to(page, DRAWER_BUTTON, most_presses=6)
        assert_focus_visible(page, DRAWER_BUTTON, unfocused)
        page.keyboard.press("Enter")
        assert page.evaluate("document.getElementById('__drawer').checked")
        page.keyboard.press("Escape")
        page.focus(DRAWER_BUTTON)
        page.evaluate("document.getElementById('__drawer').checked = false")
        page.keyboard.press(" ")
        assert page.evaluate("document.getElementById('__drawer').checked")


def test_focus_rings_removed_by_a_stylesheet_are_caught(browser, site_url):
    """The gate itself: a page whose CSS hides focus fails the visible-focus check."""
    with browser_page(browser, "desktop") as page:
        page.goto(site_url + ARTICLE, wait_until="load")
        page.add_style_tag(
            content="*:focus, *:focus-visible { outline: none !important; box-shadow: none !important; }"
        )
        unfocused = unfocused_style(page, SEARCH_FIELD)
        tab_to(page, SEARCH_FIELD)
        with pytest.raises(
            AssertionError, match=r"focus on input\.md-search__input cannot be seen: its style does not change on focus"
        ):
            assert_focus_visible(page, SEARCH_FIELD, unfocused)
