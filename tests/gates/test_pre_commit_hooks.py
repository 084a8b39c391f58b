"""Each pre-commit hook runs as configured and passes on the project's own files."""

from __future__ import annotations

import importlib.util
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
        for folder in ("docs", "data", "scripts", "tests")
        for path in (PROJECT_ROOT / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )
    return sorted(
        name
        for name in [*names, "README.md", "CONTRIBUTING.md"]
        if re.search(pattern, name) and (PROJECT_ROOT / name).is_file()
    )


@pytest.mark.parametrize("hook", HOOKS, ids=[hook["id"] for hook in HOOKS])
def test_each_hook_runs_a_tool_the_project_installs(hook):
    """make install provides every hook's program (a .venv tool, or a module of the project's package)."""
    program, *arguments = shlex.split(hook["entry"])
    assert (PROJECT_ROOT / program).is_file(), f"{hook['id']}: {program} is not installed by make install"
    if arguments[:1] == ["-m"]:
        assert importlib.util.find_spec(arguments[1]), f"{hook['id']}: no module {arguments[1]}"


@pytest.mark.parametrize("hook", HOOKS, ids=[hook["id"] for hook in HOOKS])
def test_hook_passes_on_the_project(hook):
    files = matching_files(hook.get("files", "")) if hook.get("pass_filenames", True) else []
    files = [name for name in files if not re.search(hook.get("exclude", "(?!)"), name)]
    if hook.get("types") == ["text"]:
        files = [name for name in files if not name.endswith((".png", ".jpg", ".gz", ".pyc"))]

    result = subprocess.run(
        [*shlex.split(hook["entry"]), *files], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300
    )

    assert result.returncode == 0, result.stdout + result.stderr


RUFF_HOOKS = [hook for hook in HOOKS if hook["id"].startswith("ruff-")]
# An unused import and a 130-character line (over our 120, so our settings are the ones read); `x=1` needs formatting.
BADLY_WRITTEN = "import os\nx=1\nLONG = '" + "a" * 120 + "'\n"


@pytest.mark.parametrize("hook", RUFF_HOOKS, ids=[hook["id"] for hook in RUFF_HOOKS])
def test_ruff_hooks_fail_on_badly_written_code(hook, tmp_path):
    """The gate itself: the same hooks that pass on the project stop a file that breaks our settings."""
    bad_file = tmp_path / "badly_written.py"
    bad_file.write_text(BADLY_WRITTEN, encoding="utf-8")
    result = subprocess.run(
        [*shlex.split(hook["entry"]), str(bad_file)], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "badly_written.py" in result.stdout
    if hook["id"] == "ruff-lint":
        assert "F401" in result.stdout and "E501" in result.stdout
