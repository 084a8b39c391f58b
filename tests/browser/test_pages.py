"""Every page in headless Chromium, at phone and desktop width, in the light and the dark scheme."""

from __future__ import annotations

import urllib.parse

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import SCHEMES, VIEWPORTS
from tests.conftest import ARTIFACTS_DIR

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
SCREENSHOT_PAGES = {"": "home", "side-effects/": "side-effects"}
_axe = Axe()


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def page_paths(article_paths) -> list[str]:
    return [*article_paths, "404.html"]


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_every_page_is_accessible_private_and_error_free(browser, site_url, page_paths, viewport, scheme):
    """axe finds no WCAG A/AA violation, nothing is fetched from another host, the console stays clean."""
    site_host = urllib.parse.urlsplit(site_url).netloc
    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme="dark" if scheme == "dark" else "light")
    page = context.new_page()
    foreign_requests: list[str] = []
    console_errors: list[str] = []
    page.on("request", lambda request: urllib.parse.urlsplit(request.url).netloc not in ("", site_host) and request.url.startswith("http") and foreign_requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    failures = []
    try:
        for path in page_paths:
            page.goto(site_url + path, wait_until="load")
            rendered_scheme = page.get_attribute("body", "data-md-color-scheme")
            if rendered_scheme != SCHEMES[scheme]:
                failures.append(f"/{path}: rendered in scheme {rendered_scheme!r}, expected {SCHEMES[scheme]!r}")
            results = _axe.run(page, options=AXE_OPTIONS)
            violations = results.response["violations"]
            if violations:
                failures.append(f"/{path} ({viewport}, {scheme}):\n{describe_violations(violations)}")
            if viewport == "phone" and path in SCREENSHOT_PAGES:
                ARTIFACTS_DIR.joinpath("screenshots").mkdir(parents=True, exist_ok=True)
                page.screenshot(path=ARTIFACTS_DIR / "screenshots" / f"{SCREENSHOT_PAGES[path]}-phone-{scheme}.png", full_page=True)
    finally:
        context.close()
    assert not failures, "\n".join(failures)
    assert foreign_requests == [], f"pages asked other hosts for: {sorted(set(foreign_requests))}"
    assert console_errors == [], f"console errors: {console_errors}"


def test_scheme_toggle_switches_between_light_and_dark(browser, site_url):
    context = browser.new_context(viewport=VIEWPORTS["desktop"], color_scheme="light")
    page = context.new_page()
    try:
        page.goto(site_url, wait_until="load")
        assert page.get_attribute("body", "data-md-color-scheme") == "default"
        # Material shows one toggle at a time: the one that switches to the other scheme.
        visible_toggle = page.locator('label.md-header__button[for^="__palette"]:visible')
        assert visible_toggle.get_attribute("title") == "Switch to dark mode"
        visible_toggle.click()
        assert page.get_attribute("body", "data-md-color-scheme") == "slate"
        visible_toggle.click()
        assert page.get_attribute("body", "data-md-color-scheme") == "default"
    finally:
        context.close()


def test_search_finds_an_article(browser, site_url):
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    try:
        page.goto(site_url, wait_until="load")
        page.get_by_label("Search", exact=False).first.click()
        search = page.locator("input.md-search__input")
        search.press_sequentially("peeling", delay=30)
        first_result = page.locator(".md-search-result__item a").first
        first_result.wait_for(timeout=10_000)
        assert page.locator(".md-search-result__item").count() > 0
    finally:
        context.close()
