"""Events: who did what to whom, when, how many, and how sure the source is.

``find_events(article, kb)`` reads ``article.text``, ``sentences``, ``mentions``, ``times``,
``published`` and ``language`` and returns one :class:`~veille.types.EventMention` per trigger:

- the trigger lexicon (``data/triggers_<lang>.tsv``) maps lemmas and lemma phrases to CAMEO codes;
- arguments come from the linked names of the sentence (see :mod:`veille.events.arguments`):
  ``source_actors`` / ``target_actors`` hold **entity ids as linked** (people stay people); the fact
  merger resolves them to countries with ``kb.country_of``;
- certainty and attribution come from the cue lexicon (see :mod:`veille.events.certainty`);
- ``time`` is the TIMEX3 value of the sentence's date nearest the trigger; failing that, « récent »
  near the trigger gives ``time_bounds = (None, published date)``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate, chain, compress
from operator import attrgetter
from typing import Protocol

from veille.events.arguments import Args, CountryOf, extract_actors, extract_object
from veille.events.certainty import (
    CueHit,
    analyse,
    anaphoric_denials,
    claim_sources,
    decide,
    source_cues,
    subject_window,
)
from veille.events.dateline import is_dateline
from veille.events.labels import EVENT_LABELS, cameo_label
from veille.events.lexicon import Lexicon, LexiconError, build_lexicon, get_lexicon
from veille.events.matching import WANTED, Match, candidates, find_matches
from veille.events.sentence import SentenceView
from veille.events.tokens import LEMMA, LOW, Token, split_by, tokenize_text
from veille.types import Article, EventMention, Mention, Span, TimeRef

__all__ = ["EVENT_LABELS", "LexiconError", "build_lexicon", "cameo_label", "find_events", "get_lexicon",
           "actor_countries"]

_BACK = 2  # sentences a denial or an anaphor may reach back
_MODAL = frozenset({"speculative", "denied"})  # cue classes that qualify another event
_GIVING = frozenset({"06", "07"})  # material cooperation and aid: someone gives to someone
_SPEAKING = frozenset({"01", "11", "12"})  # statements, disapproval (accusations), rejections
_OF = frozenset({"de", "d'", "du", "des", "of"})
_DATE_TYPES = frozenset({"DATE", "TIME"})
_START, _START_END = attrgetter("start"), attrgetter("start", "end")
_BORROWED = "+anaphor"  # the rule of an event that took its actors from an earlier event (« ce traité »)
_FRAME_REACH = 16  # tokens after a trigger where « lors de … » may set it inside another event


class CountryLookup(Protocol):
    def country_of(self, entity_id: str) -> str | None: ...


@dataclass(slots=True)
class _State:
    """What later sentences may point back to."""

    events: list[tuple[int, EventMention, Args]] = field(default_factory=list)  # (sentence number, …)
    last_subject: list[str] = field(default_factory=list)
    subject_at: int = -1  # the sentence ``last_subject`` comes from
    # ``last_subject`` spoke or accused there (« Séoul et Washington accusent … »): a speaker is not
    # who receives what the next sentence says was given
    subject_speaks: bool = False


def _country_fn(kb: CountryLookup | None) -> CountryOf:
    if kb is None:
        return lambda e: e if len(e) == 3 and e.isupper() else None
    return kb.country_of


def actor_countries(event: EventMention, kb: CountryLookup | None) -> tuple[list[str], list[str]]:
    """Source and target of ``event`` at country level (unresolvable ids are dropped)."""
    of = _country_fn(kb)

    def resolve(xs: list[str]) -> list[str]:
        out: list[str] = []
        for x in xs:
            c = of(x)
            if c and c not in out:
                out.append(c)
        return out

    return resolve(event.source_actors), resolve(event.target_actors)


def find_events(article: Article, kb: CountryLookup | None) -> list[EventMention]:
    lang = article.language if article.language in ("fr", "en") else "fr"
    lex = get_lexicon(lang)
    text = article.text
    sentences = article.sentences or _split(text)
    country_of = _country_fn(kb)
    mentions = sorted(article.mentions, key=_START_END)
    m_starts = [m.start for m in mentions]
    # « bientôt » (FUTURE_REF) says nothing a fact can be dated by
    times = sorted((t for t in article.times if t.value and t.type in _DATE_TYPES and not t.value.endswith("_REF")
                    and not is_dateline(text, t)), key=_START)
    t_starts = [t.start for t in times]
    # every time expression, durations included: a number inside one is never a quantity
    spans = sorted((t.start, t.end) for t in article.times)
    s_starts = [a for a, _ in spans]
    published = (article.published or "")[:10] or None
    state = _State()
    out: list[EventMention] = []
    wars: list[EventMention] = []  # state nouns of war that became events (« le début de la guerre »)
    # the tokens, their forms and their candidate phrases, for the whole article at once: each
    # sentence takes its slice
    all_tokens = tokenize_text(text, lang)
    ranges = split_by(text, all_tokens, sentences, lang)
    all_lows = list(map(LOW, all_tokens))
    all_cands = candidates(all_tokens, all_lows, lex.trigger_index, lex.cue_index)
    # every form and lemma of the article: a phrase with a part outside it cannot match anywhere
    words = set(all_lows)
    words.update(map(LEMMA, all_tokens))
    # an intertitle (« Un dialogue stratégique », "Denials and silence") announces what the paragraphs
    # below tell; they carry the events, with their actors and dates
    headings = sorted((p.start, p.end) for p in article.paragraphs if p.kind == "heading")
    # a sentence lies under a heading when one starting before it reaches past its end: the farthest
    # end among the headings that start before each point answers with one bisect
    h_starts = [a for a, _ in headings]
    h_reach = list(accumulate((b for _, b in headings), max))
    for n, sent in enumerate(sentences):
        first, end = ranges[n]
        if first == end:
            continue
        if h_starts:
            k = bisect_right(h_starts, sent.start)
            if k and sent.end <= h_reach[k - 1]:
                continue
        cands = all_cands[first:end]
        # no word of the sentence begins a trigger or a cue, or only cues that qualify a trigger
        if not any(cands) or not any(map(WANTED, filter(None, cands))):
            _remember_subject(state, mentions, m_starts, sent, n)
            continue
        tokens, lows = all_tokens[first:end], all_lows[first:end]
        trig, cues = find_matches(tokens, lex.trigger_index, lex.cue_index, lex.grammar.determiners, lows, words,
                                  cands)
        if not trig and (not cues or "denied" not in [c.item.cls for c in cues]):
            _remember_subject(state, mentions, m_starts, sent, n)
            continue
        lo, hi = bisect_left(m_starts, sent.start), bisect_left(m_starts, sent.end)
        barriers = frozenset(chain.from_iterable([c.idx for c in cues] + [m.idx for m in trig if m.item.pos == "verb"]))
        view = SentenceView(text, tokens, [m for m in mentions[lo:hi] if m.end <= sent.end], lex.grammar, barriers,
                            spans[bisect_left(s_starts, sent.start) : bisect_left(s_starts, sent.end)], lows)
        sources = source_cues(view, cues, lex) if cues else []
        trig = _not_in_names(trig, view, sources)
        hits = analyse(view, cues, lex, country_of)
        denials = frozenset([i for c in cues if c.item.cls == "denied" for i in c.idx]) if cues else frozenset()
        sent_times = times[bisect_left(t_starts, sent.start) : bisect_left(t_starts, sent.end)]
        exclude = claim_sources(view, sources) if sources else frozenset()
        new: list[tuple[int, EventMention, Args]] = []
        objects: list[tuple[Span, str, str]] = []  # (object span, code, pos) of the events kept so far
        kept: list[tuple[Match, EventMention]] = []
        modal = [h for h in hits if h.cls in _MODAL]
        for m in trig:
            if modal and _modality(m, modal, trig):
                continue
            window, controller = subject_window(hits, m) if hits else (0, None)
            args = extract_object(view, m, lex, window)
            code = m.item.code_for(args.object_class)
            if code is None or (m.first in denials and _points_back(args, view, lex)):
                continue
            attached = _attached_date(m, tokens, sent_times) if m.item.state and sent_times else None
            if m.item.state and not _state_event(m, view, args, attached, lex):
                continue
            if objects and _nested(tokens[m.first].start, code, objects):
                continue
            extract_actors(view, m, lex, args, window, country_of, controller, exclude)
            if args.object is not None:
                objects.append((args.object, code, m.item.pos))
            certainty = decide(hits, m) if hits else ("asserted", "", [], [])
            ev = EventMention(sent, Span(tokens[m.first].start, tokens[m.last].end), code, _rule(m, args), args.source,
                              args.target, args.object, args.quantity, None, None, args.place, *certainty)
            if m.item.state:  # a state's date is the one written in its phrase, never the sentence's
                ev.time = attached.value if attached else None
            else:
                own = _own_times(m, tokens, trig, sent_times) if sent_times and len(trig) > 1 else sent_times
                if own and hits:
                    own = _before_reporter(m, tokens, hits, own)
                _bind_time(ev, m, view, own, published, lex)
            _carry(ev, args, state, n, view, exclude, country_of, tokens[m.first].lemma in lex.grammar.anaphors)
            new.append((n, ev, args))
            kept.append((m, ev))
        if len(kept) > 1:
            _frames(kept, tokens, lows, lex, country_of)
        for deniers in anaphoric_denials(view, hits, lex, trig) if hits else ():
            _link_denial(state, n, deniers)
        if state.events and state.events[0][0] < n - 6:
            state.events = [x for x in state.events if x[0] >= n - 6]
        if new:
            state.events += new
            out += [ev for _, ev in kept]
            wars += [ev for m, ev in kept if m.item.state and ev.cameo[:2] == "19"]
        _remember_subject(state, mentions, m_starts, sent, n, new)
    _war_agents(wars, out, country_of)
    return out


def _not_in_names(trig: list[Match], view: SentenceView, source_cues: list[Match]) -> list[Match]:
    """A word of a linked name (« the United States », « Secretary of State ») or of a cue that
    introduces a source (« selon », "according to", « …, a déclaré X ») is never an event."""
    if not trig:
        return trig
    taken = view.named
    if source_cues:
        taken = taken.union([i for c in source_cues for i in c.idx])
    return [m for m in trig if m.first not in taken] if taken else trig


def _points_back(args: Args, view: SentenceView, lex: Lexicon) -> bool:
    """A denial verb with no content or with an anaphor for object (« Pyongyang dément. », « rejette
    ces accusations », "denied the reports") answers earlier claims; it is not an event of its own."""
    if args.object is None or args.object_demonstrative:
        return True
    toks = view.tokens
    return any(t.lemma in lex.grammar.anaphors for t in toks if args.object.start <= t.start < args.object.end)


def _war_agents(wars: list[EventMention], events: list[EventMention], country_of: CountryOf) -> None:
    """« le conflit ukrainien » names where a war is fought, not who wages it. When the article names
    one side attacking there (« l'invasion russe », with that target or none), it is the war's agent."""
    for war in wars:
        if war.source_actors or not war.target_actors:
            continue
        where = {country_of(t) or t for t in war.target_actors}
        agents: dict[str, list[str]] = {}
        for ev in events:
            if ev is war or ev in wars or ev.cameo[:2] not in ("18", "19") or not ev.source_actors:
                continue
            if {country_of(t) or t for t in ev.target_actors} - where:
                continue
            key = ",".join(sorted({country_of(a) or a for a in ev.source_actors}))
            if not set(key.split(",")) & where:
                agents.setdefault(key, list(ev.source_actors))
        if len(agents) == 1:
            war.source_actors = next(iter(agents.values()))
            war.rule += "+war-agent"


def _rule(m: Match, args: Args) -> str:
    extra = "+".join(args.rules)
    return f"{m.item.where}:{m.item.text}" + (f"+{extra}" if extra else "")


def _split(text: str) -> list[Span]:
    try:
        from veille.text.sentences import split_sentences
    except ImportError:  # the sentence splitter is a sibling stage; a line is a sentence without it
        return [Span(0, len(text))] if text else []
    return split_sentences(text)


def _bind_time(ev: EventMention, m: Match, view: SentenceView, times: Sequence[TimeRef],
               published: str | None, lex: Lexicon) -> None:
    if times:
        t0, t1 = ev.trigger.start, ev.trigger.end
        # « Proposé au Parlement la semaine dernière, le texte avait été signé le 19 juin »: a date of the
        # trigger's own comma-delimited clause first
        toks = view.tokens
        lo = toks[view.clause_start(m.first, commas=True)].start
        hi = toks[view.clause_end(m.last, commas=True) - 1].end
        own = [t for t in times if lo <= t.start and t.end <= hi]
        if own:
            times = own
        else:
            # « le traité, signé pour vingt ans, était devenu caduc dans les années 1990 »: a date in a
            # later clause that has a verb of its own dates that verb, not the trigger (an earlier clause
            # often sets the scene: « publié en 2008, le livre dénonçait »)
            times = [t for t in times if t.start < t0 or not _other_verb(view, t)]
            if not times:
                return
        # nearest date; one before the trigger counts a little farther (dates usually follow the verb)
        best = min(times, key=lambda t: t.start - t1 if t.start >= t1 else int((t0 - t.end) * 1.5))
        ev.time = best.value
        return
    if not lex.grammar.recent.isdisjoint(view.lows[max(0, m.first - 4) : m.last + 3]):
        ev.time_bounds = (None, published)


def _other_verb(view: SentenceView, t: TimeRef) -> bool:
    """The comma-delimited clause of time ``t`` has a verb outside the time expression."""
    toks = view.tokens
    k = bisect_left(toks, t.start, key=_START)
    if k >= len(toks):
        return False
    lo, hi = view.clause_start(k, commas=True), view.clause_end(k, commas=True)
    return any(view.verbish(j) for j in range(lo, hi) if not t.start <= toks[j].start < t.end)


def _modality(m: Match, modal: Sequence[CueHit], trig: Sequence[Match]) -> bool:
    """« des sanctions sont envisagées », « X nie ces accusations »: a trigger that is itself a cue of
    possibility or denial over another trigger of the sentence is that event's modality (its certainty),
    not an event of its own."""
    return any(h.first <= m.first <= h.last and any(o is not m and h.governs(o) for o in trig) for h in modal)


def _attached_date(m: Match, tokens: Sequence[Token], times: Sequence[TimeRef]) -> TimeRef | None:
    """A date inside the trigger's own phrase, at most three words after it (« le conflit ukrainien en
    février 2022 », "the war of 1950"), with no punctuation in between."""
    end = tokens[m.last].end
    for t in times:
        if t.start < end:
            continue
        gap = [tok for tok in tokens[m.last + 1 : m.last + 5] if tok.end <= t.start]
        return t if len(gap) <= 3 and all(tok.kind != "punct" for tok in gap) else None
    return None


def _state_event(m: Match, view: SentenceView, args: Args, attached: TimeRef | None, lex: Lexicon) -> bool:
    """A state noun (« la coopération militaire », « la guerre en Ukraine ») is a backdrop, not a
    happening, unless something happens to it: a date in its phrase, a quantity, an onset or an end
    (« le début de la guerre »), or a light verb that makes it an action (« apporter un soutien »)."""
    if attached is not None or args.quantity is not None:
        return True
    g, toks = lex.grammar, view.tokens
    k = m.first - 1
    while k >= 0 and (toks[k].low in g.determiners or toks[k].low in _OF):
        k -= 1
    if k < 0 or k == m.first - 1:
        return False
    word = toks[k]
    return word.lemma in g.light_verbs or word.low in g.light_verbs or (
        toks[k + 1].low in _OF and (word.lemma in g.onsets or word.low in g.onsets))


def _own_times(m: Match, tokens: Sequence[Token], trig: Sequence[Match], times: Sequence[TimeRef]) -> list[TimeRef]:
    """The sentence's dates that no other trigger stands between: in « l'adoption … depuis le début du
    conflit en février 2022 », the date belongs to the conflict, not to the adoption."""
    t0, t1 = tokens[m.first].start, tokens[m.last].end
    others = [(tokens[o.first].start, tokens[o.last].end) for o in trig if o is not m]
    return [t for t in times if not any(
        (t1 <= s < t.start) if t.start >= t1 else (t.end <= s and e <= t0) for s, e in others)]


def _before_reporter(m: Match, tokens: Sequence[Token], hits: Sequence[CueHit],
                     times: list[TimeRef]) -> list[TimeRef]:
    """« …auraient été transférés en Russie, a déclaré mercredi le service de renseignement »: a date
    after the reporting verb that governs the trigger from behind dates the report, not the event."""
    ends = [tokens[h.first].start for h in hits if h.hi == h.first and h.governs(m)]
    return [t for t in times if t.start < min(ends)] if ends else times


def _frames(kept: list[tuple[Match, EventMention]], tokens: Sequence[Token], lows: list[str], lex: Lexicon,
            country_of: CountryOf) -> None:
    """« le traité signé en juin 2024 lors de la visite de X à Y »: an event set inside another one
    (lors de, pendant, au cours de; during) took place with its participants and on its date; each
    fills what the other lacks. « signé par X et Y lors d'une visite à Pyongyang »: the visitors are
    the signers who are not the hosts."""
    frames = lex.grammar.frames
    if not frames or len(kept) < 2:
        return
    starts = {m.first: ev for m, ev in kept}
    heads = lex.grammar.frame_by_head
    for m, ev in kept:
        if heads.keys().isdisjoint(lows[m.last + 1 : m.last + _FRAME_REACH]):
            continue  # no frame phrase begins in reach
        for p in range(m.last + 1, min(len(tokens), m.last + _FRAME_REACH)):
            if tokens[p].kind == "punct":
                # « signé par X le 19 juin, lors d'une visite à Pyongyang »: a comma may open the frame
                if lows[p] == "," and p + 1 < len(tokens) and lows[p + 1] in heads:
                    continue
                break
            if p in starts:
                break  # another event comes first: a frame after it is that event's
            phrase = next((f for f in heads.get(lows[p], ()) if tuple(lows[p : p + len(f)]) == f), None)
            if phrase is None:
                continue
            q = p + len(phrase)
            outer = next((starts[k] for k in range(q, min(len(tokens), q + 4)) if k in starts), None)
            if outer is not None:
                if not ev.source_actors and not ev.target_actors and (outer.source_actors or outer.target_actors):
                    ev.source_actors, ev.target_actors = list(outer.source_actors), list(outer.target_actors)
                    ev.rule += "+frame"
                elif not outer.source_actors and ev.source_actors and outer.target_actors:
                    hosts = {country_of(t) or t for t in outer.target_actors}
                    guests = [a for a in ev.source_actors if (country_of(a) or a) not in hosts]
                    if guests:
                        outer.source_actors = guests
                        outer.rule += "+frame"
                ev.time = ev.time or outer.time
                outer.time = outer.time or ev.time
            break


def _nested(start: int, code: str, objects: list[tuple[Span, str, str]]) -> bool:
    """A trigger inside the object of an earlier one is part of it, not an event of its own
    (« a signé un traité », « la signature d'un traité d'assistance militaire ») — unless a verb
    governs another kind of event (« a appelé à une augmentation des armes »)."""
    return any(span.start <= start < span.end and (c[:2] == code[:2] or pos == "noun") for span, c, pos in objects)


def _agentless(view: SentenceView, exclude: frozenset[int]) -> bool:
    """« des sanctions sont envisagées »: a passive with no agent and nobody named in the sentence."""
    if any(r.is_actor and r.first not in exclude for r in view.refs):
        return False
    lows = view.lows
    return any(map(view.verbish, [k + 1 for k in compress(range(len(lows) - 1), map(view.g.passive_aux.__contains__, lows))]))


def _carry(ev: EventMention, args: Args, state: _State, n: int, view: SentenceView, exclude: frozenset[int],
           country_of: CountryOf, claim_noun: bool = False) -> None:
    """Cheap anaphora. « elle a fourni », « ces pays ont exprimé » take the previous sentence's
    subject; « cette rencontre », « ce traité, signé … » take the actors of the latest event with
    the same code; an agentless event in a sentence naming nobody (« des sanctions sont envisagées »)
    takes the previous sentence's subject."""
    if (args.demonstrative or args.object_demonstrative) and not (ev.source_actors and ev.target_actors):
        for _k, old, _ in reversed(state.events):
            if old.cameo == ev.cameo and (old.source_actors or old.target_actors):
                if claim_noun and "noun-context" in args.rules:
                    # « X nie …, et le Kremlin qualifie ces accusations de spéculations »: the subject of
                    # the sentence did not make « ces accusations »; whoever made them earlier did
                    ev.source_actors = []
                # fill the missing roles only: what the sentence says itself stays
                if not ev.source_actors:
                    ev.source_actors = [x for x in old.source_actors if x not in ev.target_actors]
                if not ev.target_actors:
                    ev.target_actors = [x for x in old.target_actors if x not in ev.source_actors]
                ev.time = ev.time or old.time
                ev.rule += "+anaphor"
                return
    if not ev.source_actors and state.last_subject and (
            args.subject_pronoun or state.subject_at == n - 1 and _agentless(view, exclude)):
        ev.source_actors = [a for a in state.last_subject if a not in ev.target_actors]
        ev.rule += "+pronoun" if args.subject_pronoun else "+context"
    elif (ev.source_actors and not ev.target_actors and ev.cameo[:2] in _GIVING and state.subject_at == n - 1
          and not args.unnamed_target and not state.subject_speaks):
        # « X s'est tournée vers la Russie. … la Russie fournit des biens »: a giving verb with no
        # recipient gives to the previous sentence's subject, when that is someone else
        mine = {country_of(a) or a for a in ev.source_actors}
        other = [a for a in state.last_subject if (country_of(a) or a) not in mine]
        if other and len(other) == len(state.last_subject):
            ev.target_actors = other
            ev.rule += "+recipient"


