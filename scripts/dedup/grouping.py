"""Grouping sections that say the same thing.

Spun rewrites share few exact phrases, so similarity alone is weak. Two kinds of evidence link sections:
- alignment: two articles that are rewrites of each other (similar vocabulary, often glued into one source)
  have their sections in the same order, so sections matched by an order-preserving alignment are linked
  when their own content agrees enough;
- direct: sections with high content similarity are linked wherever they are.
Candidates come from an inverted index over each section's rarest content terms with capped posting
lists, so cost grows with the number of sections rather than with the number of pairs.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .features import content_terms, row_cosines, tfidf_rows
from .models import Section


@dataclass(frozen=True)
class GroupingConfig:
    signature_terms: int = 10
    max_posting: int = 64
    neighbours_per_section: int = 24
    candidate_floor: float = 0.08
    direct_threshold: float = 0.7
    article_threshold: float = 0.42
    same_source_bonus: float = 0.15
    partners_per_article: int = 8
    align_threshold: float = 0.18
    confident_threshold: float = 0.4
    min_aligned_sections: int = 3
    heading_weight: float = 0.05
    role_bonus: float = 0.1


DEFAULT_CONFIG = GroupingConfig()


@dataclass(frozen=True)
class Link:
    score: float
    left: int
    right: int


def signature_matrix(matrix: sparse.csr_matrix, config: GroupingConfig) -> sparse.csr_matrix:
    """Each row keeps only its highest-weighted terms among those shared by 2..max_posting rows."""
    document_frequency = np.bincount(matrix.indices, minlength=matrix.shape[1])
    usable = (document_frequency >= 2) & (document_frequency <= config.max_posting)
    rows, cols = [], []
    for row in range(matrix.shape[0]):
        start, stop = matrix.indptr[row], matrix.indptr[row + 1]
        terms = matrix.indices[start:stop]
        weights = matrix.data[start:stop]
        keep = usable[terms]
        terms, weights = terms[keep], weights[keep]
        if len(terms) > config.signature_terms:
            # Stable sort on (-weight, term) keeps the choice deterministic under ties.
            order = np.lexsort((terms, -weights))[: config.signature_terms]
            terms = terms[order]
        rows.extend([row] * len(terms))
        cols.extend(terms.tolist())
    data = np.ones(len(rows), dtype=np.int32)
    return sparse.csr_matrix((data, (rows, cols)), shape=matrix.shape)


def candidate_pairs(
    matrix: sparse.csr_matrix, config: GroupingConfig, chunk: int = 4096
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (left < right) sharing signature terms, each row keeping its neighbours with most shared terms."""
    signatures = signature_matrix(matrix, config)
    transposed = signatures.T.tocsr()
    lefts, rights = [], []
    for start in range(0, matrix.shape[0], chunk):
        shared = (signatures[start : start + chunk] @ transposed).tocsr()
        for offset in range(shared.shape[0]):
            row = start + offset
            begin, end = shared.indptr[offset], shared.indptr[offset + 1]
            others, counts = shared.indices[begin:end], shared.data[begin:end]
            keep = others != row
            others, counts = others[keep], counts[keep]
            if len(others) > config.neighbours_per_section:
                order = np.lexsort((others, -counts))[: config.neighbours_per_section]
                others = others[order]
            lefts.append(np.minimum(others, row))
            rights.append(np.maximum(others, row))
    if not lefts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    pairs = np.unique(np.stack([np.concatenate(lefts), np.concatenate(rights)], axis=1), axis=0)
    if len(pairs) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    scores = row_cosines(matrix, pairs[:, 0], pairs[:, 1])
    keep = scores >= config.candidate_floor
    return pairs[keep, 0], pairs[keep, 1], scores[keep]


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


class ConstrainedUnionFind:
    """Union-find that refuses merges putting two sections of one article into one group."""

    def __init__(self, articles: list[int]) -> None:
        self.parent = list(range(len(articles)))
        self.articles = [{article} for article in articles]

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, left: int, right: int) -> int | None:
        """Merges the two groups and returns the surviving root, or None when the merge is refused."""
        left, right = self.find(left), self.find(right)
        if left == right:
            return left
        if self.articles[left] & self.articles[right]:
            return None
        if (len(self.articles[left]), -left) < (len(self.articles[right]), -right):
            left, right = right, left
        self.parent[right] = left
        self.articles[left] |= self.articles[right]
        self.articles[right] = set()
        return left


