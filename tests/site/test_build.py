"""The real site, built by MkDocs in strict mode, has what every reader relies on."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from scripts.common.markdown_source import split_front_matter
from scripts.common.templates import strings
from scripts.i18n.languages import DEFAULT_LANGUAGE, LANGUAGES, english_path, language_of, translation_path
from scripts.site.glossary import hover_definitions
from scripts.site.site_content import SiteContent
from scripts.timeline.models import CARE_LEVELS
from tests.conftest import site_root_path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# Every page in every language: (language, stem), the stem being its English file's (aftercare for aftercare.es.md).
ARTICLES = sorted(
    (language_of(path.name), Path(english_path(path.name)).stem) for path in (PROJECT_ROOT / "docs").glob("*.md")
)
ARTICLE_IDS = [f"{language}-{stem}" for language, stem in ARTICLES]
LANGUAGE_CONTENT = {language: SiteContent.load(PROJECT_ROOT, language) for language in LANGUAGES}


def page_html(site: Path, stem: str, language: str = DEFAULT_LANGUAGE) -> str:
    folder = site if language == DEFAULT_LANGUAGE else site / language
    path = folder / "index.html" if stem == "index" else folder / stem / "index.html"
    return path.read_text(encoding="utf-8")


def page_source(stem: str, language: str) -> str:
    return (PROJECT_ROOT / translation_path(f"docs/{stem}.md", language)).read_text(encoding="utf-8")


def test_strict_build_has_no_warnings(strict_build):
    assert strict_build.returncode == 0, strict_build.stderr
    warnings = [line for line in strict_build.stderr.splitlines() if "WARNING" in line]
    assert warnings == []


def test_every_article_and_the_timeline_is_built(built_site):
    for language, stem in [*ARTICLES, *((language, "side-effects-timeline") for language in LANGUAGES)]:
        assert "<h1" in page_html(built_site, stem, language), (language, stem)


@pytest.mark.parametrize(("language", "stem"), ARTICLES, ids=ARTICLE_IDS)
def test_article_shows_review_dates_and_numbered_references(built_site, language, stem):
    html = page_html(built_site, stem, language)
    words = strings(language)
    assert re.search(rf"<dt>{words['last_reviewed']}</dt><dd><time datetime=\"\d{{4}}-\d\d-\d\d\">", html)
    assert re.search(rf"<dt>{words['next_review']}</dt><dd><time datetime=\"\d{{4}}-\d\d-\d\d\">", html)
    assert "⟦" not in html, f"{stem}: a citation mark was left unlinked"
    references = re.findall(r'<li id="ref-(\d+)">', html)
    assert references and references == [str(number) for number in range(1, len(references) + 1)]
    for cited in set(re.findall(r'<sup class="citation"><a href="#ref-(\d+)"', html)):
        assert cited in references, f"{stem}: citation {cited} has no reference"


@pytest.mark.parametrize(("language", "stem"), ARTICLES, ids=ARTICLE_IDS)
def test_article_has_medical_web_page_json_ld(built_site, language, stem):
    html = page_html(built_site, stem, language)
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert match, f"{stem}: no JSON-LD"
    data = json.loads(match.group(1))
    assert data["@type"] == "MedicalWebPage"
    assert data["inLanguage"] == language
    assert re.search(rf'<html lang="{language}"', html)
    assert data["name"] and data["description"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", data["lastReviewed"])
    assert data["citation"] and all(citation["name"] for citation in data["citation"])
    description = re.search(r'<meta name="description" content="([^"]*)"', html).group(1)
    assert description == data["description"].replace('"', "&#34;") or description == data["description"]


def test_theme_requests_no_web_fonts(built_site):
    for page in built_site.rglob("*.html"):
        assert "fonts.googleapis.com" not in page.read_text(encoding="utf-8"), page


def test_search_dialog_has_an_accessible_name(built_site):
    dialogs = re.findall(r"<[^>]*\brole=\"dialog\"[^>]*>", page_html(built_site, "index"))
    assert dialogs, "the search dialog is missing"
    for dialog in dialogs:
        assert re.search(r'\baria-label="[^"]*\w[^"]*"', dialog), dialog


def test_sitemap_and_404_page(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for language, stem in ARTICLES:
        prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
        address = f"/{prefix}{stem}/" if stem != "index" else f"/{prefix}"
        assert f"{address}</loc>" in sitemap, (language, stem)
        # Each address lists every language's version of the page.
        entry = re.search(rf"<loc>[^<]*{re.escape(address)}</loc>(.*?)</url>", sitemap, re.S).group(1)
        assert sorted(re.findall(r'hreflang="([^"]+)"', entry)) == sorted(LANGUAGES), address
    # The 404 page is served at any address, however deep, so its own links must start from the site's root.
    for language in LANGUAGES:
        folder = "" if language == DEFAULT_LANGUAGE else f"{language}/"
        not_found = (built_site / folder / "404.html").read_text(encoding="utf-8")
        assert f'<html lang="{language}"' in not_found
        content = re.search(r'<div class="md-content" data-md-component="content">(.*?)</article>', not_found, re.S)
        links = re.findall(r'<a href="([^"]*)"', content.group(1))
        assert links, "the 404 page offers no way back into the site"
        for link in links:
            assert link.startswith(f"{site_root_path()}{folder}"), f"{folder}404.html links to {link!r}"
            target = built_site / link.removeprefix(site_root_path())
            assert (target / "index.html" if link.endswith("/") else target).is_file(), link


def test_care_cards_name_their_level_in_words(built_site):
    """Each card's title is the one data/side-effects.yml (or its translation) gives its level."""
    found = set()
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        language = re.search(r'<html lang="([^"]+)"', html).group(1)
        get_help = LANGUAGE_CONTENT[language].side_effects.get_help
        for level in CARE_LEVELS:
            for title in re.findall(rf'<div class="admonition {level}">\s*<p class="admonition-title">([^<]*)', html):
                assert title == get_help.advice(level).title, f"{page}: a {level} card is titled {title!r}"
                found.add(level)
    assert found, "no care card in the built site"


