"""The one YAML loader: values with their lines, and every way YAML can go wrong as file, line and fix."""

from __future__ import annotations

import datetime

import pytest

from scripts.common.content_errors import ContentError
from scripts.common.yaml_loader import decode_utf8, load_yaml_file, parse_yaml


def problems(text: str, first_line: int = 1) -> list[str]:
    with pytest.raises(ContentError) as raised:
        parse_yaml(text, "data/x.yml", first_line)
    return [str(problem) for problem in raised.value.problems]


def test_values_come_with_the_line_of_each_key_and_item():
    document = parse_yaml("page:\n  title: A\nitems:\n  - id: one\n    date: 2026-11-21\n  - id: two\n", "data/x.yml")

    assert document.data == {
        "page": {"title": "A"},
        "items": [{"id": "one", "date": datetime.date(2026, 11, 21)}, {"id": "two"}],
    }
    assert document.line_of(["page", "title"]) == 2
    assert document.line_of(["items", 1]) == 6
    assert document.line_of(["items", 0, "date"]) == 5
    # A key that is not there points at the entry it belongs in; names that are not in the YAML are passed over.
    assert document.line_of(["items", 1, "missing"]) == 6
    assert document.line_of(["items", 0, "function-plain[check()]", "date"]) == 4


def test_lines_count_from_where_the_text_starts_in_its_file():
    assert parse_yaml("title: A\nsources: [Chu]\n", "docs/a.md", first_line=2).line_of(["sources"]) == 3


def test_a_repeated_key_names_both_lines():
    assert problems("title: A\ndescription: B.\ntitle: C\n", first_line=2) == [
        "data/x.yml:4: the key 'title' is written twice, on lines 2 and 4; keep one of them, "
        "because only one value would count"
    ]


def test_repeated_keys_inside_list_entries_are_found_too():
    text = "- term: a\n  definition: One.\n- term: b\n  definition: Two.\n  definition: Three.\n"
    assert problems(text)[0].startswith("data/x.yml:5: the key 'definition' is written twice, on lines 4 and 5")


def test_a_date_that_does_not_exist_is_named_with_its_line():
    assert problems("title: A\nlast_reviewed: 2026-02-30\n") == [
        "data/x.yml:2: 2026-02-30 is not a real date; write year-month-day with a day that exists, like 2027-11-01"
    ]


@pytest.mark.parametrize("quote", ['"', "'"])
def test_an_unclosed_quote_is_reported_where_it_opens_not_at_the_next_quote(quote):
    lines = [f"key{number}: value {number}" for number in range(1, 60)]
    lines[37] = f"key38: {quote}never closed"
    lines[50] = f"key51: {quote}quoted{quote}"

    found = problems("\n".join(lines) + "\n")

    assert len(found) == 1
    assert found[0].startswith("data/x.yml:38: a quote opens on this line and is not closed before line 51;")


def test_a_quote_left_open_at_the_end_of_the_file():
    assert problems('a: 1\nb: "open\n')[0].startswith("data/x.yml:2: a quote opens on this line and is not closed")


def test_other_syntax_errors_point_at_the_parser_line_with_the_one_wording():
    assert problems("a: 1\nb: [1, 2\nc: 3\n")[0].startswith("data/x.yml:")
    message = problems("a: 1\n  b: 2\n")[0]
    assert message.startswith("data/x.yml:2: this is not valid YAML (") and "check the indentation" in message


def test_a_byte_that_is_not_utf8_is_named_with_its_line():
    with pytest.raises(ContentError) as raised:
        decode_utf8(b"title: A\ntext: caf\xe9\n", "data/side-effects.yml")
    assert str(raised.value).startswith(
        "data/side-effects.yml:2: this line holds a character that is not UTF-8 (byte 0xE9)"
    )


@pytest.mark.parametrize("text", ["", "# every entry was deleted\n"])
def test_an_empty_data_file_is_refused(tmp_path, text):
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_yaml_file(path, "data/glossary.yml")
    assert str(raised.value).startswith("data/glossary.yml:1: this data file is empty")


def test_a_missing_data_file_says_how_to_restore_it(tmp_path):
    with pytest.raises(ContentError) as raised:
        load_yaml_file(tmp_path / "none.yml", "data/glossary.yml")
    assert "restore it with: git checkout -- data/glossary.yml" in str(raised.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: &x 1\nb: *x\n", ["data/x.yml:1: '&x' marks text", "data/x.yml:2: '*x' repeats text"]),
        ("a: &a [*a]\n", ["data/x.yml:1: '&a' marks text", "data/x.yml:1: '*a' repeats text"]),
        ("a: 1\nb: !foo x\n", ["data/x.yml:2: the tag '!foo' is not used here"]),
        ("b: !!python/name:os.system x\n", ["data/x.yml:1: the tag 'tag:yaml.org,2002:python/name:os.system'"]),
        ("- a: 1\n  <<: {b: 2}\n", ["data/x.yml:2: write each key out in full"]),
    ],
)
def test_anchors_aliases_tags_and_merges_are_refused_with_their_line(text, expected):
    found = problems(text)
    assert len(found) == len(expected) and all(
        line.startswith(start) for line, start in zip(found, expected, strict=True)
    )


def test_a_file_or_line_over_its_limit_is_refused_before_parsing():
    from scripts.common.input_limits import MAX_LINE_CHARACTERS
    from scripts.common.yaml_loader import MAX_YAML_CHARACTERS

    assert problems("a: b\n" * (MAX_YAML_CHARACTERS // 5 + 1))[0].startswith("data/x.yml:1: this text is")
    assert problems("a: b\nc: " + "x" * MAX_LINE_CHARACTERS + "\n")[0].startswith("data/x.yml:2: this line is")
