from pathlib import Path

from scripts.dedup.reading import read_sources

from .support import run_cli

GOOD_TEXT = "Watering Basics\nWater the soil, not the leaves, early in the morning.\n"


def write_good(folder: Path) -> None:
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")


def test_non_utf8_file_is_reported_and_others_still_read(tmp_path):
    write_good(tmp_path)
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 au lait\n".encode("latin-1"))
    documents, problems = read_sources(tmp_path)
    assert [d.name for d in documents] == ["good.txt"]
    assert len(problems) == 1 and problems[0].file == "latin.txt"
    assert "UTF-8" in problems[0].message
    assert str(problems[0]).startswith("latin.txt:1: ")


def test_undecodable_byte_is_reported_on_its_own_line(tmp_path):
    (tmp_path / "late.txt").write_bytes(b"Line one\nLine two\nBad \xff byte\n")
    _, problems = read_sources(tmp_path)
    assert (problems[0].file, problems[0].line) == ("late.txt", 3)


def test_binary_file_is_reported(tmp_path):
    write_good(tmp_path)
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    documents, problems = read_sources(tmp_path)
    assert [d.name for d in documents] == ["good.txt"]
    assert problems[0].file == "image.html" and "binary" in problems[0].message


def test_empty_file_is_reported(tmp_path):
    write_good(tmp_path)
    (tmp_path / "blank.md").write_text("  \n\n", encoding="utf-8")
    _, problems = read_sources(tmp_path)
    assert problems[0].file == "blank.md" and "empty" in problems[0].message


def test_unreadable_path_is_reported(tmp_path):
    write_good(tmp_path)
    (tmp_path / "folder.txt").mkdir()
    documents, problems = read_sources(tmp_path)
    assert [d.name for d in documents] == ["good.txt"]
    assert problems[0].file == "folder.txt" and "cannot be read" in problems[0].message


def test_files_are_read_in_sorted_order_with_other_suffixes_ignored(tmp_path):
    for name in ("b.md", "a.txt", "c.html", "notes.csv"):
        (tmp_path / name).write_text(GOOD_TEXT, encoding="utf-8")
    documents, _ = read_sources(tmp_path)
    assert [d.name for d in documents] == ["a.txt", "b.md", "c.html"]


def test_cli_exits_1_and_names_the_bad_file_but_still_writes_output(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    write_good(sources)
    (sources / "broken.txt").write_bytes(b"\xff\xfe\xfa not text")
    out = tmp_path / "out.json"
    completed = run_cli(str(sources), "--json", str(out))
    assert completed.returncode == 1
    assert "broken.txt" in completed.stderr
    assert '"good.txt"' in out.read_text(encoding="utf-8")


def test_cli_missing_folder_exits_2(tmp_path):
    completed = run_cli(str(tmp_path / "nowhere"))
    assert completed.returncode == 2
    assert "not found" in completed.stderr


def test_cli_missing_output_folder_exits_2(tmp_path):
    write_good(tmp_path)
    completed = run_cli(str(tmp_path), "--json", str(tmp_path / "missing" / "out.json"))
    assert completed.returncode == 2


def test_cli_success_exits_0_and_leaves_no_temporary_files(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    write_good(sources)
    completed = run_cli(str(sources), "--json", str(tmp_path / "o.json"), "--report", str(tmp_path / "o.md"))
    assert completed.returncode == 0, completed.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.json", "o.md", "sources"]
