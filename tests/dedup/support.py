"""Shared paths and helpers for the dedup tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scripts.dedup.models import DedupResult

REPO_ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = REPO_ROOT / "tests" / "dedup_eval"
EVAL_CORPUS = EVAL_DIR / "corpus"
SEEDS_DIR = REPO_ROOT.parent / "shared" / "seeds"


def seeds_or_skip() -> Path:
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS_DIR} (they live in ../shared/seeds beside the repo)")
    return SEEDS_DIR


def run_cli(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scripts.dedup", *arguments], cwd=REPO_ROOT, capture_output=True, text=True
    )


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
