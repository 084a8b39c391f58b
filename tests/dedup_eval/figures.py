"""Quality figures: python -m tests.dedup_eval.figures [--markdown].

Pairwise precision, recall and F1 on every labelled corpus (the development corpus, the seeds when ../shared/seeds
is present, both held-out corpora and two generated ones), at the default settings and with each setting moved
to 0.75x and 1.25x. Reported, not asserted: the held-out corpora are never tuned to (README.md).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import fields, replace
from pathlib import Path

from scripts.dedup import DEFAULT_CONFIG, GroupingConfig, group_documents
from scripts.dedup.reading import read_sources
from tests.dedup_eval.evaluation import load_labels, score_result
from tests.dedup_eval.synthetic import generate_corpus

EVAL_DIR = Path(__file__).resolve().parent
SEEDS_DIR = EVAL_DIR.parents[2] / "shared" / "seeds"
LABELLED = [
    ("development (corpus/)", EVAL_DIR / "corpus", EVAL_DIR / "labels.yml"),
    ("seeds (../shared/seeds)", SEEDS_DIR, EVAL_DIR / "seed_labels.yml"),
    ("held-out 1 (heldout/)", EVAL_DIR / "heldout", EVAL_DIR / "heldout_labels.yml"),
    ("held-out 2 (heldout2/)", EVAL_DIR / "heldout2", EVAL_DIR / "heldout2_labels.yml"),
]
FACTORS = (0.75, 1.25)
SYNTHETIC_SIZE = 300


def corpora() -> list[tuple[str, list[tuple[str, str]], dict, bool]]:
    found = []
    for name, folder, labels in LABELLED:
        if folder.is_dir():
            documents, _ = read_sources(folder)
            found.append((name, [(d.name, d.text) for d in documents], load_labels(labels), False))
    for shape in ("glued", "scattered"):
        corpus = generate_corpus(SYNTHETIC_SIZE, seed=21, shape=shape)
        found.append((f"generated {shape} ({SYNTHETIC_SIZE})", corpus.documents, corpus.labels, True))
    return found


def settings() -> list[tuple[str, GroupingConfig]]:
    variants = [("default", DEFAULT_CONFIG)]
    for field in fields(GroupingConfig):
        for factor in FACTORS:
            value = getattr(DEFAULT_CONFIG, field.name) * factor
            variants.append((f"{field.name} x{factor}", replace(DEFAULT_CONFIG, **{field.name: value})))
    return variants


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.dedup_eval.figures", description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    variants = settings()
    print("| corpus | setting | precision | recall | F1 |")
    print("| --- | --- | --- | --- | --- |")
    for name, documents, labels, content_only in corpora():
        worst = 1.0
        for setting, config in variants:
            scores = score_result(group_documents(documents, config), labels, content_only=content_only)
            worst = min(worst, scores.f1)
            print(f"| {name} | {setting} | {scores.precision:.2f} | {scores.recall:.2f} | {scores.f1:.2f} |")
        print(f"| {name} | **lowest F1 of the sweep** | | | **{worst:.2f}** |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
