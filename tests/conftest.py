"""Fixtures shared by the suite: the project, a real strict build of it, and a local server for it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from scripts.browser.static_server import serving
from scripts.i18n.languages import DEFAULT_LANGUAGE, english_path, language_of
from scripts.site.mkdocs_hook import site_address

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT.parent / "shared" / "seeds"
ARTIFACTS_DIR = PROJECT_ROOT / "test-artifacts"
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "scripts", "data")


def run_mkdocs_build(
    project: Path, site_dir: Path, env: dict[str, str | None] | None = None
) -> subprocess.CompletedProcess:
    """A strict build; `env` adds variables to this process's environment (None removes one)."""
    changes = {"NO_MKDOCS_2_WARNING": "1", **(env or {})}
    env = {name: value for name, value in {**os.environ, **changes}.items() if value is not None}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def copy_project(destination: Path) -> Path:
    """A scratch copy of the site's sources, for builds that break a page on purpose."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = PROJECT_ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    return destination


def replace_once(text: str, old: str, new: str) -> str:
    """`text` with the first `old` made `new`; fails when `old` is not there, so an edit can never silently miss."""
    assert old in text, f"{old!r} is not in the text the test edits"
    return text.replace(old, new, 1)


def an_article(project: Path) -> Path:
    """A page with review dates, the first by name: a target derived from the content rather than named in a test."""
    return next(
        page
        for page in sorted((project / "docs").glob("*.md"))
        if language_of(page.name) == DEFAULT_LANGUAGE and "\nnext_review:" in page.read_text(encoding="utf-8")
    )


def page_url_path(page: Path) -> str:
    """The address path MkDocs gives a page under docs/: docs/aftercare.md -> aftercare/, its translation
    docs/aftercare.es.md -> es/aftercare/."""
    language = language_of(page.name)
    stem = Path(english_path(page.name)).stem
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    return prefix if stem == "index" else f"{prefix}{stem}/"


def site_root_path() -> str:
    """The path the built site's own absolute links start with: '/' unless SITE_URL or site_url puts it deeper."""
    return urllib.parse.urlsplit(site_address(PROJECT_ROOT / "mkdocs.yml")).path or "/"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, timeout: float = 5) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


def wait_for(condition, seconds: float, what: str):
    """Poll `condition` until it returns something true; a refused or timed-out request counts as not yet."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            result = condition()
        except OSError:
            result = None
        if result:
            return result
        time.sleep(0.3)
    pytest.fail(f"gave up after {seconds} s waiting for {what}")


@contextmanager
def mkdocs_serve(project: Path, log_file: Path | None = None, *options: str) -> Iterator[str]:
    """`mkdocs serve` of a project copy on a free port; yields its address. Its terminal output goes to log_file."""
    port = free_port()
    with open(log_file or os.devnull, "w", encoding="utf-8") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *options],
            cwd=project,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            server.terminate()
            server.wait(timeout=10)


# Tests that drive Chromium are marked by folder, so `-m "not browser"` selects the quick ones.
BROWSER_FOLDERS = ("browser", "lighthouse")


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(item.path).relative_to(PROJECT_ROOT / "tests").parts[0] in BROWSER_FOLDERS:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def project_root() -> Path:
    return PROJECT_ROOT


@pytest.fixture(scope="session")
def strict_build(tmp_path_factory) -> subprocess.CompletedProcess:
    site_dir = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(PROJECT_ROOT, site_dir)
    result.site_dir = site_dir
    return result


@pytest.fixture(scope="session")
def built_site(strict_build) -> Path:
    assert strict_build.returncode == 0, f"mkdocs build --strict failed:\n{strict_build.stderr}"
    return strict_build.site_dir


def served_at_its_root_path(site: Path, scratch: Path) -> tuple[Path, str]:
    """A folder to serve so that `site` is at the path its absolute links use (SITE_URL may put it below '/'), and
    the path under the server's address where the site is."""
    root = site_root_path().strip("/")
    if not root:
        return site, ""
    (scratch / root).parent.mkdir(parents=True, exist_ok=True)
    (scratch / root).symlink_to(site.resolve(), target_is_directory=True)
    return scratch, f"{root}/"


@pytest.fixture(scope="session")
def site_url(built_site, tmp_path_factory) -> str:
    folder, path = served_at_its_root_path(built_site, tmp_path_factory.mktemp("served"))
    with serving(folder) as url:
        yield url + path


@pytest.fixture(scope="session")
def article_paths(built_site) -> list[str]:
    """URL paths of every page the build produced, from its sitemap, plus the 404 page."""
    import xml.etree.ElementTree as ElementTree

    namespace = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.parse(built_site / "sitemap.xml").getroot()
    site_url_prefix = site_address(PROJECT_ROOT / "mkdocs.yml")
    return [location.text.removeprefix(site_url_prefix) for location in root.findall("sm:url/sm:loc", namespace)]


_stage_seconds: dict[str, float] = defaultdict(float)


def pytest_runtest_logreport(report) -> None:
    stage = report.nodeid.split("/")[1] if report.nodeid.startswith("tests/") and "/" in report.nodeid[6:] else "tests"
    _stage_seconds[stage] += report.duration


def pytest_terminal_summary(terminalreporter) -> None:
    if _stage_seconds:
        terminalreporter.section("time per stage")
        for stage, seconds in sorted(_stage_seconds.items(), key=lambda item: -item[1]):
            terminalreporter.write_line(f"{stage:<12} {seconds:7.1f} s")


@pytest.fixture(scope="session")
def attack_outcomes(tmp_path_factory):
    """Every one-change attack of tests/gates/attacks.py built once per session (the gate and browser tests read it)."""
    from tests.gates.attacks import ATTACKS, run_attacks

    return run_attacks(tmp_path_factory.mktemp("attacks"), sorted(ATTACKS))
