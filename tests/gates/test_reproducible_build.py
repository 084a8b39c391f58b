"""Two builds of the same sources give byte-identical sites, sitemap included.

MkDocs dates the sitemap (<lastmod> and the gzip header of sitemap.xml.gz) from SOURCE_DATE_EPOCH, or from
today when it is unset; the Makefile sets it to the last commit's time, and so does this test.
"""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT, copy_project, run_mkdocs_build

# Builds the whole site more than once.
pytestmark = pytest.mark.slow

CONTEXT_BYTES = 40


def last_commit_epoch() -> int:
    """The same value as the Makefile's: git log -1 --format=%ct."""
    return int(
        subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
        ).stdout
    )


def differences(first: Path, second: Path) -> list[str]:
    """Each file that is missing from one tree or differs, with the first differing bytes."""
    first_files = {path.relative_to(first).as_posix() for path in first.rglob("*") if path.is_file()}
    second_files = {path.relative_to(second).as_posix() for path in second.rglob("*") if path.is_file()}
    found = [f"{name}: only in the first build" for name in sorted(first_files - second_files)]
    found += [f"{name}: only in the second build" for name in sorted(second_files - first_files)]
    for name in sorted(first_files & second_files):
        a, b = (first / name).read_bytes(), (second / name).read_bytes()
        if a != b:
            offset = next(
                (index for index, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
            )
            window = slice(offset, offset + CONTEXT_BYTES)
            found.append(f"{name}: first difference at byte {offset}: {a[window]!r} != {b[window]!r}")
    return found


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> Path:
    """One snapshot of the sources, so edits made while the test runs cannot look like a non-reproducible build."""
    return copy_project(tmp_path_factory.mktemp("project"))


def build(sources: Path, site_dir: Path, epoch: int) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(epoch))
        result = run_mkdocs_build(sources, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="module")
def commit_build(sources, tmp_path_factory) -> Path:
    return build(sources, tmp_path_factory.mktemp("site"), last_commit_epoch())


def test_two_builds_of_the_same_commit_are_byte_identical(sources, commit_build, tmp_path):
    second = build(sources, tmp_path / "second", last_commit_epoch())

    assert (commit_build / "sitemap.xml.gz").is_file()
    assert differences(commit_build, second) == []
    commit_day = datetime.datetime.fromtimestamp(last_commit_epoch(), datetime.UTC).date().isoformat()
    assert f"<lastmod>{commit_day}</lastmod>" in (commit_build / "sitemap.xml").read_text(encoding="utf-8")


def test_build_on_another_day_is_caught_with_the_differing_bytes(sources, commit_build, tmp_path):
    next_day = build(sources, tmp_path / "next-day", last_commit_epoch() + 86400)

    found = differences(commit_build, next_day)

    # The sitemaps only (each language's folder has a copy for Material's instant loading).
    assert {Path(line.split(":")[0]).name for line in found} == {"sitemap.xml", "sitemap.xml.gz"}
    assert "sitemap.xml" in [line.split(":")[0] for line in found]
    assert all("first difference at byte" in line for line in found)
