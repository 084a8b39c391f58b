from scripts.dedup import group_documents, split_documents
from scripts.dedup.report import render_report

ARTICLE = "Soil Care\nCompost feeds the soil every spring.\n"
SLOGAN = "Get updated with garden resources, tips, and news"


def test_newsletter_line_repeated_across_files_is_boilerplate():
    documents = [("a.txt", ARTICLE + SLOGAN + "\n"), ("b.txt", "Weeding\nPull weeds after rain.\n" + SLOGAN + "\n")]
    sections = split_documents(documents)
    flagged = [(s.source, s.plain_text) for s in sections if s.boilerplate]
    assert flagged == [("a.txt", SLOGAN), ("b.txt", SLOGAN)]
    assert all(s.heading is None for s in sections if s.boilerplate)


def test_promotional_line_between_glued_articles_is_boilerplate_and_ends_the_article():
    text = (
        "Soil Care\nCompost feeds the soil.\nSubscribe to our newsletter for weekly tips!\n"
        "Soil Care\nFeed soil with compost.\n"
    )
    sections = split_documents([("glued.txt", text)])
    assert [(s.boilerplate, s.article) for s in sections] == [(False, 0), (True, 0), (False, 1)]


def test_short_content_lines_are_not_boilerplate():
    text = "Frost Warning\nCover tender plants tonight.\nKeep the fleece on until noon.\n"
    assert not any(s.boilerplate for s in split_documents([("frost.txt", text)]))


def test_boilerplate_is_listed_at_the_end_of_the_report():
    result = group_documents([("a.txt", ARTICLE + SLOGAN + "\n")])
    report = render_report(result)
    assert report.index("## Boilerplate") < report.index(SLOGAN)


def flagged_lines(lines: list[str]) -> list[str]:
    """Each line placed alone between two content paragraphs of one article."""
    text = "Soil Care\n\nCompost feeds the soil every spring.\n\n"
    text += "".join(
        f"{line}\n\nParagraph {number} of the article says something different from the others.\n\n"
        for number, line in enumerate(lines)
    )
    return [s.plain_text for s in split_documents([("page.txt", text)]) if s.boilerplate]


def test_calls_to_action_aimed_at_the_publisher_are_boilerplate():
    lines = [
        "Like us on Facebook",
        "Questions? Call our friendly team",
        "Book your free consultation today",
        "Stay in touch for seasonal reminders",
        "Phone 0161 496 0000 to reserve a slot",
        "Tell your friends about this page!",
    ]
    assert flagged_lines(lines) == lines


def test_legal_and_navigation_lines_are_boilerplate():
    lines = ["Copyright 2024 Fern & Frond Ltd", "Home | Guides | Shop | Contact", "Back to top", "Next article"]
    assert flagged_lines(lines) == lines


def test_imperative_advice_and_first_person_content_are_not_boilerplate():
    lines = [
        "Call your doctor if the redness lasts more than three days.",
        "Follow the aftercare sheet you were given.",
        "We recommend waiting a full day before wearing makeup.",
        "Emergency: call 999 (UK) or 911 (US) now.",
    ]
    assert flagged_lines(lines) == []


def test_short_line_repeated_across_sources_is_boilerplate_whatever_its_words():
    tagline = "Gardening, simply done"
    documents = [(f"page{n}.txt", f"Topic {n}\nA paragraph about topic number {n}.\n{tagline}\n") for n in range(3)]
    sections = split_documents(documents)
    assert [s.source for s in sections if s.boilerplate] == ["page0.txt", "page1.txt", "page2.txt"]


def test_a_slogan_in_many_files_is_one_group():
    documents = [(f"p{n:03d}.txt", f"Topic {n}\nText number {n} here.\nLike us on Facebook\n") for n in range(300)]
    result = group_documents(documents)
    slogan_groups = {s.group for s in result.sections if s.boilerplate}
    assert len(slogan_groups) == 1
