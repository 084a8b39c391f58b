"""The editor's check (`make check`): each common mistake, made in a copy of the project, gets a few lines naming the
file, the line and the fix, then one summary line; no traceback, no test names. On a pull request the same problems
become annotations on their lines and the job summary, from the workflow's own command."""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from scripts.checks.editor_check import github_annotation, main
from scripts.common.content_errors import ContentProblem
from scripts.common.markdown_source import split_front_matter
from scripts.common.yaml_loader import parse_yaml
from scripts.i18n.languages import DEFAULT_LANGUAGE, language_of
from tests.conftest import PROJECT_ROOT, copy_project

# Each case runs the strict build and the spelling and Markdown tools on a copy of the project.
pytestmark = pytest.mark.slow

# What the check reads beyond the site's sources: the spelling and Markdown settings.
CHECK_SETTINGS = (".codespellrc", ".codespell-words.txt", ".pymarkdown.yml", ".spanish-words.txt")
PROBLEM = re.compile(r"^(?P<file>[^\s:][^:]*?)(?::(?P<line>\d+))?: (?P<what>.+?); (?P<fix>.+)$")
SUMMARY = re.compile(r"^\d+ problems? to fix before the site can be built\.$")
MAX_LINES = 4


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("pristine") / "project")
    for name in CHECK_SETTINGS:
        shutil.copy2(PROJECT_ROOT / name, project / name)
    return project


@pytest.fixture
def project(pristine, tmp_path) -> Path:
    return Path(shutil.copytree(pristine, tmp_path / "project"))


def an_article(project: Path) -> Path:
    """A hand-written page with full front matter (not a generated list), whichever the project has first."""
    # An English page: a translation's mistakes are the same, and its messages name its own file.
    for page in sorted(path for path in (project / "docs").glob("*.md") if language_of(path.name) == DEFAULT_LANGUAGE):
        front_matter = parse_yaml(split_front_matter(page.read_text(encoding="utf-8")).front_matter, page.name).data
        if "generated_list" not in front_matter and "next_review" in front_matter:
            return page
    pytest.fail("no article with front matter in docs/")


def edit(path: Path, change) -> None:
    before = path.read_text(encoding="utf-8")
    after = change(before)
    assert after != before, f"the test's edit did not change {path.name}"
    path.write_text(after, encoding="utf-8")


def replace_line(pattern: str, replacement):
    return lambda text: re.sub(pattern, replacement, text, count=1, flags=re.MULTILINE)


def append(text_to_add: str):
    return lambda text: text.rstrip("\n") + "\n\n" + text_to_add + "\n"


def next_review_two_years_on(text: str) -> str:
    last = datetime.date.fromisoformat(re.search(r"^last_reviewed: (\S+)$", text, re.MULTILINE).group(1))
    return re.sub(r"^next_review: .*$", f"next_review: {last.replace(year=last.year + 2)}", text, count=1, flags=re.M)


def article_mistake(change, expected: str):
    def make(project: Path) -> str:
        page = an_article(project)
        edit(page, change)
        return expected.format(page=re.escape(page.relative_to(project).as_posix()))

    return make


def data_mistake(name: str, change, expected: str):
    return lambda project: (edit(project / "data" / name, change), expected)[1]


def new_page_outside_nav(project: Path) -> str:
    reference = yaml.safe_load((project / "data" / "references.yml").read_text(encoding="utf-8"))[0]["id"]
    today = datetime.date.today()
    (project / "docs" / "new-page.md").write_text(
        f"---\ntitle: New page\ndescription: A short new page.\nlast_reviewed: {today}\n"
        f"next_review: {today + datetime.timedelta(days=300)}\nsources: [{reference}]\n---\n\n# New page\n\n"
        f"Most people heal well [[{reference}]].\n",
        encoding="utf-8",
    )
    return (
        r"^docs/new-page\.md:1: this page is not in the site menu.*add the line '  - New page: new-page\.md' to the"
        r" nav list in mkdocs\.yml after line \d+"
    )


def nav_mistake(line: str, expected: str):
    """A line added at the end of the nav list in mkdocs.yml; `expected` may use {line}, that line's number."""

    def make(project: Path) -> str:
        config = project / "mkdocs.yml"
        lines = config.read_text(encoding="utf-8").split("\n")
        last = max(index for index, text in enumerate(lines) if re.match(r"^  - .+: .+\.md$", text))
        lines.insert(last + 1, line)
        config.write_text("\n".join(lines), encoding="utf-8")
        return expected.format(line=last + 2)

    return make


