"""Requests per page, from a real first visit in Chromium: few enough that a phone on a slow network is not
kept waiting on round trips. A count, not a time, so it is the same however busy the machine is."""

from __future__ import annotations

import shutil

from scripts.browser.static_server import serving
from tests.browser.conftest import browser_page
from tests.conftest import replace_once

# The page, Material's CSS and JavaScript, our stylesheets and scripts, and the icon: 12 requests today.
REQUEST_BUDGET = 16


def requests_by_load(browser, url: str) -> list[str]:
    """URLs requested by the load event of a first visit (fresh context, nothing cached)."""
    with browser_page(browser, "phone") as page:
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(url, wait_until="load")
        return list(requested)


def test_every_page_makes_at_most_the_budgeted_requests_by_load(browser, site_url, article_paths):
    over = []
    for path in [*article_paths, "404.html"]:
        requested = requests_by_load(browser, site_url + path)
        if len(requested) > REQUEST_BUDGET:
            over.append(
                f"/{path}: {len(requested)} requests by load, over the budget of {REQUEST_BUDGET}; "
                f"combine or remove files it loads: {requested}"
            )
    assert not over, "\n".join(over)


def test_a_page_that_loads_many_files_is_over_the_budget(browser, built_site, tmp_path):
    """The check itself: a page that adds a dozen small images has each one counted and goes over the budget."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page_file = site / "aftercare" / "index.html"
    images = "".join(f'<img src="../assets/images/favicon.png?copy={number}" alt="">' for number in range(12))
    page_file.write_text(
        replace_once(page_file.read_text(encoding="utf-8"), "</article>", images + "</article>"), encoding="utf-8"
    )
    with serving(built_site) as original_url, serving(site) as changed_url:
        before = len(requests_by_load(browser, original_url + "aftercare/"))
        after = len(requests_by_load(browser, changed_url + "aftercare/"))
    assert before <= REQUEST_BUDGET < after == before + 12
