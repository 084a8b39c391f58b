"""Care cards come from data/side-effects.yml only: a hand-written one stops the build, and no warning sign
appears at two levels or with two thresholds anywhere in the built site."""

from __future__ import annotations

import re
import shutil

import pytest

from scripts.checks.warning_signs import read_site, sign_problems
from scripts.site.site_content import SiteContent
from tests.conftest import PROJECT_ROOT, copy_project, run_mkdocs_build

URGENT_CARD_LIST = re.compile(r'(<div class="admonition urgent">.*?<ul>)', re.DOTALL)
HAND_WRITTEN_CARD = '\n!!! soon "See your practitioner soon"\n    - Spots that last a month.\n'


@pytest.fixture(scope="module")
def data():
    return SiteContent.load(PROJECT_ROOT).side_effects


def build_with(tmp_path, page: str, addition: str):
    project = copy_project(tmp_path / "project")
    page_file = project / "docs" / page
    text = page_file.read_text(encoding="utf-8")
    page_file.write_text(text + addition, encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site")
    return result, len(text.splitlines()) + 2, tmp_path / "site"


@pytest.mark.slow
def test_a_hand_written_care_card_stops_the_build_with_file_line_and_the_include_to_use(tmp_path):
    result, card_line, site = build_with(tmp_path, "aftercare.md", HAND_WRITTEN_CARD)
    assert result.returncode != 0
    assert f"docs/aftercare.md:{card_line}: this care card is written by hand" in result.stderr
    assert "<!-- care-card: soon -->" in result.stderr and "data/side-effects.yml" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (site / "aftercare" / "index.html").exists()


@pytest.mark.slow
def test_a_misspelt_include_stops_the_build_with_the_right_spelling(tmp_path):
    result, line, _ = build_with(tmp_path, "aftercare.md", "\n<!-- care-crad: urgent -->\n")
    assert result.returncode != 0
    assert f"docs/aftercare.md:{line}: \"care-crad\" is not an include (did you mean 'care-card'?)" in result.stderr


def test_no_sign_appears_at_two_levels_or_with_two_thresholds_in_the_built_site(built_site, data):
    assert sign_problems(built_site) == []
    signs, _ = read_site(built_site)
    shown = {seen.sign_id for seen in signs}
    assert shown == {sign.id for sign in data.warning_signs}, "every sign in the data is shown somewhere"
    for seen in signs:
        sign = data.sign(seen.sign_id)
        assert seen.level == sign.level, seen


def test_every_page_has_at_most_one_emergency_card(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert len(re.findall(r'class="admonition emergency"', html)) <= 1, page


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda html: html.replace("level-urgent", "level-soon", 1), "is shown at two levels"),
        (lambda html: html.replace(">after day 2 or 3<", ">after day 2<", 1), "is shown at two thresholds"),
        (
            lambda html: URGENT_CARD_LIST.sub(r"\1<li>Spots.</li>", html, count=1),
            "a care card holds an item that is not a sign",
        ),
    ],
    ids=["level", "threshold", "hand-written item"],
)
def test_the_sign_check_catches_a_broken_page(built_site, tmp_path, change, expected):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = site / "aftercare" / "index.html"
    html = page.read_text(encoding="utf-8")
    broken = change(html)
    assert broken != html
    page.write_text(broken, encoding="utf-8")
    assert any(expected in problem for problem in sign_problems(site)), sign_problems(site)
