"""Nothing carries over from one build to the next in the same process.

`mkdocs serve` runs the hook's events again for every rebuild, and mkdocs-static-i18n runs the whole event sequence
once per language on one config, from inside the first build's on_post_build. Each of these builds gives the site a
lone `mkdocs build` gives.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin

from tests.conftest import copy_project
from tests.gates.test_reproducible_build import differences

# Builds the whole site several times.
pytestmark = pytest.mark.slow


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    monkeypatch.delenv("SITE_URL", raising=False)
    return copy_project(tmp_path / "project")


def load(project: Path, site_dir: Path):
    return load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)


class _SecondLanguage(BasePlugin):
    """Builds the same config once more after the first build, as mkdocs-static-i18n does for each language."""

    def __init__(self, site_dir: Path):
        super().__init__()
        self.site_dir = site_dir
        self.built = False

    def on_post_build(self, config) -> None:
        if self.built:
            return
        self.built = True
        first_site_dir = config.site_dir
        config.site_dir = str(self.site_dir)
        try:
            build(config)
        finally:
            config.site_dir = first_site_dir


def test_building_twice_in_one_process_gives_the_same_site(project, tmp_path):
    config = load(project, tmp_path / "first")
    build(config)
    config.site_dir = str(tmp_path / "again")
    build(config)
    build(load(project, tmp_path / "reloaded"))
    assert differences(tmp_path / "first", tmp_path / "again") == []
    assert differences(tmp_path / "first", tmp_path / "reloaded") == []


def test_a_second_language_run_of_the_events_on_one_config_gives_the_same_site(project, tmp_path):
    config = load(project, tmp_path / "first")
    second = _SecondLanguage(tmp_path / "second")
    config.plugins["second-language"] = second
    build(config)
    assert second.built
    assert differences(tmp_path / "first", tmp_path / "second") == []
