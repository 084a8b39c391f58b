"""Repeated content: a paragraph copied onto a second page is flagged, with a snippet suggested."""

from __future__ import annotations

from pathlib import Path

from scripts.checks.repeated_content import find_repeated_paragraphs, page_paragraphs

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def site_pages() -> dict[str, str]:
    return {
        f"docs/{path.name}": path.read_text(encoding="utf-8") for path in sorted((PROJECT_ROOT / "docs").glob("*.md"))
    }


def test_pages_share_no_copied_paragraph():
    problems = find_repeated_paragraphs(site_pages())
    assert problems == [], "\n".join(str(problem) for problem in problems)


def test_a_paragraph_pasted_onto_another_page_is_flagged_with_a_snippet_fix():
    pages = site_pages()
    copied = next(
        paragraph
        for paragraph in page_paragraphs("docs/side-effects.md", pages["docs/side-effects.md"])
        if len(paragraph.text.split()) > 25
    )
    pages["docs/aftercare.md"] += "\n\n" + copied.text + "\n"
    pasted_line = pages["docs/aftercare.md"].count("\n")

    messages = [str(problem) for problem in find_repeated_paragraphs(pages)]

    assert len(messages) == 1, messages
    assert messages[0].startswith(f"docs/side-effects.md:{copied.line}: this paragraph")
    assert f"repeats docs/aftercare.md:{pasted_line};" in messages[0]
    assert 'move it to docs/snippets/NAME.md and put the line --8<-- "NAME.md"' in messages[0]


def test_the_same_fact_in_other_words_is_not_a_copy():
    pages = {
        "docs/a.md": "# A\n\nMost redness fades within a week, and it usually needs no treatment at all from anyone.\n",
        "docs/b.md": (
            "# B\n\nThe pink colour tends to settle by itself in about seven days, so you rarely need to do anything.\n"
        ),
    }
    assert find_repeated_paragraphs(pages) == []


def test_paragraphs_carry_their_first_line_and_skip_headings():
    markdown = "---\ntitle: T\n---\n# Heading\n\nOne two three four five six seven eight nine ten eleven twelve.\n"
    assert [(paragraph.line, paragraph.text) for paragraph in page_paragraphs("docs/t.md", markdown)] == [
        (6, "One two three four five six seven eight nine ten eleven twelve.")
    ]
