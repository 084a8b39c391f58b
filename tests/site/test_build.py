"""The real site, built by MkDocs in strict mode, has what every reader relies on."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from scripts.site.glossary import abbreviation_definitions, load_glossary

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ARTICLES = sorted(path.stem for path in (PROJECT_ROOT / "docs").glob("*.md"))


def page_html(site: Path, stem: str) -> str:
    path = site / "index.html" if stem == "index" else site / stem / "index.html"
    return path.read_text(encoding="utf-8")


def test_strict_build_has_no_warnings(strict_build):
    assert strict_build.returncode == 0, strict_build.stderr
    warnings = [line for line in strict_build.stderr.splitlines() if "WARNING" in line]
    assert warnings == []


def test_every_article_and_the_timeline_is_built(built_site):
    for stem in [*ARTICLES, "side-effects-timeline"]:
        assert "<h1" in page_html(built_site, stem), stem


@pytest.mark.parametrize("stem", ARTICLES)
def test_article_shows_review_dates_and_numbered_references(built_site, stem):
    html = page_html(built_site, stem)
    assert re.search(r"<dt>Last reviewed</dt><dd><time datetime=\"\d{4}-\d\d-\d\d\">", html)
    assert re.search(r"<dt>Next review due</dt><dd><time datetime=\"\d{4}-\d\d-\d\d\">", html)
    assert "⟦" not in html, f"{stem}: a citation mark was left unlinked"
    references = re.findall(r'<li id="ref-(\d+)">', html)
    assert references and references == [str(number) for number in range(1, len(references) + 1)]
    for cited in set(re.findall(r'<sup class="citation"><a href="#ref-(\d+)"', html)):
        assert cited in references, f"{stem}: citation {cited} has no reference"


@pytest.mark.parametrize("stem", ARTICLES)
def test_article_has_medical_web_page_json_ld(built_site, stem):
    html = page_html(built_site, stem)
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert match, f"{stem}: no JSON-LD"
    data = json.loads(match.group(1))
    assert data["@type"] == "MedicalWebPage"
    assert data["name"] and data["description"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", data["lastReviewed"])
    assert data["citation"] and all(citation["name"] for citation in data["citation"])
    description = re.search(r'<meta name="description" content="([^"]*)"', html).group(1)
    assert description == data["description"].replace('"', "&#34;") or description == data["description"]


def test_theme_requests_no_web_fonts(built_site):
    for page in built_site.rglob("*.html"):
        assert "fonts.googleapis.com" not in page.read_text(encoding="utf-8"), page


def test_search_dialog_has_an_accessible_name(built_site):
    assert 'role="dialog" aria-label="Search this guide"' in page_html(built_site, "index")


def test_sitemap_and_404_page(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for stem in ARTICLES:
        if stem != "index":
            assert f"/{stem}/</loc>" in sitemap, stem
    not_found = (built_site / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in not_found
    assert 'href="/side-effects/"' in not_found


def test_care_cards_name_their_level_in_words(built_site):
    titles = {"emergency": "Emergency", "urgent": "Urgent", "soon": "See your practitioner soon"}
    found = set()
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for level, words in titles.items():
            for title in re.findall(rf'<div class="admonition {level}">\s*<p class="admonition-title">([^<]*)', html):
                assert words.lower() in title.lower(), f"{page}: a {level} card is titled {title!r}"
                found.add(level)
    assert found == set(titles)


def test_glossary_terms_get_hover_definitions(built_site):
    """Every glossary term a page uses is shown with its definition on hover; the glossary page itself has none."""
    glossary = load_glossary(PROJECT_ROOT / "data" / "glossary.yml", "data/glossary.yml")
    pages_with_terms = 0
    for stem in ARTICLES:
        source = (PROJECT_ROOT / "docs" / f"{stem}.md").read_text(encoding="utf-8")
        html = page_html(built_site, stem)
        if "generated_list: glossary" in source:
            assert "<dl>" in html and "<abbr" not in html, f"{stem}: the glossary page lists terms without hovers"
            continue
        # Include lines (<!-- signs-of: tram-track-scars -->) are replaced before the page is rendered.
        text = re.sub(r"<!--.*?-->", " ", source.split("---", 2)[-1], flags=re.DOTALL)
        for line in abbreviation_definitions(glossary, text).splitlines():
            form = line.removeprefix("*[").split("]:", 1)[0]
            assert re.search(rf"<abbr title=\"[^\"]+\">{re.escape(form)}</abbr>", html), (
                f"{stem}: {form!r} has no hover"
            )
            pages_with_terms += 1
    assert pages_with_terms, "no page uses a glossary term, so hover definitions went untested"
