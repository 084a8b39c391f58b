"""`mkdocs serve` rebuilds when an editor changes a data file, so previews stay live."""

from __future__ import annotations

import pytest

from tests.conftest import copy_project, fetch, mkdocs_serve, wait_for

# Builds the whole site more than once.
pytestmark = pytest.mark.slow


def test_editing_side_effects_data_updates_the_served_timeline(tmp_path):
    project = copy_project(tmp_path / "project")
    with mkdocs_serve(project) as address:
        url = f"{address}/side-effects-timeline/"
        wait_for(lambda: "Redness" in fetch(url), 60, "the first build")
        data_file = project / "data" / "side-effects.yml"
        data_file.write_text(
            data_file.read_text(encoding="utf-8").replace("name: Redness", "name: Pinkness", 1), encoding="utf-8"
        )
        wait_for(lambda: "Pinkness" in fetch(url), 60, "the rebuild after editing data/side-effects.yml")
