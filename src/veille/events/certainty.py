"""Certainty and attribution of event mentions (DESIGN.md, "Certainty").

Each cue of ``certainty_<lang>.tsv`` found in the sentence governs the triggers in its scope. When
several govern one trigger the strongest class wins, in the order of ``PRIORITY``: a plain negation
overrides everything, a denial overrides the accusation it answers, a modal (« pourrait ») makes even
an accusation speculative, and a reporting cue only says who speaks. The cue's source (« selon X »,
« X affirme que », « accusée par X ») becomes ``attributed_to``; a cue never governs its own words
(« accuser » the trigger is asserted; what the accused did is alleged).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress

from veille.events.arguments import CountryOf, ids
from veille.events.lexicon import Cue, Lexicon, Trigger
from veille.events.matching import Match
from veille.events.sentence import SentenceView

PRIORITY = ("negated", "denied", "speculative", "alleged", "reported")
_AVOIR = frozenset({"a", "ont", "avait", "avaient", "aura", "auront", "has", "have", "had"})
# what ends the words a post-posed reporting verb reports: a comma or a closing quote
_REPORTED_END = frozenset({",", "»", '"', "”"})
_THAT = frozenset({"que", "qu'", "that"})


@dataclass(slots=True)
class CueHit:
    cls: str
    rule: str
    first: int
    last: int
    lo: int  # scope: token indices [lo, hi)
    hi: int
    idx: tuple[int, ...] = ()  # the cue's own tokens (« ne » and « pas », not the verb between them)
    attributed: list[str] = field(default_factory=list)
    controller: list[str] = field(default_factory=list)  # the implicit subject of what the cue governs
    takes_subject: bool = False  # the clause's subject belongs to the cue (« X affirme que … »)

    def governs(self, m: Match[Trigger]) -> bool:
        own = self.idx or range(self.first, self.last + 1)
        return self.lo <= m.first < self.hi and m.first not in own and m.last not in own


def source_cues(view: SentenceView, matches: list[Match[Cue]], lex: Lexicon) -> list[Match[Cue]]:
    """The cues that introduce the source of a claim after them (« selon X », « …, a déclaré X »)."""
    return [m for m in matches if m.item.source == "after" and m.item.cls == "reported"
            and (m.item.scope != "postposed" or _postposed(view, m, lex))]


def claim_sources(view: SentenceView, sources: list[Match[Cue]]) -> frozenset[int]:
    """Token indices of names that are the source of a claim (« selon X », « d'après X »), after the
    ``sources`` (the :func:`source_cues`) of the sentence."""
    out: set[int] = set()
    for m in sources:
        stop = view.clause_end(m.last, commas=True)
        reach = stop if m.item.scope == "postposed" else m.last + 7
        near = [r for r in view.refs if m.last < r.first < min(reach, stop)]
        if near:
            out.update(r.first for r in view.group(view.index_of(near[0])))
    return frozenset(out)


def analyse(view: SentenceView, matches: list[Match[Cue]], lex: Lexicon, country_of: CountryOf) -> list[CueHit]:
    """The cues of one sentence with their scopes and sources; negations cancelled by a blocker
    (« ne se contente pas de », "not only") are left out."""
    if not matches:
        return _negated_cues(view, _conditionals(view, lex, set()), lex)
    blocks = {i for m in matches if m.item.cls == "block" for i in m.idx}
    hits: list[CueHit] = []
    cued = {i for m in matches for i in m.idx}
    for m in matches:
        cue = m.item
        if cue.cls == "block" or blocks.issuperset(m.idx):  # « même si » concedes, it sets no condition
            continue
        if view.times and view.in_time(m.first):  # "in May" is a month, not a modal
            continue
        lo, hi = _scope(view, m, lex)
        if cue.cls == "negated" and any(lo <= b <= hi for b in blocks):
            continue
        hit = CueHit(cue.cls, cue.rule, m.first, m.last, lo, hi, m.idx)
        _source(view, m, hit, lex, country_of)
        hits.append(hit)
    hits += _conditionals(view, lex, cued)
    return _negated_cues(view, hits, lex)


def _negated_cues(view: SentenceView, hits: list[CueHit], lex: Lexicon) -> list[CueHit]:
    """A negation over another cue cancels that cue: « n'a ni confirmé ni démenti » is no denial,
    "did not accuse" no accusation. A negated verb of confirming or saying (« n'a jamais reconnu
    ce déploiement », "has not confirmed the deployment") withholds confirmation: what it governs
    is not negated, it stays a claim (reported, with no source)."""
    if not hits:
        return hits
    negs = [h for h in hits if h.cls == "negated"]
    if not negs:
        return hits
    out = [h for h in hits if not (h.cls in ("denied", "alleged", "reported") and any(
        n.lo <= h.first < n.hi and n.first < h.first for n in negs))]
    toks, knowing = view.tokens, lex.grammar.knowing_verbs
    for n in negs:
        verb = next((k for k in range(n.first + 1, min(n.hi, n.last + 4)) if k not in n.idx
                     and toks[k].kind == "word" and toks[k].lemma in knowing), None)
        if verb is None:
            continue
        out.append(CueHit("reported", f"reported:unconfirmed:{toks[verb].low}", verb, verb, verb + 1, n.hi))
        n.hi = verb + 1
    return out


def _postposed(view: SentenceView, m: Match[Cue], lex: Lexicon) -> bool:
    """The cue stands after a whole clause it reports (« …auraient été transférés, a déclaré le
    ministère »): not before a « que » of its own (« la visite, en septembre, a confirmé que … »), nor
    after a subject set off by commas (« Poutine, confirmant son engagement, a assuré … »)."""
    toks, a, b = view.tokens, m.first, m.last
    if a == 0 or toks[a - 1].low not in _REPORTED_END or (b + 1 < len(toks) and toks[b + 1].low in _THAT):
        return False
    aux = lex.grammar.passive_aux
    return any(t.low in _AVOIR or t.low in aux or (view.verbish(k) and not t.low.endswith("ant"))
               for k, t in enumerate(toks[view.clause_start(a - 1) : a - 1], view.clause_start(a - 1)))


def _scope(view: SentenceView, m: Match[Cue], lex: Lexicon) -> tuple[int, int]:
    a, b, n = m.first, m.last, len(view.tokens)
    scope = m.item.scope
    if scope == "sentence":
        k = a - 1
        while k >= 0 and (view.lows[k] in _AVOIR or view.lows[k] in lex.grammar.passive_aux):
            k -= 1
        if k >= 0 and view.lows[k] in ("and", "et"):
            # "condemned the launch and said it violated …": a second verb of the same subject reports
            # what follows it; what the subject did first is told by the text itself
            return b + 1, n
        return 0, n
    if scope == "rest":
        return b + 1, _presupposed(view, b + 1, view.clause_end(b), lex)
    if scope == "after":
        return b + 1, _presupposed(view, b + 1, view.clause_end(b, commas=True), lex)
    if scope == "before":
        return view.clause_start(a, commas=True), a
    if scope == "postposed":  # « …, a déclaré le ministère »: a reporting verb after what it reports
        return (view.clause_start(a - 1), a) if _postposed(view, m, lex) else (a, a)
    if scope == "clause":
        return view.clause_start(a, commas=True), _presupposed(view, b + 1, view.clause_end(b, commas=True), lex)
    if scope == "predicate":
        # the negated verb and its complements: « n'a pas procédé à un essai nucléaire », "has never
        # formally confirmed the deployment"; a subordinate clause or a purpose phrase is out of it
        lo = a if len(m.idx) > 1 else b + 1
        hi = _presupposed(view, lo, view.clause_end(b, commas=True), lex)
        g, toks = lex.grammar, view.tokens
        for k in range(b + 1, hi):
            low = toks[k].low
            if (k >= b + 3 and low in g.scope_stops) or (low in g.coordinators and low not in (",", "ni", "nor") and
                                                         k + 1 < n and (k + 1 in view.barriers or view.verbish(k + 1))):
                return lo, k  # « n'a jamais reconnu ce déploiement et nie avoir … »: a second verb, its own polarity
        return lo, hi
    if scope == "adjacent":  # an adjective or a preposition: the word it qualifies (« l'arrivée potentielle »)
        return max(0, a - 2), min(n, b + 3)
    # local: the negated verb group — between « ne » and « pas » and the participle or infinitive after
    if len(m.idx) > 1:
        return a, min(n, b + 3)
    return b + 1, min(n, b + 4)


def _presupposed(view: SentenceView, lo: int, hi: int, lex: Lexicon) -> int:
    """The scope ends before a presupposing preposition with a noun complement: in « il interviendrait
    après la signature du traité », "could follow after the signing", the signing is background,
    outside the modal (« après avoir livré » is a verb: it stays inside)."""
    toks, g = view.tokens, lex.grammar
    if not g.presupposing:
        return hi
    for k in range(lo, hi - 1):
        if toks[k].low in g.presupposing and (toks[k + 1].low in g.determiners or toks[k + 1].kind == "elision"):
            return k
    return hi


def _source(view: SentenceView, m: Match[Cue], hit: CueHit, lex: Lexicon, country_of: CountryOf) -> None:
    how = m.item.source
    if how == "none":
        return
    a, b = m.first, m.last
    subj_ids: list[str] = []
    if how != "after":  # the clause's subject: who says or accuses
        start = view.clause_start(a)
        subject = [r for r in view.refs if start <= r.first and r.last < a and r.governor is None and not r.coordinated]
        subj_ids = ids(view.group(view.index_of(subject[-1])), country_of) if subject else []
    if how == "after":
        # a post-posed speaker may stand after a date: « …, a indiqué mercredi le service de renseignement »
        reach = view.clause_end(b, commas=True) if m.item.scope == "postposed" else b + 7
        near = [r for r in view.refs if b < r.first < reach]
        hit.attributed = ids(view.group(view.index_of(near[0])), country_of) if near else []
        if not hit.attributed:
            hit.attributed = _phrase(view, b + 1, min(len(view.tokens), b + 7), lex, forward=True)
    elif how == "subject":
        passive = not lex.grammar.passive_aux.isdisjoint(view.lows[max(0, a - 2) : a])
        if not passive:  # « des sanctions sont envisagées »: nobody named
            hit.attributed = subj_ids or _phrase(view, view.clause_start(a, commas=True), a, lex, forward=False)
        hit.takes_subject = True
        if hit.cls == "denied":
            hit.controller = subj_ids
    elif how == "par":
        agents = [r for r in view.refs if r.first > b and r.governor == "par" and r.first <= b + 8]
        passive = bool(agents) or not lex.grammar.passive_aux.isdisjoint(view.lows[max(0, a - 2) : a])
        if passive:
            hit.attributed = ids(view.group(view.index_of(agents[0])), country_of) if agents else []
            hit.controller = subj_ids
        else:
            hit.attributed = subj_ids
            obj = [r for r in view.refs if b < r.first <= b + 4 and r.governor is None]
            hit.controller = ids(view.group(view.index_of(obj[0])), country_of) if obj else []
        hit.takes_subject = True


def _phrase(view: SentenceView, lo: int, hi: int, lex: Lexicon, forward: bool) -> list[str]:
    """The words naming an unlinked source: « des sources occidentales suspectent » → "sources occidentales"."""
    g = lex.grammar
    toks = view.tokens
    if forward:
        while lo < hi and toks[lo].low in g.determiners:
            lo += 1
        end = lo
        while end < hi and toks[end].kind in ("word", "num") and toks[end].low not in g.stop_np:
            end += 1
        hi = end
    else:
        while hi > lo and (toks[hi - 1].low in g.passive_aux or toks[hi - 1].low in _AVOIR or
                           toks[hi - 1].low.endswith("ment")):
            hi -= 1
        while lo < hi and (toks[lo].low in g.determiners or toks[lo].kind == "punct"):
            lo += 1
        if hi - lo > 4:  # only a short clause-initial noun phrase names a source
            return []
    if hi <= lo or any(t.kind == "punct" or t.low in g.prepositions or t.low in g.stop_np for t in toks[lo:hi]):
        return []
    return [view.phrase_text(lo, hi - 1)]


def _conditionals(view: SentenceView, lex: Lexicon, cued: set[int]) -> list[CueHit]:
    """French conditional mood (« signerait », « permettraient »): hypothetical, hence speculative.
    The journalistic « aurait / serait » are cues of their own (reported)."""
    endings = lex.grammar.conditional_endings
    if not endings:
        return []
    out = []
    toks = view.tokens
    known = _CONDITIONAL.setdefault((lex.lang, endings), {})
    flags = list(map(known.get, view.lows))
    if None in flags:
        for i, flag in enumerate(flags):
            if flag is None:
                t = toks[i]
                flags[i] = known[t.low] = (t.kind == "word" and t.low.endswith(endings) and t.lemma != t.low
                                           and t.lemma.endswith(("r", "re")))
    for i in compress(range(len(flags)), flags):
        if i not in cued:
            hi = _presupposed(view, i + 1, view.clause_end(i, commas=True), lex)
            out.append(CueHit("speculative", "speculative:conditionnel", i, i, i, hi))
    return out


# (language, endings) → lower-cased word → is a verb in the conditional mood (a function of the word:
# its kind and lemma are)
_CONDITIONAL: dict[tuple[str, tuple[str, ...]], dict[str, bool]] = {}


def decide(hits: list[CueHit], m: Match[Trigger]) -> tuple[str, str, list[str], list[str]]:
    """(certainty, certainty_rule, attributed_to, denied_by) for trigger ``m``."""
    own = [h for h in hits if h.governs(m) or (h.rule == "speculative:conditionnel" and h.first == m.first)]
    if not own:
        return "asserted", "", [], []
    if len(own) > 1:
        own.sort(key=lambda h: PRIORITY.index(h.cls))
    best = own[0]
    attributed = list(best.attributed)
    if not attributed:
        attributed = next((list(h.attributed) for h in own if h.attributed), [])
    denied_by = list(best.attributed) if best.cls == "denied" else []
    return best.cls, best.rule, attributed, denied_by


def subject_window(hits: list[CueHit], m: Match[Trigger]) -> tuple[int, list[str] | None]:
    """Where the trigger's own subject may start, and who controls it when it has none: after
    « X accuse Y de », the one accused; after « X nie », X."""
    window, controller = 0, None
    for h in hits:
        if h.takes_subject and h.last < m.first and h.governs(m):
            window = max(window, h.last + 1)
            controller = h.controller or controller
    return window, controller


def anaphoric_denials(view: SentenceView, hits: list[CueHit], lex: Lexicon,
                      triggers: list[Match[Trigger]]) -> list[list[str]]:
    """Deniers whose denial points back (« X nie ces accusations ») rather than at an event here."""
    out = []
    for h in hits:
        if h.cls != "denied":
            continue
        k = h.last + 1
        toks = view.tokens
        while k < len(toks) and (toks[k].low in lex.grammar.demonstratives or toks[k].low in lex.grammar.determiners):
            k += 1
        pointing = k < len(toks) and toks[k].lemma in lex.grammar.anaphors
        governed = [m for m in triggers if h.governs(m) and not pointing]
        if (pointing or not governed) and h.attributed:
            out.append(h.attributed)
    return out
