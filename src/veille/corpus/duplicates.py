"""Near-duplicate articles: the same text published twice (syndication, copies, re-posts).

MinHash signatures of word shingles, banded into an LSH index (datasketch), so that each article is
only compared with the few that share a band: near-linear in the number of articles. Every candidate
pair is then verified with the estimated Jaccard similarity, and groups are the connected components
(union-find) of the verified pairs.

Rewrites of one story by two newsrooms share facts and names but few five-word runs, so their Jaccard
similarity is low and they are not grouped; that is what the story stage is for.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

from veille.corpus._common import Components, unique_by_id
from veille.corpus._text import words
from veille.types import Article

SHINGLE_SIZE = 5
NUM_PERM = 128
# A fixed seed makes the signatures, hence the groups, identical on every run and machine.
SEED = 1
# The LSH index is built for a lower threshold than the verification so that pairs just above the
# verification threshold are almost never missed by the banding (LSH recall is about 50% at its own
# threshold); the extra candidates cost one signature comparison each.
LSH_MARGIN = 0.15


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[bytes]:
    """The ``size``-word shingles of the folded text (a text shorter than that is one shingle)."""
    tokens = words(text)
    if not tokens:
        return set()
    if len(tokens) <= size:
        return {" ".join(tokens).encode("utf-8")}
    return {" ".join(tokens[i : i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)}


# An empty MinHash to copy: its permutations depend only on NUM_PERM and SEED, so they are drawn
# once, not once per article. Shingles are hashed with CRC-32, a C function the batch update calls
# directly (datasketch's default, SHA-1 through a Python wrapper, cost most of the stage); like it,
# it is the same on every machine and run, which Python's salted ``hash`` is not.
_EMPTY = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=zlib.crc32)


def signature(text: str) -> MinHash | None:
    """The MinHash of a text's shingles, or None for an empty text (nothing to compare)."""
    grams = shingles(text)
    if not grams:
        return None
    minhash = _EMPTY.copy()
    minhash.update_batch(sorted(grams))
    return minhash


# Bound on the cells of one block of signature comparisons (memory, not results).
_BLOCK_CELLS = 1 << 22


def _link_bucket(members: list[int], hashes: np.ndarray, passes: np.ndarray, uf: Components) -> None:
    """Join the members of one LSH bucket that are linked by verified pairs inside the bucket.

    Members already in one component count as one; a component then grows from a member by the
    verified pairs between its new members and the rest, so that each pair of the bucket is
    compared at most once, and pairs inside a component not at all.
    """
    by_root: dict[int, list[int]] = {}
    for node in members:
        by_root.setdefault(uf.find(node), []).append(node)
    if len(by_root) < 2:
        return
    rest = list(by_root.values())
    while len(rest) > 1:
        first = rest.pop(0)
        frontier = first
        while frontier and rest:
            nodes = [node for group in rest for node in group]
            owner = np.repeat(np.arange(len(rest)), [len(group) for group in rest])
            hit = np.zeros(len(nodes), dtype=bool)
            step = max(1, _BLOCK_CELLS // (len(nodes) * NUM_PERM))
            left = hashes[nodes]
            for start in range(0, len(frontier), step):
                right = hashes[frontier[start : start + step]]
                equal = np.count_nonzero(left[:, None, :] == right[None, :, :], axis=2)
                hit |= passes[equal].any(axis=1)
            joined = set(owner[hit].tolist())
            frontier = [node for n, group in enumerate(rest) if n in joined for node in group]
            for node in frontier:
                uf.union(first[0], node)
            rest = [group for n, group in enumerate(rest) if n not in joined]


def find_duplicates(articles: Sequence[Article], threshold: float = 0.8) -> list[list[str]]:
    """Groups (two or more article ids) of near-identical articles.

    ``threshold`` is the estimated Jaccard similarity of the shingle sets above which two articles
    are copies. Each group is sorted and the list of groups is sorted, so the output does not depend
    on the order the articles arrive in.

    Two articles are linked when they share a band of the LSH index (``MinHashLSH``'s banding for
    the lowered threshold) and their estimated Jaccard similarity (``MinHash.jaccard``) reaches
    ``threshold``; groups are the connected components. Identical signatures are one node, and the
    bands are read directly so that pairs already in one component are not compared again.
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    ids: list[str] = []
    rows: list[np.ndarray] = []
    for article in unique_by_id(articles):
        # The cleaned body is what readers see; fall back to the raw text when cleaning left nothing.
        minhash = signature(article.text or article.raw_text)
        if minhash is not None:
            ids.append(article.id)
            rows.append(minhash.hashvalues)
    if len(ids) < 2:
        return []
    lsh = MinHashLSH(threshold=max(0.05, threshold - LSH_MARGIN), num_perm=NUM_PERM)
    # passes[c]: c equal values out of NUM_PERM reach the threshold, computed as MinHash.jaccard does.
    passes = np.array([float(c) / float(NUM_PERM) >= threshold for c in range(NUM_PERM + 1)])
    uf = Components(len(ids))
    distinct: dict[bytes, int] = {}
    for node, row in enumerate(rows):
        same = distinct.setdefault(row.tobytes(), node)
        if same != node:  # an identical signature: similarity 1, and every band shared
            uf.union(same, node)
    nodes = list(distinct.values())
    hashes = np.stack(rows)
    for low, high in lsh.hashranges:
        buckets: dict[bytes, list[int]] = {}
        for node in nodes:
            buckets.setdefault(hashes[node, low:high].tobytes(), []).append(node)
        for members in buckets.values():
            if len(members) > 1:
                _link_bucket(members, hashes, passes, uf)
    groups: dict[int, list[str]] = {}
    for node, article_id in enumerate(ids):
        groups.setdefault(uf.find(node), []).append(article_id)
    return sorted(sorted(group) for group in groups.values() if len(group) > 1)
