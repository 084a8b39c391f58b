"""The reference list and the glossary: bad entries are named by file, line and fix."""

from __future__ import annotations

import markdown
import pytest

from scripts.common.content_errors import ContentError
from scripts.site.glossary import hover_definitions, hover_definitions_removed, load_glossary
from scripts.site.references import REFERENCE_KINDS, load_references


def problems_of(loader, tmp_path, text: str, display_path: str) -> list[str]:
    path = tmp_path / "data.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        loader(path, display_path)
    return [str(problem) for problem in raised.value.problems]


GOOD_REFERENCE = "- id: Chu\n  citation: A review.\n  kind: systematic review\n"


def test_references_load_by_id(tmp_path):
    path = tmp_path / "references.yml"
    path.write_text(
        GOOD_REFERENCE + "- id: FDA\n  citation: Device page.\n  kind: regulator\n  url: https://www.fda.gov/\n",
        encoding="utf-8",
    )
    references = load_references(path, "data/references.yml")
    assert list(references) == ["Chu", "FDA"]
    assert str(references["FDA"].url) == "https://www.fda.gov/"


def test_reference_problems_name_the_line_and_the_fix(tmp_path):
    text = (
        GOOD_REFERENCE
        + "- id: Har\n  citation: A paper.\n- id: Chu\n  citation: Again.\n  kind: review\n  colour: blue\n"
    )
    assert problems_of(load_references, tmp_path, text, "data/references.yml") == [
        "data/references.yml:4: reference 'Har': kind is missing; add what sort of evidence it is, one of: "
        + ", ".join(REFERENCE_KINDS),
        "data/references.yml:9: reference 'Chu': 'colour' is not a field a reference uses; remove it or fix its "
        "spelling (allowed keys: id, citation, kind, url)",
    ]
    assert problems_of(load_references, tmp_path, GOOD_REFERENCE + GOOD_REFERENCE, "data/references.yml") == [
        "data/references.yml:4: the ID 'Chu' is used twice; give each reference its own ID"
    ]


def test_invalid_yaml_and_wrong_shape(tmp_path):
    assert problems_of(load_references, tmp_path, "- id: [Chu\n", "data/references.yml")[0].startswith(
        "data/references.yml:2: this is not valid YAML"
    )
    assert problems_of(load_references, tmp_path, "id: Chu\n", "data/references.yml") == [
        "data/references.yml:1: the file must be a list; write each reference starting with '- ', with the keys "
        "id, citation, kind, url"
    ]
    assert problems_of(load_references, tmp_path, "[]\n", "data/references.yml")[0].startswith(
        "data/references.yml:1: the file lists nothing; write each reference starting with '- '"
    )


def test_glossary_rejects_brackets_then_duplicates(tmp_path):
    brackets = "- term: collagen\n  definition: A protein.\n- term: elastin\n  definition: A [stretchy] protein.\n"
    assert problems_of(load_glossary, tmp_path, brackets, "data/glossary.yml") == [
        "data/glossary.yml:4: term 'elastin': definition has a line break or square brackets, which hover text cannot"
        " show; keep it to one line without [ ]",
    ]
    duplicate = (
        "- term: collagen\n  definition: A protein.\n- term: dermis\n  definition: Deeper skin.\n  also: [collagen]\n"
    )
    assert problems_of(load_glossary, tmp_path, duplicate, "data/glossary.yml") == [
        "data/glossary.yml:3: 'collagen' is defined twice; keep one definition",
    ]


def test_hover_definitions_mark_each_term_on_a_page_and_can_be_taken_off_one(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text(
        "- term: collagen\n  definition: A protein.\n  also: [Collagen]\n- term: milia\n  definition: Tiny white "
        "bumps.\n",
        encoding="utf-8",
    )
    entries = load_glossary(path, "data/glossary.yml")

    def render(text: str) -> str:
        glossary = {"abbr": {"glossary": hover_definitions(entries)}}
        return markdown.markdown(text, extensions=["abbr"], extension_configs=glossary)

    assert render("Collagen grows back.") == '<p><abbr title="A protein.">Collagen</abbr> grows back.</p>'
    assert render("Nothing here, not even collagenous.") == "<p>Nothing here, not even collagenous.</p>"
    assert "<abbr" not in render("Collagen and milia.\n\n" + hover_definitions_removed(entries))
