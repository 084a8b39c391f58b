"""The command line never harms its inputs and says what it skipped."""

import os
import stat

import pytest

from .support import current_umask, run_cli

ARTICLE = "Watering Basics\nWater the soil, not the leaves, early in the morning.\n"


@pytest.fixture
def sources(tmp_path):
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def assert_refused(completed, *words):
    assert completed.returncode != 0
    assert "Traceback" not in completed.stderr
    for word in words:
        assert word in completed.stderr


def test_output_that_is_a_source_is_refused_and_the_source_kept(sources):
    completed = run_cli(str(sources), "--json", str(sources / "article.txt"))
    assert_refused(completed, "source")
    assert (sources / "article.txt").read_text(encoding="utf-8") == ARTICLE


def test_output_inside_the_sources_folder_is_refused(sources):
    completed = run_cli(str(sources), "--report", str(sources / "digest.md"))
    assert_refused(completed, "inside the sources folder")
    assert sorted(p.name for p in sources.iterdir()) == ["article.txt"]


def test_output_that_is_a_folder_is_refused(sources, tmp_path):
    completed = run_cli(str(sources), "--json", str(tmp_path))
    assert_refused(completed, "is a folder")


def test_same_file_for_both_outputs_is_refused(sources, tmp_path):
    out = tmp_path / "out.txt"
    completed = run_cli(str(sources), "--json", str(out), "--report", str(tmp_path / "." / "out.txt"))
    assert_refused(completed, "same file")
    assert not out.exists()


def test_existing_output_keeps_its_file_mode(sources, tmp_path):
    out = tmp_path / "shared.json"
    out.write_text("{}", encoding="utf-8")
    os.chmod(out, 0o640)
    assert run_cli(str(sources), "--json", str(out)).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert '"article.txt"' in out.read_text(encoding="utf-8")


def test_new_output_is_readable_like_other_new_files(sources, tmp_path):
    out = tmp_path / "new.json"
    assert run_cli(str(sources), "--json", str(out)).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~current_umask()


def test_unsupported_files_are_reported_as_skipped(sources):
    (sources / "notes.docx").write_bytes(b"PK\x03\x04")
    completed = run_cli(str(sources))
    assert completed.returncode == 0, completed.stderr
    assert "skipped notes.docx" in completed.stderr


def test_empty_folder_is_an_error(tmp_path):
    completed = run_cli(str(tmp_path))
    assert_refused(completed, "no readable source")


def test_folder_with_nothing_readable_is_an_error_naming_each_file(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "blank.md").write_text("\n", encoding="utf-8")
    completed = run_cli(str(tmp_path))
    assert_refused(completed, "no readable source", "scan.pdf", "blank.md")
