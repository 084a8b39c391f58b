"""The rendered page: golden file for the fixture, and the real data file validates and renders.

Regenerate the golden file after an intended change with:
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/timeline
then read its diff before committing.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

from scripts.checks.readability import score_markdown
from scripts.common import markdown_source
from scripts.common.yaml_loader import parse_yaml
from scripts.timeline import build_timeline_page
from scripts.timeline.includes import render_include, symptom_rows
from scripts.timeline.loading import load_side_effects
from scripts.timeline.models import SideEffectsFile
from tests.timeline.helpers import FIXTURE_REFERENCE_IDS, SMALL_FILE

PROJECT_ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden" / "small-side-effects-timeline.md"


def split_front_matter(markdown: str) -> tuple[dict, str]:
    page = markdown_source.split_front_matter(markdown)
    assert page.front_matter is not None, "page must start with YAML front matter"
    return parse_yaml(page.front_matter, "generated page").data, page.body


def test_fixture_page_matches_golden_file():
    rendered = build_timeline_page(SMALL_FILE, FIXTURE_REFERENCE_IDS)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(rendered, encoding="utf-8")
    assert rendered == GOLDEN.read_text(encoding="utf-8"), "run with UPDATE_GOLDEN=1 to accept the change"


def real_reference_ids() -> set[str]:
    references = yaml.safe_load((PROJECT_ROOT / "data" / "references.yml").read_text(encoding="utf-8"))
    return {entry["id"] for entry in references}


def real_page() -> str:
    return build_timeline_page(PROJECT_ROOT / "data" / "side-effects.yml", real_reference_ids())


def real_data() -> SideEffectsFile:
    return load_side_effects(PROJECT_ROOT / "data" / "side-effects.yml", real_reference_ids())


def test_real_data_file_validates_and_renders_with_article_front_matter():
    front_matter, body = split_front_matter(real_page())
    page = real_data().page
    assert list(front_matter) == ["title", "description", "last_reviewed", "next_review", "sources"]
    assert (front_matter["last_reviewed"], front_matter["next_review"]) == (page.last_reviewed, page.next_review)
    cited = set(re.findall(r"\[\[([^\]]+)\]\]", body))
    assert cited == set(front_matter["sources"])


def test_real_page_covers_every_effect_in_the_data():
    body = real_page()
    for effect in real_data().effects:
        assert f'href="#{effect.id}"' in body and f'id="{effect.id}"' in body


def test_each_effects_detail_shows_its_own_signs_at_their_levels():
    data, page = real_data(), real_page()
    details = dict(
        re.findall(
            r'<details class="tl-detail"[^>]*>\s*<summary>.*?</summary>\s*<h3 id="([^"]+)"(.*?)</details>',
            page,
            re.DOTALL,
        )
    )
    for effect in data.effects:
        for sign in data.signs_of(effect):
            assert f"sign-{sign.id} level-{sign.level}" in details[effect.id], (effect.id, sign.id)


def test_every_sign_is_on_the_page_and_every_symptom_in_the_i_have_list_links_to_its_detail():
    data, page = real_data(), real_page()
    for sign in data.warning_signs:
        assert f"sign-{sign.id} level-{sign.level}" in page
    symptom_list = render_include("symptom-list", None, data, "index.md")
    for row in symptom_rows(data):
        assert f"[**{row.name}**](side-effects-timeline.md#{row.detail})" in symptom_list
        assert f'id="{row.detail}"' in page


def test_real_page_links_back_and_is_plain_english():
    page = real_page()
    assert "(side-effects.md)" in page and "(aftercare.md)" in page
    assert score_markdown(page).grade <= 8


def test_care_cards_take_their_titles_from_the_data_and_the_emergency_card_is_shown_once():
    data, page = real_data(), real_page()
    openers = re.findall(r'^ *!!! (emergency|urgent|soon) "([^"]+)"$', page, re.MULTILINE)
    assert openers
    for level, title in openers:
        assert title == data.get_help.advice(level).title
    assert [level for level, _ in openers].count("emergency") == 1


def test_chart_rows_carry_their_meaning_in_words_and_hide_the_bars():
    page = real_page()
    rows = re.findall(r'<li class="tl-row.*?</li>', page, re.DOTALL)
    assert len(rows) == len(real_data().effects)
    for row in rows:
        assert 'class="tl-track" aria-hidden="true"' in row
        assert re.search(r'<span class="tl-row__text">[A-Z][^<]+\.</span>', row)
    assert '<ol class="tl-rows">' in page


def test_the_data_files_header_points_to_sections_of_the_editors_guide_that_exist():
    header = "\n".join(
        line
        for line in (PROJECT_ROOT / "data" / "side-effects.yml").read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    )
    assert "CONTRIBUTING.md" in header
    named = re.findall(r'section "([^"]+)"', header)
    assert named, "the header names the guide's sections"
    headings = {
        line.lstrip("#").strip()
        for line in (PROJECT_ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    }
    assert set(named) <= headings, set(named) - headings
