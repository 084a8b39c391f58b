"""Pairwise precision and recall against the hand labels, from the one default configuration."""

import pytest

from scripts.dedup import DEFAULT_CONFIG, group_documents
from scripts.dedup.evaluation import load_labels, score_result
from scripts.dedup.reading import read_sources
from scripts.dedup.synthetic import generate_corpus

from .support import EVAL_CORPUS, EVAL_DIR, HELDOUT_CORPUS, seeds_or_skip

MIN_PRECISION = 0.95
MIN_RECALL = 0.90


def scored(folder, labels_file):
    documents, problems = read_sources(folder)
    assert not problems
    result = group_documents([(d.name, d.text) for d in documents], DEFAULT_CONFIG)
    return result, score_result(result, load_labels(labels_file))


@pytest.mark.parametrize("corpus", ["eval", "seeds"])
def test_pairwise_precision_and_recall(corpus):
    folder, labels_file = (
        (EVAL_CORPUS, EVAL_DIR / "labels.yml") if corpus == "eval" else (seeds_or_skip(), EVAL_DIR / "seed_labels.yml")
    )
    _, scores = scored(folder, labels_file)
    print(f"\n{corpus}: {scores.describe()}")
    assert scores.precision >= MIN_PRECISION
    assert scores.recall >= MIN_RECALL


@pytest.mark.parametrize(
    "folder, labels_file, min_sources",
    [(EVAL_CORPUS, EVAL_DIR / "labels.yml", 4), (HELDOUT_CORPUS, EVAL_DIR / "heldout_labels.yml", 6)],
    ids=["eval", "heldout"],
)
def test_labelled_corpus_is_big_enough_and_fully_labelled(folder, labels_file, min_sources):
    """The held-out corpus gets no threshold: it is never used to tune the tool, only reported (pytest -s)."""
    result, scores = scored(folder, labels_file)
    print(f"\n{folder.name}: {scores.describe()}")
    labels = load_labels(labels_file)
    assert len({s.source for s in result.sections}) >= min_sources
    assert len(result.sections) >= 60
    for section in result.sections:
        ranges = labels[section.source]
        assert any(r.start <= section.start_line <= r.end for r in ranges), section.id


def test_generated_corpus_groups_planted_rewrites():
    corpus = generate_corpus(500, seed=11)
    scores = score_result(group_documents(corpus.documents), corpus.labels, content_only=True)
    print(f"\nsynthetic 500: {scores.describe()}")
    assert scores.true_pairs > 100
    assert scores.f1 >= 0.9
