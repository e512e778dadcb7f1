"""Near-duplicates: copies group, rewrites do not, and the arrival order changes nothing."""

from __future__ import annotations

import random

import pytest

from veille.corpus import duplicates_to_dicts, find_duplicates
from veille.corpus.duplicates import shingles
from veille.types import Article

# Texts written for these tests.
DISPATCH = (
    "Le Parlement a adopté mardi soir une loi encadrant la pêche au chalut dans le golfe, après trois jours "
    "de débats souvent vifs. Les pêcheurs dénoncent un texte écrit loin des ports, tandis que les associations "
    "saluent une première étape. Le ministre a promis des aides pour les équipages touchés par la réforme. "
    "La loi entrera en vigueur au printemps prochain, sauf recours devant le Conseil constitutionnel."
)
REWRITE = (
    "Après trois journées de discussions animées, les députés ont voté mardi un texte qui limite le chalutage "
    "dans le golfe. Dans les ports, la colère monte contre une réforme jugée déconnectée ; les défenseurs de "
    "l'environnement y voient un premier pas. Le gouvernement s'engage à soutenir financièrement les marins. "
    "Le texte doit s'appliquer dès le printemps, si les juges constitutionnels ne sont pas saisis."
)
OTHER = (
    "The city council approved a new cycling plan on Thursday, adding forty kilometres of protected lanes "
    "over the next two years. Shop owners on the main avenue fear the loss of parking spaces."
)


def art(article_id: str, text: str, site: str = "example.org") -> Article:
    return Article(id=article_id, source=f"https://{site}/{article_id}", site=site, text=text)


def test_copy_from_another_site_groups_despite_case_accents_and_punctuation() -> None:
    copy = DISPATCH.upper().replace("é", "e").replace(",", "").replace("É", "E")
    groups = find_duplicates([art("b", copy, "other.net"), art("a", DISPATCH), art("c", OTHER)])
    assert groups == [["a", "b"]]


def test_copy_with_a_changed_sentence_still_groups() -> None:
    edited = DISPATCH.replace("au printemps prochain", "au printemps")
    assert find_duplicates([art("a", DISPATCH), art("b", edited)], threshold=0.7) == [["a", "b"]]


def test_rewrite_of_the_same_story_is_not_a_duplicate() -> None:
    assert find_duplicates([art("a", DISPATCH), art("b", REWRITE)]) == []


def test_groups_are_transitive_sorted_and_order_independent() -> None:
    articles = [art(i, DISPATCH, f"site{i}.fr") for i in ("d", "b", "c")] + [
        art("x", OTHER),
        art("y", OTHER + " "),
        art("z", REWRITE),
    ]
    expected = [["b", "c", "d"], ["x", "y"]]
    rng = random.Random(7)
    for _ in range(5):
        rng.shuffle(articles)
        assert find_duplicates(articles) == expected


def test_empty_texts_are_never_duplicates_and_repeated_ids_count_once() -> None:
    assert find_duplicates([art("a", ""), art("b", "  "), art("c", DISPATCH), art("c", DISPATCH)]) == []


def test_shingles_fold_the_text() -> None:
    assert shingles("Élan, « vif » : l'été !", size=5) == {b"elan vif l ete"}


def test_bad_threshold_is_refused() -> None:
    with pytest.raises(ValueError, match="threshold"):
        find_duplicates([], threshold=0)


def test_duplicates_to_dicts_has_stable_ids() -> None:
    rows = duplicates_to_dicts([["a", "b"]])
    assert rows == duplicates_to_dicts([["a", "b"]])
    assert rows[0]["articles"] == ["a", "b"] and rows[0]["id"].startswith("d-")


def test_banded_search_gives_the_reference_groups() -> None:
    # The reference: every pair the LSH index returns, verified with MinHash.jaccard (as specified).
    from datasketch import MinHashLSH

    from veille.corpus._common import UnionFind
    from veille.corpus.duplicates import LSH_MARGIN, NUM_PERM, signature

    rng = random.Random(3)
    words = (DISPATCH + " " + REWRITE + " " + OTHER).split()
    bases = [" ".join(rng.sample(words, 60)) for _ in range(4)]
    articles = []
    for n in range(60):
        tokens = bases[n % 4].split()
        for _ in range(rng.randint(0, 12)):  # copies edited more or less
            tokens[rng.randrange(len(tokens))] = rng.choice(words)
        articles.append(art(f"a{n:02d}", " ".join(tokens)))
    articles.append(art("a60", articles[0].text))  # an identical copy
    for threshold in (0.5, 0.8, 0.9):
        signatures = {a.id: signature(a.text) for a in articles}
        lsh = MinHashLSH(threshold=max(0.05, threshold - LSH_MARGIN), num_perm=NUM_PERM)
        for key, minhash in signatures.items():
            lsh.insert(key, minhash)
        uf = UnionFind()
        for key, minhash in signatures.items():
            for other in lsh.query(minhash):
                if other > key and minhash.jaccard(signatures[other]) >= threshold:
                    uf.union(key, other)
        expected = [group for group in uf.groups() if len(group) > 1]
        assert expected and find_duplicates(articles, threshold) == expected
