"""When two event mentions can be one fact: the prepared mention and the pairwise compatibility test.

The test is deliberately strict. The acceptance scores the precision of merged facts, and a wrong
merge is worse for an analyst than a missed one: it invents corroboration. Every check below is
a reason to *refuse* a merge; a pair passes only if no check objects.
"""

from __future__ import annotations

from dataclasses import dataclass

from veille.corpus import cameo
from veille.corpus._text import content_terms, words
from veille.corpus.timevalues import Interval, year_of
from veille.types import EventMention

# Certainty precedence when one article mentions a fact several times: a statement of fact, an
# accusation or a denial says more about the fact than an attributed report, which says more than a
# guess. Between equals, the firmer form wins.
CERTAINTY_RANK: dict[str, int] = {
    "asserted": 5,
    "alleged": 4,
    "denied": 3,
    "negated": 3,
    "reported": 2,
    "speculative": 1,
}
# Certainties that count as confirming the fact (see ``independent_sources``).
CONFIRMING: frozenset[str] = frozenset({"asserted", "alleged", "reported"})
# Certainties that speak against it.
NEGATIVE: frozenset[str] = frozenset({"denied", "negated"})


def _vocab(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Kinds of things an event is about (the object span), by folded word. Two objects of different
# kinds (weapons, soldiers) are two facts even with the same code and actors; a word-overlap test
# would miss that « arsenal » and « armes » are the same kind.
OBJECT_CLASSES: dict[str, frozenset[str]] = {
    "weapons": _vocab(
        "arme armes armement armements munition munitions missile missiles obus arsenal arsenaux "
        "artillerie drone drones roquette roquettes char chars mortier mortiers ogive ogives bombe bombes "
        "weapon weapons arms ammunition shell shells rocket rockets tank tanks warhead warheads"
    ),
    "troops": _vocab(
        "soldat soldats troupe troupes combattant combattants bataillon bataillons brigade brigades "
        "mercenaire mercenaires effectifs renforts soldier soldiers troop troops fighters battalion"
    ),
    "goods": _vocab(
        "biens charbon nourriture vivres petrole gaz carburant cereales ble medicament medicaments "
        "engrais goods coal food fuel oil grain medicine medicines fertiliser"
    ),
    "agreement": _vocab(
        "traite traites accord accords pacte pactes entente ententes alliance convention "
        "treaty treaties agreement agreements pact deal"
    ),
    "money": _vocab("pret prets credit credits fonds dollars euros roubles financement loan loans funds"),
    "technology": _vocab("technologie technologies technology technologies savoir"),
}

# Phases of an agreement that CAMEO codes alike (057) but an analyst keeps apart: a treaty is signed
# by leaders one month and ratified by a parliament months later. Matched on the trigger's words.
PHASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ratify", ("ratif", "adopt", "approuv", "promulg", "approv", "vote")),
    ("sign", ("sign", "conclu", "officialis", "scell", "paraph")),
)

# Two dates that exclude each other still name one fact when they are this close in the same year
# and everything else agrees: the sources disagree about the date (a contradiction to show), rather
# than report two happenings.
DATE_SLACK_DAYS = 31
# …except for the steps of a procedure: a lower house votes a treaty one week, the upper house the
# next, the head of state signs the law after; each step has its own date, none contradicts another.
PROCEDURAL = "ratify"


@dataclass(slots=True)
class Item:
    """One event mention, resolved to what the merge compares."""

    article: str
    index: int
    event: EventMention
    code: str
    family: str  # the blocking key (cameo.block)
    sources: frozenset[str]  # country level
    targets: frozenset[str]
    actors: frozenset[str]
    persons: dict[str, frozenset[str]]  # country -> the people named for it
    interval: Interval | None  # value narrowed by bounds, or bounds alone
    value_interval: Interval | None  # the explicit value only
    object_classes: frozenset[str]
    object_terms: frozenset[str]
    phase: str | None
    evidence: str
    sentence_no: int = 0  # the mention's sentence, counted in its article

    @property
    def certainty(self) -> str:
        return self.event.certainty

    @property
    def rank(self) -> int:
        return CERTAINTY_RANK.get(self.event.certainty, 0)


