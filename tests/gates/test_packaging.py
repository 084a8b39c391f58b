"""pyproject.toml says what each part needs, and make install's pinned versions satisfy it."""

from __future__ import annotations

import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import PROJECT_ROOT

PROJECT = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
DECLARED = [
    (part, Requirement(line))
    for part, lines in [("site", PROJECT["dependencies"]), *PROJECT.get("optional-dependencies", {}).items()]
    for line in lines
]


def pinned() -> dict[str, str]:
    pins = {}
    for line in (PROJECT_ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        name, separator, version = line.partition("==")
        if separator:
            pins[canonicalize_name(name.strip())] = version.strip()
    return pins


def test_the_site_declares_what_building_needs():
    assert PROJECT["dependencies"], "pyproject.toml must list what `pip install .` needs to build the site"


@pytest.mark.parametrize(("part", "requirement"), DECLARED, ids=[f"{part}-{req.name}" for part, req in DECLARED])
def test_each_declared_dependency_is_pinned_at_a_version_it_accepts(part, requirement):
    version = pinned().get(canonicalize_name(requirement.name))
    assert version, (
        f"{requirement.name} ({part}) is not in requirements.lock; add it to requirements.in and run make lock"
    )
    assert requirement.specifier.contains(version, prereleases=True), (
        f"requirements.lock pins {requirement.name}=={version}, outside {requirement} in pyproject.toml"
    )
