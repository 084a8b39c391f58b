"""Whatever an attack's build wrote, served and opened in Chromium, runs no script and asks no other host.

The builds are those of tests/gates/attacks.py (every one should be refused, writing nothing). A page written by
hand with a script and a tracking picture first proves the watch sees both.
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path

from scripts.browser.static_server import serving
from tests.browser.conftest import browser_page
from tests.conftest import run_mkdocs_build
from tests.gates.attacks import ATTACKS, PAGE, copy_for_attack


class Watch:
    """Dialogs opened by scripts (the attacks call alert) and requests to hosts other than the site's."""

    def __init__(self, page, site_url: str) -> None:
        self.site_host = urllib.parse.urlsplit(site_url).netloc
        self.seen: list[str] = []
        page.on("dialog", self._on_dialog)
        page.on("request", self._on_request)

    def _on_dialog(self, dialog) -> None:
        self.seen.append(f"a script ran and opened a {dialog.type}")
        dialog.dismiss()

    def _on_request(self, request) -> None:
        host = urllib.parse.urlsplit(request.url).netloc
        if request.url.startswith(("http:", "https:")) and host != self.site_host:
            self.seen.append(f"asked another host for {request.url}")


def what_pages_do(browser, site_dir: Path) -> list[str]:
    seen: list[str] = []
    with serving(site_dir) as url, browser_page(browser) as page:
        watch = Watch(page, url)
        for file in sorted(site_dir.rglob("*")):
            if file.suffix in (".html", ".htm", ".xht", ".xhtml", ".xml", ".svg"):
                page.goto(f"{url}/{file.relative_to(site_dir).as_posix()}", wait_until="load")
                page.wait_for_load_state("networkidle")
        seen += watch.seen
    return seen


def test_the_watch_sees_a_script_and_a_tracker(browser, tmp_path):
    (tmp_path / "index.html").write_text(
        '<p>x</p><img src="missing.png" onerror="alert(1)"><img src="https://tracker.example/p.png">',
        encoding="utf-8",
    )
    seen = what_pages_do(browser, tmp_path)
    assert "a script ran and opened a alert" in seen
    assert "asked another host for https://tracker.example/p.png" in seen


def test_no_attack_output_runs_code_or_asks_another_host(browser, attack_outcomes):
    failures = {}
    for name in sorted(ATTACKS):
        site_dir = attack_outcomes[name].site_dir
        if site_dir.exists() and any(site_dir.iterdir()):
            seen = what_pages_do(browser, site_dir)
            if seen:
                failures[name] = seen
    assert not failures, failures


def test_markup_shown_as_text_stays_text_in_pages_and_search(browser, tmp_path):
    """What the allowlist lets through as text (code spans, escaped tags, a heading) never becomes markup again,
    not in the page and not in the search results Material builds from its index."""
    project = copy_for_attack(tmp_path / "project")
    page_file = project / PAGE
    page_file.write_text(
        page_file.read_text(encoding="utf-8")
        + "\n\nZebrafish: `<img src=x onerror=alert(1)>` and &lt;img src=y onerror=alert(2)&gt;.\n\n"
        "## Zebrafish &lt;img src=z onerror=alert(3)&gt;\n\nMore zebrafish.\n",
        encoding="utf-8",
    )
    site_dir = tmp_path / "site"
    assert run_mkdocs_build(project, site_dir).returncode == 0

    with serving(site_dir) as url, browser_page(browser, "phone") as page:
        watch = Watch(page, url)
        page.goto(f"{url}/aftercare/", wait_until="load")
        page.click("label.md-header__button[for='__search']")
        page.locator("input.md-search__input").press_sequentially("zebrafish", delay=30)
        page.wait_for_selector(".md-search-result__item")
        # Results render in one go; images in them would have been requested by the time the network is idle.
        page.wait_for_load_state("networkidle")
        assert page.locator(".md-search-result img, article img[src='x']").count() == 0
    assert watch.seen == []
