"""Care cards come from data/side-effects.yml only: a hand-written one stops the build, and no warning sign
appears at two levels or with two thresholds anywhere in the built site."""

from __future__ import annotations

import html
import re
import shutil

import pytest

from scripts.checks.warning_signs import read_site, sign_problems
from scripts.site.site_content import SiteContent
from tests.conftest import PROJECT_ROOT, an_article, copy_project, page_url_path, run_mkdocs_build

CARD_LIST = re.compile(r'(<div class="admonition (?:emergency|urgent|soon)">.*?<ul>)', re.DOTALL)
HAND_WRITTEN_CARD = '\n!!! soon "See your practitioner soon"\n    - Spots that last a month.\n'


@pytest.fixture(scope="module")
def data():
    return SiteContent.load(PROJECT_ROOT).side_effects


def build_with(tmp_path, addition: str):
    """A build with `addition` at the end of an article; the article's path, the addition's line and the site."""
    project = copy_project(tmp_path / "project")
    page_file = an_article(project)
    text = page_file.read_text(encoding="utf-8")
    page_file.write_text(text + addition, encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site")
    name = page_file.relative_to(project).as_posix()
    return result, name, len(text.splitlines()) + 2, tmp_path / "site" / page_url_path(page_file)


@pytest.mark.slow
def test_a_hand_written_care_card_stops_the_build_with_file_line_and_the_include_to_use(tmp_path):
    result, name, card_line, page_dir = build_with(tmp_path, HAND_WRITTEN_CARD)
    assert result.returncode != 0
    assert f"{name}:{card_line}: this care card is written by hand" in result.stderr
    assert "<!-- care-card: soon -->" in result.stderr and "data/side-effects.yml" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (page_dir / "index.html").exists()


@pytest.mark.slow
def test_a_misspelt_include_stops_the_build_with_the_right_spelling(tmp_path):
    result, name, line, _ = build_with(tmp_path, "\n<!-- care-crad: urgent -->\n")
    assert result.returncode != 0
    assert f"{name}:{line}: \"care-crad\" is not an include (did you mean 'care-card'?)" in result.stderr


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
        text = page.read_text(encoding="utf-8")
        assert len(re.findall(r'class="admonition emergency"', text)) <= 1, page


def a_shared_sign(built_site, with_threshold: bool = False):
    """A sign shown on two pages or more (with a threshold, if asked), and the first page showing it."""
    signs, _ = read_site(built_site)
    pages: dict[str, set[str]] = {}
    for seen in signs:
        if seen.threshold or not with_threshold:
            pages.setdefault(seen.sign_id, set()).add(seen.page)
    shared = sorted((sign_id, sorted(on)) for sign_id, on in pages.items() if len(on) > 1)
    if not shared:
        pytest.skip("no sign of the data is shown on two pages" + (" with a threshold" if with_threshold else ""))
    sign_id, on = shared[0]
    return next(seen for seen in signs if seen.sign_id == sign_id and seen.page == on[0])


def another_level(built_site) -> tuple[str, str, str]:
    seen = a_shared_sign(built_site)
    other = next(level for level in ("emergency", "urgent", "soon") if level != seen.level)
    return seen.page, f"sign-{seen.sign_id} level-{seen.level}", f"sign-{seen.sign_id} level-{other}"


def another_threshold(built_site) -> tuple[str, str, str]:
    seen = a_shared_sign(built_site, with_threshold=True)
    before = f'<span class="care-sign__when">{html.escape(seen.threshold, quote=False)}<'
    return seen.page, before, before.replace('">', '">at any time, or ')


def a_hand_written_item(built_site) -> tuple[str, str, str]:
    for page in sorted(built_site.rglob("*.html")):
        if card := CARD_LIST.search(page.read_text(encoding="utf-8")):
            return page.relative_to(built_site).as_posix(), card.group(1), card.group(1) + "<li>Spots.</li>"
    pytest.skip("no page shows a care card")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (another_level, "is shown at two levels"),
        (another_threshold, "is shown at two thresholds"),
        (a_hand_written_item, "a care card holds an item that is not a sign"),
    ],
    ids=["level", "threshold", "hand-written item"],
)
def test_the_sign_check_catches_a_broken_page(built_site, tmp_path, change, expected):
    page_name, before, after = change(built_site)
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = site / page_name
    text = page.read_text(encoding="utf-8")
    broken = text.replace(before, after, 1)
    assert broken != text
    page.write_text(broken, encoding="utf-8")
    assert any(expected in problem for problem in sign_problems(site)), sign_problems(site)
