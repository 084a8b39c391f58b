"""Front-matter checks, message by message, without a build."""

from __future__ import annotations

import datetime

import pytest

from scripts.site.citations import link_citation_marks, mark_citations
from scripts.site.page_metadata import check_page

REFERENCE_IDS = {"Chu", "Har", "A&G"}
GOOD = """---
title: Aftercare
description: What to do in the days after treatment.
last_reviewed: 2026-11-21
next_review: 2027-11-21
sources: [Chu, A&G]
---
# Aftercare

Keep it clean [[Chu]] and calm [[A&G]].
"""


def messages(source: str) -> list[str]:
    return [str(problem) for problem in check_page("docs/aftercare.md", source, REFERENCE_IDS).problems]


def test_good_page_passes_with_its_metadata():
    result = check_page("docs/aftercare.md", GOOD, REFERENCE_IDS)
    assert result.problems == []
    assert result.metadata.next_review == datetime.date(2027, 11, 21)
    assert result.metadata.sources == ["Chu", "A&G"]


def test_page_without_front_matter():
    assert messages("# Aftercare\n") == [
        "docs/aftercare.md:1: the page has no front matter; start it with a line '---', then the fields "
        "title, description, last_reviewed, next_review, sources, then another '---'"
    ]


def test_misspelt_field_is_named_with_a_suggestion():
    assert messages(GOOD.replace("title:", "titel:")) == [
        "docs/aftercare.md:1: title is missing; add the page title, like: title: Aftercare",
        "docs/aftercare.md:2: 'titel' is not a field pages use (did you mean 'title'?); remove it or fix its spelling"
        " (allowed keys: title, description, last_reviewed, next_review, sources, generated_list, search_boost,"
        " search_questions, translation_of)",
    ]


def test_unknown_reference_suggests_the_closest_id():
    assert messages(GOOD.replace("[Chu, A&G]", "[Chuu, A&G]")) == [
        "docs/aftercare.md:6: sources lists unknown reference 'Chuu' (did you mean 'Chu'?); use an ID from "
        "data/references.yml, or add the reference there first",
        "docs/aftercare.md:10: the citation [[Chu]] is not in this page's sources; add Chu to sources in the front "
        "matter",
    ]


def test_listed_source_that_no_sentence_cites():
    assert messages(GOOD.replace("[Chu, A&G]", "[Chu, A&G, Har]")) == [
        "docs/aftercare.md:6: sources lists 'Har' but no sentence on the page cites it; put [[Har]] after the claim "
        "it supports, or remove it from sources",
    ]


def test_description_must_be_one_sentence():
    found = messages(GOOD.replace("treatment.", "treatment. And more."))
    assert found == [
        "docs/aftercare.md:3: description must be exactly one sentence ending with a full stop; it is shown in "
        "search results"
    ]


def test_description_has_no_straight_double_quote():
    assert messages(GOOD.replace("What to do", 'What "aftercare" means and what to do')) == [
        'docs/aftercare.md:3: description holds a straight double quote ("), which would cut it short in search '
        "results; use curly quotes “ ” or leave them out"
    ]


def test_review_date_rules():
    assert messages(GOOD.replace("next_review: 2027-11-21", "next_review: 2026-11-21")) == [
        "docs/aftercare.md:5: next_review (2026-11-21) must be after last_reviewed (2026-11-21); set it to a later "
        "date, such as 2027-11-21"
    ]
    assert messages(GOOD.replace("next_review: 2027-11-21", "next_review: soon")) == [
        "docs/aftercare.md:5: next_review 'soon' is not a date; write it as year-month-day, like next_review: "
        "2027-11-01"
    ]


def test_invalid_yaml_points_at_the_line():
    assert messages(GOOD.replace("sources: [Chu, A&G]", "sources: [Chu, A&G"))[0].startswith(
        "docs/aftercare.md:7: this is not valid YAML"
    )


def test_citations_become_numbered_links():
    marked = mark_citations("Keep it clean [[A&G]][[Chu]].", ["Chu", "A&G"])
    assert marked == "Keep it clean ⟦2⟧⟦1⟧."
    assert link_citation_marks(f"<p>{marked}</p>") == (
        '<p>Keep it clean <sup class="citation"><a href="#ref-2" aria-label="Reference 2">2</a></sup>'
        '<sup class="citation"><a href="#ref-1" aria-label="Reference 1">1</a></sup>.</p>'
    )


def test_a_citation_inside_a_tag_keeps_only_its_number():
    html = '<p><img alt="Scar ⟦1⟧" src="scar.png"> Scars fade ⟦1⟧.</p>'
    assert link_citation_marks(html) == (
        '<p><img alt="Scar 1" src="scar.png"> Scars fade '
        '<sup class="citation"><a href="#ref-1" aria-label="Reference 1">1</a></sup>.</p>'
    )


@pytest.mark.parametrize(
    "line", ["template: 404.html", "icon: material/home", "status: new", "search:\n  exclude: true", "hide: [toc]"]
)
def test_theme_keys_are_refused_with_the_allowed_keys(line):
    key = line.split(":")[0]
    found = messages(GOOD.replace("sources:", f"{line}\nsources:"))
    assert found == [
        f"docs/aftercare.md:6: {key!r} is not a field pages use"
        + (" (did you mean 'search_boost'?)" if key == "search" else "")
        + "; remove it or fix its spelling (allowed keys: title, description, last_reviewed, next_review, sources,"
        " generated_list, search_boost, search_questions, translation_of)"
    ]


def test_search_keys_are_checked_and_kept():
    page = GOOD.replace("sources:", "search_boost: 2\nsearch_questions: [Is peeling normal?]\nsources:")
    result = check_page("docs/aftercare.md", page, REFERENCE_IDS)
    assert result.metadata.search_boost == 2 and result.metadata.search_questions == ["Is peeling normal?"]
    assert messages(GOOD.replace("sources:", "search_questions: Is peeling normal?\nsources:")) == [
        "docs/aftercare.md:6: search_questions must be a list in square brackets; write readers' questions this page"
        " answers, each at most 100 characters, like: search_questions: [Can I wear makeup?]"
    ]


def test_next_review_is_at_most_a_year_after_the_last():
    assert messages(GOOD.replace("next_review: 2027-11-21", "next_review: 2027-11-22")) == [
        "docs/aftercare.md:5: next_review (2027-11-22) is more than a year after last_reviewed (2026-11-21); every"
        " page is reviewed at least once a year, so set it to 2027-11-21 or earlier"
    ]
    leap = GOOD.replace("last_reviewed: 2026-11-21", "last_reviewed: 2028-02-29").replace("2027-11-21", "2029-02-28")
    assert messages(leap) == []


def test_front_matter_with_a_yaml_tag_is_refused_at_its_line():
    found = messages(GOOD.replace("title: Aftercare", "title: !foo Aftercare"))
    assert len(found) == 1 and found[0].startswith("docs/aftercare.md:2: ")


def test_sources_that_are_not_a_list_give_one_message_not_one_per_citation():
    found = messages(GOOD.replace("sources: [Chu, A&G]", "sources: Chu"))
    assert found == [
        "docs/aftercare.md:6: sources must be a list in square brackets; write the reference IDs this page cites, like:"
        " sources: [Chu, Har]"
    ]
