"""`mkdocs serve` rebuilds when an editor changes a data file, so previews stay live."""

from __future__ import annotations

import pytest

from scripts.site.site_content import SIDE_EFFECTS_FILE, SiteContent
from scripts.timeline.includes import TIMELINE_PAGE
from tests.conftest import copy_project, fetch, mkdocs_serve, wait_for

# Builds the whole site more than once.
pytestmark = pytest.mark.slow

NEW_NAME = "Renamed by the live reload test"


def test_editing_side_effects_data_updates_the_served_timeline(tmp_path):
    project = copy_project(tmp_path / "project")
    effect = SiteContent.load(project).side_effects.effects[0]
    data_file = project / SIDE_EFFECTS_FILE
    original = data_file.read_text(encoding="utf-8")
    edited = original.replace(f"name: {effect.name}", f"name: {NEW_NAME}", 1)
    assert edited != original, f"the effect {effect.id!r} is not written as 'name: {effect.name}'"
    with mkdocs_serve(project) as address:
        url = f"{address}/{TIMELINE_PAGE.removesuffix('.md')}/"
        wait_for(lambda: effect.name in fetch(url), 60, "the first build")
        data_file.write_text(edited, encoding="utf-8")
        wait_for(lambda: NEW_NAME in fetch(url), 60, "the rebuild after editing the side-effects data")
