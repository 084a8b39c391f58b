"""Shared paths and helpers for the dedup tests."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.dedup.models import DedupResult

REPO_ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = REPO_ROOT / "tests" / "dedup_eval"
EVAL_CORPUS = EVAL_DIR / "corpus"
HELDOUT_CORPUS = EVAL_DIR / "heldout"
HELDOUT2_CORPUS = EVAL_DIR / "heldout2"
SEEDS_DIR = REPO_ROOT.parent / "shared" / "seeds"


def seeds_or_skip() -> Path:
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS_DIR} (they live in ../shared/seeds beside the repo)")
    return SEEDS_DIR


def run_cli_process(*arguments: str) -> subprocess.CompletedProcess:
    """The real entry point in a child process; slow (imports numpy and scikit-learn), so used sparingly."""
    return subprocess.run(
        [sys.executable, "-m", "scripts.dedup", *arguments], cwd=REPO_ROOT, capture_output=True, text=True
    )


def run_cli(*arguments: str) -> subprocess.CompletedProcess:
    """The command line's main() in this process, with its exit code and printed output."""
    from scripts.dedup.__main__ import main

    stdout, stderr = io.StringIO(), io.StringIO()
    previous = Path.cwd()
    os.chdir(REPO_ROOT)
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                code = main(list(arguments))
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else 1
    finally:
        os.chdir(previous)
    return subprocess.CompletedProcess(list(arguments), code, stdout.getvalue(), stderr.getvalue())


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def section_by_start(result: DedupResult, source: str, line: int):
    return next(s for s in result.sections if s.source == source and s.start_line == line)


def assert_no_line_lost(result: DedupResult, documents: list[tuple[str, str]]) -> None:
    """Every non-blank input line is inside exactly one section's line range, and that range's text."""
    for name, text in documents:
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        owners = [0] * (len(lines) + 1)
        for section in result.sections:
            if section.source != name:
                continue
            assert section.text == "\n".join(lines[section.start_line - 1 : section.end_line])
            for number in range(section.start_line, section.end_line + 1):
                owners[number] += 1
        for number, line in enumerate(lines, start=1):
            if line.strip():
                assert owners[number] == 1, f"{name}:{number} is in {owners[number]} sections"
    grouped = [member for group in result.groups for member in group.members]
    assert sorted(grouped) == sorted(section.id for section in result.sections)
