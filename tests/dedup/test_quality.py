"""Pairwise precision and recall against the hand labels, from the one default configuration."""

import itertools

import pytest

from scripts.dedup import DEFAULT_CONFIG, group_documents
from scripts.dedup.reading import read_sources
from tests.dedup_eval.evaluation import LabelRange, load_labels, pair_scores, score_result
from tests.dedup_eval.synthetic import generate_corpus

from .support import EVAL_CORPUS, EVAL_DIR, HELDOUT2_CORPUS, HELDOUT_CORPUS, seeds_or_skip

MIN_PRECISION = 0.95
MIN_RECALL = 0.90
SEED_MIN_F1 = 0.6
MIN_F1_SPLIT = 0.9


def scored(folder, labels_file):
    documents, problems = read_sources(folder)
    assert not problems
    result = group_documents([(d.name, d.text) for d in documents], DEFAULT_CONFIG)
    return result, score_result(result, load_labels(labels_file))


def test_eval_corpus_precision_and_recall():
    _, scores = scored(EVAL_CORPUS, EVAL_DIR / "labels.yml")
    print(f"\neval: {scores.describe()}")
    assert scores.precision >= MIN_PRECISION
    assert scores.recall >= MIN_RECALL


def test_seed_articles_are_reported_and_guarded():
    """Reported (pytest -s), not held to the eval thresholds: the seeds' separate article families open with the
    same spun definition of the treatment, which word-based similarity cannot tell apart without a same-file
    bonus (the fitting this tool dropped). SEED_MIN_F1 only catches a collapse."""
    _, scores = scored(seeds_or_skip(), EVAL_DIR / "seed_labels.yml")
    print(f"\nseeds: {scores.describe()}")
    assert scores.f1 >= SEED_MIN_F1


@pytest.mark.parametrize(
    "folder, labels_file, min_sources",
    [
        (EVAL_CORPUS, EVAL_DIR / "labels.yml", 4),
        (HELDOUT_CORPUS, EVAL_DIR / "heldout_labels.yml", 6),
        (HELDOUT2_CORPUS, EVAL_DIR / "heldout2_labels.yml", 9),
    ],
    ids=["eval", "heldout", "heldout2"],
)
def test_labelled_corpus_is_big_enough_and_fully_labelled(folder, labels_file, min_sources):
    """The held-out corpora get no threshold: they are never used to tune the tool, only reported (pytest -s, or
    python -m tests.dedup_eval.figures for every corpus with each setting swept)."""
    result, scores = scored(folder, labels_file)
    print(f"\n{folder.name}: {scores.describe()}")
    labels = load_labels(labels_file)
    assert len({s.source for s in result.sections}) >= min_sources
    assert len(result.sections) >= 60
    for section in result.sections:
        ranges = labels[section.source]
        assert any(r.start <= section.start_line <= r.end for r in ranges), section.id


@pytest.mark.parametrize("shape", ["glued", "scattered"])
def test_generated_corpus_groups_planted_rewrites(shape):
    corpus = generate_corpus(500, seed=11, shape=shape)
    scores = score_result(group_documents(corpus.documents), corpus.labels, content_only=True)
    print(f"\nsynthetic 500 {shape}: {scores.describe()}")
    assert scores.true_pairs > 100
    assert scores.f1 >= 0.9


def test_scattered_corpus_puts_every_rewrite_in_another_file():
    corpus = generate_corpus(300, seed=5, shape="scattered")
    files_by_label: dict[str, set[str]] = {}
    for name, ranges in corpus.labels.items():
        for item in ranges:
            files_by_label.setdefault(item.label, set()).add(name)
    assert {name.rsplit(".", 1)[1] for name, _ in corpus.documents} >= {"txt", "md", "html"}
    assert sum(len(files) > 1 for files in files_by_label.values()) > len(files_by_label) / 2


def test_pair_scores_count_pairs_together_in_prediction_and_truth():
    truth = {"a": 1, "b": 1, "c": 2, "d": 2}
    predicted = {"a": "x", "b": "x", "c": "x", "d": "y"}
    scores = pair_scores(predicted, truth)
    assert (scores.predicted_pairs, scores.true_pairs) == (3, 2)
    assert scores.precision == 1 / 3 and scores.recall == 1 / 2


def rewrite_starts(ranges: list[LabelRange]) -> list[int]:
    """Lines where a glued rewrite begins: the first label seen again since the last cut."""
    starts, seen = [], set()
    for item in ranges:
        if item.label in seen:
            starts.append(item.start)
            seen = set()
        seen.add(item.label)
    return starts


def test_eval_corpus_scores_the_same_when_each_rewrite_is_its_own_file():
    """Shape independence: the labelled rewrites glued in one file are cut into one file each."""
    documents, _ = read_sources(EVAL_CORPUS)
    labels = load_labels(EVAL_DIR / "labels.yml")
    files, file_labels = [], {}
    for document in documents:
        lines = document.text.split("\n")
        cuts = [1, *rewrite_starts(labels[document.name]), len(lines) + 1]
        for number, (first, after) in enumerate(itertools.pairwise(cuts)):
            stem, suffix = document.name.rsplit(".", 1)
            name = f"{stem}_{number}.{suffix}"
            files.append((name, "\n".join(lines[first - 1 : after - 1]) + "\n"))
            file_labels[name] = [
                LabelRange(r.start - first + 1, r.end - first + 1, r.label)
                for r in labels[document.name]
                if first <= r.start < after
            ]
    glued = score_result(group_documents([(d.name, d.text) for d in documents]), labels)
    split = score_result(group_documents(files), file_labels)
    print(f"\neval glued: {glued.describe()}\neval one file per rewrite: {split.describe()}")
    assert len(files) > len(documents) + 4
    assert split.f1 >= MIN_F1_SPLIT and abs(split.f1 - glued.f1) <= 0.02
