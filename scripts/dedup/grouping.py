"""Grouping sections that say the same thing, wherever they stand.

Sections are compared by words and by the WordNet concepts the words can stand for (features.py, lexicon.py), so
a spun rewrite still meets its original. A group needs evidence that its members are versions of one text:
- direct: two sections of different articles are each other's best match and near copies on their own;
- versions: when two articles are versions of each other (at least MIN_ALIGNED_SECTIONS sections pair off as each
  other's best match, wherever the articles stand: one file, two files, two formats), their paired sections are
  linked at a much lower similarity, lower still when the pairs keep the articles' order. Sections that only share
  a topic rarely pair off one to one, and a shared heading counts for nothing (headings are left out).
- split: a section that one version split in two joins its counterpart when the two halves together match it
  clearly better than one half alone; two sections of one article never share a group otherwise.
Nothing links two sections stating different amounts of one kind ("4 weeks" against "10 days"): spinning leaves
numbers alone, so those say different things however alike their words are.
Groups form by average linkage (a section joins a group it is linked to as a whole, not through one member).
Candidates come from an inverted index over each section's rarest terms with capped posting lists, after
identical texts are collapsed, so cost grows with the number of sections however they are split into files.
"""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .features import (
    content_stem,
    content_words,
    quantities,
    quantities_conflict,
    row_cosines,
    section_vectors,
    tfidf_rows,
)
from .models import Section


@dataclass(frozen=True)
class GroupingConfig:
    """The only tunable settings; tests/dedup/test_settings.py shows results hold from 0.75x to 1.25x of each."""

    # Similarity at which two sections are linked on their own evidence, wherever they are: near copies only, well
    # above what two families of articles that open with one stock sentence share (0.4-0.5 on the seeds).
    link_threshold: float = 0.7
    # Article similarity at which two articles are aligned section by section as possible rewrites.
    article_threshold: float = 0.22
    # Similarity at which two sections that line up in order in aligned articles are linked.
    align_threshold: float = 0.15
    # Weight of anchors (numbers with units, names, small-word runs) beside content words.
    anchor_weight: float = 0.3


DEFAULT_CONFIG = GroupingConfig()

# Candidates: each section is indexed by its highest-weighted terms ...
SIGNATURE_TERMS = 12
# ... among terms shared by at most this many distinct texts; commoner terms say "same topic", not "rewrite",
# and exact copies were collapsed before, so a paragraph copied into any number of files is not cut off.
MAX_POSTING = 64
# Each section keeps the candidates that share most signature terms with it; rewrites share several.
NEIGHBOURS_PER_SECTION = 24
# Each article is aligned with at most this many most similar articles; larger families link through chains.
PARTNERS_PER_ARTICLE = 8
# Two sections matching may be chance; three make two articles rewrites of each other.
MIN_ALIGNED_SECTIONS = 3
# A best match that breaks the articles' order (a Q&A version may reorder) needs a little more similarity than
# one in order, since a section one version added is more often matched out of order by chance.
OUT_OF_ORDER_FACTOR = 1.25
# Alignment is quadratic in article length; longer "articles" are whole files whose articles were not told
# apart, and their sections are compared through direct links only.
MAX_ALIGNED_ARTICLE = 80
# Rows of the candidate search are processed in chunks, so memory stays bounded on any corpus.
CANDIDATE_CHUNK = 2048


@dataclass(frozen=True)
class Link:
    score: float
    left: int
    right: int
    # For a split-support link: the neighbour of `left` in its article that holds the other half.
    split_from: int | None = None


def exact_key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def representatives(texts: list[str]) -> np.ndarray:
    """Index of the first section with the same normalised text (itself when it is the first or empty)."""
    first: dict[str, int] = {}
    result = np.arange(len(texts))
    for index, text in enumerate(texts):
        key = exact_key(text)
        if key:
            result[index] = first.setdefault(key, index)
    return result


