"""The GitHub workflows pass actionlint (proven to catch a broken one) and give each job the least permissions."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import PROJECT_ROOT

ACTIONLINT = Path(sys.executable).parent / "actionlint"
WORKFLOWS = PROJECT_ROOT / ".github" / "workflows"
WORKFLOW_FILES = sorted(WORKFLOWS.glob("*.y*ml"))
# A job may write only to Pages, with the token the deploy-pages action exchanges for a deployment.
DEPLOY_PERMISSIONS = {"pages": "write", "id-token": "write"}
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$")


def run_actionlint(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ACTIONLINT), "-no-color"], cwd=project, capture_output=True, text=True, timeout=120)


def test_workflows_pass_actionlint():
    assert WORKFLOW_FILES, "no workflow found in .github/workflows"
    result = run_actionlint(PROJECT_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_fails_on_a_broken_workflow_with_file_and_line(tmp_path):
    copy = tmp_path / ".github" / "workflows"
    shutil.copytree(WORKFLOWS, copy)
    broken = (
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    needs: no-such-job\n    steps:\n      - run: make\n"
    )
    (copy / "broken.yml").write_text(broken, encoding="utf-8")
    # actionlint looks for the workflows of the Git repository it runs in.
    subprocess.run(["git", "init", "--quiet", str(tmp_path)], check=True, timeout=60)

    result = run_actionlint(tmp_path)

    assert result.returncode == 1
    problems = [line for line in result.stdout.splitlines() if re.match(r"\S+\.ya?ml:\d+:\d+: ", line)]
    assert problems and all(line.startswith(".github/workflows/broken.yml:3:") for line in problems), result.stdout
    assert "no-such-job" in result.stdout


def workflow_jobs() -> list[tuple[str, str, dict]]:
    return [
        (path.name, name, job)
        for path in WORKFLOW_FILES
        for name, job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].items()
    ]


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=[path.name for path in WORKFLOW_FILES])
def test_every_workflow_sets_its_default_permissions(path):
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert "permissions" in workflow, f"{path.name}: add 'permissions: contents: read' (or {{}}) at the top level"


def test_only_the_pages_deploy_job_may_write():
    for file, name, job in workflow_jobs():
        permissions = job.get("permissions") or {}
        writes = {scope: level for scope, level in permissions.items() if level == "write"}
        deploys = any(str(step.get("uses", "")).startswith("actions/deploy-pages@") for step in job.get("steps", []))
        if deploys:
            assert permissions == DEPLOY_PERMISSIONS, f"{file}: job {name} needs exactly {DEPLOY_PERMISSIONS}"
        else:
            assert not writes, f"{file}: job {name} must not write ({writes}); give it contents: read"


def test_every_action_is_pinned_to_a_version():
    for file, name, job in workflow_jobs():
        for step in job.get("steps", []):
            action = step.get("uses")
            if action and not action.startswith("./"):
                assert PINNED.match(action), f"{file}: job {name} uses {action}; pin it to a major version like @v4"
