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
TOKEN = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|\d+(?:\.\d+)?|[.!?]")
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
    tokens = TOKEN.findall(text)
    anchors: list[str] = []
    sentence_start = True
    for index, token in enumerate(tokens):
        if token in ".!?":
            sentence_start = True
            continue
        lower = token.lower()
        if token[0].isdigit():
            following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
            anchors.append(f"#{token}")
            if following.isalpha():
                anchors.append(f"#{token}_{stem(following)}")
        elif token[0].isupper() and not sentence_start and lower not in STOP_WORDS:
            anchors.append(f"@{lower}")
        window = [t.lower() for t in tokens[index : index + SKELETON_LENGTH]]
        if len(window) == SKELETON_LENGTH and all(word in STOP_WORDS for word in window):
            anchors.append("~" + "_".join(window))
        sentence_start = False
    return anchors


def identity(terms: list[str]) -> list[str]:
    return terms


def tfidf_rows(term_lists: list[list[str]]) -> sparse.csr_matrix:
    """Rows are L2-normalised, so a dot product of two rows is their cosine similarity."""
    if not any(term_lists):
        return sparse.csr_matrix((len(term_lists), 1), dtype=np.float64)
    vectorizer = TfidfVectorizer(analyzer=identity, sublinear_tf=True, dtype=np.float64)
    return vectorizer.fit_transform(term_lists).tocsr()


def section_vectors(texts: list[str], anchor_weight: float) -> sparse.csr_matrix:
    """Content-word TF-IDF rows with anchor TF-IDF rows appended at anchor_weight, re-normalised."""
    content = tfidf_rows([content_terms(text) for text in texts])
    anchors = tfidf_rows([anchor_terms(text) for text in texts])
    return normalize(sparse.hstack([content, anchor_weight * anchors], format="csr"))


def row_cosines(matrix: sparse.csr_matrix, left: np.ndarray, right: np.ndarray, batch: int = 200_000) -> np.ndarray:
    """Cosine of each (left[k], right[k]) row pair, without forming any all-pairs product."""
    scores = np.empty(len(left), dtype=np.float64)
    for start in range(0, len(left), batch):
        stop = start + batch
        products = matrix[left[start:stop]].multiply(matrix[right[start:stop]])
        scores[start:stop] = np.asarray(products.sum(axis=1)).ravel()
    return scores
