"""Scoring a grouping against hand labels: pairwise precision, recall and F1 over same-group pairs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path

import yaml
from sklearn.metrics.cluster import pair_confusion_matrix

from scripts.dedup.models import DedupResult


@dataclass(frozen=True)
class PairScores:
    precision: float
    recall: float
    f1: float
    predicted_pairs: int
    true_pairs: int

    def describe(self) -> str:
        return (
            f"precision={self.precision:.3f} recall={self.recall:.3f} f1={self.f1:.3f} "
            f"(predicted pairs={self.predicted_pairs}, labelled pairs={self.true_pairs})"
        )


@dataclass(frozen=True)
class LabelRange:
    start: int
    end: int
    label: str


def parse_range(text: str | int) -> tuple[int, int]:
    first, _, last = str(text).partition("-")
    return int(first), int(last or first)


def load_labels(path: Path) -> dict[str, list[LabelRange]]:
    """labels.yml: {file name: {"start-end" or "line": group label}}."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {
        source: sorted(
            (LabelRange(*parse_range(span), str(label)) for span, label in ranges.items()), key=lambda r: r.start
        )
        for source, ranges in raw.items()
    }


def section_label(ranges: list[LabelRange], start: int, end: int) -> str | None:
    """The label covering most of the section's lines (earliest label on ties)."""
    overlap = Counter()
    for item in ranges:
        covered = min(end, item.end) - max(start, item.start) + 1
        if covered > 0:
            overlap[item.label] += covered
    if not overlap:
        return None
    return max(overlap, key=lambda label: (overlap[label], -min(r.start for r in ranges if r.label == label)))


def labels_for_result(result: DedupResult, labels: dict[str, list[LabelRange]]) -> dict[str, str]:
    """Section id -> label; unlabelled sections get a label of their own."""
    mapped: dict[str, str] = {}
    for section in result.sections:
        label = section_label(labels.get(section.source, []), section.start_line, section.end_line)
        mapped[section.id] = label or f"unlabelled::{section.id}"
    return mapped


def pair_scores(predicted: dict[str, Hashable], truth: dict[str, Hashable]) -> PairScores:
    """Pairwise scores over the items both assignments share, counted by scikit-learn's pair confusion matrix."""
    items = sorted(predicted.keys() & truth.keys())
    codes_of: dict[Hashable, int] = {}
    predicted_codes = [codes_of.setdefault(("predicted", predicted[item]), len(codes_of)) for item in items]
    true_codes = [codes_of.setdefault(("truth", truth[item]), len(codes_of)) for item in items]
    if len(items) < 2:
        return PairScores(1.0, 1.0, 1.0, 0, 0)
    # The matrix counts ordered pairs; [1, 1] holds pairs together in both, [0, 1] pairs together only in
    # the prediction and [1, 0] pairs together only in the truth.
    matrix = pair_confusion_matrix(true_codes, predicted_codes) // 2
    hits = int(matrix[1, 1])
    predicted_pairs, true_pairs = hits + int(matrix[0, 1]), hits + int(matrix[1, 0])
    precision = hits / predicted_pairs if predicted_pairs else 1.0
    recall = hits / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairScores(precision, recall, f1, predicted_pairs, true_pairs)


def score_result(result: DedupResult, labels: dict[str, list[LabelRange]], content_only: bool = False) -> PairScores:
    """Pairwise scores; content_only leaves boilerplate out, so huge groups of one slogan do not swamp them."""
    kept = [s for s in result.sections if not (content_only and s.boilerplate)]
    truth = labels_for_result(result, labels)
    return pair_scores({s.id: s.group for s in kept}, {s.id: truth[s.id] for s in kept})
