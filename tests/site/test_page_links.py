""" "Edit this page" and "Report a problem with this page": built from the platform's variables, absent without."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from scripts.common.content_errors import ContentError
from scripts.common.markdown_source import split_front_matter
from scripts.common.templates import strings
from scripts.common.yaml_loader import parse_yaml
from scripts.i18n.languages import DEFAULT_LANGUAGE, LANGUAGES, TRANSLATIONS, translation_path
from scripts.site.page_links import ISSUE_PAGE_FIELD, ISSUE_TEMPLATE, Repository, published_site_url
from scripts.timeline.includes import INCLUDES
from tests.conftest import PROJECT_ROOT, run_mkdocs_build

PLATFORM = {"GITHUB_SERVER_URL": "https://git.example", "GITHUB_REPOSITORY": "editors/guide"}
NO_PLATFORM = {"GITHUB_SERVER_URL": None, "GITHUB_REPOSITORY": None, "SITE_EDIT_BRANCH": None, "SITE_URL": None}
PUBLISHED_AT = "https://editors.pages.example/guide/"
# "Edit this page" and "Report a problem with this page" in every language.
LINK = re.compile(
    r'<a href="([^"]*)">('
    + "|".join(re.escape(strings(language)[key]) for language in LANGUAGES for key in ("edit_page", "report_problem"))
    + ")</a>"
)


def test_no_links_without_both_variables():
    assert Repository.from_environment({}) is None
    assert Repository.from_environment({"GITHUB_SERVER_URL": "https://git.example"}) is None
    assert Repository.from_environment({"GITHUB_REPOSITORY": "editors/guide"}) is None


def test_links_name_the_page_source_title_and_address():
    links = Repository.from_environment(PLATFORM).page_links(
        "docs/after care.md", 'Aftercare & "tips"', "https://x.example/a/"
    )

    assert links.edit == "https://git.example/editors/guide/edit/main/docs/after%20care.md"
    assert [edit.text for edit in links.edits] == ["Edit this page"]
    address = urlsplit(links.report)
    assert address.path == "/editors/guide/issues/new"
    query = parse_qs(address.query)
    assert query["template"] == ["report-a-problem.yml"]
    assert query["title"] == ['Problem on the page: Aftercare & "tips"']
    assert query["page"] == ["https://x.example/a/"]


def test_a_page_built_from_several_files_links_to_each():
    links = Repository.from_environment(PLATFORM).page_links(
        ["data/glossary.yml", "docs/glossary.md", "docs/snippets/a.md", "data/side-effects.yml"], "Glossary", "/g/"
    )
    assert [(edit.text, edit.path) for edit in links.edits] == [
        ("Edit this page", "data/glossary.yml"),
        ("Edit the page's introduction", "docs/glossary.md"),
        ("Edit the shared text", "docs/snippets/a.md"),
        ("Edit the care cards and side effects", "data/side-effects.yml"),
    ]


def test_the_edit_branch_can_be_set():
    repository = Repository.from_environment({**PLATFORM, "SITE_EDIT_BRANCH": "published"})
    assert repository.page_links("docs/a.md", "A", "/a/").edit.startswith(
        "https://git.example/editors/guide/edit/published/"
    )


def test_malformed_variables_stop_with_the_variable_named():
    with pytest.raises(ContentError) as raised:
        Repository.from_environment({"GITHUB_SERVER_URL": "github.com", "GITHUB_REPOSITORY": "no slash"})
    messages = [str(problem) for problem in raised.value.problems]
    assert messages[0].startswith("GITHUB_SERVER_URL (environment variable): 'github.com' is not a web address")
    assert messages[1].startswith("GITHUB_REPOSITORY (environment variable): 'no slash' is not owner/name")


def test_the_published_address_comes_from_site_url_when_set():
    assert published_site_url({}) is None
    assert published_site_url({"SITE_URL": "https://editors.pages.example/guide"}) == PUBLISHED_AT
    with pytest.raises(ContentError) as raised:
        published_site_url({"SITE_URL": "editors.pages.example"})
    assert str(raised.value).startswith("SITE_URL (environment variable): 'editors.pages.example' is not a web address")


def test_the_report_link_opens_an_issue_form_that_takes_the_page_and_asks_for_no_health_details():
    form_file = PROJECT_ROOT / ".github" / "ISSUE_TEMPLATE" / ISSUE_TEMPLATE
    assert form_file.is_file(), f"the report link opens {form_file.name}; restore it or change ISSUE_TEMPLATE"
    form = yaml.safe_load(form_file.read_text(encoding="utf-8"))
    fields = {item.get("id"): item for item in form["body"]}
    assert ISSUE_PAGE_FIELD in fields, f"the form needs a field with id: {ISSUE_PAGE_FIELD} for the page address"
    assert any(item["type"] == "textarea" and item.get("validations", {}).get("required") for item in form["body"])
    notes = " ".join(item["attributes"]["value"] for item in form["body"] if item["type"] == "markdown")
    assert "do not share health details" in " ".join(notes.split()).lower()


def built_pages(site: Path) -> dict[str, str]:
    """Every page of the built site by its address path, except the 404 page (which has no source)."""
    return {
        path.parent.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
        for path in site.rglob("index.html")
        if "<h1" in path.read_text(encoding="utf-8")
    }


EDIT_LINK = re.compile(r'<a href="https://git\.example/editors/guide/edit/main/([^"]*)">([^<]*)</a>')
INCLUDE_LINE = re.compile(r"^\s*<!--\s*(" + "|".join(INCLUDES) + r")\b", re.MULTILINE)
SNIPPET_LINE = re.compile(r'^\s*--8<--\s+"([^"]+)"', re.MULTILINE)


def files_holding_text(address_path: str) -> set[str]:
    """The files whose text the page at this address shows, read from its Markdown source (or, for a page the
    build generates, the data file whose texts it shows)."""
    language, stem = address_language(address_path)
    markdown = PROJECT_ROOT / translation_path(f"docs/{stem}.md", language)
    if not markdown.is_file():
        return {translation_path("data/side-effects.yml", language)}
    source = markdown.read_text(encoding="utf-8")
    front_matter = parse_yaml(split_front_matter(source).front_matter, stem).data
    files = {f"docs/snippets/{name}" for name in SNIPPET_LINE.findall(source)}
    if INCLUDE_LINE.search(source):
        files.add("data/side-effects.yml")
    listed = {"glossary": "data/glossary.yml", "references": "data/references.yml"}.get(
        front_matter.get("generated_list")
    )
    # A translated page's words are in the translations of its snippets and data files.
    files = {translation_path(file, language) for file in files | ({listed} if listed else set())}
    return files | {markdown.relative_to(PROJECT_ROOT).as_posix()}


def address_language(address_path: str) -> tuple[str, str]:
    """(language, English stem) of a page's address: es/aftercare is ("es", "aftercare"), es is ("es", "index")."""
    first, _, rest = address_path.partition("/")
    if first in TRANSLATIONS:
        return first, rest or "index"
    return DEFAULT_LANGUAGE, "index" if address_path == "." else address_path


