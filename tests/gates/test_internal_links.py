"""Every link inside the built site resolves, proven against pages broken on purpose in a copy of the site."""

from __future__ import annotations

import shutil

import pytest

from scripts.checks.link_check import check_site, site_url_from_config
from scripts.checks.linkcheck_external import external_urls
from tests.conftest import PROJECT_ROOT, replace_once, site_root_path

# Builds the whole site more than once.
pytestmark = pytest.mark.slow

SITE_URL = site_url_from_config(PROJECT_ROOT / "mkdocs.yml")


@pytest.fixture
def site_copy(built_site, tmp_path):
    return shutil.copytree(built_site, tmp_path / "site")


def add_link_to_page(site, page, html):
    path = site / page
    path.write_text(replace_once(path.read_text(encoding="utf-8"), "</article>", f"{html}</article>"), encoding="utf-8")


def messages(site):
    return [str(link) for link in check_site(site, SITE_URL)]


def test_built_site_has_no_broken_internal_links(built_site):
    assert messages(built_site) == []


def test_missing_section_on_same_page_is_reported_against_its_docs_file(site_copy):
    add_link_to_page(site_copy, "aftercare/index.html", '<a href="#nowhere">x</a>')
    [message] = messages(site_copy)
    assert message.startswith("docs/aftercare.md: the link #nowhere (site page aftercare/index.html, HTML line ")
    assert message.endswith(
        "): the page aftercare/index.html has no section with id 'nowhere';"
        " fix the #part of the link to match a heading"
    )


def test_misspelt_section_on_another_page_suggests_the_real_one(site_copy):
    add_link_to_page(site_copy, "aftercare/index.html", '<a href="../side-effects/#when-to-get-hlp">x</a>')
    [message] = messages(site_copy)
    assert "the link ../side-effects/#when-to-get-hlp (site page aftercare/index.html, HTML line " in message
    assert (
        "the page side-effects/index.html has no section with id 'when-to-get-hlp' (did you mean '#when-to-get-help'?)"
        in message
    )


@pytest.mark.parametrize(
    "href", ["../no-such-page/", "/no-such-page/", "../aftercare/missing.png", f"{SITE_URL}no-such-page/"]
)
def test_link_to_a_missing_page_or_file_is_reported(site_copy, href):
    add_link_to_page(site_copy, "benefits/index.html", f'<a href="{href}">x</a>')
    [message] = messages(site_copy)
    assert message.startswith(f"docs/benefits.md: the link {href} ")
    assert "nothing is published at" in message and "check the page name in the link" in message


def test_javascript_link_is_reported(site_copy):
    add_link_to_page(site_copy, "benefits/index.html", '<a href="javascript:alert(1)">x</a>')
    [message] = messages(site_copy)
    assert "javascript: links run code instead of going to a page" in message


def test_links_that_resolve_are_not_reported(site_copy):
    add_link_to_page(
        site_copy,
        "benefits/index.html",
        '<a href="../side-effects/#when-to-get-help">a</a><a href="../aftercare/">b</a><a href="../aftercare">c</a>'
        '<a href="#">d</a><a href="mailto:a@example.org">e</a><a href="https://example.org/x#y">f</a>'
        '<img src="../assets/images/favicon.png">',
    )
    assert messages(site_copy) == []


def test_broken_theme_link_is_reported_once_not_per_page(site_copy):
    (site_copy / "stylesheets" / "extra.css").unlink()
    [message] = messages(site_copy)
    assert "(theme, overrides/ or mkdocs.yml, not the page text)" in message
    assert f"nothing is published at {site_root_path()}stylesheets/extra.css" in message
    assert " other pages " in message


def test_external_link_collection_skips_own_site_and_groups_pages(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<a href="https://example.org/study#results">s</a><a href="https://guide.example/a/">own</a>'
        '<a href="../b/">internal</a><a href="mailto:x@example.org">m</a><img src="http://images.example/p.png">'
    )
    (tmp_path / "index.html").write_text('<a href="https://example.org/study">s</a>')

    urls = external_urls(tmp_path, "guide.example")

    assert urls == {
        "https://example.org/study": ["a/index.html", "index.html"],
        "http://images.example/p.png": ["a/index.html"],
    }
