"""Every page in headless Chromium, at phone and desktop width, in the light and the dark scheme."""

from __future__ import annotations

import shutil
import urllib.parse

import pytest
from axe_playwright_python.sync_playwright import Axe

from scripts.browser.static_server import serving
from scripts.i18n.languages import DEFAULT_LANGUAGE, LANGUAGES
from tests.browser.conftest import SCHEMES, VIEWPORTS, browser_page
from tests.conftest import ARTIFACTS_DIR, replace_once

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
SCREENSHOT_PAGES = {"": "home", "side-effects/": "side-effects", "es/": "home-es"}
# Each language's home page, from the site root: "" and "es/".
LANGUAGE_HOMES = ["" if language == DEFAULT_LANGUAGE else f"{language}/" for language in LANGUAGES]
_axe = Axe()


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def page_paths(article_paths) -> list[str]:
    return [*article_paths, *(f"{folder}404.html" for folder in LANGUAGE_HOMES)]


class PageWatch:
    """Records, for one browser page, requests to other hosts and console errors."""

    def __init__(self, page, site_url: str):
        self.site_host = urllib.parse.urlsplit(site_url).netloc
        self.foreign_requests: list[str] = []
        self.console_errors: list[str] = []
        page.on("request", self._on_request)
        page.on("console", lambda message: message.type == "error" and self.console_errors.append(message.text))
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))

    def _on_request(self, request) -> None:
        if request.url.startswith("http") and urllib.parse.urlsplit(request.url).netloc != self.site_host:
            self.foreign_requests.append(request.url)

    def problems(self) -> list[str]:
        found = []
        if self.foreign_requests:
            found.append(f"asked other hosts for: {sorted(set(self.foreign_requests))}")
        if self.console_errors:
            found.append(f"console errors: {self.console_errors}")
        return found


def accessibility_problems(page, label: str) -> list[str]:
    violations = _axe.run(page, options=AXE_OPTIONS).response["violations"]
    return [f"{label}:\n{describe_violations(violations)}"] if violations else []


# Every page's content at each width and in each scheme; the site's frame (header, sidebars, drawer), which is the
# same on every page of a language, in every pairing, on each language's home page. Half the axe runs of every page
# in every pairing.
EVERY_PAGE_PAIRS = {("phone", "light"), ("desktop", "dark")}


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_every_page_is_accessible_private_and_error_free(browser, site_url, page_paths, viewport, scheme):
    """axe finds no WCAG A/AA violation, nothing is fetched from another host, the console stays clean."""
    failures = []
    with browser_page(browser, viewport, scheme) as page:
        watch = PageWatch(page, site_url)
        for path in page_paths if (viewport, scheme) in EVERY_PAGE_PAIRS else LANGUAGE_HOMES:
            page.goto(site_url + path, wait_until="load")
            rendered_scheme = page.get_attribute("body", "data-md-color-scheme")
            if rendered_scheme != SCHEMES[scheme]:
                failures.append(f"/{path}: rendered in scheme {rendered_scheme!r}, expected {SCHEMES[scheme]!r}")
            failures += accessibility_problems(page, f"/{path} ({viewport}, {scheme})")
            if path in SCREENSHOT_PAGES:
                ARTIFACTS_DIR.joinpath("screenshots").mkdir(parents=True, exist_ok=True)
                page.screenshot(
                    path=ARTIFACTS_DIR / "screenshots" / f"{SCREENSHOT_PAGES[path]}-{viewport}-{scheme}.png",
                    full_page=True,
                )
    assert not failures + watch.problems(), "\n".join(failures + watch.problems())


def test_a_broken_page_is_caught_by_every_browser_check(browser, built_site, tmp_path):
    """The gate itself: an outside image, a script error and faint unlabeled content are each reported."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page_file = site / "aftercare" / "index.html"
    page_file.write_text(
        replace_once(
            page_file.read_text(encoding="utf-8"),
            '<article class="md-content__inner md-typeset">',
            '<article class="md-content__inner md-typeset"><img src="http://tracker.invalid/pixel.png">'
            '<p style="color:#bbb;background:#fff">Faint text</p><script>missingFunction()</script>',
        ),
        encoding="utf-8",
    )
    with browser_page(browser, "phone") as page, serving(site) as url:
        watch = PageWatch(page, url)
        page.goto(url + "aftercare/", wait_until="load")
        axe_report = "\n".join(accessibility_problems(page, "/aftercare/"))
    assert "image-alt" in axe_report and "color-contrast" in axe_report
    assert watch.foreign_requests == ["http://tracker.invalid/pixel.png"]
    assert any("missingFunction" in error for error in watch.console_errors)


def test_scheme_toggle_switches_between_light_and_dark(browser, site_url):
    with browser_page(browser, "desktop", "light") as page:
        page.goto(site_url, wait_until="load")
        assert page.get_attribute("body", "data-md-color-scheme") == "default"
        # Material shows one toggle at a time: the one that switches to the other scheme.
        visible_toggle = page.locator('label.md-header__button[for^="__palette"]:visible')
        assert visible_toggle.get_attribute("title") == "Switch to dark mode"
        visible_toggle.click()
        assert page.get_attribute("body", "data-md-color-scheme") == "slate"
        visible_toggle.click()
        assert page.get_attribute("body", "data-md-color-scheme") == "default"