def object_profile(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The object classes and content terms of an object span's text."""
    tokens = words(text)
    classes = frozenset(name for name, vocab in OBJECT_CLASSES.items() if vocab.intersection(tokens))
    return classes, frozenset(content_terms(text))


def phase_of(trigger_text: str) -> str | None:
    for token in words(trigger_text):
        for phase, prefixes in PHASES:
            if token.startswith(prefixes):
                return phase
    return None


def governing_phase(before_trigger: str, reach: int = 8) -> str | None:
    """The phase of the nearest verb of phase before a noun trigger: in « les députés ont adopté jeudi,
    sans aucune voix contre, le traité », the treaty is ratified, whatever else the sentence says."""
    for token in reversed(words(before_trigger)[-reach:]):
        for phase, prefixes in PHASES:
            if token.startswith(prefixes):
                return phase
    return None


def _actors_compatible(a: Item, b: Item) -> bool:
    if not a.actors & b.actors:
        return False
    # Two full casts that differ (RUS+PRK against PRK+SUN) are two happenings; a cast that names only
    # part of the other (USA against USA+JPN+KOR) is the same one told more briefly.
    if len(a.actors) > 1 and len(b.actors) > 1 and not (a.actors <= b.actors or b.actors <= a.actors):
        return False
    if not (cameo.is_symmetric(a.code) and cameo.is_symmetric(b.code)):
        if a.sources and b.sources and not a.sources & b.sources:
            return False
        if a.targets and b.targets and not a.targets & b.targets:
            return False
        a_src, a_tgt = a.sources - a.targets, a.targets - a.sources
        b_src, b_tgt = b.sources - b.targets, b.targets - b.sources
        if a_src & b_tgt or a_tgt & b_src:  # the direction is reversed
            return False
    # Same country, different people (Putin's visit against Shoigu's meeting): two happenings.
    if not a.persons or not b.persons:
        return True
    theirs = b.persons
    return all(people & theirs[c] for c, people in a.persons.items() if c in theirs)


def _objects_compatible(a: Item, b: Item) -> bool:
    if a.object_classes and b.object_classes:
        return bool(a.object_classes & b.object_classes)
    if not a.object_classes and not b.object_classes and a.object_terms and b.object_terms:
        return bool(a.object_terms & b.object_terms)
    return True  # one side unknown: no evidence of a difference


def _times_compatible(a: Item, b: Item) -> bool:
    ia, ib = a.interval, b.interval
    if ia is None and ib is None:
        return True
    if ia is None or ib is None:
        # An undated negation says something did not happen (yet), not that a dated happening did not:
        # « seule manque encore la signature » says nothing about a treaty signed in 1961.
        undated = a if ia is None else b
        return undated.certainty != "negated"
    if ia.overlaps(ib):
        return True
    va, vb = a.value_interval, b.value_interval
    if va is None or vb is None or a.code != b.code or PROCEDURAL in (a.phase, b.phase):
        return False
    year = year_of(va)
    return year is not None and year == year_of(vb) and va.gap(vb) <= DATE_SLACK_DAYS


def _anchored(a: Item, b: Item) -> bool:
    """Something concrete the two mentions share besides code and actors."""
    if a.object_classes & b.object_classes or a.object_terms & b.object_terms:
        return True
    if (
        a.value_interval is not None
        and b.value_interval is not None
        and a.value_interval.overlaps(b.value_interval)
    ):
        return True
    ea, eb = a.event, b.event
    full = ea.source_actors and ea.target_actors
    return (
        bool(full)
        and set(ea.source_actors) == set(eb.source_actors)
        and set(ea.target_actors) == set(eb.target_actors)
    )


# Rules of the events stage that took a mention's subject from the previous sentence.
_ANAPHORIC_SUBJECT = ("+pronoun", "+anaphor")


def continues(a: Item, b: Item) -> bool:
    """One mention goes on telling the other's happening in the next sentence of the same article:
    « X, Y et Z ont vivement réagi (111). Les dirigeants de ces pays ont exprimé leur inquiétude (012) »
    — the later subject points back to the earlier one, the cast is the same and the codes are a pair
    of ``cameo.EQUIVALENT``."""
    first, later = (a, b) if a.sentence_no < b.sentence_no else (b, a)
    return (
        a.article == b.article
        and later.sentence_no == first.sentence_no + 1
        and any(tag in later.event.rule for tag in _ANAPHORIC_SUBJECT)
        and bool(first.actors)
        and first.actors == later.actors
        and cameo.equivalent(a.code, b.code)
    )


def cross_key(item: Item) -> tuple[object, ...]:
    """Everything ``score`` reads of a mention when the other one is from another article.

    Two mentions with one key score alike against any mention of another article, so the merge
    scores a key once (see ``facts._cluster``) instead of once per mention.
    """
    event = item.event
    return (
        item.code,
        item.sources,
        item.targets,
        frozenset(item.persons.items()),
        item.interval,
        item.value_interval,
        item.object_classes,
        item.object_terms,
        item.phase,
        item.certainty == "negated",
        frozenset(event.source_actors),
        frozenset(event.target_actors),
    )


def score(a: Item, b: Item, *, same_article: bool | None = None) -> float | None:
    """How well two mentions fit one fact, or None when they cannot be one fact.

    ``same_article`` (by default: whether they are) selects the within-article or the across-article
    rules; across articles, the score depends only on the two ``cross_key``.
    """
    same = a.article == b.article if same_article is None else same_article
    relation = cameo.code_relation(a.code, b.code, same_article=same)
    if relation is None and same and continues(a, b):
        relation = "equivalent"
    if relation is None:
        return None
    if relation == "generic" and not a.object_classes & b.object_classes:
        return None  # « soutenir » (050) is not evidence for a recognition (054) without a shared object
    vague = cameo.is_vague(a.code) or cameo.is_vague(b.code)
    if vague and not same and not _anchored(a, b):
        return None
    if a.phase and b.phase and a.phase != b.phase:
        return None
    if a.phase == b.phase == PROCEDURAL and a.sources and b.sources and not a.sources & b.sources:
        return None  # each party ratifies a treaty on its own: Moscow's vote is not Pyongyang's decree
    if not (_actors_compatible(a, b) and _objects_compatible(a, b) and _times_compatible(a, b)):
        return None
    points = 3.0 if relation == "equal" else 1.0
    points += len(a.actors & b.actors)
    if a.value_interval is not None and a.value_interval == b.value_interval:
        points += 1.0
    if a.object_classes & b.object_classes:
        points += 1.0
    if same:
        # Repeated mentions in one text are the likeliest to be one happening, in one sentence above all.
        points += 3.0 if a.event.sentence == b.event.sentence else 1.0
    return points
