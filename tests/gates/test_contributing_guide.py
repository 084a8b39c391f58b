"""CONTRIBUTING.md, applied as an editor would: each example builds in a copy of the project, the message the guide
shows is the build's, and the limits the guide states are the ones the build enforces."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from scripts.common.yaml_loader import parse_yaml
from scripts.site.glossary import DEFINITION_MAX_LENGTH
from scripts.site.page_metadata import ALLOWED_KEYS, DESCRIPTION_MAX_LENGTH, QUESTION_MAX_LENGTH
from scripts.site.references import CITATION_MAX_LENGTH, REFERENCE_KINDS
from scripts.timeline.models import SideEffect, WarningSign
from tests.conftest import PROJECT_ROOT, copy_project, run_mkdocs_build

GUIDE = (PROJECT_ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
# An example is the fenced block right after a line <!-- example: NAME --> (which GitHub does not show).
EXAMPLE = re.compile(r"^([ \t]*)<!-- example: ([\w-]+) -->\n\1```\w*\n(.*?)\n\1```$", re.MULTILINE | re.DOTALL)


def examples() -> dict[str, str]:
    """Each example's text, without the indent of the list item it stands in."""
    return {
        name: "\n".join(line.removeprefix(indent) for line in body.split("\n")).strip("\n") + "\n"
        for indent, name, body in EXAMPLE.findall(GUIDE)
    }


def flat(text: str) -> str:
    """Text with comment marks and line breaks folded away, to find a sentence however it is wrapped."""
    return " ".join(re.sub(r"^\s*#", "", line) for line in text.splitlines()).replace("  ", " ")


def add_to_nav(project: Path, entry: str) -> None:
    """Add a nav line at the end of the nav list in mkdocs.yml, as the guide tells editors to."""
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").split("\n")
    start = lines.index("nav:")
    end = start + 1
    while end < len(lines) and (lines[end].startswith(" ") or not lines[end].strip()):
        end += 1
    while not lines[end - 1].strip():
        end -= 1
    lines.insert(end, entry.rstrip("\n"))
    config.write_text("\n".join(lines), encoding="utf-8")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")


def test_the_guide_has_the_examples_this_test_applies():
    assert {
        "front-matter",
        "search",
        "reference",
        "glossary",
        "new-page",
        "nav-line",
        "nav-message",
        "new-page-es",
        "glossary-es",
    } <= set(examples())


@pytest.mark.slow
def test_every_example_builds_when_applied_as_the_guide_says(tmp_path):
    found = examples()
    project = copy_project(tmp_path / "project")
    docs = project / "docs"

    # "What every page starts with": a page with that front matter, citing each of its sources.
    front_matter = yaml.safe_load(found["front-matter"].strip().strip("-"))
    claims = " ".join(f"A claim [[{source}]]." for source in front_matter["sources"])
    (docs / "from-the-guide.md").write_text(f"{found['front-matter']}\n# {front_matter['title']}\n\n{claims}\n")
    add_to_nav(project, "  - From the guide: from-the-guide.md")
    # "Help readers find the page": the search keys in a page's front matter.
    page = docs / "from-the-guide.md"
    page.write_text(page.read_text(encoding="utf-8").replace("\n---\n", f"\n{found['search']}---\n", 1))
    append(project / "data" / "references.yml", found["reference"])
    append(project / "data" / "glossary.yml", found["glossary"])
    # "Add a page": the file, named in the nav line, and the nav line.
    new_page = found["nav-line"].split(":")[-1].strip()
    (docs / new_page).write_text(found["new-page"], encoding="utf-8")
    add_to_nav(project, found["nav-line"])
    # "Translating": every page and glossary term in Spanish too (the page's structure is its English page's).
    (docs / "from-the-guide.es.md").write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    (docs / new_page.replace(".md", ".es.md")).write_text(found["new-page-es"], encoding="utf-8")
    append(project / "data" / "glossary.es.yml", found["glossary-es"])

    result = run_mkdocs_build(project, tmp_path / "site")

    assert result.returncode == 0, result.stderr
    term = yaml.safe_load(found["glossary"])[0]["term"]
    assert term in (tmp_path / "site" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert (tmp_path / "site" / Path(new_page).stem / "index.html").is_file()
    spanish_term = yaml.safe_load(found["glossary-es"])[term]["term"]
    assert spanish_term in (tmp_path / "site" / "es" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert (tmp_path / "site" / "es" / Path(new_page).stem / "index.html").is_file()


@pytest.mark.slow
def test_a_page_outside_the_menu_gets_the_message_the_guide_shows(tmp_path):
    found = examples()
    project = copy_project(tmp_path / "project")
    new_page = found["nav-line"].split(":")[-1].strip()
    (project / "docs" / new_page).write_text(found["new-page"], encoding="utf-8")

    result = run_mkdocs_build(project, tmp_path / "site")

    assert result.returncode != 0
    assert found["nav-message"].strip() in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("name", "model"),
    [("effect-normal", SideEffect), ("effect-never-normal", SideEffect), ("warning-sign", WarningSign)],
)
def test_side_effects_examples_have_the_shape_the_data_file_needs(name, model):
    # Their ids are in use in data/side-effects.yml, so they are examples of shape, checked as one entry each.
    entry = parse_yaml(examples()[name], f"CONTRIBUTING.md example {name}").data[0]
    model.model_validate(entry)


def test_the_limits_the_build_enforces_are_the_ones_the_guide_and_data_files_state():
    guide = flat(GUIDE)
    assert f"{DESCRIPTION_MAX_LENGTH} characters at most" in guide
    assert f"at most {DEFINITION_MAX_LENGTH} characters" in guide
    assert f"at most {CITATION_MAX_LENGTH} characters" in guide
    assert f"at most {QUESTION_MAX_LENGTH} characters" in guide
    kinds = ", ".join(REFERENCE_KINDS)
    assert kinds in guide
    assert kinds in flat((PROJECT_ROOT / "data" / "references.yml").read_text(encoding="utf-8"))
    assert f"at most {CITATION_MAX_LENGTH} characters" in flat(
        (PROJECT_ROOT / "data" / "references.yml").read_text(encoding="utf-8")
    )
    assert f"at most {DEFINITION_MAX_LENGTH} characters" in flat(
        (PROJECT_ROOT / "data" / "glossary.yml").read_text(encoding="utf-8")
    )


def test_every_front_matter_key_is_documented_and_every_kind_in_use_is_allowed():
    for key in ALLOWED_KEYS:
        assert f"`{key}`" in GUIDE, f"CONTRIBUTING.md does not explain the front-matter key {key}"
    references = yaml.safe_load((PROJECT_ROOT / "data" / "references.yml").read_text(encoding="utf-8"))
    assert {reference["kind"] for reference in references} <= set(REFERENCE_KINDS)


def test_editors_are_sent_to_make_check_not_make_test():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    editors_steps = readme.split("## Changing a page (for editors)")[1].split("\n## ")[0]
    assert "make check" in editors_steps and "make serve" in editors_steps
    assert "make test" not in editors_steps


def test_the_pull_request_template_asks_only_what_a_web_editor_can_check():
    template = (PROJECT_ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "make serve" not in template
    assert "Content check" in template