def merge_by_support(articles: list[int], links: list[Link]) -> ConstrainedUnionFind:
    """Greedy agglomeration: the two groups with the largest summed link score merge first.

    Summing lets a section join the group it has several medium links to, rather than the section it
    has one slightly stronger link to; merges that would put two sections of one article together are refused.
    """
    union_find = ConstrainedUnionFind(articles)
    support: dict[int, dict[int, float]] = defaultdict(dict)
    for link in links:
        a, b = link.left, link.right
        support[a][b] = support[a].get(b, 0.0) + link.score
        support[b][a] = support[b].get(a, 0.0) + link.score
    heap = [(-total, a, b) for a in support for b, total in support[a].items() if a < b]
    heapq.heapify(heap)
    while heap:
        negative_total, a, b = heapq.heappop(heap)
        if union_find.find(a) != a or union_find.find(b) != b or support[a].get(b) != -negative_total:
            continue
        root = union_find.union(a, b)
        if root is None:
            del support[a][b], support[b][a]
            continue
        absorbed = b if root == a else a
        del support[root][absorbed]
        for other, total in support.pop(absorbed).items():
            if other == root:
                continue
            del support[other][absorbed]
            combined = support[root].get(other, 0.0) + total
            support[root][other] = support[other][root] = combined
            heapq.heappush(heap, (-combined, min(root, other), max(root, other)))
    return union_find


def article_keys(sections: list[Section]) -> list[int]:
    numbering: dict[tuple[str, int], int] = {}
    return [numbering.setdefault((section.source, section.article), len(numbering)) for section in sections]


def article_pairs(
    articles: list[int],
    sources: list[str],
    term_lists: list[list[str]],
    lefts: np.ndarray,
    rights: np.ndarray,
    config: GroupingConfig,
) -> list[tuple[float, int, int]]:
    """Article pairs that look like rewrites of each other, found through their sections' candidate pairs."""
    article_count = max(articles) + 1
    article_terms: list[list[str]] = [[] for _ in range(article_count)]
    article_source = [""] * article_count
    for index, article in enumerate(articles):
        article_terms[article].extend(term_lists[index])
        article_source[article] = sources[index]
    article_vectors = tfidf_rows(article_terms)
    article_array = np.asarray(articles)
    pairs = np.stack([article_array[lefts], article_array[rights]], axis=1) if len(lefts) else np.zeros((0, 2), int)
    pairs = np.sort(pairs, axis=1)
    pairs = np.unique(pairs[pairs[:, 0] != pairs[:, 1]], axis=0)
    if len(pairs) == 0:
        return []
    affinity = row_cosines(article_vectors, pairs[:, 0], pairs[:, 1])
    same_source = np.array([article_source[a] == article_source[b] for a, b in pairs])
    affinity = affinity + config.same_source_bonus * same_source
    ranked: dict[int, list[tuple[float, int, int]]] = defaultdict(list)
    for score, (a, b) in zip(affinity.tolist(), pairs.tolist(), strict=False):
        if score >= config.article_threshold:
            ranked[a].append((score, a, b))
            ranked[b].append((score, a, b))
    kept: set[tuple[float, int, int]] = set()
    for article in sorted(ranked):
        kept.update(
            sorted(ranked[article], key=lambda item: (-item[0], item[1], item[2]))[: config.partners_per_article]
        )
    return sorted(kept, key=lambda item: (-item[0], item[1], item[2]))


def structural_roles(sections: list[Section], articles: list[int]) -> list[str]:
    """'intro' for an article's first section, 'closing' for its conclusion or last section, else 'body'."""
    last_position: dict[int, int] = {}
    for section, article in zip(sections, articles, strict=False):
        last_position[article] = max(last_position.get(article, 0), section.position)
    roles = []
    for section, article in zip(sections, articles, strict=False):
        if section.position == 0:
            roles.append("intro")
        elif section.closes_article or section.position == last_position[article]:
            roles.append("closing")
        else:
            roles.append("body")
    return roles


