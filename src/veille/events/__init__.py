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

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from veille.events.arguments import Args, CountryOf, extract
from veille.events.certainty import analyse, anaphoric_denials, claim_sources, decide, subject_window
from veille.events.labels import EVENT_LABELS, cameo_label
from veille.events.lexicon import Lexicon, LexiconError, build_lexicon, get_lexicon
from veille.events.matching import Match, find_cues, find_triggers
from veille.events.sentence import SentenceView
from veille.events.tokens import tokenize
from veille.types import Article, EventMention, Mention, Span, TimeRef

__all__ = ["EVENT_LABELS", "LexiconError", "build_lexicon", "cameo_label", "find_events", "get_lexicon",
           "actor_countries"]

_BACK = 2  # sentences a denial or an anaphor may reach back
_DATE_TYPES = frozenset({"DATE", "TIME"})


class CountryLookup(Protocol):
    def country_of(self, entity_id: str) -> str | None: ...


@dataclass(slots=True)
class _State:
    """What later sentences may point back to."""

    events: list[tuple[int, EventMention, Args]] = field(default_factory=list)  # (sentence number, …)
    last_subject: list[str] = field(default_factory=list)
    subject_at: int = -1  # the sentence ``last_subject`` comes from


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
    mentions = sorted(article.mentions, key=lambda m: (m.start, m.end))
    m_starts = [m.start for m in mentions]
    # « bientôt » (FUTURE_REF) says nothing a fact can be dated by
    times = sorted((t for t in article.times if t.value and t.type in _DATE_TYPES and not t.value.endswith("_REF")),
                   key=lambda t: t.start)
    t_starts = [t.start for t in times]
    published = (article.published or "")[:10] or None
    state = _State()
    out: list[EventMention] = []
    for n, sent in enumerate(sentences):
        tokens = tokenize(text, sent.start, sent.end, lang)
        if not tokens:
            continue
        trig = find_triggers(tokens, lex.trigger_index, lex.grammar.determiners)
        cues = find_cues(tokens, lex.cue_index)
        if not trig and not any(c.item.cls == "denied" for c in cues):
            _remember_subject(state, mentions, m_starts, sent, n)
            continue
        lo, hi = bisect_left(m_starts, sent.start), bisect_left(m_starts, sent.end)
        view = SentenceView(text, tokens, [m for m in mentions[lo:hi] if m.end <= sent.end], lex.grammar)
        hits = analyse(view, cues, lex, country_of)
        sent_times = times[bisect_left(t_starts, sent.start) : bisect_left(t_starts, sent.end)]
        exclude = claim_sources(view, cues)
        has_actor = any(r.is_actor and r.first not in exclude for r in view.refs)
        # « des sanctions sont envisagées »: a passive with no agent and nobody named in the sentence
        agentless = not has_actor and any(tokens[k].low in lex.grammar.passive_aux and view.verbish(k + 1)
                                          for k in range(len(tokens) - 1))
        new: list[tuple[int, EventMention, Args]] = []
        objects: list[tuple[Span, str, str]] = []  # (object span, code, pos) of the events kept so far
        for m in trig:
            window, controller = subject_window(hits, m)
            args = extract(view, m, lex, window, country_of, controller, exclude)
            code = m.item.code_for(args.object_class)
            if code is None or _nested(tokens[m.first].start, code, objects):
                continue
            if args.object is not None:
                objects.append((args.object, code, m.item.pos))
            ev = EventMention(sentence=sent, trigger=Span(tokens[m.first].start, tokens[m.last].end), cameo=code,
                              rule=_rule(m, args))
            ev.source_actors, ev.target_actors = args.source, args.target
            ev.object, ev.quantity, ev.place = args.object, args.quantity, args.place
            ev.certainty, ev.certainty_rule, ev.attributed_to, ev.denied_by = decide(hits, m)
            _bind_time(ev, m, view, sent_times, published, lex)
            _carry(ev, args, state, n, agentless)
            new.append((n, ev, args))
        for deniers in anaphoric_denials(view, hits, lex, trig):
            _link_denial(state, n, deniers)
        state.events = [x for x in state.events if x[0] >= n - 6] + new
        out.extend(ev for _, ev, _ in new)
        _remember_subject(state, mentions, m_starts, sent, n, new)
    return out


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
        # nearest date; one before the trigger counts a little farther (dates usually follow the verb)
        best = min(times, key=lambda t: t.start - t1 if t.start >= t1 else int((t0 - t.end) * 1.5))
        ev.time = best.value
        return
    toks = view.tokens
    near = toks[max(0, m.first - 4) : m.last + 3]
    if any(t.low in lex.grammar.recent for t in near):
        ev.time_bounds = (None, published)


def _nested(start: int, code: str, objects: list[tuple[Span, str, str]]) -> bool:
    """A trigger inside the object of an earlier one is part of it, not an event of its own
    (« a signé un traité », « la signature d'un traité d'assistance militaire ») — unless a verb
    governs another kind of event (« a appelé à une augmentation des armes »)."""
    return any(span.start <= start < span.end and (c[:2] == code[:2] or pos == "noun") for span, c, pos in objects)


def _carry(ev: EventMention, args: Args, state: _State, n: int, agentless: bool) -> None:
    """Cheap anaphora. « elle a fourni », « ces pays ont exprimé » take the previous sentence's
    subject; « cette rencontre », « ce traité, signé … » take the actors of the latest event with
    the same code; an agentless event in a sentence naming nobody (« des sanctions sont envisagées »)
    takes the previous sentence's subject."""
    if (args.demonstrative or args.object_demonstrative) and not (ev.source_actors and ev.target_actors):
        for _k, old, _ in reversed(state.events):
            if old.cameo == ev.cameo and (old.source_actors or old.target_actors):
                # fill the missing roles only: what the sentence says itself stays
                if not ev.source_actors:
                    ev.source_actors = [x for x in old.source_actors if x not in ev.target_actors]
                if not ev.target_actors:
                    ev.target_actors = [x for x in old.target_actors if x not in ev.source_actors]
                ev.time = ev.time or old.time
                ev.rule += "+anaphor"
                return
    agentless = agentless and state.subject_at == n - 1
    if not ev.source_actors and state.last_subject and (args.subject_pronoun or agentless):
        ev.source_actors = [a for a in state.last_subject if a not in ev.target_actors]
        ev.rule += "+pronoun" if args.subject_pronoun else "+context"


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
    for _, ev, _ in new:
        if ev.source_actors:
            state.last_subject, state.subject_at = list(ev.source_actors), n
            return
    i = bisect_left(starts, sent.start)
    if i < len(mentions) and mentions[i].start < sent.end and mentions[i].kind in ("country", "person",
                                                                                    "organisation"):
        state.last_subject, state.subject_at = [mentions[i].entity_id], n
