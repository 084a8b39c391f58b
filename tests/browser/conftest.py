"""A real headless Chromium (Debian's), driven by Playwright, for tests that look at pages as readers do."""

from __future__ import annotations

import contextlib

import pytest
from playwright.sync_api import sync_playwright

from scripts.browser.chromium import CHROMIUM, CHROMIUM_ARGS

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextlib.contextmanager
def browser_page(browser, viewport: str = "desktop", scheme: str = "light"):
    """A page in a fresh context (nothing stored from earlier tests), closed afterwards."""
    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=scheme)
    try:
        yield context.new_page()
    finally:
        context.close()
