"""Each tunable setting can move a quarter either way without the results falling off a cliff."""

from dataclasses import fields, replace
from functools import cache

import pytest

from scripts.dedup import DEFAULT_CONFIG, GroupingConfig, group_documents
from scripts.dedup.reading import read_sources
from tests.dedup_eval.evaluation import load_labels, score_result
from tests.dedup_eval.synthetic import generate_corpus

from .support import EVAL_CORPUS, EVAL_DIR

MAX_SETTINGS = 4
MIN_F1 = 0.90
FACTORS = (0.75, 1.25)


@cache
def labelled_corpora():
    """(name, documents, labels, content_only) for every corpus the sweep holds to MIN_F1.

    The seeds and the held-out corpus are reported by test_quality.py instead: see the notes there.
    """
    documents, _ = read_sources(EVAL_CORPUS)
    corpora = [("eval", [(d.name, d.text) for d in documents], load_labels(EVAL_DIR / "labels.yml"), False)]
    for shape in ("glued", "scattered"):
        corpus = generate_corpus(300, seed=21, shape=shape)
        corpora.append((f"synthetic {shape}", corpus.documents, corpus.labels, True))
    return corpora


def test_there_are_at_most_four_settings():
    assert len(fields(GroupingConfig)) <= MAX_SETTINGS


@pytest.mark.parametrize("factor", FACTORS)
@pytest.mark.parametrize("setting", [field.name for field in fields(GroupingConfig)])
def test_f1_holds_when_a_setting_moves_a_quarter(setting, factor):
    config = replace(DEFAULT_CONFIG, **{setting: getattr(DEFAULT_CONFIG, setting) * factor})
    for name, documents, labels, content_only in labelled_corpora():
        scores = score_result(group_documents(documents, config), labels, content_only=content_only)
        print(f"\n{setting} x{factor} {name}: {scores.describe()}")
        assert scores.f1 >= MIN_F1, name
