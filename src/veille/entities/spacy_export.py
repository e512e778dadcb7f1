"""The gazetteer as spaCy EntityRuler patterns, for the benchmark against spaCy.

spaCy is not a dependency: the patterns are plain dicts, to be loaded with
``nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"}).add_patterns(patterns)``.
"""

from __future__ import annotations

from veille.kb.forms import strip_accents
from veille.kb.model import KnowledgeBase

_LABELS = {"country": "GPE", "demonym": "NORP", "metonym": "GPE", "person": "PERSON",
           "short": "PERSON", "organisation": "ORG"}


def spacy_entity_ruler_patterns(kb: KnowledgeBase) -> list[dict[str, str]]:
    """One phrase pattern per alias spelling: {label, pattern, id}; ambiguous aliases get their default
    entity and are left out when they have none (spaCy's ruler cannot resolve them by context)."""
    out: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for a in kb.aliases:
        if a.cls == "combining" or a.default is None:
            continue
        label = _LABELS.get(a.cls, "MISC")
        for text in (a.text, strip_accents(a.text)):
            if (text, a.default) in seen:
                continue
            seen.add((text, a.default))
            out.append({"label": label, "pattern": text, "id": a.default})
    return out
