"""A build imports only what building needs: the source tool's numerical libraries and the browser tooling stay out,
so every `mkdocs build` and every preview rebuild starts quickly."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import PROJECT_ROOT

NOT_FOR_BUILDING = ("numpy", "scipy", "sklearn", "pandas", "playwright", "textstat", "nltk")
BUILD_AND_LIST_MODULES = """
import json, sys
from mkdocs.config import load_config
from mkdocs.commands.build import build
config = load_config("mkdocs.yml", site_dir=sys.argv[1])
config.plugins.on_startup(command="build", dirty=False)
build(config)
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


def test_building_the_site_imports_no_numerical_or_browser_library(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", BUILD_AND_LIST_MODULES, str(tmp_path / "site")],
        cwd=PROJECT_ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    imported = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert (tmp_path / "site" / "index.html").is_file()
    assert "mkdocs" in imported and "scripts" in imported
    unneeded = sorted(imported.intersection(NOT_FOR_BUILDING))
    assert not unneeded, f"a build imported {unneeded}; import them only in the tools that use them"
