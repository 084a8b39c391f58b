"""`mkdocs serve` rebuilds when an editor changes a data file, so previews stay live."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import copy_project

# Builds the whole site more than once.
pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(condition, seconds: float, what: str):
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


def test_editing_side_effects_data_updates_the_served_timeline(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    url = f"http://127.0.0.1:{port}/side-effects-timeline/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(lambda: "Redness" in fetch(url), 60, "the first build")
        data_file = project / "data" / "side-effects.yml"
        data_file.write_text(
            data_file.read_text(encoding="utf-8").replace("name: Redness", "name: Pinkness", 1), encoding="utf-8"
        )
        wait_for(lambda: "Pinkness" in fetch(url), 60, "the rebuild after editing data/side-effects.yml")
    finally:
        server.terminate()
        server.wait(timeout=10)
