"""Pages whose review is due: `next_review` within 30 days or already past.

Reads the front matter of docs/*.md and the `page:` block of data files that generate a page (such as
data/side-effects.yml), with the project's own YAML helpers. `make review-due` and the weekly workflow run it;
it exits with 1 when any page is due, so the scheduled run fails and the maintainers are told.

Usage: python -m scripts.checks.review_due [--today YYYY-MM-DD] [--root PROJECT_ROOT]
"""

from __future__ import annotations

import argparse
import datetime
import sys
from dataclasses import dataclass
from pathlib import Path

from scripts.common.content_errors import ContentError, ContentProblem
from scripts.common.markdown_source import split_front_matter
from scripts.common.yaml_loader import EXAMPLE_DATE, load_yaml_file, parse_yaml, read_text
from scripts.i18n.languages import DEFAULT_LANGUAGE, language_of
from scripts.i18n.outdated import translations_to_update
from scripts.site.site_content import SNIPPETS_DIR

DUE_WITHIN_DAYS = 30
HOW_TO_REVIEW = (
    "To review a page, check the whole page against its sources; then set last_reviewed to that day and "
    "next_review to a date up to a year later (CONTRIBUTING.md, 'Review dates')."
)


TRANSLATION_HELP = (
    "To update a translation, make it say what the English says now (git log -p on the English file shows what"
    " changed), then run: make translation-stamp FILES=the-translated-file (CONTRIBUTING.md, 'Translating')."
)


@dataclass(frozen=True)
class ReviewDate:
    file: str
    line: int | None
    next_review: datetime.date


def _date_or_problem(value, file: str, line: int | None) -> ReviewDate | ContentProblem:
    if value in (None, ""):
        return ContentProblem(file, line, f"next_review is missing; add a date like next_review: {EXAMPLE_DATE}")
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return ReviewDate(file, line, value)
    return ContentProblem(file, line, f"next_review {str(value)!r} is not a date; write it like {EXAMPLE_DATE}")


def _page_review_date(path: Path, name: str) -> ReviewDate | ContentProblem:
    try:
        page = split_front_matter(read_text(path, name))
        if page.front_matter is None:
            return ContentProblem(name, 1, "the page has no front matter, so its next_review date cannot be read")
        # Front matter starts on line 2 of the file, after the opening '---'.
        document = parse_yaml(page.front_matter, name, first_line=2)
    except ContentError as error:
        return error.problems[0]
    data = document.data if isinstance(document.data, dict) else {}
    return _date_or_problem(data.get("next_review"), name, document.line_of(["next_review"]))


def _data_page_review_date(path: Path, name: str) -> ReviewDate | ContentProblem | None:
    """The review date of a data file's `page:` block; None for data files that generate no page."""
    try:
        document = load_yaml_file(path, name)
    except ContentError as error:
        return error.problems[0]
    data = document.data
    if not (isinstance(data, dict) and isinstance(data.get("page"), dict)):
        return None
    return _date_or_problem(data["page"].get("next_review"), name, document.line_of(["page", "next_review"]))


def review_dates(root: Path) -> list[ReviewDate | ContentProblem]:
    """Every page's next_review, or the problem that stops it being read, in file order."""
    found: list[ReviewDate | ContentProblem | None] = []
    for path in sorted((root / "docs").rglob("*.md")):
        name = path.relative_to(root).as_posix()
        if SNIPPETS_DIR not in path.relative_to(root / "docs").parts[:-1]:
            found.append(_page_review_date(path, name))
    # A translated data file holds only texts; its page's dates are the English file's.
    for path in sorted(path for path in (root / "data").glob("*.y*ml") if language_of(path.name) == DEFAULT_LANGUAGE):
        found.append(_data_page_review_date(path, path.relative_to(root).as_posix()))
    return [item for item in found if item is not None]


def _when(next_review: datetime.date, today: datetime.date) -> str:
    days = (next_review - today).days
    if days < 0:
        return f"next_review was {next_review}, {-days} day{'s' if days != -1 else ''} ago"
    if days == 0:
        return f"next_review is today, {next_review}"
    return f"next_review is {next_review}, in {days} day{'s' if days != 1 else ''}"


def due_reviews(root: Path, today: datetime.date) -> list[ContentProblem]:
    """A line per page due for review (soonest first), and per page whose date cannot be read."""
    items = review_dates(root)
    unreadable = [item for item in items if isinstance(item, ContentProblem)]
    horizon = today + datetime.timedelta(days=DUE_WITHIN_DAYS)
    due = sorted(
        (item for item in items if isinstance(item, ReviewDate) and item.next_review <= horizon),
        key=lambda item: (item.next_review, item.file),
    )
    return unreadable + [
        ContentProblem(
            item.file, item.line, f"{_when(item.next_review, today)}; review the page, then update both dates"
        )
        for item in due
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="List the pages whose review is due within 30 days or past.")
    parser.add_argument(
        "--today",
        type=datetime.date.fromisoformat,
        default=datetime.date.today(),
        help="the date to count from, like 2027-01-31 (default: today)",
    )
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: here)")
    args = parser.parse_args(argv)
    problems = due_reviews(args.root, args.today)
    translations = translations_to_update(args.root)
    if translations:
        count = len(translations)
        print(f"{count} translation{'s' if count != 1 else ''} to update (the English changed since, or no stamp):")
        for problem in translations:
            print(problem)
        print(TRANSLATION_HELP)
    if not problems:
        print(f"No page is due for review in the {DUE_WITHIN_DAYS} days from {args.today}.")
        return 1 if translations else 0
    count = len(problems)
    print(
        f"{count} page{'s' if count != 1 else ''} to review (next_review within {DUE_WITHIN_DAYS} days of "
        f"{args.today}, or past):"
    )
    for problem in problems:
        print(problem)
    print(HOW_TO_REVIEW)
    return 1


if __name__ == "__main__":
    sys.exit(main())
