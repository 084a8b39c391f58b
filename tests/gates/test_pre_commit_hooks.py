"""Each pre-commit hook runs as configured and passes on the project's own files."""

from __future__ import annotations

import re
import shlex
import subprocess

import pytest
import yaml

from tests.conftest import PROJECT_ROOT

HOOKS = [
    hook
    for repo in yaml.safe_load((PROJECT_ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"]
    for hook in repo["hooks"]
]


def matching_files(pattern: str) -> list[str]:
    names = (
        path.relative_to(PROJECT_ROOT).as_posix()
        for folder in ("docs", "data", "scripts")
        for path in (PROJECT_ROOT / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )
    return sorted(
        name
        for name in [*names, "README.md", "CONTRIBUTING.md"]
        if re.search(pattern, name) and (PROJECT_ROOT / name).is_file()
    )


def test_hooks_cover_the_fast_checks():
    assert {hook["id"] for hook in HOOKS} == {"codespell", "pymarkdown", "html-allowlist", "check-content"}


@pytest.mark.parametrize("hook", HOOKS, ids=[hook["id"] for hook in HOOKS])
def test_hook_passes_on_the_project(hook):
    files = matching_files(hook["files"]) if hook.get("pass_filenames", True) else []
    if hook.get("types") == ["text"]:
        files = [name for name in files if not name.endswith((".png", ".jpg", ".gz", ".pyc"))]

    result = subprocess.run(
        [*shlex.split(hook["entry"]), *files], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300
    )

    assert result.returncode == 0, result.stdout + result.stderr