def _link_denial(state: _State, n: int, deniers: list[str]) -> None:
    """« Bien que X nie ces accusations »: X denies what the previous sentences alleged."""
    recent = [ev for k, ev, _ in state.events if n - _BACK <= k < n]
    for wanted in ("alleged", "reported"):
        targets = [ev for ev in recent if ev.certainty == wanted]
        if targets:
            for ev in targets:
                ev.denied_by += [d for d in deniers if d not in ev.denied_by]
            return


def _remember_subject(state: _State, mentions: list[Mention], starts: list[int], sent: Span, n: int,
                      new: Sequence[tuple[int, EventMention, Args]] = ()) -> None:
    # the sentence's own subject first: the actors of an earlier event that « ce traité » brought back
    # are not who the next sentence's « ces pays » points to
    named = [ev for _, ev, _ in new if ev.source_actors and _BORROWED not in ev.rule]
    for ev in named or [ev for _, ev, _ in new if ev.source_actors]:
        state.last_subject, state.subject_at = list(ev.source_actors), n
        state.subject_speaks = ev.cameo[:2] in _SPEAKING
        return
    i = bisect_left(starts, sent.start)
    if i < len(mentions) and mentions[i].start < sent.end and mentions[i].kind in ("country", "person",
                                                                                    "organisation"):
        state.last_subject, state.subject_at = [mentions[i].entity_id], n
        state.subject_speaks = False
