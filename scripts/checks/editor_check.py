"""The editor's check: every content problem, in the build's own words, each once, then one summary line.

It runs the real strict build (into a scratch folder, so nothing is published) and the checks on the sources
(spelling, Markdown layout, reading level, repeated paragraphs) and, when the build succeeds, on the built pages
(links, warning signs). No browser, no Node, no developer tools.

Usage: python -m scripts.checks.editor_check [--github] [PROJECT_ROOT]

--github also writes each problem as a GitHub annotation (::error file=...,line=...::message) and the list to
the job summary ($GITHUB_STEP_SUMMARY), so a pull request shows the fix on the line it is about.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pymarkdown.api import PyMarkdownApi

from scripts.checks.check_content import page_sources
from scripts.checks.link_check import check_site, site_url_from_config
from scripts.checks.readability import MAXIMUM_GRADE, score_markdown
from scripts.checks.repeated_content import find_repeated_paragraphs
from scripts.checks.warning_signs import sign_problems
from scripts.common.content_errors import ContentError, ContentProblem, problems_summary
from scripts.common.yaml_loader import SYNTAX_HINT
from scripts.site.navigation import CONFIG_FILE as NAV_CONFIG
from scripts.site.site_content import (
    GENERATED_PAGE,
    GENERATED_PAGE_SUFFIX,
    REFERENCES_FILE,
    SIDE_EFFECTS_FILE,
    SNIPPETS_DIR,
    SiteContent,
)

TOOLS = Path(sys.executable).parent
LOG_RECORD = re.compile(r"^(DEBUG|INFO|WARNING|ERROR|CRITICAL)\s*-\s+(.*)$")
PROBLEM_LINE = re.compile(r"^(?P<file>[^\s:][^:]*?)(?::(?P<line>\d+))?: (?P<message>.+)$")
SUMMARY = re.compile(r"^\d+ problems? to fix before the site can be built:?$")
MKDOCS_LINK = re.compile(
    r"^Doc file '(?P<page>[^']+)' contains (?:a|an \w+) link '(?P<link>[^']+)', but (?P<why>.+?)\.?$"
)
CODESPELL_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): (?P<word>.+?) ==> (?P<fix>.+)$")
NAV_REFERENCE = re.compile(r"^A reference to '(?P<page>[^']+)' is included in the 'nav' configuration")
CONFIG_SYNTAX = re.compile(r"^Error: MkDocs encountered an error parsing the configuration file: ")
CONFIG_MARK = re.compile(r'^\s*in "[^"]*", line (?P<line>\d+), column \d+$')
ASK_A_DEVELOPER = "if it is not clear what to change, ask a developer"
NAV_HINT = "each menu line is '  - Title: page.md', indented like the lines around it"


def build_problems(root: Path, site_dir: Path) -> list[ContentProblem]:
    """The strict build's problems: the project's own file:line messages and MkDocs' warnings, made alike."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    problems = problems_from_build_log(result.stderr + result.stdout, root) + config_syntax_problems(result.stderr)
    if result.returncode != 0 and not problems:
        last = next((line for line in reversed(result.stderr.splitlines()) if line.strip()), "no message")
        problems.append(
            ContentProblem(
                "mkdocs.yml",
                None,
                f"the build stopped without naming a content problem ({last.strip()}); run make build to see all of"
                f" it, and {ASK_A_DEVELOPER}",
            )
        )
    return problems


def problems_from_build_log(log: str, root: Path) -> list[ContentProblem]:
    problems: list[ContentProblem] = []
    records: list[tuple[str, list[str]]] = []
    for line in log.splitlines():
        if record := LOG_RECORD.match(line):
            records.append((record.group(1), [record.group(2)]))
        elif records and line.strip() and not line.startswith("Aborted with"):
            records[-1][1].append(line)
    for level, lines in records:
        if level not in ("WARNING", "ERROR", "CRITICAL"):
            continue
        if SUMMARY.match(lines[0].strip()):
            problems += [_problem_from_line(line) for line in lines[1:]]
        elif nav := NAV_REFERENCE.match(lines[0]):
            problems.append(_missing_nav_page(root, nav.group("page")))
        elif link := MKDOCS_LINK.match(lines[0]):
            problems.append(_broken_link(root, link.group("page"), link.group("link"), link.group("why")))
        else:
            text = " ".join(line.strip() for line in lines)
            problems.append(ContentProblem("mkdocs.yml", None, f"the build says: {text}; {ASK_A_DEVELOPER}"))
    return problems


