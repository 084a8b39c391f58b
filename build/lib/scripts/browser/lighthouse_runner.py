"""Run Lighthouse (the Node CLI in node_modules) on a URL and read the scores that matter to us.

Used by tests/lighthouse (accessibility, best practices, SEO) and by the benchmark (scripts/browser/bench_site.py,
which alone reports performance, as it depends on how busy the machine is). Lighthouse's defaults are kept:
a mid-range phone with simulated slow 4G and a 4x slower CPU, which is how many readers arrive.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from scripts.browser.chromium import CHROMIUM, CHROMIUM_ARGS

PROJECT_ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = PROJECT_ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = " ".join(CHROMIUM_ARGS)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Audits shown only as information, or that do not apply, carry no pass/fail meaning.
UNSCORED_DISPLAY_MODES = {"informative", "notApplicable", "manual", "error"}


class LighthouseError(RuntimeError):
    """Lighthouse did not produce a report for a URL."""


@dataclass(frozen=True)
class FailingAudit:
    id: str
    title: str
    score: float
    display_value: str

    def __str__(self) -> str:
        shown = f" ({self.display_value})" if self.display_value else ""
        return f"{self.id} [{self.score:.2f}] {self.title}{shown}"


@dataclass(frozen=True)
class LighthouseResult:
    url: str
    scores: dict[str, float]
    failing_audits: dict[str, list[FailingAudit]] = field(default_factory=dict)
    largest_contentful_paint_ms: float = 0.0
    seconds: float = 0.0

    def shortfalls(self, thresholds: dict[str, float]) -> dict[str, float]:
        """Categories scoring below their threshold, with the score they got."""
        return {
            category: self.scores.get(category, 0.0)
            for category, minimum in thresholds.items()
            if self.scores.get(category, 0.0) < minimum
        }

    def describe_shortfalls(self, thresholds: dict[str, float]) -> str:
        lines = []
        for category, score in self.shortfalls(thresholds).items():
            lines.append(f"{self.url} {category}: {score:.2f} < {thresholds[category]:.2f}")
            lines.extend(f"    {audit}" for audit in self.failing_audits.get(category, []))
        return "\n".join(lines)


def parse_report(report: dict) -> LighthouseResult:
    """Scores per category and, for each category, its audits that scored below 1."""
    audits = report["audits"]
    scores = {}
    failing: dict[str, list[FailingAudit]] = {}
    for category_id, category in report["categories"].items():
        # A category Lighthouse could not score (an error) has score None; count it as 0 so it fails.
        scores[category_id] = category["score"] or 0.0
        category_failures = []
        # Weighted audits first: they are the ones that move the score.
        for reference in sorted(category["auditRefs"], key=lambda ref: -ref.get("weight", 0)):
            audit = audits[reference["id"]]
            if audit.get("scoreDisplayMode") in UNSCORED_DISPLAY_MODES or audit.get("score") is None:
                continue
            if audit["score"] < 1:
                category_failures.append(
                    FailingAudit(
                        id=audit["id"],
                        title=audit["title"],
                        score=audit["score"],
                        display_value=audit.get("displayValue", ""),
                    )
                )
        failing[category_id] = category_failures
    largest_contentful_paint = audits.get("largest-contentful-paint", {}).get("numericValue") or 0.0
    return LighthouseResult(
        url=report.get("finalDisplayedUrl") or report.get("requestedUrl", ""),
        scores=scores,
        failing_audits=failing,
        largest_contentful_paint_ms=float(largest_contentful_paint),
    )


def run_lighthouse(url: str, categories: Iterable[str] = CATEGORIES, timeout: float = 180) -> LighthouseResult:
    """One Lighthouse run with its mobile defaults, in a fresh headless Chromium."""
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as scratch:
        report_path = Path(scratch) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={report_path}",
            "--quiet",
            f"--chrome-flags={CHROME_FLAGS}",
            f"--only-categories={','.join(categories)}",
        ]
        started = time.monotonic()
        completed = subprocess.run(
            command,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=PROJECT_ROOT,
        )
        seconds = time.monotonic() - started
        if completed.returncode != 0 or not report_path.is_file():
            raise LighthouseError(
                f"lighthouse failed for {url} (exit {completed.returncode}):\n{completed.stderr[-2000:]}"
            )
        report = json.loads(report_path.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise LighthouseError(f"lighthouse could not load {url}: {report['runtimeError']}")
    result = parse_report(report)
    return LighthouseResult(
        url=url,
        scores=result.scores,
        failing_audits=result.failing_audits,
        largest_contentful_paint_ms=result.largest_contentful_paint_ms,
        seconds=seconds,
    )


def run_lighthouse_on_each(
    urls: Iterable[str], parallel: int = 1, categories: Iterable[str] = CATEGORIES
) -> list[LighthouseResult]:
    """Results in the order of urls. Each run starts its own Chromium, so `parallel` runs share the CPU."""
    categories = tuple(categories)
    with ThreadPoolExecutor(max_workers=max(1, parallel)) as pool:
        return list(pool.map(lambda url: run_lighthouse(url, categories), urls))