def signature_matrix(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """Each row keeps only its highest-weighted terms among those shared by 2..MAX_POSTING rows."""
    document_frequency = np.bincount(matrix.indices, minlength=matrix.shape[1])
    usable = (document_frequency >= 2) & (document_frequency <= MAX_POSTING)
    rows, cols = [], []
    for row in range(matrix.shape[0]):
        start, stop = matrix.indptr[row], matrix.indptr[row + 1]
        terms, weights = matrix.indices[start:stop], matrix.data[start:stop]
        keep = usable[terms]
        terms, weights = terms[keep], weights[keep]
        if len(terms) > SIGNATURE_TERMS:
            # Sorting on (-weight, term) keeps the choice deterministic under ties.
            terms = terms[np.lexsort((terms, -weights))[:SIGNATURE_TERMS]]
        rows.append(np.full(len(terms), row))
        cols.append(terms)
    rows_array = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    cols_array = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64)
    data = np.ones(len(rows_array), dtype=np.int32)
    return sparse.csr_matrix((data, (rows_array, cols_array)), shape=matrix.shape)


def unique_pairs(pairs: np.ndarray, size: int) -> np.ndarray:
    """Distinct rows of an (n, 2) array of indices below size, sorted; one integer key per pair is far faster."""
    keys = np.unique(pairs[:, 0].astype(np.int64) * size + pairs[:, 1])
    return np.stack([keys // size, keys % size], axis=1)


def candidate_pairs(matrix: sparse.csr_matrix) -> np.ndarray:
    """Row pairs (left < right) sharing signature terms, each row keeping the neighbours sharing most."""
    signatures = signature_matrix(matrix)
    transposed = signatures.T.tocsr()
    found = []
    for start in range(0, matrix.shape[0], CANDIDATE_CHUNK):
        shared = (signatures[start : start + CANDIDATE_CHUNK] @ transposed).tocsr()
        shared.setdiag(0, k=start)
        shared.eliminate_zeros()
        for offset in range(shared.shape[0]):
            begin, end = shared.indptr[offset], shared.indptr[offset + 1]
            others, counts = shared.indices[begin:end], shared.data[begin:end]
            if len(others) > NEIGHBOURS_PER_SECTION:
                others = others[np.lexsort((others, -counts))[:NEIGHBOURS_PER_SECTION]]
            row = start + offset
            found.append(np.stack([np.minimum(others, row), np.maximum(others, row)], axis=1))
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    return unique_pairs(np.concatenate(found), matrix.shape[0])


Places = dict[int, set[int]]
# (article, position p): sections p and p + 1 of that article are two halves of one section of another version.
Splits = set[tuple[int, int]]


def joined_halves(positions: set[int], article: int, splits: Splits) -> bool:
    """Sections of one article may share a group only as neighbours that another version holds as one section."""
    first, last = min(positions), max(positions)
    return last - first + 1 == len(positions) and all((article, p) in splits for p in range(first, last))


class ConstrainedUnionFind:
    """Union-find that refuses to put two sections of one article into one group, unless they are neighbours.

    An article rarely says one thing twice, but another version may split one section into two paragraphs;
    so a group may hold several sections of one article only when they follow each other and a split-support
    link (split_support_links) showed that another version holds them as one section.
    """

    def __init__(self, places: list[Places], splits: Splits) -> None:
        self.splits = splits
        self.parent = list(range(len(places)))
        self.places = [{article: set(positions) for article, positions in item.items()} for item in places]

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def allowed(self, left: int, right: int) -> bool:
        shared = self.places[left].keys() & self.places[right].keys()
        return all(
            joined_halves(self.places[left][article] | self.places[right][article], article, self.splits)
            for article in shared
        )

    def same_article_pairs(self, left: int, right: int) -> int:
        """Member pairs of two groups that stand in one article, which no link can join."""
        shared = self.places[left].keys() & self.places[right].keys()
        return sum(len(self.places[left][article]) * len(self.places[right][article]) for article in shared)

    def union(self, left: int, right: int) -> int | None:
        """Merges the two groups and returns the surviving root, or None when the merge is refused."""
        left, right = self.find(left), self.find(right)
        if left == right:
            return left
        if not self.allowed(left, right):
            return None
        if (len(self.places[left]), -left) < (len(self.places[right]), -right):
            left, right = right, left
        self.parent[right] = left
        for article, positions in self.places[right].items():
            self.places[left].setdefault(article, set()).update(positions)
        self.places[right] = {}
        return left


def merge_by_average_link(
    places: list[Places], links: list[Link], floor: float, splits: Splits
) -> ConstrainedUnionFind:
    """Average-linkage agglomeration: the two groups whose members are on average most linked merge first.

    A pair without a link counts as 0, so two families of rewrites that touch through one shared sentence
    (two intros that both define the treatment) stay apart, while a section linked to every member of a
    group joins it. Pairs within one article cannot be linked, so they do not count. Merging stops below floor;
    merges putting two sections of one article together are refused unless they are neighbours.
    """
    union_find = ConstrainedUnionFind(places, splits)
    size = [1] * len(places)

    def average(a: int, b: int) -> float:
        pairs = size[a] * size[b] - union_find.same_article_pairs(a, b)
        return support[a][b] / max(1, pairs)

    support: dict[int, dict[int, float]] = defaultdict(dict)
    for link in links:
        a, b = link.left, link.right
        support[a][b] = support[a].get(b, 0.0) + link.score
        support[b][a] = support[b].get(a, 0.0) + link.score
    heap = [(-average(a, b), a, b) for a in support for b in support[a] if a < b]
    heapq.heapify(heap)
    while heap:
        negative_average, a, b = heapq.heappop(heap)
        if union_find.find(a) != a or union_find.find(b) != b or b not in support[a]:
            continue
        if average(a, b) != -negative_average:
            continue
        if -negative_average < floor:
            break
        root = union_find.union(a, b)
        if root is None:
            del support[a][b], support[b][a]
            continue
        absorbed = b if root == a else a
        size[root] += size[absorbed]
        del support[root][absorbed]
        for other, total in support.pop(absorbed).items():
            if other == root:
                continue
            del support[other][absorbed]
            combined = support[root].get(other, 0.0) + total
            support[root][other] = support[other][root] = combined
        for other in support[root]:
            heapq.heappush(heap, (-average(root, other), min(root, other), max(root, other)))
    return union_find


def article_keys(sections: list[Section]) -> np.ndarray:
    numbering: dict[tuple[str, int], int] = {}
    return np.array([numbering.setdefault((s.source, s.article), len(numbering)) for s in sections], dtype=np.int64)


def article_pairs(
    articles: np.ndarray, term_lists: list[list[str]], pairs: np.ndarray, config: GroupingConfig
) -> list[tuple[int, int]]:
    """Article pairs similar enough to be rewrites, found through their sections' candidate pairs."""
    article_count = int(articles.max()) + 1
    article_terms: list[list[str]] = [[] for _ in range(article_count)]
    for index, article in enumerate(articles):
        article_terms[article].extend(term_lists[index])
    vectors = tfidf_rows(article_terms)
    linked = np.sort(articles[pairs], axis=1) if len(pairs) else np.zeros((0, 2), dtype=np.int64)
    linked = unique_pairs(linked[linked[:, 0] != linked[:, 1]], article_count)
    if len(linked) == 0:
        return []
    affinity = row_cosines(vectors, linked[:, 0], linked[:, 1])
    keep = affinity >= config.article_threshold
    linked, affinity = linked[keep], affinity[keep]
    ranked: dict[int, list[tuple[float, int, int]]] = defaultdict(list)
    for score, (a, b) in zip(affinity.tolist(), linked.tolist(), strict=True):
        ranked[a].append((-score, a, b))
        ranked[b].append((-score, a, b))
    kept = {item for article in ranked for item in sorted(ranked[article])[:PARTNERS_PER_ARTICLE]}
    return [(a, b) for _, a, b in sorted(kept)]


def aligned_pairs(scores: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """Order-preserving matching that maximises the summed score above threshold (sections may be skipped)."""
    gains = np.where(scores > threshold, scores - threshold, -1.0)
    rows, cols = gains.shape
    best = np.zeros((rows + 1, cols + 1))
    for i in range(rows):
        for j in range(cols):
            best[i + 1, j + 1] = max(best[i, j + 1], best[i + 1, j], best[i, j] + gains[i, j])
    matched: list[tuple[int, int]] = []
    i, j = rows, cols
    while i > 0 and j > 0:
        if gains[i - 1, j - 1] > 0 and best[i, j] == best[i - 1, j - 1] + gains[i - 1, j - 1]:
            matched.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif best[i, j] == best[i - 1, j]:
            i -= 1
        else:
            j -= 1
    return matched[::-1]


def pair_scores(
    matrix: sparse.csr_matrix, amounts: list[dict[str, frozenset[float]]], lefts: np.ndarray, rights: np.ndarray
) -> np.ndarray:
    """Cosine per pair, or 0 where the two state different amounts of one kind ("4 weeks" against "10 days")."""
    scores = row_cosines(matrix, lefts, rights)
    stated = np.array([bool(amount) for amount in amounts])
    for index in np.flatnonzero(stated[lefts] & stated[rights]):
        if quantities_conflict(amounts[lefts[index]], amounts[rights[index]]):
            scores[index] = 0.0
    return scores


def split_support_links(
    neighbour_similarity: np.ndarray,
    block: np.ndarray,
    kept: np.ndarray,
    rows: list[int],
    columns: list[int],
    threshold: float,
) -> list[Link]:
    """Links for a section that one version split in two: the half left over joins its counterpart.

    Row a is linked to column b when b is a's best match, at threshold or above, b is already matched to a's
    neighbour a2, and a and a2 together are closer to b than a2 alone: the other version holds both halves as one.
    """
    links: list[Link] = []
    for a in np.flatnonzero(~kept.any(axis=1)):
        b = int(block[a].argmax())
        partners = np.flatnonzero(kept[:, b])
        for neighbour in partners[np.abs(partners - a) == 1]:
            together = neighbour_similarity[min(rows[a], rows[neighbour])]
            combined = (block[a, b] + block[neighbour, b]) / np.sqrt(2 + 2 * together)
            if block[a, b] >= threshold and combined > block[neighbour, b]:
                links.append(Link(float(block[a, b]), rows[a], columns[b], rows[neighbour]))
                break
    return links


def alignment_links(
    matrix: sparse.csr_matrix,
    amounts: list[dict[str, frozenset[float]]],
    articles: np.ndarray,
    pairs: list[tuple[int, int]],
    config: GroupingConfig,
) -> list[Link]:
    """Sections matched between two articles that are versions of one text.

    Two articles are versions when at least MIN_ALIGNED_SECTIONS of their sections are each other's best match:
    sections that only share a topic rarely pair off one to one. A pair is kept when each is the other's best
    match in the article pair, at a low similarity when it keeps the articles' order (an ordered run) and a
    higher one when it does not (a Q&A version may reorder).
    """
    members: dict[int, list[int]] = defaultdict(list)
    for index, article in enumerate(articles):
        members[int(article)].append(index)
    blocks = [
        (members[a], members[b])
        for a, b in pairs
        if len(members[a]) <= MAX_ALIGNED_ARTICLE and len(members[b]) <= MAX_ALIGNED_ARTICLE
    ]
    if not blocks:
        return []
    # Every cell of every article pair is scored in one batch; per-pair sparse calls cost far more.
    lefts = np.concatenate([np.repeat(left, len(right)) for left, right in blocks])
    rights = np.concatenate([np.tile(right, len(left)) for left, right in blocks])
    scores = pair_scores(matrix, amounts, lefts, rights)
    # Similarity of each section to the next one (its neighbour in the same article), for split_support_links.
    following = np.arange(len(articles))
    neighbour_similarity = np.append(row_cosines(matrix, following[:-1], following[1:]), 0.0)
    links: list[Link] = []
    offset = 0
    for left_rows, right_rows in blocks:
        size = len(left_rows) * len(right_rows)
        block = scores[offset : offset + size].reshape(len(left_rows), len(right_rows))
        offset += size
        row_best, column_best = block.max(axis=1), block.max(axis=0)
        mutual = (block >= row_best[:, None]) & (block >= column_best[None, :])
        in_order = np.zeros_like(mutual)
        for a, b in aligned_pairs(block, config.align_threshold):
            in_order[a, b] = True
        # Out of order, a match needs more evidence of its own than one that keeps the articles' order.
        kept = mutual & (
            block >= np.where(in_order, config.align_threshold, OUT_OF_ORDER_FACTOR * config.align_threshold)
        )
        if kept.sum() < MIN_ALIGNED_SECTIONS:
            continue
        for a, b in zip(*np.nonzero(kept), strict=True):
            links.append(Link(float(block[a, b]), left_rows[a], right_rows[b]))
        links += split_support_links(neighbour_similarity, block, kept, left_rows, right_rows, config.align_threshold)
        links += split_support_links(
            neighbour_similarity, block.T, kept.T, right_rows, left_rows, config.align_threshold
        )
    return links


def mutual_best(pairs: np.ndarray, scores: np.ndarray, articles: np.ndarray) -> np.ndarray:
    """Per candidate pair: is each section the other's best candidate in the other's article?"""
    if len(pairs) == 0:
        return np.zeros(0, dtype=bool)
    article_count = int(articles.max()) + 1
    left, right = pairs[:, 0].astype(np.int64), pairs[:, 1].astype(np.int64)
    keys = np.concatenate([left * article_count + articles[right], right * article_count + articles[left]])
    doubled = np.concatenate([scores, scores])
    unique_keys, position = np.unique(keys, return_inverse=True)
    best = np.full(len(unique_keys), -np.inf)
    np.maximum.at(best, position, doubled)
    is_best = doubled >= best[position]
    return is_best[: len(pairs)] & is_best[len(pairs) :]


def central_members(matrix: sparse.csr_matrix, components: list[list[int]]) -> list[int]:
    """Per group, the member most similar to the group's summed vector; ties go to the earliest."""
    group_of = np.empty(matrix.shape[0], dtype=np.int64)
    for number, members in enumerate(components):
        group_of[members] = number
    membership = sparse.csr_matrix(
        (np.ones(matrix.shape[0]), (group_of, np.arange(matrix.shape[0]))), shape=(len(components), matrix.shape[0])
    )
    totals = (membership @ matrix).tocsr()
    centrality = np.asarray(matrix.multiply(totals[group_of]).sum(axis=1)).ravel().round(9)
    return [max(members, key=lambda index: (centrality[index], -index)) for members in components]


def body_of(section: Section) -> str:
    """Section text without its heading: a shared heading ("Conclusion", "Day two") says nothing of the content."""
    if section.heading and section.plain_text.startswith(section.heading):
        return section.plain_text[len(section.heading) :] or section.heading
    return section.plain_text


def section_links(
    sections: list[Section], texts: list[str], representative: np.ndarray, config: GroupingConfig
) -> tuple[sparse.csr_matrix, list[Link], np.ndarray]:
    word_lists = [content_words(text) for text in texts]
    term_lists = [[content_stem(word) for word in words] for words in word_lists]
    matrix = section_vectors(texts, word_lists, term_lists, config.anchor_weight)
    del word_lists  # one pointer per word of the corpus; not needed past here, and memory is a target at scale
    articles = article_keys(sections)
    unique = np.flatnonzero(representative == np.arange(len(sections)))
    pairs = unique[candidate_pairs(matrix[unique])]
    amounts = [quantities(text) for text in texts]
    scores = pair_scores(matrix, amounts, pairs[:, 0], pairs[:, 1])
    direct = (scores >= config.link_threshold) & (articles[pairs[:, 0]] != articles[pairs[:, 1]])
    direct &= mutual_best(pairs, scores, articles)
    links = [Link(float(score), int(a), int(b)) for (a, b), score in zip(pairs[direct], scores[direct], strict=True)]
    partners = article_pairs(articles, term_lists, pairs, config)
    links += alignment_links(matrix, amounts, articles, partners, config)
    return matrix, links, articles


def group_content_sections(
    sections: list[Section], config: GroupingConfig = DEFAULT_CONFIG
) -> list[tuple[list[int], int]]:
    """(member indices, canonical index) per group of content sections, in order of first member."""
    if not sections:
        return []
    texts = [body_of(section) for section in sections]
    representative = representatives(texts)
    matrix, links, articles = section_links(sections, texts, representative, config)
    # Identical texts are one node whatever article they stand in; the node carries all their places.
    node_places: list[Places] = [{} for _ in sections]
    for index, node in enumerate(representative):
        node_places[node].setdefault(int(articles[index]), set()).add(sections[index].position)
    positions = [section.position for section in sections]
    splits = {
        (int(articles[link.left]), min(positions[link.left], positions[link.split_from]))
        for link in links
        if link.split_from is not None
    }
    union_find = merge_by_average_link(node_places, links, config.align_threshold, splits)
    components: dict[int, list[int]] = defaultdict(list)
    for index, node in enumerate(representative):
        components[union_find.find(int(node))].append(index)
    ordered = sorted(components.values(), key=lambda members: members[0])
    return list(zip(ordered, central_members(matrix, ordered), strict=True))