def config_syntax_problems(stderr: str) -> list[ContentProblem]:
    """mkdocs.yml that is not valid YAML, at the line the parser stopped on (the last line it names)."""
    lines = stderr.splitlines()
    start = next((index for index, line in enumerate(lines) if CONFIG_SYNTAX.match(line)), None)
    if start is None:
        return []
    marks = [int(found["line"]) for line in lines[start:] if (found := CONFIG_MARK.match(line))]
    reasons = [line.strip() for line in lines[start + 1 :] if line.strip() and not CONFIG_MARK.match(line)]
    reason = reasons[-1] if reasons else CONFIG_SYNTAX.sub("", lines[start])
    return [
        ContentProblem(
            NAV_CONFIG,
            marks[-1] if marks else None,
            f"this is not valid YAML ({reason}); {SYNTAX_HINT}; {NAV_HINT}",
        )
    ]


def _missing_nav_page(root: Path, page: str) -> ContentProblem:
    return ContentProblem(
        NAV_CONFIG,
        _line_holding(root, NAV_CONFIG, page),
        f"the menu (nav) names {page}, but there is no docs/{page}; fix the file name, or create the page first",
    )


def _problem_from_line(line: str) -> ContentProblem:
    found = PROBLEM_LINE.match(line.strip())
    if not found:
        return ContentProblem("mkdocs.yml", None, line.strip())
    return ContentProblem(
        found.group("file"), int(found.group("line")) if found.group("line") else None, found["message"]
    )


def _broken_link(root: Path, page: str, link: str, why: str) -> ContentProblem:
    path = f"docs/{page}"
    return ContentProblem(
        path,
        _line_holding(root, path, link),
        f"the link '{link}' leads nowhere ({why}); write the name of a page in docs/ (like aftercare.md), or"
        " aftercare.md#a-heading for a section",
    )


