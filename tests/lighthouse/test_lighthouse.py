"""Lighthouse accessibility, best practices and SEO at full marks, on one page of each kind.

These three categories check what the page is (its markup, metadata and console), not how fast this machine
loads it, so one run gives the same answer however busy the machine is. The performance score measures this
machine's main thread and moves with its load; it is reported by `make bench`, and the suite asserts page
weight and request budgets instead (tests/site/test_page_budgets.py, tests/browser/test_request_budget.py).

Pages of one kind share their template and generated parts, so one of each kind stands for the rest; axe
(tests/browser/test_pages.py) checks accessibility on every page. The 404 page is left out: it is meant to be
unindexable, and SEO audits would mark it down for that.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from scripts.browser.lighthouse_runner import LighthouseResult, run_lighthouse_on_each
from scripts.browser.static_server import serving
from scripts.site.page_metadata import check_page
from scripts.site.site_content import SiteContent
from tests.conftest import ARTIFACTS_DIR, PROJECT_ROOT, replace_once

CATEGORIES = ("accessibility", "best-practices", "seo")
THRESHOLDS = dict.fromkeys(CATEGORIES, 1.0)
# Two runs at once fit the 2-core machine; these categories do not depend on how fast a run is.
PARALLEL_RUNS = 2
BROKEN_PAGE = "aftercare/"


def page_kind(url_path: str, site: SiteContent) -> str:
    """What a page is built from: the home page, an article, a generated list, or a page generated from data."""
    source_file = PROJECT_ROOT / "docs" / ("index.md" if url_path == "" else url_path.rstrip("/") + ".md")
    if url_path == "":
        return "home"
    if not source_file.is_file():
        return "generated from data"
    metadata = check_page(source_file.name, source_file.read_text(encoding="utf-8"), set(site.references)).metadata
    if metadata and metadata.generated_list:
        return f"generated list: {metadata.generated_list}"
    return "article"


def representative_pages(article_paths: list[str]) -> dict[str, str]:
    """One page per kind: for articles, the longest source, as it holds the most kinds of content."""
    site = SiteContent.load(PROJECT_ROOT)
    chosen: dict[str, str] = {}
    for path in article_paths:
        kind = page_kind(path, site)
        if kind not in chosen or source_size(path) > source_size(chosen[kind]):
            chosen[kind] = path
    return chosen


def source_size(url_path: str) -> int:
    source_file = PROJECT_ROOT / "docs" / (url_path.rstrip("/") + ".md")
    return source_file.stat().st_size if source_file.is_file() else 0


def break_page(site: Path) -> None:
    """A page hidden from search engines and with an image that has no text alternative."""
    page = site / BROKEN_PAGE / "index.html"
    html = page.read_text(encoding="utf-8")
    html = replace_once(html, "<head>", '<head><meta name="robots" content="noindex">')
    html = replace_once(
        html,
        '<article class="md-content__inner md-typeset">',
        '<article class="md-content__inner md-typeset"><img src="../assets/images/favicon.png">',
    )
    page.write_text(html, encoding="utf-8")


@pytest.fixture(scope="module")
def lighthouse_runs(
    built_site, site_url, article_paths, tmp_path_factory
) -> tuple[dict[str, LighthouseResult], LighthouseResult]:
    """Lighthouse on each representative page and, in the same parallel batch, on a deliberately broken copy."""
    pages = representative_pages(article_paths)
    broken_site = tmp_path_factory.mktemp("broken") / "site"
    shutil.copytree(built_site, broken_site)
    break_page(broken_site)
    with serving(broken_site) as broken_url:
        urls = [site_url + path for path in pages.values()] + [broken_url + BROKEN_PAGE]
        *results, broken = run_lighthouse_on_each(urls, PARALLEL_RUNS, categories=CATEGORIES)
    by_kind = dict(zip(pages, results, strict=True))
    ARTIFACTS_DIR.joinpath("lighthouse").mkdir(parents=True, exist_ok=True)
    summary = {f"{kind}: /{pages[kind]}": result.scores for kind, result in by_kind.items()}
    ARTIFACTS_DIR.joinpath("lighthouse", "scores.json").write_text(
        json.dumps(summary, indent=2) + "\n", encoding="utf-8"
    )
    return by_kind, broken


def test_one_page_of_each_kind_is_checked(lighthouse_runs):
    by_kind, _ = lighthouse_runs
    assert {"home", "article", "generated from data"} <= set(by_kind)
    for result in by_kind.values():
        assert set(result.scores) == set(CATEGORIES)


def test_every_kind_of_page_scores_full_marks_for_accessibility_best_practices_and_seo(lighthouse_runs):
    by_kind, _ = lighthouse_runs
    failures = "\n".join(
        f"({kind}) {report}" for kind, result in by_kind.items() if (report := result.describe_shortfalls(THRESHOLDS))
    )
    assert not failures, f"pages below the Lighthouse bar:\n{failures}"


def test_a_page_hidden_from_search_and_missing_image_text_fails_with_its_audits(lighthouse_runs):
    """The gate itself: a deliberately broken page falls short and its failing audits are printed."""
    _, broken = lighthouse_runs
    report = broken.describe_shortfalls(THRESHOLDS)
    assert broken.scores["seo"] < 1.0 and broken.scores["accessibility"] < 1.0
    assert "is-crawlable" in report and "image-alt" in report
