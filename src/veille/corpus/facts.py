"""Facts: event mentions merged across articles, with corroboration and contradictions.

Merge. Mentions are taken firmest first (asserted, alleged, denied, reported, then speculative), then
by article id and position, so that guesses attach to facts that firmer mentions established rather
than founding them. Each mention joins the existing fact it fits best, provided it is compatible
with *every* mention already in it (complete linkage: no chains of near-misses), or founds a new
fact. Candidates come from a blocking index on (code family, actor country), so a mention is only
compared with facts of its kind that share one of its actors. Mentions without any actor never merge:
nothing says two of them are about one happening. The pairwise test is ``compat.score``: code
relation (``cameo.code_relation``; a vague verbal code also needs a concrete anchor), agreement
phase (signed vs ratified; a phase-less trigger inherits its sentence's), actors at country level
(overlap, no other cast, no reversed direction, no different person for one country), object kind,
and time (overlapping intervals; close dates of one year merge as a contradiction).

Sources. One ``FactSource`` per article: its most informative mention (precedence in
``compat.CERTAINTY_RANK``), with the evidence sentences of all its mentions of the fact.

``independent_sources``: the number of distinct articles, counting each near-duplicate group once,
whose certainty confirms the fact (asserted, alleged or reported). A speculative source (a guess
about what may happen), a denial and a plain negation are kept as sources but confirm nothing.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from veille.corpus import cameo
from veille.corpus._common import (
    CountryResolver,
    EntityNames,
    corpus_language,
    country_level,
    duplicate_representatives,
    is_country_id,
    names_by_language,
    stable_id,
    unique_by_id,
)
from veille.corpus.compat import CONFIRMING, NEGATIVE, Item, governing_phase, object_profile, phase_of
from veille.corpus.merge import cluster
from veille.corpus.timevalues import NEG_INF, POS_INF, Interval, mention_interval, parse
from veille.types import Article, EventMention, Fact, FactSource, Quantity, Wording

EVIDENCE_SEPARATOR = " … "
AGREEMENT = "057"  # the code whose phases (signed, ratified) an analyst keeps apart
_RATIFY = {"fr": "Ratifier un accord", "en": "Ratify an agreement"}
# Quantities within these relative differences are the same figure told twice (rounding, « environ »).
EXACT_TOLERANCE = 0.05
APPROXIMATE_TOLERANCE = 0.5

_CERTAINTY_WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "asserted": "affirmé",
        "alleged": "allégué",
        "reported": "rapporté",
        "denied": "démenti",
        "negated": "nié",
        "speculative": "supposé",
    },
    "en": {},
}


def _person_kind(entity_id: str, mention_kinds: dict[str, str], kb: object | None) -> bool:
    kind = mention_kinds.get(entity_id)
    if kind is None:
        entity = getattr(kb, "entity", None)
        if callable(entity):
            try:
                kind = getattr(entity(entity_id), "kind", None)
            except (KeyError, LookupError, ValueError):
                kind = None
    return kind == "person"


def _state_then(kb: CountryResolver | None, interval: Interval | None) -> Callable[[str], str]:
    """The state a country stood for at the time of a mention: « Moscou et Pyongyang » signing a pact in
    1961 are the Soviet Union and North Korea (``successions.tsv``)."""
    during = getattr(kb, "state_during", None)
    if interval is None or not callable(during) or interval.start <= NEG_INF or interval.end >= POS_INF:
        return _same
    return lambda country: str(during(country, interval.start, interval.end))


def _same(country: str) -> str:
    return country


def _items(articles: Sequence[Article], kb: CountryResolver | None) -> list[Item]:
    items: list[Item] = []
    for article in articles:
        starts = [s.start for s in article.sentences] or sorted({e.sentence.start for e in article.events})
        kinds: dict[str, str] = {}
        for mention in article.mentions:
            kinds.setdefault(mention.entity_id, mention.kind)
        for index, event in enumerate(article.events):
            code = event.cameo.strip()
            if len(code) < 2 or not code.isdigit():
                continue  # not a CAMEO code: nothing to merge on
            interval = mention_interval(event.time, event.time_bounds)
            state = _state_then(kb, interval)
            sources = frozenset(state(country_level(x, kb)) for x in event.source_actors)
            targets = frozenset(state(country_level(x, kb)) for x in event.target_actors)
            persons: dict[str, set[str]] = {}
            for actor in (*event.source_actors, *event.target_actors):
                if not is_country_id(actor, kb) and _person_kind(actor, kinds, kb):
                    persons.setdefault(state(country_level(actor, kb)), set()).add(actor)
            obj_text = article.text[event.object.start : event.object.end] if event.object else ""
            classes, terms = object_profile(obj_text)
            sentence = article.text[event.sentence.start : event.sentence.end]
            items.append(
                Item(
                    article=article.id,
                    index=index,
                    event=event,
                    code=code,
                    family=cameo.block(code),
                    sources=sources,
                    targets=targets,
                    actors=sources | targets,
                    persons={c: frozenset(p) for c, p in persons.items()},
                    interval=interval,
                    value_interval=parse(event.time),
                    object_classes=classes,
                    object_terms=terms,
                    phase=_phase(article.text, event, code, obj_text),
                    evidence=" ".join(sentence.split()),
                    sentence_no=bisect_right(starts, event.sentence.start),
                )
            )
    return items


def _phase(text: str, event: EventMention, code: str, obj_text: str) -> str | None:
    own = phase_of(text[event.trigger.start : event.trigger.end])
    if not code.startswith(AGREEMENT):
        return own
    if phase_of(obj_text) == "ratify":
        # « a signé un décret ratifiant le traité », "signed the ratification bill": signing the act
        # that ratifies is a step of the ratification
        return "ratify"
    return own or governing_phase(text[event.sentence.start : event.trigger.start])


def _inherit_phases(items: list[Item]) -> None:
    """A phase-less trigger takes the phase of its sentence's same-code triggers.

    In « le Sénat a ratifié le traité », the noun « traité » is a second trigger of the ratification;
    without the phase it would be free to join the signature of the same treaty.
    """
    phases: dict[tuple[str, int, str], set[str]] = {}
    for it in items:
        if it.phase:
            phases.setdefault((it.article, it.event.sentence.start, it.code), set()).add(it.phase)
    for it in items:
        found = phases.get((it.article, it.event.sentence.start, it.code), set())
        if it.phase is None and len(found) == 1:
            it.phase = next(iter(found))


def _ordered_union(lists: Sequence[Sequence[str]]) -> list[str]:
    seen: dict[str, None] = {}
    for values in lists:
        for value in values:
            seen.setdefault(value, None)
    return list(seen)


def _source(article: str, mentions: list[Item]) -> FactSource:
    mentions = sorted(mentions, key=lambda it: it.index)
    primary = max(
        mentions,
        key=lambda it: (
            it.rank,
            bool(it.event.attributed_to or it.event.denied_by),
            it.value_interval is not None,
            it.event.quantity is not None,
            -it.index,
        ),
    )
    evidence = [primary.evidence]
    for it in mentions:
        if it.evidence not in evidence:
            evidence.append(it.evidence)
    attributed = _ordered_union(
        [it.event.attributed_to for it in mentions if it.certainty == primary.certainty]
    )
    # Whoever denies the fact anywhere in the article: a denial named on an accusation (« X nie ces
    # accusations ») and the speaker of a separate denial mention.
    denied = _ordered_union(
        [it.event.denied_by for it in mentions]
        + [it.event.attributed_to for it in mentions if it.certainty in NEGATIVE]
    )
    return FactSource(
        article=article,
        certainty=primary.certainty,
        evidence=EVIDENCE_SEPARATOR.join(evidence),
        sentence=primary.event.sentence,
        event_index=primary.index,
        attributed_to=attributed,
        denied_by=denied,
    )


def _best_code(members: list[Item]) -> str:
    counts = Counter(it.code for it in members)
    return max(counts, key=lambda code: (not cameo.is_generic(code), counts[code], len(code), _neg(code)))


def _neg(code: str) -> tuple[int, ...]:
    # Smaller code wins a full tie: the negated ordinals sort a max() towards it.
    return tuple(-ord(ch) for ch in code)


def _disjoint(intervals: Iterable[Interval | None]) -> bool:
    """Two of the intervals do not overlap: the latest start is after the earliest end."""
    known = [iv for iv in intervals if iv is not None]
    return bool(known) and max(iv.start for iv in known) > min(iv.end for iv in known)


def _time(members: list[Item]) -> str | None:
    values = [it.event.time for it in members if it.event.time and it.value_interval is not None]
    if not values:
        return None
    counts = Counter(values)
    intervals = {value: parse(value) for value in counts}
    disagree = _disjoint(intervals.values())

    def key(value: str) -> tuple[int, int, int, str]:
        iv = intervals[value]
        assert iv is not None
        precision, width = iv.precision, -(iv.end - iv.start)
        if disagree:  # the majority date; the most precise when the sources agree
            return (counts[value], precision, width, value)
        return (precision, width, counts[value], value)

    return max(counts, key=key)


def _bounds(members: list[Item]) -> tuple[str | None, str | None] | None:
    earliest: str | None = None
    latest: str | None = None
    for it in members:
        if not it.event.time_bounds:
            continue
        low, high = it.event.time_bounds
        low_iv, high_iv = parse(low), parse(high)
        current_low = parse(earliest)
        current_high = parse(latest)
        if low_iv and (current_low is None or low_iv.start > current_low.start):
            earliest = low
        if high_iv and (current_high is None or high_iv.end < current_high.end):
            latest = high
    if earliest is None and latest is None:
        return None
    return (earliest, latest)


def _quantity_value(q: Quantity | None) -> float | None:
    return q.value if q is not None else None


def _measure(unit: str) -> str:
    """What a unit counts: « soldats », « troops » and « soldiers » are one measure in two languages."""
    classes = object_profile(unit)[0]
    return min(classes) if len(classes) == 1 else unit


def _same_quantity(a: Quantity, b: Quantity) -> bool:
    if a.value is None or b.value is None:
        return True
    if a.unit and b.unit and a.unit != b.unit and _measure(a.unit) != _measure(b.unit):
        return True  # different measures of the fact, not a disagreement
    tolerance = APPROXIMATE_TOLERANCE if (a.approximate or b.approximate) else EXACT_TOLERANCE
    return abs(a.value - b.value) <= tolerance * max(abs(a.value), abs(b.value))


def _quantity(members: list[Item]) -> float | None:
    firm = [it for it in members if it.certainty in CONFIRMING] or members
    counts = Counter(v for it in firm if (v := _quantity_value(it.event.quantity)) is not None)
    if not counts:
        return None
    return max(counts, key=lambda v: (counts[v], -v))


def format_number(value: float, lang: str) -> str:
    text = f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}"
    return text.replace(",", "\u202f") if lang == "fr" else text


def _denials(positives: list[FactSource], negatives: list[FactSource], names: EntityNames,
             words: dict[str, str], fr: bool) -> list[str]:
    """One line per denier: the articles that carry the denial, against the articles that carry the
    claim. An article that tells both the claim and its denial is not set against itself, and is not
    listed again when other articles carry the same denial."""
    groups: dict[tuple[str, ...], list[FactSource]] = {}
    for s in negatives:
        groups.setdefault(tuple(s.denied_by), []).append(s)
    lines: list[str] = []
    for deniers, group in groups.items():
        who = ", ".join(names.name(x) for x in deniers)
        pure = [s for s in group if s.certainty not in CONFIRMING]
        shown = pure or group
        arts = ", ".join(s.article for s in shown)
        listed = set(map(id, shown))  # by identity: comparing whole sources is quadratic on a big fact
        others = [p for p in positives if id(p) not in listed]
        backing = ", ".join(f"{p.article} ({words.get(p.certainty, p.certainty)})" for p in others)
        first = shown[0]
        if fr:
            denial = f"démenti par {who}" if who else words.get(first.certainty, first.certainty)
            lines.append(f"{arts} : {denial} ; contre {backing}" if backing
                         else f"{arts} : {words.get(first.certainty, first.certainty)} et {denial}")
        else:
            denial = f"denied by {who}" if who else first.certainty
            lines.append(f"{arts}: {denial}; against {backing}" if backing
                         else f"{arts}: {first.certainty} and {denial}")
    return lines


def _contradictions(
    sources: list[FactSource], members: list[Item], names: EntityNames, lang: str
) -> list[str]:
    fr = lang == "fr"
    words = _CERTAINTY_WORDS.get(lang, {})
    found: list[str] = []

    positives = [s for s in sources if s.certainty in CONFIRMING]
    negatives = [s for s in sources if s.certainty in NEGATIVE or s.denied_by]
    if positives and negatives:
        found += _denials(positives, negatives, names, words, fr)

    # Figures: one per article (the primary's when it has one), then groups of agreeing figures.
    by_article: dict[str, Quantity] = {}
    for it in sorted(members, key=lambda it: (it.article, -it.rank, it.index)):
        if it.event.quantity is not None and it.event.quantity.value is not None:
            by_article.setdefault(it.article, it.event.quantity)
    figures = sorted(by_article.items(), key=lambda kv: (kv[1].value or 0.0, kv[0]))
    distinct = list({(q.value, q.approximate, q.unit): q for _, q in figures}.values())
    if any(not _same_quantity(a, b) for a in distinct for b in distinct):
        parts = ", ".join(f"{format_number(q.value or 0.0, lang)} ({art})" for art, q in figures)
        found.append(f"quantités divergentes : {parts}" if fr else f"figures differ: {parts}")

    dates: dict[str, str] = {}
    for it in sorted(members, key=lambda it: (it.article, -it.rank, it.index)):
        if it.event.time and it.value_interval is not None:
            dates.setdefault(it.article, it.event.time)
    dated = sorted(dates.items(), key=lambda kv: (kv[1], kv[0]))
    intervals = [(art, value, parse(value)) for art, value in dated]
    if _disjoint(iv for _, _, iv in intervals):
        parts = ", ".join(f"{value} ({art})" for art, value, _ in intervals)
        found.append(f"dates divergentes : {parts}" if fr else f"dates differ: {parts}")
    return found


def _label(members: list[Item], code: str, names: EntityNames, lang: str) -> str:
    sources = sorted({c for it in members for c in it.sources})
    targets = sorted({c for it in members for c in it.targets} - set(sources))
    what = cameo.cameo_label(code, lang)
    if code.startswith(AGREEMENT) and {it.phase for it in members} - {None} == {"ratify"}:
        what = _RATIFY.get(lang, _RATIFY["en"])  # CAMEO has one code for both; a reader does not
    if sources and targets and not cameo.is_symmetric(code):
        who = f"{', '.join(names.name(c) for c in sources)} → {', '.join(names.name(c) for c in targets)}"
    else:
        who = " – ".join(names.name(c) for c in sorted({c for it in members for c in it.actors}))
    if not who:
        return what
    return f"{who} : {what}" if lang == "fr" else f"{who}: {what}"


def _fact(members: list[Item], representatives: dict[str, str], names: dict[str, EntityNames], lang: str) -> Fact:
    members = sorted(members, key=lambda it: (it.article, it.index))
    per_article: dict[str, list[Item]] = {}
    for it in members:
        per_article.setdefault(it.article, []).append(it)
    sources = [_source(article, per_article[article]) for article in sorted(per_article)]
    independent = {representatives.get(s.article, s.article) for s in sources if s.certainty in CONFIRMING}
    code = _best_code(members)
    actors = sorted({c for it in members for c in it.actors})
    time = _time(members)
    wordings = {lg: Wording(_label(members, code, by_lang, lg), _contradictions(sources, members, by_lang, lg))
                for lg, by_lang in names.items()}
    first = sources[0]
    return Fact(
        id=stable_id(
            "f",
            code,
            ",".join(actors),
            time or "",
            first.article,
            str(first.event_index),
            first.evidence.split(EVIDENCE_SEPARATOR)[0],
        ),
        cameo=code,
        label=wordings[lang].label,
        actors=actors,
        time=time,
        time_bounds=_bounds(members),
        quantity=_quantity(members),
        sources=sources,
        independent_sources=len(independent),
        contested=bool(wordings[lang].contradictions),
        contradictions=wordings[lang].contradictions,
        wordings=wordings,
    )


def merge_facts(
    articles: Sequence[Article],
    duplicates: Sequence[Sequence[str]] = (),
    kb: CountryResolver | None = None,
    *,
    lang: str | None = None,
) -> list[Fact]:
    """Merge the event mentions of all ``articles`` into facts.

    ``duplicates`` are the near-duplicate groups (``find_duplicates``): copies of one text count once
    in ``independent_sources``. ``kb`` resolves actors to their country (``country_of``) and, when it
    has ``entity(id).kind``, tells people apart. ``lang`` is the language of labels and contradiction
    notes (by default the corpus's majority language, French on a tie). Facts come in reading order
    (first article id, then position), independent of the order of ``articles``.
    """
    ordered = unique_by_id(articles)
    lang = lang or corpus_language(ordered)
    names = names_by_language(ordered, kb, lang)
    representatives = duplicate_representatives(duplicates)
    items = _items(ordered, kb)
    _inherit_phases(items)
    facts = [_fact(members, representatives, names, lang) for members in cluster(items)]
    facts.sort(key=lambda f: (f.sources[0].article, f.sources[0].event_index, f.id))
    return facts
