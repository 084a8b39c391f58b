"""`make build` swaps the new site in whole: the old one is replaced only by a complete build, nothing is left over."""

from __future__ import annotations

import subprocess
import sys

import pytest

from scripts.site.swap_site import swap_in
from tests.conftest import PROJECT_ROOT


def make_site(folder, page_text: str):
    folder.mkdir()
    (folder / "index.html").write_text(page_text, encoding="utf-8")
    (folder / "assets").mkdir()
    (folder / "assets" / "style.css").write_text("body {}", encoding="utf-8")
    return folder


def test_new_build_replaces_the_old_site_and_nothing_is_left_over(tmp_path):
    site = make_site(tmp_path / "site", "old")
    (site / "removed-page.html").write_text("gone", encoding="utf-8")
    new = make_site(tmp_path / ".site-build", "new")

    swap_in(new, site)

    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert not (site / "removed-page.html").exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_first_build_and_leftovers_of_an_interrupted_swap(tmp_path):
    (tmp_path / ".site-previous").mkdir()
    new = make_site(tmp_path / ".site-build", "first")

    swap_in(new, tmp_path / "site")

    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "first"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_missing_build_leaves_the_site_untouched(tmp_path):
    site = make_site(tmp_path / "site", "old")
    with pytest.raises(FileNotFoundError):
        swap_in(tmp_path / ".site-build", site)
    assert (site / "index.html").read_text(encoding="utf-8") == "old"


def test_make_build_uses_the_swap(tmp_path):
    """The command line the Makefile runs."""
    site = make_site(tmp_path / "site", "old")
    make_site(tmp_path / "new", "new")
    command = [sys.executable, "-m", "scripts.site.swap_site", str(tmp_path / "new"), str(site)]
    subprocess.run(command, cwd=PROJECT_ROOT, check=True, timeout=60)
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    assert "-m scripts.site.swap_site .site-build site" in makefile
