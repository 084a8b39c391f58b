"""Golden files for what the build generates from data: lists, hover definitions, citations, JSON-LD.

After an intended change, regenerate with UPDATE_GOLDEN=1 and read the diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scripts.site.glossary import load_glossary
from scripts.site.page_metadata import check_page
from scripts.site.references import load_references
from scripts.site.site_content import SiteContent
from scripts.site.structured_data import medical_web_page
from scripts.timeline.loading import load_side_effects
from tests.timeline.helpers import FIXTURE_REFERENCE_IDS, SMALL_FILE

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
GOLDEN = HERE / "golden"
PAGE = """---
title: Aftercare
description: What to do in the days after treatment.
last_reviewed: 2026-11-21
next_review: 2027-11-21
sources: [FDA, Chu]
{extra}---
# Aftercare

Collagen builds slowly [[Chu]]. Devices are regulated [[FDA]][[Chu]]. Milia can appear.
"""


@pytest.fixture
def site() -> SiteContent:
    return SiteContent(
        references=load_references(FIXTURES / "references.yml", "references.yml"),
        glossary=load_glossary(FIXTURES / "glossary.yml", "glossary.yml"),
        side_effects=load_side_effects(SMALL_FILE, FIXTURE_REFERENCE_IDS),
    )


def rendered(site: SiteContent, extra: str = "") -> tuple[str, object]:
    source = PAGE.format(extra=extra)
    metadata = check_page("docs/aftercare.md", source, set(site.references)).metadata
    return site.page_markdown(source, metadata, "aftercare.md"), metadata


def assert_matches_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), (
        f"{name} changed; if intended, run with UPDATE_GOLDEN=1 and review the diff"
    )


def test_article_markdown(site):
    assert_matches_golden("article.md", rendered(site)[0])


def test_glossary_page_markdown(site):
    assert_matches_golden("glossary-page.md", rendered(site, "generated_list: glossary\n")[0])


def test_sources_page_markdown(site):
    assert_matches_golden("sources-page.md", rendered(site, "generated_list: references\n")[0])


def test_medical_web_page_json_ld(site):
    _, metadata = rendered(site)
    json_ld = medical_web_page(
        metadata, site.cited_references(metadata), "https://example.org/aftercare/", "Microneedling Guide"
    )
    assert_matches_golden("aftercare.jsonld", json_ld + "\n")