def heading_matrix(headings: list[list[str]]) -> sparse.csr_matrix:
    """Binary heading-term rows, so heading overlaps of many pairs come from one sparse product."""
    vocabulary: dict[str, int] = {}
    rows, cols = [], []
    for row, terms in enumerate(headings):
        for term in sorted(set(terms)):
            rows.append(row)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
    data = np.ones(len(rows), dtype=np.float64)
    return sparse.csr_matrix((data, (rows, cols)), shape=(len(headings), max(1, len(vocabulary))))


def alignment_links(
    matrix: sparse.csr_matrix,
    articles: list[int],
    headings: sparse.csr_matrix,
    roles: list[str],
    pairs: list[tuple[float, int, int]],
    config: GroupingConfig,
) -> list[Link]:
    """Sections matched by order-preserving alignment of two rewritten articles.

    A matched pair is kept when each is the other's best match in the article pair, or when its score
    is high on its own; that keeps a section from being linked only because it sits in the same slot.
    Article pairs where fewer than min_aligned_sections line up give no links at all.
    """
    members: dict[int, list[int]] = defaultdict(list)
    for index, article in enumerate(articles):
        members[article].append(index)
    blocks = [(members[a], members[b]) for _, a, b in pairs]
    if not blocks:
        return []
    # Every cell of every article pair is scored in one batch; per-pair sparse calls cost far more.
    lefts = np.concatenate([np.repeat(left, len(right)) for left, right in blocks])
    rights = np.concatenate([np.tile(right, len(left)) for left, right in blocks])
    scores = row_cosines(matrix, lefts, rights)
    shared = row_cosines(headings, lefts, rights)
    heading_sizes = np.asarray(headings.sum(axis=1)).ravel()
    union = heading_sizes[lefts] + heading_sizes[rights] - shared
    scores += config.heading_weight * np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    role_codes = np.array([{"intro": 1, "closing": 2}.get(role, 0) for role in roles])
    scores += config.role_bonus * ((role_codes[lefts] == role_codes[rights]) & (role_codes[lefts] > 0))
    links: list[Link] = []
    offset = 0
    for left_rows, right_rows in blocks:
        size = len(left_rows) * len(right_rows)
        block = scores[offset : offset + size].reshape(len(left_rows), len(right_rows))
        offset += size
        row_best = block.max(axis=1)
        column_best = block.max(axis=0)
        matched = aligned_pairs(block, config.align_threshold)
        if len(matched) < config.min_aligned_sections:
            # Too few sections line up to call the two articles rewrites of each other.
            continue
        for a, b in matched:
            mutual = block[a, b] >= row_best[a] and block[a, b] >= column_best[b]
            if mutual or block[a, b] >= config.confident_threshold:
                links.append(Link(float(block[a, b]), left_rows[a], right_rows[b]))
    return links


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
    """Section text without its heading: headings are compared separately, and weakly, on purpose."""
    if section.heading and section.plain_text.startswith(section.heading):
        return section.plain_text[len(section.heading) :] or section.heading
    return section.plain_text


def group_content_sections(
    sections: list[Section], config: GroupingConfig = DEFAULT_CONFIG
) -> list[tuple[list[int], int]]:
    """(member indices, canonical index) per group of content sections, in order of first member."""
    if not sections:
        return []
    term_lists = [content_terms(body_of(section)) for section in sections]
    headings = heading_matrix([content_terms(section.heading or "") for section in sections])
    articles = article_keys(sections)
    matrix = tfidf_rows(term_lists)
    lefts, rights, scores = candidate_pairs(matrix, config)
    pairs = article_pairs(articles, [s.source for s in sections], term_lists, lefts, rights, config)
    links = alignment_links(matrix, articles, headings, structural_roles(sections, articles), pairs, config)
    direct = scores >= config.direct_threshold
    links += [
        Link(float(s), int(a), int(b)) for a, b, s in zip(lefts[direct], rights[direct], scores[direct], strict=False)
    ]
    union_find = merge_by_support(articles, links)
    components: dict[int, list[int]] = defaultdict(list)
    for index in range(len(sections)):
        components[union_find.find(index)].append(index)
    ordered = sorted(components.values(), key=lambda members: members[0])
    return list(zip(ordered, central_members(matrix, ordered), strict=False))
