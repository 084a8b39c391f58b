from scripts.dedup import split_documents


def headings(name: str, text: str) -> list[tuple[int, str | None]]:
    return [(s.start_line, s.heading) for s in split_documents([(name, text)])]


def test_plain_text_short_line_headings_and_headless_intro():
    text = (
        "Mulch keeps soil cool and damp through summer.\n\n"
        "Choosing Mulch\n\nBark lasts longer than straw on paths.\n\n"
        "Spreading It\n\nLay it five centimetres deep around plants.\n"
    )
    assert headings("guide.txt", text) == [(1, None), (3, "Choosing Mulch"), (7, "Spreading It")]


def test_wrapped_paragraph_line_is_not_taken_for_a_heading():
    text = "Why Mulch\n\nA thick layer of mulch holds water in\nthe ground for longer\nand smothers weeds too.\n"
    sections = split_documents([("wrap.txt", text)])
    assert [s.heading for s in sections] == ["Why Mulch"]


def test_markdown_headings_front_matter_and_code_fences():
    text = (
        "---\ntitle: Mulch\n---\n\n# Mulching\n\nIntro words here.\n\n```\n# not a heading\n```\n\n"
        "## Bark\n\nBark lasts for years.\n\nSetext Heading\n--------------\n\nBody under it.\n"
    )
    sections = split_documents([("page.md", text)])
    assert [(s.start_line, s.heading, s.boilerplate) for s in sections] == [
        (1, None, True),
        (5, "Mulching", False),
        (13, "Bark", False),
        (17, "Setext Heading", False),
    ]


def test_html_headings_and_paragraphs():
    text = (
        "<html><head><title>Ignored title</title></head><body>\n<h1>Raised Beds</h1>\n"
        "<p>They drain well.</p>\n<h3>Timber\nChoice</h3>\n<p>Use untreated larch &amp; cedar.</p>\n</body></html>\n"
    )
    sections = split_documents([("beds.html", text)])
    assert [(s.start_line, s.heading) for s in sections] == [(1, "Raised Beds"), (4, "Timber Choice")]
    assert "larch & cedar" in sections[1].plain_text
    assert "Ignored title" not in sections[0].plain_text


def test_inline_heading_form():
    text = (
        "Pruning keeps roses healthy and full of flowers.\n"
        "When to Prune: Late winter is best, as the buds swell.\n"
        "Tools You Need: Sharp bypass secateurs and thick gloves.\n"
    )
    assert headings("roses.txt", text) == [(1, None), (2, "When to Prune"), (3, "Tools You Need")]


def test_ordinary_sentence_with_a_colon_is_not_a_heading():
    text = "Feeding Roses\nThe rule is simple: feed in spring and again in midsummer.\n"
    assert headings("feed.txt", text) == [(1, "Feeding Roses")]


def test_glued_articles_are_told_apart():
    text = (
        "Growing Garlic\nPlant cloves in autumn.\nSpacing\nLeave a hand's width between cloves.\n"
        "Conclusion\nGarlic is easy to grow.\n"
        "Growing Garlic\nCloves go in during autumn.\nSpacing\nGive each clove a hand's width.\n"
        "In summary, garlic needs little care.\nPlanting Garlic Cloves\nAutumn planting gives the biggest bulbs.\n"
    )
    sections = split_documents([("garlic.txt", text)])
    assert [(s.heading, s.article, s.position) for s in sections] == [
        ("Growing Garlic", 0, 0),
        ("Spacing", 0, 1),
        ("Conclusion", 0, 2),
        ("Growing Garlic", 1, 0),
        ("Spacing", 1, 1),
        (None, 1, 2),
        ("Planting Garlic Cloves", 2, 0),
    ]


def test_in_memory_api_accepts_windows_line_endings():
    sections = split_documents([("crlf.txt", "Heading One\r\nBody line here.\r\n")])
    assert [(s.start_line, s.end_line, s.heading) for s in sections] == [(1, 2, "Heading One")]


def test_question_and_answer_pairs_become_one_section_per_question_in_every_format():
    faq = "Q: Can I water at noon?\nA: Early morning is better, so leaves dry before night.\n"
    expected = [(1, "Can I water at noon?")]
    assert headings("faq.txt", faq) == expected
    assert headings("faq.md", faq.replace("Q:", "**Q:**")) == expected
    html = "<p>Q: Can I water at noon?</p>\n<p>A: Early morning is better, so leaves dry before night.</p>\n"
    assert headings("faq.html", html) == expected
    plain = split_documents([("faq.txt", faq)])[0].plain_text
    assert "A:" not in plain and "Q:" not in plain


def test_a_question_on_its_own_line_heads_the_answer_below_it():
    text = "How often should I water?\n\nTwice a week in summer, less when it rains.\n"
    assert headings("questions.txt", text) == [(1, "How often should I water?")]


def test_markdown_is_read_as_markdown_it_reads_it():
    text = (
        "# Aftercare\n\nSee [the NHS page](https://example.org/nhs) and **rest** for a day.\n\n"
        "- first point here\n- second point here\n\n| Day | Care |\n| --- | --- |\n| 1 | Rest |\n\n    indented code\n"
    )
    sections = split_documents([("care.md", text)])
    assert [(s.start_line, s.end_line, s.heading) for s in sections] == [(1, 12, "Aftercare")]
    plain = sections[0].plain_text
    assert "the NHS page" in plain and "https" not in plain and "**" not in plain
    assert "first point here" in plain and "Day Care" in plain and "indented code" in plain