MISTAKES = {
    "menu line indented wrongly": nav_mistake(
        " - New page: new-page.md", r"^mkdocs\.yml:{line}: this is not valid YAML .*indented like the lines around it"
    ),
    "menu line naming no page": nav_mistake(
        "  - New page: no-such-page.md",
        r"^mkdocs\.yml:{line}: the menu \(nav\) names no-such-page\.md, but there is no docs/no-such-page\.md",
    ),
    "missing front-matter field": article_mistake(
        replace_line(r"^description:.*\n", ""), r"^{page}:1: description is missing; add one sentence"
    ),
    "invalid front-matter field": article_mistake(
        replace_line(r"^next_review:.*$", "next_review: soon"),
        r"^{page}:\d+: next_review 'soon' is not a date; write it as year-month-day, like next_review: \d{{4}}-",
    ),
    "front-matter key the site does not use": article_mistake(
        replace_line(r"^title:.*$", r"\g<0>\ntemplate: 404.html"),
        r"^{page}:3: 'template' is not a field pages use; remove it .*\(allowed keys: title, description, ",
    ),
    "YAML tag in front matter": article_mistake(replace_line(r"^title: ", "title: !foo "), r"^{page}:2: .+"),
    "unknown citation": article_mistake(
        append("Most people heal well [[Nobody2099]]."),
        r"^{page}:\d+: the citation \[\[Nobody2099\]\] is not in this page's sources; use an ID from data/references",
    ),
    "wrapped front-matter line": article_mistake(
        replace_line(r"^(description: \S+ \S+) (.*)$", r"\1\n\2"), r"^{page}:[34]: this is not valid YAML"
    ),
    "review dates out of order": article_mistake(
        replace_line(r"^next_review:.*$", "next_review: 2001-01-01"),
        r"^{page}:\d+: next_review \(2001-01-01\) must be after last_reviewed .*; set it to a later date",
    ),
    "next review more than a year ahead": article_mistake(
        next_review_two_years_on, r"^{page}:\d+: next_review .* is more than a year after last_reviewed"
    ),
    "hand-written care card": article_mistake(
        append('!!! urgent "Get help today"\n    - Pus or yellow crust'),
        r"^{page}:\d+: this care card is written by hand.*write the line <!-- care-card: urgent --> instead",
    ),
    "care card written as another kind of box": article_mistake(
        append('!!! danger "Watch out"\n    Pus or yellow crust after day 2 needs a doctor: get help today.'),
        r"^{page}:\d+: .*<!-- sign: ",
    ),
    "care card written as a plain list": article_mistake(
        append("- Call your doctor today if the redness spreads."), r"^{page}:\d+: .*<!-- sign: "
    ),
    "iframe": article_mistake(append('<iframe src="https://example.org/"></iframe>'), r"^{page}:\d+: .*iframe"),
    "broken link": article_mistake(
        append("Read [the other page](no-such-page.md)."),
        r"^{page}:\d+: the link 'no-such-page\.md' leads nowhere .*; write the name of a page in docs/",
    ),
    "spelling mistake": article_mistake(append("You will recieve a leaflet."), r"^{page}:\d+: 'recieve' is misspelled"),
    "page outside nav": new_page_outside_nav,
    "bad YAML indentation": data_mistake(
        "glossary.yml",
        replace_line(r"^  definition:", "      definition:"),
        r"^data/glossary\.yml:\d+: this is not valid YAML",
    ),
    "tab in YAML": data_mistake(
        "glossary.yml", replace_line(r"^  definition:", "\tdefinition:"), r"^data/glossary\.yml:\d+: .*"
    ),
    "unknown glossary key": data_mistake(
        "glossary.yml",
        replace_line(r"^  definition:", "  defintion:"),
        r"^data/glossary\.yml:\d+: term '.+': 'defintion' is not a field a term uses \(did you mean 'definition'\?\)",
    ),
    "unknown reference key": data_mistake(
        "references.yml",
        replace_line(r"^  kind:.*$", r"\g<0>\n  colour: blue"),
        r"^data/references\.yml:\d+: reference '.+': 'colour' is not a field a reference uses; remove it",
    ),
    "kind outside the list": data_mistake(
        "references.yml",
        replace_line(r"^  kind:.*$", "  kind: blog post"),
        r"^data/references\.yml:\d+: reference '.+': kind 'blog post' is not allowed; write one of: 'systematic",
    ),
}


@pytest.mark.parametrize("mistake", sorted(MISTAKES))
def test_each_mistake_gets_file_line_and_fix(project, mistake, capsys):
    expected = MISTAKES[mistake](project)

    status = main([str(project)])

    output = capsys.readouterr()
    lines = output.out.strip().splitlines()
    assert status == 1, output.out
    assert SUMMARY.match(lines[-1]), output.out
    problems = lines[:-1]
    assert 1 <= len(problems) <= MAX_LINES, output.out
    assert all(PROBLEM.match(line) for line in problems), output.out
    assert any(re.search(expected, line) for line in problems), output.out
    assert len(set(problems)) == len(problems), "each problem is listed once"
    assert "Traceback" not in output.out + output.err and "test_" not in output.out


def test_annotation_escapes_what_would_end_it():
    problem = ContentProblem("docs/a,b.md", 4, "100% sure: no\nsecond line")
    assert github_annotation(problem) == "::error file=docs/a%2Cb.md,line=4::100%25 sure: no%0Asecond line"
    assert github_annotation(ContentProblem("SITE_URL (environment variable)", None, "bad")) == (
        "::error::SITE_URL (environment variable): bad"
    )


def workflow_check_command() -> str:
    workflow = yaml.safe_load((PROJECT_ROOT / ".github" / "workflows" / "tests.yml").read_text(encoding="utf-8"))
    commands = [
        step["run"]
        for job in workflow["jobs"].values()
        for step in job.get("steps", [])
        if "make check" in str(step.get("run", ""))
    ]
    assert len(commands) == 1, "the pull-request workflow runs the editor's check (make check) in one step"
    return commands[0]


def test_the_workflow_command_annotates_the_line_and_writes_the_summary(project, tmp_path):
    for name in ("Makefile", "requirements.lock", "pyproject.toml"):
        shutil.copy2(PROJECT_ROOT / name, project / name)
    # The project's installed tools, so `make` finds them up to date instead of installing again.
    (project / ".venv").symlink_to(PROJECT_ROOT / ".venv")
    page = an_article(project)
    edit(page, replace_line(r"^description:.*\n", ""))
    summary = tmp_path / "summary.md"

    result = subprocess.run(
        ["bash", "-c", workflow_check_command()],
        cwd=project,
        env={**os.environ, "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_ACTIONS": "true"},
        capture_output=True,
        text=True,
        timeout=300,
    )

    name = page.relative_to(project).as_posix()
    assert result.returncode != 0
    assert f"::error file={name},line=1::description is missing; add one sentence" in result.stdout, result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert f"- `{name}:1`: description is missing; add one sentence" in summary.read_text(encoding="utf-8")
