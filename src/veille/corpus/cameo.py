"""CAMEO code families, code compatibility and labels, as data.

Two event mentions can only be one fact if their codes are compatible. A CAMEO root is too fine
across newsrooms (one writes « promet son soutien », 03, another « s'engage par traité », 05) and a
family of roots too coarse within one text (a launch and a call for more warheads are both 15).
So: same family, and then either the same code, one code refining the other, a root's "not specified"
code against one of its specific codes (across articles only, and only when the objects agree), or a
pair listed in ``EQUIVALENT``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import cast

# Family name -> CAMEO roots. Roots in one family describe the same kind of happening seen from
# different angles or at different strengths; roots alone in a family never merge across roots.
FAMILIES: dict[str, tuple[str, ...]] = {
    "statement": ("01",),
    "appeal": ("02",),
    "pledge-agree": ("03", "05"),
    "consult": ("04",),
    "cooperate-provide": ("06", "07"),
    "yield": ("08",),
    "investigate": ("09",),
    "demand": ("10",),
    "criticise-reject-threaten": ("11", "12", "13"),
    "protest": ("14",),
    "force": ("15", "18", "19", "20"),
    "reduce-relations": ("16",),
    "coerce": ("17",),
}
_FAMILY_OF_ROOT: dict[str, str] = {root: name for name, roots in FAMILIES.items() for root in roots}

# Codes of different roots that name the same happening (pairs of code prefixes), across articles.
EQUIVALENT: tuple[tuple[str, str], ...] = (
    # A reaction told as worry by one paper and as criticism by another (families 01 and 11).
    ("012", "111"),
    ("030", "050"),  # intent to cooperate / cooperate, both unspecified
    ("060", "070"),  # material cooperation / aid, both unspecified
    ("061", "071"),  # economic cooperation / economic aid
    ("062", "074"),  # military cooperation / military protection (troops sent to an ally)
    ("0331", "071"),  # pledge of economic aid / economic aid
    ("0332", "072"),  # pledge of military aid / military aid
)

# Codes whose two sides are interchangeable: a meeting, a treaty, a joint exercise. For these, who is
# "source" and who is "target" is an accident of the sentence; for the others (a visit, a supply, an
# attack) the direction is part of the fact: PRK -> RUS supply is not RUS -> PRK supply.
# Military cooperation (062) stays directional: in the press it is mostly one side sending troops.
SYMMETRIC_PREFIXES: tuple[str, ...] = ("036", "040", "044", "045", "046", "057", "061")

# Fallback labels, used when ``veille.events.cameo_label`` is not available. Written for Veille (not
# copied from the CAMEO codebook): the roots, and the codes the trigger lexicon uses most.
_LABELS: dict[str, tuple[str, str]] = {
    "01": ("Déclaration publique", "Public statement"),
    "012": ("Commentaire pessimiste", "Pessimistic comment"),
    "013": ("Commentaire optimiste", "Optimistic comment"),
    "016": ("Rejet de responsabilité", "Denial of responsibility"),
    "02": ("Appel", "Appeal"),
    "03": ("Intention de coopérer", "Intent to cooperate"),
    "033": ("Promesse d'aide", "Pledge of aid"),
    "0331": ("Promesse d'aide économique", "Pledge of economic aid"),
    "0332": ("Promesse d'aide militaire", "Pledge of military aid"),
    "0333": ("Promesse d'aide humanitaire", "Pledge of humanitarian aid"),
    "0334": ("Promesse de protection militaire", "Pledge of military protection"),
    "036": ("Intention de rencontrer", "Intent to meet"),
    "04": ("Consultation", "Consultation"),
    "040": ("Rencontre", "Meeting"),
    "042": ("Visite", "Visit"),
    "043": ("Accueil d'une visite", "Hosting a visit"),
    "044": ("Rencontre en lieu tiers", "Meeting at a third location"),
    "046": ("Négociation", "Negotiation"),
    "05": ("Coopération diplomatique", "Diplomatic cooperation"),
    "051": ("Éloge", "Praise"),
    "057": ("Signature d'un accord", "Signing of an agreement"),
    "06": ("Coopération matérielle", "Material cooperation"),
    "061": ("Coopération économique", "Economic cooperation"),
    "062": ("Coopération militaire", "Military cooperation"),
    "07": ("Aide", "Aid"),
    "071": ("Aide économique", "Economic aid"),
    "072": ("Aide militaire", "Military aid"),
    "073": ("Aide humanitaire", "Humanitarian aid"),
    "074": ("Protection militaire", "Military protection"),
    "08": ("Concession", "Concession"),
    "09": ("Enquête", "Investigation"),
    "10": ("Exigence", "Demand"),
    "11": ("Désapprobation", "Disapproval"),
    "111": ("Critique", "Criticism"),
    "112": ("Accusation", "Accusation"),
    "12": ("Rejet", "Rejection"),
    "13": ("Menace", "Threat"),
    "138": ("Menace militaire", "Military threat"),
    "14": ("Protestation", "Protest"),
    "15": ("Démonstration de force", "Show of military force"),
    "150": ("Démonstration de force", "Show of military force"),
    "152": ("Mobilisation militaire", "Military mobilisation"),
    "154": ("Renforcement militaire", "Military build-up"),
    "16": ("Réduction des relations", "Reduced relations"),
    "163": ("Sanctions", "Sanctions"),
    "17": ("Coercition", "Coercion"),
    "18": ("Agression", "Assault"),
    "19": ("Combat", "Fighting"),
    "190": ("Usage de la force armée", "Use of conventional military force"),
    "195": ("Frappe aérienne", "Air strike"),
    "20": ("Violence de masse", "Mass violence"),
}


def root(code: str) -> str:
    return code[:2]


def family(code: str) -> str:
    """The family of a code; a root outside the table is a family of its own."""
    return _FAMILY_OF_ROOT.get(root(code), root(code))


def _blocks() -> dict[str, str]:
    # Families joined by an EQUIVALENT pair share one blocking key, so that the merge compares them.
    block = {name: name for name in FAMILIES}
    for x, y in EQUIVALENT:
        fx, fy = family(x), family(y)
        if fx != fy:
            low, high = sorted((block[fx], block[fy]))
            block = {name: low if b == high else b for name, b in block.items()}
    return block


_BLOCK_OF_FAMILY = _blocks()


def block(code: str) -> str:
    """The blocking key of a code for the merge: its family, or the group of families it is linked to."""
    name = family(code)
    return _BLOCK_OF_FAMILY.get(name, name)


def is_generic(code: str) -> bool:
    """A root, or its "not specified below" code (third digit 0)."""
    return len(code) <= 2 or (len(code) == 3 and code[2] == "0")


# Verbal roots (statements, appeals, intents, consultations, diplomatic cooperation): their unspecified
# codes come from vague words (« déclaration », « discussions », « rapprochement ») that fit any number
# of separate exchanges, so the merge asks them for a concrete anchor (see ``compat.score``).
VERBAL_ROOTS: frozenset[str] = frozenset({"01", "02", "03", "04", "05"})


def is_vague(code: str) -> bool:
    return is_generic(code) and root(code) in VERBAL_ROOTS


def is_symmetric(code: str) -> bool:
    return code.startswith(SYMMETRIC_PREFIXES)


def code_relation(a: str, b: str, *, same_article: bool) -> str | None:
    """How two codes relate, or None when they cannot describe one happening.

    "equal"; "refines" (one is a prefix of the other: 033 and 0334); across articles only, "generic"
    (a root's unspecified code and one of its specific codes: 070 and 072) and "equivalent" (a pair
    of ``EQUIVALENT``). Within one article a writer who uses two different codes (a launch and a call
    for warheads) means two things, so only equal or refining codes merge there. The merge asks more
    of a "generic" pair (that the objects agree), because unspecified codes come from vague words.
    """
    if a == b:
        return "equal"
    if family(a) == family(b) and (a.startswith(b) or b.startswith(a)):
        return "refines"
    if same_article:
        return None
    if equivalent(a, b):
        return "equivalent"
    if family(a) == family(b) and root(a) == root(b) and (is_generic(a) or is_generic(b)):
        return "generic"
    return None


def equivalent(a: str, b: str) -> bool:
    """The two codes are a pair of ``EQUIVALENT`` (one happening told with codes of different roots)."""
    return any((a.startswith(x) and b.startswith(y)) or (a.startswith(y) and b.startswith(x)) for x, y in EQUIVALENT)


def codes_compatible(a: str, b: str, *, same_article: bool) -> bool:
    return code_relation(a, b, same_article=same_article) is not None


def fallback_label(code: str, lang: str = "fr") -> str:
    """The label of the longest known prefix of ``code``; the code itself when nothing is known."""
    for length in range(len(code), 1, -1):
        labels = _LABELS.get(code[:length])
        if labels:
            return labels[0] if lang == "fr" else labels[1]
    return f"CAMEO {code}"


def cameo_label(code: str, lang: str = "fr") -> str:
    """The label the events package gives a code, or the fallback table's when it has none."""
    events_label = _events_label()
    if events_label is None:
        return fallback_label(code, lang)
    try:
        label = events_label(code, lang)
    except (LookupError, ValueError, TypeError, OSError):
        # A broken label file must not stop a run: the fallback table still names the code.
        return fallback_label(code, lang)
    # The events package answers an unknown code with the code itself: ours may know its root.
    if not isinstance(label, str) or not label or label == code:
        return fallback_label(code, lang)
    return label


def _events_label() -> Callable[[str, str], object] | None:
    for module in ("veille.events.labels", "veille.events"):
        try:
            found = getattr(importlib.import_module(module), "cameo_label", None)
        except ImportError:
            continue
        if callable(found):
            return cast(Callable[[str, str], object], found)
    return None
