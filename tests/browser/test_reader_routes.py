"""Readers on a 390x844 phone, in the days after treatment, reach the right first verdict by every route.

Each scenario (tests/browser/reader_scenarios.py, written from the facts file, not from the data) is followed along
three routes: the day view for its day, the matching "I have..." line and the section it links to, and the first
search result for the reader's own words. The first statement about the reader's situation must give the level the
facts support: warnings before reassurance, and nothing milder. The day views are also checked as a whole: every
get-help box ends with whom to contact at its most urgent level and says what to do after a spa or salon, late
signs stay named for as long as they can start, and nothing is called normal past its limit.

The site is read once (one browser, one page, each search typed into the same box), so the whole module adds
seconds, not minutes.
"""

from __future__ import annotations

import re

import pytest

from scripts.site.site_content import SiteContent
from tests.browser.conftest import browser_page
from tests.browser.reader_routes import (
    SPANISH,
    RouteResult,
    SiteReading,
    first_search_results,
    follow_routes,
    read_site,
    statements,
)
from tests.browser.reader_scenarios import SCENARIOS
from tests.browser.reader_scenarios_es import SCENARIOS as SPANISH_SCENARIOS
from tests.conftest import PROJECT_ROOT

ROUTES = ("day view", "I have...", "linked section", "search")


@pytest.fixture(scope="module")
def data():
    return SiteContent.load(PROJECT_ROOT).side_effects


@pytest.fixture(scope="module")
def reading(browser, site_url) -> tuple[SiteReading, list[RouteResult]]:
    with browser_page(browser, "phone") as page:
        site = read_site(page, site_url)
        search = first_search_results(page, site_url, list(dict.fromkeys(scenario.query for scenario in SCENARIOS)))
    return site, follow_routes(site, search)


@pytest.fixture(scope="module")
def spanish_reading(browser, site_url) -> tuple[SiteReading, list[RouteResult]]:
    """The same scenarios in Spanish words, on the Spanish pages: one more reading of the site, so seconds."""
    url = site_url + SPANISH.folder
    with browser_page(browser, "phone") as page:
        site = read_site(page, url)
        search = first_search_results(page, url, list(dict.fromkeys(scenario.query for scenario in SPANISH_SCENARIOS)))
    return site, follow_routes(site, search, SPANISH_SCENARIOS, SPANISH)


def test_there_are_enough_scenarios_to_cover_every_level_and_the_boundary_days():
    assert len(SCENARIOS) >= 40
    assert {scenario.expected for scenario in SCENARIOS} == {"normal", "soon", "urgent", "emergency"}
    assert {2, 3, 7, 14} <= {scenario.day for scenario in SCENARIOS}


def test_the_spanish_scenarios_are_the_english_ones_in_spanish_words():
    assert [(s.day, s.expected, s.fact) for s in SPANISH_SCENARIOS] == [(s.day, s.expected, s.fact) for s in SCENARIOS]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("route", ROUTES)
def test_every_scenario_meets_the_level_the_facts_support_first(request, language, route):
    _, results = request.getfixturevalue("reading" if language == "en" else "spanish_reading")
    wrong = [result for result in results if result.route.startswith(route) and result.outcome != "right"]
    assert not wrong, "\n".join(
        f"{result.scenario.name} (expected {result.scenario.expected}, facts.md {result.scenario.fact}): "
        f"{result.route} is {result.outcome}; the reader meets first: {result.met[:160]!r}"
        for result in wrong
    )


def test_each_get_help_box_ends_with_whom_to_contact_at_its_most_urgent_level_and_the_spa_line(reading, data):
    site, _ = reading
    order = ("emergency", "urgent", "soon")
    for view in site.day_views:
        assert view["boxes"], f"#{view['anchor']} has no get-help box"
        for box in view["boxes"]:
            highest = min(box["levels"], key=order.index)
            contact = " ".join(data.get_help.advice(highest).contact.split())
            assert box["last"].startswith(contact), (
                f"#{view['anchor']}: a box with {highest} signs ends {box['last']!r}"
            )
            if highest != "emergency":
                assert " ".join(data.get_help.no_medical_staff.split()) in box["last"], f"#{view['anchor']}"


def test_emergency_signs_have_their_own_box_in_the_first_days_and_name_a_number_for_the_uk_the_us_and_the_eu(
    reading,
):
    site, _ = reading
    # Allergic reactions start during or just after needling (facts.md section 3).
    for view in site.day_views:
        if view["first_day"] <= 1:
            emergency = [box for box in view["boxes"] if "emergency" in box["kinds"]]
            assert emergency, f"#{view['anchor']} has no emergency box"
    emergency_text = " ".join(statement.text for view in site.day_views for statement in statements(view["units"]))
    for number in ("999", "911", "112"):
        assert number in emergency_text


def _names(view, *words: str) -> bool:
    return any(
        statement.verdict != "normal" and all(word in statement.text.lower() for word in words)
        for statement in statements(view["units"])
    )


def test_late_signs_are_named_for_as_long_as_they_can_start(reading):
    """facts.md section 3: darker patches show weeks after treatment and last; granuloma lumps come 3 to 7 days
    or weeks after and last months; reused needles call for a blood test whenever the reader learns of them."""
    site, _ = reading
    for view in site.day_views:
        assert _names(view, "needle"), f"#{view['anchor']} does not name reused needles"
        if view["last_day"] is None or view["last_day"] > 7:
            assert _names(view, "dark"), f"#{view['anchor']} does not name darker patches"
        if view["last_day"] is None or view["last_day"] >= 3:
            assert _names(view, "lump"), f"#{view['anchor']} does not name new lumps"


def test_no_view_calls_anything_normal_past_its_limit(reading):
    site, _ = reading
    for view in site.day_views:
        for statement in statements(view["units"]):
            if statement.verdict != "normal":
                continue
            for limit in re.findall(r"until day (\d+)", statement.text):
                assert view["last_day"] is not None and view["last_day"] <= int(limit), (
                    f"#{view['anchor']} says {statement.text!r} on days past {limit}"
                )
            assert view["last_day"] is not None or "until" not in statement.text, view["anchor"]
