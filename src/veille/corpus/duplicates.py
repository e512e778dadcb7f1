"""Near-duplicate articles: the same text published twice (syndication, copies, re-posts).

MinHash signatures of word shingles, banded into an LSH index (datasketch), so that each article is
only compared with the few that share a band: near-linear in the number of articles. Every candidate
pair is then verified with the estimated Jaccard similarity, and groups are the connected components
(union-find) of the verified pairs.

Rewrites of one story by two newsrooms share facts and names but few five-word runs, so their Jaccard
similarity is low and they are not grouped; that is what the story stage is for.
"""

from __future__ import annotations

from collections.abc import Sequence

from datasketch import MinHash, MinHashLSH

from veille.corpus._common import UnionFind, unique_by_id
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


def signature(text: str) -> MinHash | None:
    """The MinHash of a text's shingles, or None for an empty text (nothing to compare)."""
    grams = shingles(text)
    if not grams:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch(sorted(grams))
    return minhash


def find_duplicates(articles: Sequence[Article], threshold: float = 0.8) -> list[list[str]]:
    """Groups (two or more article ids) of near-identical articles.

    ``threshold`` is the estimated Jaccard similarity of the shingle sets above which two articles
    are copies. Each group is sorted and the list of groups is sorted, so the output does not depend
    on the order the articles arrive in.
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    signatures: dict[str, MinHash] = {}
    for article in unique_by_id(articles):
        # The cleaned body is what readers see; fall back to the raw text when cleaning left nothing.
        minhash = signature(article.text or article.raw_text)
        if minhash is not None:
            signatures[article.id] = minhash
    lsh = MinHashLSH(threshold=max(0.05, threshold - LSH_MARGIN), num_perm=NUM_PERM)
    for article_id, minhash in signatures.items():  # insertion in id order
        lsh.insert(article_id, minhash)

    uf = UnionFind()
    for article_id, minhash in signatures.items():
        for other in sorted(lsh.query(minhash)):
            if other > article_id and minhash.jaccard(signatures[other]) >= threshold:
                uf.union(article_id, other)
    return [group for group in uf.groups() if len(group) > 1]
