"""Scoring a grouping against hand labels: pairwise precision, recall and F1 over same-group pairs."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path

import yaml

from .models import DedupResult


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


def same_group_pairs(assignment: dict[str, Hashable]) -> set[tuple[str, str]]:
    members: dict[Hashable, list[str]] = defaultdict(list)
    for item, group in assignment.items():
        members[group].append(item)
    pairs: set[tuple[str, str]] = set()
    for items in members.values():
        items.sort()
        pairs.update((a, b) for index, a in enumerate(items) for b in items[index + 1 :])
    return pairs


def pair_scores(predicted: dict[str, Hashable], truth: dict[str, Hashable]) -> PairScores:
    predicted_pairs = same_group_pairs(predicted)
    true_pairs = same_group_pairs(truth)
    hits = len(predicted_pairs & true_pairs)
    precision = hits / len(predicted_pairs) if predicted_pairs else 1.0
    recall = hits / len(true_pairs) if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairScores(precision, recall, f1, len(predicted_pairs), len(true_pairs))


def score_result(result: DedupResult, labels: dict[str, list[LabelRange]], content_only: bool = False) -> PairScores:
    """Pairwise scores; content_only leaves boilerplate out, so huge groups of one slogan do not swamp them."""
    kept = [s for s in result.sections if not (content_only and s.boilerplate)]
    truth = labels_for_result(result, labels)
    return pair_scores({s.id: s.group for s in kept}, {s.id: truth[s.id] for s in kept})
