"""What a section says, as a vector: stemmed content words plus the words that spinning leaves alone.

Spinners swap content words for synonyms but tend to keep numbers with their units ("24 hours"),
names (products, places) and the run of small words that holds a sentence together ("it is important to").
Those anchors are added to the content words as extra terms, so two rewrites that share few content
words still meet on them.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
from nltk.stem import PorterStemmer
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.preprocessing import normalize

WORD = re.compile(r"[a-z]+|\d+(?:\.\d+)?")
NUMBER_WITH_UNIT = re.compile(r"(\d+(?:\.\d+)?)(?:\s*([A-Za-z]+))?")
# A capitalised word after a lower-case word (or comma) is a name, not a sentence start.
MID_SENTENCE_NAME = re.compile(r"(?<=[a-z0-9,;)] )([A-Z][A-Za-z]+)")
SMALL_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")
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
# Three small words in a row are specific enough to say something about sentence shape; two are everywhere.
SKELETON_LENGTH = 3
STEMMER = PorterStemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return STEMMER.stem(word)


def content_terms(text: str) -> list[str]:
    """Stems of the words that carry meaning; stop words and one- and two-letter words are dropped."""
    return [stem(word) for word in WORD.findall(text.lower()) if len(word) > 2 and word not in STOP_WORDS]


def anchor_terms(text: str) -> list[str]:
    """Numbers with the word after them, names in mid-sentence capitals, and runs of small words."""
    anchors = [f"#{number}" for number, _ in NUMBER_WITH_UNIT.findall(text)]
    anchors += [f"#{number}_{stem(unit.lower())}" for number, unit in NUMBER_WITH_UNIT.findall(text) if unit]
    anchors += [f"@{name.lower()}" for name in MID_SENTENCE_NAME.findall(text) if name.lower() not in STOP_WORDS]
    words = SMALL_WORD.findall(text.lower())
    small = [word in STOP_WORDS for word in words]
    anchors += [
        f"~{words[i]}_{words[i + 1]}_{words[i + 2]}"
        for i in range(len(words) - SKELETON_LENGTH + 1)
        if small[i] and small[i + 1] and small[i + 2]
    ]
    return anchors


def identity(terms: list[str]) -> list[str]:
    return terms


def tfidf_rows(term_lists: list[list[str]]) -> sparse.csr_matrix:
    """Rows are L2-normalised, so a dot product of two rows is their cosine similarity."""
    if not any(term_lists):
        return sparse.csr_matrix((len(term_lists), 1), dtype=np.float64)
    vectorizer = TfidfVectorizer(analyzer=identity, sublinear_tf=True, dtype=np.float64)
    return vectorizer.fit_transform(term_lists).tocsr()


def section_vectors(texts: list[str], term_lists: list[list[str]], anchor_weight: float) -> sparse.csr_matrix:
    """Content-word TF-IDF rows (term_lists) with anchor TF-IDF rows appended at anchor_weight, re-normalised."""
    content = tfidf_rows(term_lists)
    anchors = tfidf_rows([anchor_terms(text) for text in texts])
    return normalize(sparse.hstack([content, anchor_weight * anchors], format="csr"))


def row_cosines(matrix: sparse.csr_matrix, left: np.ndarray, right: np.ndarray, batch: int = 20_000) -> np.ndarray:
    """Cosine of each (left[k], right[k]) row pair, without forming any all-pairs product."""
    scores = np.empty(len(left), dtype=np.float64)
    for start in range(0, len(left), batch):
        stop = start + batch
        products = matrix[left[start:stop]].multiply(matrix[right[start:stop]])
        scores[start:stop] = np.asarray(products.sum(axis=1)).ravel()
    return scores
