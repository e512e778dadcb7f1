"""Arguments of one event mention: source and target actors, object, quantity, place.

Actors are entity ids as linked (a person stays a person: « vladimir-putin », not RUS); the fact
merger resolves them to countries with ``kb.country_of``, because facts compare countries while an
analyst wants to see who acted. Within one role, a country is dropped when a person or an
organisation of the same role already resolves to it (« le président russe Vladimir Poutine »).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import compress

from veille.events.lexicon import Lexicon, Trigger
from veille.events.matching import Match
from veille.events.sentence import ACTOR_KINDS, Ref, SentenceView
from veille.events.tokens import LEMMA, LOW
from veille.types import Quantity, Span

CountryOf = Callable[[str], "str | None"]
# Object classes by priority when a noun phrase names several (« une aide et des armes »).
CLASS_ORDER = ("weapon", "troops", "money", "goods", "humanitarian", "treaty", "sanction")
_OF = frozenset({"de", "d'", "du", "des", "of"})
_BETWEEN = ("entre", "between")
_DEM = frozenset({"ce", "cet", "cette", "ces", "this", "these", "those"})


@dataclass(slots=True)
class Args:
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    object: Span | None = None
    object_class: str | None = None
    object_demonstrative: bool = False  # « ce traité »: the object points back to an earlier event
    demonstrative: bool = False  # « cette rencontre », « ce traité, signé … »: the event itself is anaphoric
    quantity: Quantity | None = None
    place: str | None = None
    passive: bool = False
    subject_pronoun: bool = False
    unnamed_target: bool = False  # « a livré des armes à son voisin »: a recipient, but no name for it
    rules: list[str] = field(default_factory=list)


def ids(refs: list[Ref], country_of: CountryOf) -> list[str]:
    """Actor ids of ``refs`` in text order, without duplicates or a country its own person implies."""
    out: list[str] = []
    for r in refs:
        m = r.mention
        if m.kind in ACTOR_KINDS and m.entity_id not in out:  # ``r.is_actor``, without a property call
            out.append(m.entity_id)
    if len(out) < 2:
        return out
    implied = {c for e, c in zip(out, map(country_of, out), strict=True) if c is not None and c != e}
    return [e for e in out if e not in implied] if implied else out


def extract_object(view: SentenceView, m: Match[Trigger], lex: Lexicon, window: int) -> Args:
    """Arguments of trigger ``m``, first half: the object, its class and quantity, and whether the
    event points back. That is all that decides whether the trigger is an event (and its code), so a
    trigger that is none costs no actor rules; :func:`extract_actors` does the rest."""
    trig = m.item
    a = Args()
    head, last = m.first, m.last
    toks = view.tokens
    g = lex.grammar
    dem = _DEM
    a.demonstrative = head > 0 and (toks[head - 1].low in dem or head > 1 and toks[head - 2].low in dem)

    # The object: a noun's « de » complement (« l'envoi de … », « tirs de missiles … » from the head
    # when it names a thing), a verb's following noun phrase.
    if trig.pos == "noun":
        if _agent_phrase_at(view, last + 1):
            pass  # « de vives réactions de la part des États-Unis »: the agent, not the object
        elif last + 1 < len(toks) and toks[last + 1].low in _OF:
            _object(view, last + 1, "noun", lex, a)
        elif last + 2 < len(toks) and toks[last + 2].low in _OF and toks[last + 1].kind == "word" and \
                toks[last + 1].low not in g.stop_np:  # one adjective first: « l'adoption unanime de … »
            _object(view, last + 2, "noun", lex, a)
        elif head + 2 < len(toks) and toks[head + 1].low in _OF and toks[head + 2].lemma in lex.objects:
            _object(view, head + 1, "noun", lex, a)
    else:
        _object(view, last + 1, "verb", lex, a)
        if trig.cameo is None and a.object_class is None and _passive(view, head, verb=True):
            _patient(view, max(window, view.clause_start(head)), head, lex, a)
    return a


def extract_actors(view: SentenceView, m: Match[Trigger], lex: Lexicon, a: Args, window: int, country_of: CountryOf,
                   controller: list[str] | None = None, exclude: frozenset[int] = frozenset()) -> Args:
    """Arguments of trigger ``m``, second half: source and target actors and the place, added to ``a``.
    The subject is searched from token ``window`` on (after a cue that already took the clause's
    subject, e.g. « X suspecte que … »). Names at token indices in ``exclude`` are sources of a claim
    (« selon l'agence KCNA »), never actors."""
    trig = m.item
    head, last = m.first, m.last
    start = max(window, view.clause_start(head))
    end = (_second_verb if trig.pos == "verb" else _main_verb)(view, last, view.clause_end(last), lex)
    before = [r for r in view.refs if start <= r.first and r.last < head and r.first not in exclude]
    after = [r for r in view.refs if r.first > last and r.last < end and r.first not in exclude]
    toks = view.tokens
    g = lex.grammar
    dem = _DEM
    agent = between = target = None  # the first name after the trigger in each part
    for r in after:
        gov = r.governor
        if gov is None:
            if target is None and "obj" in trig.targets:
                target = r
            continue
        if gov == "par" and agent is None:
            agent = r
        if gov in _BETWEEN:
            if between is None:
                between = r
        elif target is None and gov in trig.targets:
            target = r
    agents = _first_group(view, agent) if agent is not None else []
    entre = _first_group(view, between) if between is not None else []
    targets = [] if entre or target is None else _first_group(view, target)
    a.passive = bool(agents) or _passive(view, head) or "passive-patient" in a.rules

    if trig.pos == "noun":
        if "adj" in trig.targets and not targets:
            # « le conflit ukrainien » is the conflict in Ukraine: the adjective names where it is fought
            targets = _adjective(view, last, after)
        src = agents or _noun_agent(view, head, last, after, trig)
        if not src and a.object is not None:
            obj = a.object
            src = [r for r in view.refs if obj.start <= r.mention.start < obj.end and r.governor is None]
            if src:
                a.rules.append("object-demonym")
        if not src and not entre:
            # « les relations entre X et Y avec la signature d'un traité »: the pair named just before
            paired = [r for r in before if r.governor in ("entre", "between")]
            if paired:
                entre = _first_group(view, paired[:1])
                a.rules.append("pair-before")
        if not src and not entre and head > 0 and toks[head - 1].low in g.possessives:
            a.subject_pronoun = True  # « Ses tirs de missiles se sont multipliés »: its owner, named before
        elif not src and not entre:
            # « Lors d'une visite à Pyongyang, Poutine a … »: the clause's subject did it.
            free = [r for r in after if r.governor is None and r not in targets]
            src = _subject(view, before) or _first_group(view, free[:1])
            if src:
                a.rules.append("noun-context")
        a.source = ids(src, country_of) if src else []
        a.target = ids(targets, country_of) if targets else []
    else:
        subj = _subject(view, before)
        if a.passive and "passive-patient" in a.rules and not agents and a.object is not None:
            # « 3 000 soldats nord-coréens ont été transférés »: the patient's nationality sent it
            obj = a.object
            a.source = ids([r for r in before if obj.start <= r.mention.start < obj.end], country_of)
            a.target = ids(targets, country_of)
        elif a.passive:
            a.source, a.target = ids(agents, country_of), ids(subj, country_of)
            if not a.target and controller:
                a.target = list(controller)
        else:
            a.source = ids(subj, country_of) or list(controller or [])
            if not subj and controller:
                a.rules.append("controller")
            a.target = ids(targets, country_of) if targets else []
            if not targets:
                a.unnamed_target = _unnamed_target(view, last, end, trig)
            elif a.object is not None and any(r.mention.start == a.object.start for r in targets):
                # « accusent la Corée du Nord d'avoir … »: the direct object is the target, not a thing
                a.object, a.object_class = None, None
        if not subj:
            # « elle a fourni », « ces pays ont exprimé »: the subject is the previous sentence's
            lows = view.lows[start:head]
            a.subject_pronoun = not g.subject_pronouns.isdisjoint(lows) or (
                not g.demonstratives.isdisjoint(lows[:-1]) and any(
                    t.low in g.demonstratives and u.lemma in g.subject_anaphors
                    for t, u in zip(toks[start:head], toks[start + 1 : head], strict=False)))
            a.demonstrative |= not dem.isdisjoint(lows)
            if a.subject_pronoun and start > 0:
                # « X ne se contente pas de … : il a livré … »: the pronoun's antecedent is in this sentence
                earlier = _subject(view, [r for r in view.refs if r.last < start and r.first not in exclude])
                if earlier:
                    a.source = ids(earlier, country_of)
                    a.target = [t for t in a.target if t not in a.source]
                    a.subject_pronoun = False
                    a.rules.append("pronoun")
    if entre:
        pair = ids(entre, country_of)
        if not a.source:
            a.source, a.target = pair[:1], pair[1:] + [t for t in a.target if t not in pair]
        else:
            a.target += [e for e in pair if e not in a.target and e not in a.source]
    a.target = [t for t in a.target if t not in a.source]
    a.place = _place(view, after, trig) if after else None
    return a


def _unnamed_target(view: SentenceView, last: int, end: int, trig: Trigger) -> bool:
    """The verb's target preposition comes after it with no linked name: « à son voisin », "to its ally"."""
    return not trig.target_words.isdisjoint(view.lows[last + 1 : end])


_AUXILIARIES = frozenset({"a", "ont", "avait", "avaient", "has", "have", "had"})


def _second_verb(view: SentenceView, last: int, end: int, lex: Lexicon) -> int:
    """« ont condamné le tir et ont dit qu'il violait les résolutions du Conseil de sécurité »: a verb
    coordinated after the trigger starts a predicate of its own; its names are not the trigger's."""
    toks, g, lows = view.tokens, lex.grammar, view.lows
    for k in compress(range(last + 1, end - 1), map(g.coordinators.__contains__, lows[last + 1 : end - 1])):
        low = lows[k]
        if low not in (",", "ni", "nor"):
            nxt = toks[k + 1]
            if k + 1 in view.barriers or nxt.low in _AUXILIARIES or nxt.low in g.passive_aux or view.verbish(k + 1):
                return k
    return end


def _main_verb(view: SentenceView, last: int, end: int, lex: Lexicon) -> int:
    """« La visite de X à Pyongyang, en septembre, a confirmé que le rapprochement entre A et B … »: a
    noun's complements end where the clause's conjugated verb begins (an auxiliary before a verb)."""
    toks, aux = view.tokens, lex.grammar.passive_aux
    for k in range(last + 1, end - 1):
        low = toks[k].low
        if (low in _AUXILIARIES or low in aux) and (k + 1 in view.barriers or view.verbish(k + 1)):
            return k
    return end


def _agent_phrase_at(view: SentenceView, k: int) -> bool:
    """An agent marker of more than one word (« de la part de », "on the part of") starts at token k."""
    toks = view.tokens
    if k >= len(toks):
        return False
    phrases = view.g.agent_by_head.get(toks[k].low)
    if phrases is None:
        return False
    lows = view.lows
    return any(lows[k : k + len(p)] == p for p in phrases)


def _first_group(view: SentenceView, first: Ref | list[Ref] | None) -> list[Ref]:
    """``first`` (or the first of a list of refs) with the names coordinated with it."""
    if isinstance(first, list):
        first = first[0] if first else None
    if first is None:
        return []
    group = view.group(view.index_of(first))
    return [r for r in group if r.first >= first.first or r.governor == first.governor]


def _subject(view: SentenceView, before: list[Ref]) -> list[Ref]:
    """The nearest ungoverned name before the verb, with its noun phrase and coordinated names."""
    free = [r for r in before if r.governor is None and not r.coordinated]
    if not free:
        return []
    group = view.group(view.index_of(free[-1]))
    return [r for r in group if r.governor is None or r.coordinated]


def _passive(view: SentenceView, head: int, verb: bool = False) -> bool:
    """An auxiliary of the passive just before a participle (``verb``: the word is known to be a verb,
    « sent », "built", whatever its ending)."""
    lows, aux = view.lows, view.g.passive_aux
    return (head > 0 and lows[head - 1] in aux or head > 1 and lows[head - 2] in aux) and (verb or view.verbish(head))


def _noun_agent(view: SentenceView, head: int, last: int, after: list[Ref], trig: Trigger) -> list[Ref]:
    """« la visite de Poutine », « l'invasion russe », « Putin's visit »."""
    toks = view.tokens
    for r in after:
        if r.first > last + 3:
            break
        gap = toks[last + 1 : r.first]
        gap_ok = all(t.kind == "word" for t in gap)
        if r.governor is None and gap_ok and r.first <= last + 2:
            # an adjective of nationality: « l'invasion russe »; a theatre for « le conflit ukrainien »
            return [] if "adj" in trig.targets else view.group(view.index_of(r))
        # « la visite (officielle) de Poutine »: no other preposition in between
        if r.governor == "de" and "de" not in trig.targets and sum(t.low in view.g.prepositions for t in gap) <= 1:
            return [x for x in view.group(view.index_of(r)) if x.governor in ("de", None) or x.coordinated]
        if r.governor is not None:
            break
    for r in view.refs:
        if r.possessive and head - 3 <= r.last < head:
            return [r]
    return []


def _adjective(view: SentenceView, last: int, after: list[Ref]) -> list[Ref]:
    """A name right after the noun, with at most one word between (« le conflit ukrainien »)."""
    for r in after[:1]:
        if r.governor is None and r.first <= last + 2 and all(t.kind == "word" for t in view.tokens[last + 1 : r.first]):
            return view.group(view.index_of(r))
    return []


def _place(view: SentenceView, after: list[Ref], trig: Trigger) -> str | None:
    for r in after:
        gov = r.governor
        if gov is None or gov not in view.g.locative:
            continue
        # « à la Russie » after « fournir » is a recipient; « en Ukraine », « à Paris » is a place
        if gov in trig.place_preps or r.mention.kind == "place" or (
            gov not in trig.targets and gov not in ("à", "to") and r.mention.kind == "country"):
            return view.text[r.mention.start : r.mention.end]
    return None


def _patient(view: SentenceView, lo: int, head: int, lex: Lexicon, a: Args) -> None:
    """A passive verb's object is its subject: « 3 000 soldats nord-coréens auraient été transférés »,
    "10,000 North Korean troops had been sent". The last noun of a known object class before the verb
    heads it; numbers, determiners and names (« nord-coréens ») around it belong to it."""
    toks, g = view.tokens, lex.grammar
    j = next((k for k in range(head - 1, lo - 1, -1) if toks[k].lemma in lex.objects or toks[k].low in lex.objects), None)
    if j is None:
        return
    named = view.named
    k = j
    while k > lo and j - k < 6 and (toks[k - 1].kind == "num" or k - 1 in named or toks[k - 1].low in g.determiners and toks[k - 1].low not in g.scope_stops or
                                    toks[k - 1].low in g.vague or toks[k - 1].low in g.approximators or
                                    toks[k - 1].low in g.multipliers or toks[k - 1].low in ("de", "d'", "of")):
        k -= 1
    end = j
    while end + 1 < head and end + 1 in named:
        end += 1
    a.object = Span(toks[k].start, toks[end].end)
    a.object_class = lex.objects.get(toks[j].lemma) or lex.objects.get(toks[j].low)
    a.quantity = quantity(view, k, j + 1, lex)
    a.rules.append("passive-patient")


def _object(view: SentenceView, k: int, pos: str, lex: Lexicon, a: Args) -> None:
    toks, g = view.tokens, lex.grammar
    n = len(toks)
    if pos == "noun" and k < n and toks[k].low in ("de", "d'", "du", "des", "of"):
        k += 1
    if pos == "verb":
        k = _past_manner(view, k, g.manner)
        # adverbs between the verb and its object: « a également fourni … », "has also supplied …"
        limit = k + 2
        while k < min(n, limit) and toks[k].kind == "word" and toks[k].low.endswith(("ment", "ly")) \
                and toks[k].lemma not in lex.objects:
            k += 1
    if k + 1 < n and toks[k].low in ("entre", "between") and toks[k + 1].kind == "num":
        k += 1  # « a déployé entre 10 000 et 12 000 hommes »
    begin = k
    while True:
        while k < n and (toks[k].low in g.determiners or toks[k].low in g.demonstratives) and \
                toks[k].low not in g.stop_np:
            a.object_demonstrative |= toks[k].low in ("ce", "cet", "cette", "ces", "this", "these", "those")
            k += 1
        if k < n and view.times and view.in_time(k):  # « a signé le 19 juin 2024 le traité »: a date, not the object
            while k < n and view.in_time(k):
                k += 1
            continue
        break
    first = k
    while k < n and k - first < 6:
        t = toks[k]
        if t.low == "-" and 0 < k < n - 1 and toks[k - 1].end == t.start == toks[k + 1].start - 1:
            k += 1  # a name with a number: « missiles Hwasong-19 », "Su-27 jets"
            continue
        if t.kind == "punct" or t.low in g.stop_np or view.verbish(k):
            if t.low in ("et", "and") and k + 1 < n and (toks[k + 1].low in g.determiners or toks[k + 1].lemma
                                                         in lex.objects):
                k += 1
                continue
            break
        k += 1
    if k <= first:
        return
    a.object = Span(toks[first].start, toks[k - 1].end)
    words, objects = toks[first:k], lex.objects
    if objects.keys().isdisjoint(map(LOW, words)):  # the common case, tested in C: only lemmas can name a class
        classes = set(map(objects.get, map(LEMMA, words)))
    else:
        classes = {objects.get(t.lemma) or objects.get(t.low) for t in words}
    a.object_class = next((c for c in CLASS_ORDER if c in classes), None)
    a.quantity = quantity(view, max(begin - 2, 0), k, lex)


def _past_manner(view: SentenceView, k: int, manner: tuple[tuple[str, ...], ...]) -> int:
    """The first token after the dates and the phrases of manner that follow a verb (« a approuvé
    mercredi à l'unanimité le traité », « ont adopté jeudi, sans aucune voix contre, le texte »), or
    ``k`` itself when none follows: the object comes after them."""
    if not manner:
        return k
    lows, n = view.lows, len(view.lows)
    j, passed = k, False
    while j < n:
        if view.times and view.in_time(j):
            j += 1
            continue
        comma = lows[j] == ","
        at = j + 1 if comma else j
        if at >= n or lows[at] not in view.g.manner_heads:
            break
        phrase = next((p for p in manner if tuple(lows[at : at + len(p)]) == p), None)
        if phrase is None:
            break
        j, passed = at + len(phrase), True
        if comma and j < n and lows[j] == ",":
            j += 1
    return j if passed else k


def quantity(view: SentenceView, lo: int, hi: int, lex: Lexicon) -> Quantity | None:
    """« 3 000 soldats » → 3000; « 10 000 à 12 000 » → 10000, approximate; « des milliers » → 1000, approximate."""
    toks, g = view.tokens, lex.grammar
    for k in range(lo, min(hi, len(toks))):
        t = toks[k]
        if t.low in g.vague:
            return Quantity(t.start, t.end, g.vague[t.low], approximate=True, unit=_unit(view, k + 1, hi))
        if t.kind != "num" or _not_a_count(view, k, lex):
            continue
        value = _number(t.low)
        if value is None:
            continue
        end_k = k
        if k + 1 < len(toks) and toks[k + 1].low in g.multipliers:
            value *= g.multipliers[toks[k + 1].low]
            end_k = k + 1
        approx = k > 0 and (toks[k - 1].low in g.approximators or toks[k - 1].low == "de" and k > 1 and
                            toks[k - 2].low in g.approximators)
        # a range « 10 000 à 12 000 »: keep the lower bound and say it is approximate
        if end_k + 2 < len(toks) and toks[end_k + 1].low in g.range_words and toks[end_k + 2].kind == "num":
            end_k += 2
            approx = True
        if 1900 <= value <= 2100 and not approx and t.low.isdigit() and len(t.low) == 4:
            continue  # a year, not a head count
        return Quantity(t.start, toks[end_k].end, value, approximate=approx, unit=_unit(view, end_k + 1, hi))
    return None


def _not_a_count(view: SentenceView, k: int, lex: Lexicon) -> bool:
    """A number inside a time expression or a day-month date (« le 19 juin »), an ordinal (« 11e corps
    d'armée », "11th"), a share (« 40 % »), an age or a span of years (« 70 ans », "24 years"), or part
    of a name (« Hwasong-19 », "F-16") counts nothing."""
    toks, g = view.tokens, lex.grammar
    t = toks[k]
    if view.times and view.in_time(k):
        return True
    if k + 1 < len(toks):
        nxt = toks[k + 1]
        if nxt.low in g.months or (nxt.start == t.end and nxt.low in g.ordinal_suffixes):
            return True
        for p in g.not_counts:
            if tuple(x.low for x in toks[k + 1 : k + 1 + len(p)]) == p:
                return True
    return k > 1 and toks[k - 1].low in ("-", "‑") and toks[k - 1].end == t.start and \
        toks[k - 2].end == toks[k - 1].start and toks[k - 2].kind == "word"


def _number(low: str) -> float | None:
    digits = low.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if "," in digits and "." not in digits and len(digits.split(",")[-1]) != 3:
        digits = digits.replace(",", ".")  # French decimal comma: « 1,5 million »
    else:
        digits = digits.replace(",", "")
    try:
        return float(digits)
    except ValueError:
        return None


def _unit(view: SentenceView, k: int, hi: int) -> str | None:
    """What is counted: the noun after the number (« 3 000 soldats », "10,000 troops"), past « de » and
    a nationality written before the noun ("10,000 North Korean troops")."""
    toks = view.tokens
    while k < min(hi + 1, len(toks)) and toks[k].low in ("de", "d'", "of"):
        k += 1
    named, g = view.named, view.g
    while k + 1 < len(toks) and k in named and toks[k + 1].kind == "word" and toks[k + 1].low not in g.prepositions:
        k += 1
    return toks[k].lemma if k < len(toks) and toks[k].kind == "word" else None
