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
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfTransformer, TfidfVectorizer
from sklearn.preprocessing import normalize

from .lexicon import load_lexicon

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


@lru_cache(maxsize=200_000)
def content_stem(word: str) -> str | None:
    """The stem of a word that carries meaning, or None for stop words and one- and two-letter words."""
    return stem(word) if len(word) > 2 and word not in STOP_WORDS else None


def content_terms(text: str) -> list[str]:
    """Stems of the words that carry meaning, in order."""
    return [term for term in map(content_stem, WORD.findall(text.lower())) if term is not None]


def concept_counts(text: str) -> dict[int, float]:
    """WordNet synsets the content words can stand for (see lexicon.py), so synonyms share terms.

    Each word counts once, shared equally among its synsets, so a word of twenty senses ("make", "keep") does
    not outweigh a word of one ("physician").
    """
    concepts = load_lexicon().concepts
    counts: dict[int, float] = {}
    for word in WORD.findall(text.lower()):
        if content_stem(word) is None:
            continue
        found = concepts(word)
        for concept in found:
            counts[concept] = counts.get(concept, 0.0) + 1 / len(found)
    return counts


def concept_rows(texts: list[str]) -> sparse.csr_matrix:
    """TF-IDF weights of concepts (fractional counts, so raw term frequency), not normalised."""
    rows, columns, values = [], [], []
    for row, text in enumerate(texts):
        for concept, count in concept_counts(text).items():
            rows.append(row)
            columns.append(concept)
            values.append(count)
    width = max(columns, default=0) + 1
    counts = sparse.csr_matrix((values, (rows, columns)), shape=(len(texts), width), dtype=np.float64)
    present = np.flatnonzero(np.diff(counts.tocsc().indptr))
    if len(present) == 0:
        return sparse.csr_matrix((len(texts), 1), dtype=np.float64)
    return TfidfTransformer(norm=None).fit_transform(counts[:, present]).tocsr()


def anchor_terms(text: str) -> list[str]:
    """Numbers with the word after them, names in mid-sentence capitals, and runs of small words."""
    numbers = NUMBER_WITH_UNIT.findall(text)
    anchors = [f"#{number}" for number, _ in numbers]
    anchors += [f"#{number}_{stem(unit.lower())}" for number, unit in numbers if unit]
    anchors += [f"@{name.lower()}" for name in MID_SENTENCE_NAME.findall(text) if name.lower() not in STOP_WORDS]
    words = SMALL_WORD.findall(text.lower())
    small = [word in STOP_WORDS for word in words]
    anchors += [
        f"~{words[i]}_{words[i + 1]}_{words[i + 2]}"
        for i in range(len(words) - SKELETON_LENGTH + 1)
        if small[i] and small[i + 1] and small[i + 2]
    ]
    return anchors


NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    )
}
NUMBER = rf"\d+(?:\.\d+)?|{'|'.join(NUMBER_WORDS)}"
# A quantity is a number (or a range "3 to 4", "3-4") before a unit; durations are compared in days, so
# "48 hours" and "two days" agree while "four weeks" and "ten days" do not.
QUANTITY = re.compile(
    rf"\b({NUMBER})(?:\s*(?:-|–|to|or)\s*({NUMBER}))?[\s-]*(hours?|days?|weeks?|months?|years?|mm|cm|ml|mg|%)(?!\w)",
    re.IGNORECASE,
)
DAYS_PER_UNIT = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}


def number_value(text: str) -> float:
    lower = text.lower()
    return float(NUMBER_WORDS[lower]) if lower in NUMBER_WORDS else float(lower)


def quantities(text: str) -> dict[str, frozenset[float]]:
    """Stated amounts by kind: {"days": {28.0}, "mm": {0.5}}; ranges give both ends."""
    found: dict[str, set[float]] = {}
    for first, second, unit in QUANTITY.findall(text):
        unit = unit.lower()
        singular = unit[:-1] if unit.endswith("s") else unit
        kind, scale = ("days", DAYS_PER_UNIT[singular]) if singular in DAYS_PER_UNIT else (unit, 1.0)
        values = found.setdefault(kind, set())
        for number in (first, second):
            if number:
                values.add(round(number_value(number) * scale, 3))
    return {kind: frozenset(values) for kind, values in found.items()}


def quantities_conflict(first: dict[str, frozenset[float]], second: dict[str, frozenset[float]]) -> bool:
    """Both state an amount of one kind and share none of them: a rewrite keeps its numbers, so these differ."""
    return any(kind in second and not (values & second[kind]) for kind, values in first.items())


def identity(terms: list[str]) -> list[str]:
    return terms


def tfidf_rows(term_lists: list[list[str]], norm: str | None = "l2") -> sparse.csr_matrix:
    """Rows are L2-normalised by default, so a dot product of two rows is their cosine similarity."""
    if not any(term_lists):
        return sparse.csr_matrix((len(term_lists), 1), dtype=np.float64)
    vectorizer = TfidfVectorizer(analyzer=identity, sublinear_tf=True, norm=norm, dtype=np.float64)
    return vectorizer.fit_transform(term_lists).tocsr()


def section_vectors(texts: list[str], term_lists: list[list[str]], anchor_weight: float) -> sparse.csr_matrix:
    """Content words and their WordNet concepts in one TF-IDF vector, as Hotho et al.'s "add" strategy has it (a
    text of words WordNet does not know gets few concepts and keeps its weight on its words), with anchor TF-IDF
    rows appended at anchor_weight, re-normalised."""
    meaning = normalize(sparse.hstack([tfidf_rows(term_lists, norm=None), concept_rows(texts)], format="csr"))
    anchors = tfidf_rows([anchor_terms(text) for text in texts])
    return normalize(sparse.hstack([meaning, anchor_weight * anchors], format="csr"))


def row_cosines(matrix: sparse.csr_matrix, left: np.ndarray, right: np.ndarray, batch: int = 20_000) -> np.ndarray:
    """Cosine of each (left[k], right[k]) row pair, without forming any all-pairs product."""
    scores = np.empty(len(left), dtype=np.float64)
    for start in range(0, len(left), batch):
        stop = start + batch
        products = matrix[left[start:stop]].multiply(matrix[right[start:stop]])
        scores[start:stop] = np.asarray(products.sum(axis=1)).ravel()
    return scores