def test_glossary_terms_get_hover_definitions(built_site):
    """Every glossary term a page uses is shown with its definition on hover; the glossary page itself has none."""
    pages_with_terms = 0
    for language, stem in ARTICLES:
        definitions = hover_definitions(LANGUAGE_CONTENT[language].glossary)
        any_form = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(definitions, key=len, reverse=True)))})\b")
        source = page_source(stem, language)
        html = page_html(built_site, stem, language)
        if "generated_list: glossary" in source:
            assert "<dl>" in html and "<abbr" not in html, f"{stem}: the glossary page lists terms without hovers"
            continue
        for title, form in re.findall(r'<abbr title="([^"]*)">([^<]*)</abbr>', html):
            assert definitions.get(form) == title.replace("&amp;", "&"), f"{stem}: {form!r} has the wrong hover"
        # As the abbr extension matches: whole words, the longest form first.
        # Include lines (<!-- signs-of: tram-track-scars -->) are replaced before the page is rendered.
        text = re.sub(r"<!--.*?-->", " ", split_front_matter(source).body, flags=re.DOTALL)
        for form in set(any_form.findall(text)):
            assert f">{form}</abbr>" in html, f"{stem}: {form!r} has no hover"
            pages_with_terms += 1
    assert pages_with_terms, "no page uses a glossary term, so hover definitions went untested"


@pytest.mark.parametrize(("language", "stem"), ARTICLES, ids=ARTICLE_IDS)
def test_every_page_links_to_itself_in_the_other_languages(built_site, language, stem):
    """The switch (an <a hreflang>) goes to the same page in the other language; the sitemap lists every version."""
    html = page_html(built_site, stem, language)
    page_dir = built_site / ("" if language == DEFAULT_LANGUAGE else language) / ("" if stem == "index" else stem)
    switches = re.findall(r'<p class="language-switch[^"]*"><a href="([^"]+)" hreflang="([^"]+)"', html)
    assert sorted(other for _, other in switches) == sorted(set(LANGUAGES) - {language})
    for href, other in switches:
        target = (page_dir / href).resolve()
        expected = (
            built_site / ("" if other == DEFAULT_LANGUAGE else other) / ("" if stem == "index" else stem)
        ).resolve()
        assert target == expected, f"{language}/{stem}: the {other} link goes to {href}"
