"""Content vocabulary of sections: stemmed content words weighted by TF-IDF."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
from nltk.stem import PorterStemmer
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

WORD = re.compile(r"[a-z]+|\d+(?:\.\d+)?")
EXTRA_STOP_WORDS = frozenset(
    [
        "also",
        "can",
        "could",
        "may",
        "might",
        "will",
        "would",
        "just",
        "like",
        "make",
        "makes",
        "made",
        "use",
        "using",
        "used",
    ]
)
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | EXTRA_STOP_WORDS
STEMMER = PorterStemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return STEMMER.stem(word)


def content_terms(text: str) -> list[str]:
    """Stems of the words that carry meaning; stop words and one- and two-letter words are dropped."""
    return [stem(word) for word in WORD.findall(text.lower()) if len(word) > 2 and word not in STOP_WORDS]


def identity(terms: list[str]) -> list[str]:
    return terms


def tfidf_rows(term_lists: list[list[str]]) -> sparse.csr_matrix:
    """Rows are L2-normalised, so a dot product of two rows is their cosine similarity."""
    if not any(term_lists):
        return sparse.csr_matrix((len(term_lists), 1), dtype=np.float64)
    vectorizer = TfidfVectorizer(analyzer=identity, sublinear_tf=True, dtype=np.float64)
    return vectorizer.fit_transform(term_lists).tocsr()


def row_cosines(matrix: sparse.csr_matrix, left: np.ndarray, right: np.ndarray, batch: int = 200_000) -> np.ndarray:
    """Cosine of each (left[k], right[k]) row pair, without forming any all-pairs product."""
    scores = np.empty(len(left), dtype=np.float64)
    for start in range(0, len(left), batch):
        stop = start + batch
        products = matrix[left[start:stop]].multiply(matrix[right[start:stop]])
        scores[start:stop] = np.asarray(products.sum(axis=1)).ravel()
    return scores