def _line_holding(root: Path, path: str, text: str) -> int | None:
    """The first line of the file that holds `text`, for a problem found without one (in the built page, say)."""
    try:
        lines = (root / path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((number for number, line in enumerate(lines, start=1) if text in line), None)


def spelling_problems(root: Path) -> list[ContentProblem]:
    """Typos, then British spellings in what readers see; codespell's file:line: word ==> fix lines reworded."""
    config = ["--config", str(root / ".codespellrc")] if (root / ".codespellrc").exists() else []
    typos = _codespell(root, [*config, "docs", "data"])
    # Pages and the texts pages show; a glossary form may keep a British spelling so that it still matches.
    shown = [path.relative_to(root).as_posix() for path in sorted((root / "docs").rglob("*.md"))]
    shown += [name for name in (SIDE_EFFECTS_FILE, REFERENCES_FILE) if (root / name).exists()]
    british = _codespell(root, [*config, "--builtin", "en-GB_to_en-US", *shown])
    return [
        ContentProblem(
            found["file"],
            int(found["line"]),
            f"'{found['word']}' is misspelled; write '{found['fix']}', or if it is a correct medical term add it,"
            " in lowercase, to .codespell-words.txt",
        )
        for found in typos
    ] + [
        ContentProblem(
            found["file"],
            int(found["line"]),
            f"'{found['word']}' is British spelling; the guide uses US spelling, so write '{found['fix']}'",
        )
        for found in british
    ]


def _codespell(root: Path, args: list[str]) -> list[re.Match]:
    result = subprocess.run([str(TOOLS / "codespell"), *args], cwd=root, capture_output=True, text=True, timeout=120)
    return [found for line in result.stdout.splitlines() if (found := CODESPELL_LINE.match(line))]


def markdown_lint_problems(root: Path, pages: dict[str, str]) -> list[ContentProblem]:
    """pymarkdown's rules with the project's settings (.pymarkdown.yml), for each page (snippets are fragments)."""
    config = (root / ".pymarkdown.yml").read_text(encoding="utf-8") if (root / ".pymarkdown.yml").exists() else ""
    return [
        ContentProblem(name, line, f"{message} (Markdown rule {rule}); fix the layout on this line, see {LINT_RULES}")
        for name, text in pages.items()
        if text.strip()
        for line, rule, message in _lint(config, text)
    ]


LINT_RULES = "https://pymarkdown.readthedocs.io/ for the rule"


@functools.lru_cache(maxsize=512)
def _lint(config: str, text: str) -> tuple[tuple[int, str, str], ...]:
    # A page whose text and settings are unchanged since the last run in this process keeps its result.
    with tempfile.NamedTemporaryFile("w", suffix=".yml", encoding="utf-8") as settings:
        settings.write(config)
        settings.flush()
        api = PyMarkdownApi().enable_strict_configuration()
        if config:
            api = api.configuration_file_path(settings.name)
        result = api.scan_string(text)
    return tuple(
        (
            failure.line_number,
            failure.rule_id,
            " ".join(filter(None, [failure.rule_description, failure.extra_error_information]))
            + f" ({failure.rule_name})",
        )
        for failure in result.scan_failures
    )


# Scoring is the slowest source check; a page's text that has not changed since the last check keeps its score.
_score = functools.lru_cache(maxsize=512)(score_markdown)


def reading_problems(pages: dict[str, str]) -> list[ContentProblem]:
    problems = []
    for name, markdown in pages.items():
        score = _score(markdown)
        if score.words and score.grade > MAXIMUM_GRADE:
            problems.append(
                ContentProblem(
                    name.removesuffix(GENERATED_PAGE_SUFFIX),
                    None,
                    f"the page reads at US grade {score.grade:.1f}; the limit is {MAXIMUM_GRADE:.0f}, so shorten long"
                    " sentences and swap long words for everyday ones",
                )
            )
    return problems


def site_problems(site_dir: Path, root: Path) -> list[ContentProblem]:
    """Checks on the built pages: links inside the site, and warning signs shown alike everywhere."""
    problems = [
        ContentProblem(
            broken.source or NAV_CONFIG,
            _line_holding(root, broken.source, broken.url) if broken.source else None,
            f"the link {broken.url} is broken: {broken.problem}",
        )
        for broken in check_site(site_dir, site_url_from_config(root / NAV_CONFIG), root / "docs")
    ]
    return problems + [_problem_from_line(line) for line in sign_problems(site_dir)]


def article_sources(root: Path) -> tuple[dict[str, str], list[ContentProblem]]:
    pages, problems = page_sources(root)
    with contextlib.suppress(ContentError):  # the build reports it
        pages[GENERATED_PAGE] = SiteContent.load(root).timeline_page()
    return pages, problems


def editor_problems(root: Path) -> list[ContentProblem]:
    """Every problem an editor can fix, each once, in the order: build, then the checks on the sources."""
    with tempfile.TemporaryDirectory(prefix="editor-check-") as scratch, ThreadPoolExecutor() as pool:
        # The build and the outside tools are separate processes, so they run side by side.
        site_dir = Path(scratch) / "site"
        build = pool.submit(build_problems, root, site_dir)
        spelling = pool.submit(spelling_problems, root)
        pages, unreadable = article_sources(root)
        articles = {name: text for name, text in pages.items() if f"/{SNIPPETS_DIR}/" not in name}
        layout = markdown_lint_problems(root, {name: text for name, text in articles.items() if name != GENERATED_PAGE})
        from_sources = reading_problems(articles) + find_repeated_paragraphs(
            {name: text for name, text in articles.items() if name != GENERATED_PAGE}
        )
        problems = build.result()
        if not problems:
            problems += site_problems(site_dir, root)
        # A page the build refuses (broken front matter, say) would give a cascade of layout rules; its fix comes first.
        refused = {problem.file for problem in problems}
        layout_problems = [problem for problem in layout if problem.file not in refused]
        problems += unreadable + spelling.result() + layout_problems + from_sources
    return list(dict.fromkeys(problems))


def github_annotation(problem: ContentProblem) -> str:
    """The workflow command that shows `problem` on its file and line in a pull request."""
    message = problem.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    path = problem.file.removesuffix(GENERATED_PAGE_SUFFIX)
    properties = [f"file={_property(path)}"] if not path.endswith(")") else []
    if problem.line and properties:
        properties.append(f"line={problem.line}")
    return f"::error {','.join(properties)}::{message}" if properties else f"::error::{problem}"


def _property(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")


def job_summary(problems: Iterable[ContentProblem]) -> str:
    problems = list(problems)
    if not problems:
        return "## Content check\n\nNo problems: the site builds and every content check passes.\n"
    lines = "\n".join(
        f"- `{problem.file}{f':{problem.line}' if problem.line else ''}`: {problem.message}" for problem in problems
    )
    return f"## Content check\n\n{problems_summary(len(problems))}:\n\n{lines}\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    github = "--github" in args
    paths = [arg for arg in args if arg != "--github"]
    root = Path(paths[0]) if paths else Path.cwd()
    problems = editor_problems(root.resolve())
    for problem in problems:
        print(problem)
        if github:
            print(github_annotation(problem))
    if github and os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as summary:
            summary.write(job_summary(problems))
    print(
        f"{problems_summary(len(problems))}."
        if problems
        else "No problems: the site builds and every content check passes."
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
