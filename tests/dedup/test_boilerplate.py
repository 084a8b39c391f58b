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