@pytest.mark.slow
def test_a_build_on_the_platform_links_every_page_to_its_source_and_a_report(tmp_path):
    published = {**NO_PLATFORM, **PLATFORM, "SITE_URL": PUBLISHED_AT}
    result = run_mkdocs_build(PROJECT_ROOT, tmp_path / "site", env=published)
    assert result.returncode == 0, result.stderr
    pages = built_pages(tmp_path / "site")
    assert len(pages) > 1

    for address_path, html in pages.items():
        edits = EDIT_LINK.findall(html)
        assert {path for path, _ in edits} == files_holding_text(address_path), address_path
        words = strings(address_language(address_path)[0])
        assert edits[0][1] == words["edit_page"] and all(text != words["edit_page"] for _, text in edits[1:])
        assert all((PROJECT_ROOT / path).is_file() for path, _ in edits), address_path
        # A data-driven list page is mostly its data file, so that is what "Edit this page" opens.
        stem = address_language(address_path)[1]
        if (PROJECT_ROOT / "docs" / f"{stem}.md").is_file() and "generated_list" in html_source(stem):
            assert edits[0][0].startswith("data/"), address_path
        links = dict((text, href.replace("&amp;", "&")) for href, text in LINK.findall(html))
        report = urlsplit(links[words["report_problem"]])
        assert f"{report.scheme}://{report.netloc}{report.path}" == "https://git.example/editors/guide/issues/new"
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
        assert canonical.startswith(PUBLISHED_AT), f"{address_path}: {canonical} is not at the published address"
        query = parse_qs(report.query)
        assert query["page"] == [canonical], address_path
        assert query["title"][0].startswith("Problem on the page: ") and query["title"][0][21:] in html


def html_source(stem: str) -> str:
    return (PROJECT_ROOT / "docs" / f"{stem}.md").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_local_build_has_neither_link(tmp_path):
    result = run_mkdocs_build(PROJECT_ROOT, tmp_path / "site", env=NO_PLATFORM)
    assert result.returncode == 0, result.stderr
    for address_path, html in built_pages(tmp_path / "site").items():
        assert not LINK.findall(html) and 'class="page-feedback' not in html, address_path
        assert "/issues/new" not in html and "/edit/" not in html, address_path
