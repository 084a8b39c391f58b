"""Nothing carries over from one build to the next in the same process.

`mkdocs serve` runs the hook's events again for every rebuild, and mkdocs-static-i18n runs the whole event sequence
once per language on one config, from inside the first build's on_post_build. Each rebuild gives the site a lone
`mkdocs build` gives, and each language's run has its own language's data.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from scripts.i18n.languages import DEFAULT_LANGUAGE, LANGUAGES
from scripts.site.glossary import hover_definitions
from scripts.site.site_content import SiteContent
from scripts.timeline.models import CARE_LEVELS
from tests.conftest import copy_project
from tests.gates.test_reproducible_build import differences

# Builds the whole site several times.
pytestmark = pytest.mark.slow


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    monkeypatch.delenv("SITE_URL", raising=False)
    return copy_project(tmp_path / "project")


def load(project: Path, site_dir: Path):
    return load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)


def test_building_twice_in_one_process_gives_the_same_site(project, tmp_path):
    config = load(project, tmp_path / "first")
    build(config)
    config.site_dir = str(tmp_path / "again")
    build(config)
    build(load(project, tmp_path / "reloaded"))
    assert differences(tmp_path / "first", tmp_path / "again") == []
    assert differences(tmp_path / "first", tmp_path / "reloaded") == []


def test_each_language_run_of_the_events_on_one_config_has_its_own_data(project, tmp_path):
    """mkdocs-static-i18n runs every event again for Spanish on the English build's config: each language's pages
    get that language's glossary hover texts and care-card titles, none of the other's."""
    build(load(project, tmp_path / "site"))
    for language in LANGUAGES:
        content = SiteContent.load(project, language)
        definitions = set(hover_definitions(content.glossary).values())
        titles = {content.side_effects.get_help.advice(level).title for level in CARE_LEVELS}
        folder = tmp_path / "site" / ("" if language == DEFAULT_LANGUAGE else language)
        pages = [page for page in folder.rglob("index.html") if language != DEFAULT_LANGUAGE or "/es/" not in str(page)]
        assert pages
        for page in pages:
            html = page.read_text(encoding="utf-8")
            hovers = {title.replace("&amp;", "&") for title in re.findall(r'<abbr title="([^"]*)">', html)}
            assert hovers <= definitions, (page, hovers - definitions)
            for level in CARE_LEVELS:
                for title in re.findall(
                    rf'<div class="admonition {level}">\s*<p class="admonition-title">([^<]*)', html
                ):
                    assert title in titles, (page, title)
