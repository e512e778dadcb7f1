"""One sentence seen by the argument and certainty rules: tokens, linked names and their governors.

The rules never parse: they look at the word before a name. A name after a preposition is a
complement (« à la Russie », « par les États-Unis »); a name after « et » or a comma shares the role
of the name before it (« entre Kim et Choïgou »); any other name is a candidate subject. That is
enough for news prose, where the actor almost always opens the clause.

Speed: a view is built for every sentence with a trigger and asked the same questions by every
trigger and cue, so it keeps the tokens' ``lows`` (shared with the matcher) and remembers each
name's group; boundaries are found by testing only the words that may begin one.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress

from veille.events.lexicon import Grammar
from veille.events.tokens import LOW, START, Token
from veille.types import Mention

ACTOR_KINDS = frozenset({"country", "person", "organisation"})
# Contracted articles are prepositions for the governor rule (« du Japon », « aux États-Unis »).
CONTRACTED = {"du": "de", "des": "de", "d'": "de", "au": "à", "aux": "à"}
STRONG = frozenset(";:()—–")
VERB_ENDINGS = ("é", "ée", "és", "ées", "er", "ir", "re", "ent", "ait", "aient", "it", "is", "ons", "ez",
                "ont", "ed", "ing")


@dataclass(slots=True)
class Ref:
    """A linked name in the sentence, by token indices, with the preposition that governs it."""

    first: int
    last: int
    mention: Mention
    governor: str | None = None
    coordinated: bool = False  # its governor was inherited through « et » / « , »
    possessive: bool = False  # English « Putin's »
    # position in the view's refs of the first ref equal to this one (``list.index``, answered once)
    index: int = field(default=-1, compare=False)

    @property
    def is_actor(self) -> bool:
        return self.mention.kind in ACTOR_KINDS


@lru_cache(maxsize=8)
def _marks(heads: frozenset[str]) -> frozenset[str]:
    """Words that are, or may begin, a boundary (commas included: they are weak ones)."""
    return STRONG | heads | {","}


class SentenceView:
    def __init__(self, text: str, tokens: Sequence[Token], mentions: Sequence[Mention], grammar: Grammar,
                 barriers: frozenset[int] = frozenset(), times: Sequence[tuple[int, int]] = (),
                 lows: list[str] | None = None) -> None:
        self.text = text
        self.tokens = tokens
        self.lows = list(map(LOW, tokens)) if lows is None else lows  # each token's ``low``
        self.g = grammar
        self.barriers = barriers  # token indices of verbs and cues: no noun phrase runs across them
        self.times = times  # character spans of the sentence's time expressions
        starts = list(map(START, tokens)) if mentions else []
        self.refs: list[Ref] = []
        self._groups: dict[int, list[Ref]] = {}
        for m in mentions:
            first = bisect_right(starts, m.start) - 1
            if first < 0 or tokens[first].end <= m.start:
                first = bisect_left(starts, m.start)
            last = bisect_left(starts, m.end) - 1
            if first >= len(tokens) or last < first:
                continue
            ref = Ref(first, last, m)
            ref.possessive = tokens[last].low.endswith("'s") and m.end < tokens[last].end
            self.refs.append(ref)
        self.named: set[int] = set()  # token indices inside a name
        spans: set[tuple[int, int]] = set()
        for i, ref in enumerate(self.refs):
            self._govern(i, ref)  # sets this ref's governor only: the earlier ones are final
            self.named.update(range(ref.first, ref.last + 1))
            # only a ref on the same tokens can equal an earlier one (two mentions of one name)
            key = (ref.first, ref.last)
            ref.index = self.refs.index(ref) if key in spans else i
            spans.add(key)
        lows = self.lows
        marks = list(compress(range(len(lows)), map(_marks(grammar.boundary_heads).__contains__, lows)))
        heads = grammar.boundary_by_head
        self.strong = [i for i in marks if lows[i] in STRONG or any(lows[i : i + len(p)] == p for p in heads.get(lows[i], ()))]
        commas = [i for i in marks if lows[i] == ","]
        self.commas = sorted(set(self.strong).union(commas)) if commas else self.strong

    # --- boundaries -------------------------------------------------------------------------
    def clause_start(self, i: int, commas: bool = False) -> int:
        """First token of the clause holding token ``i`` (after the previous boundary)."""
        marks = self.commas if commas else self.strong
        k = bisect_left(marks, i) - 1
        return marks[k] + 1 if k >= 0 else 0

    def clause_end(self, i: int, commas: bool = False) -> int:
        """One past the last token of the clause holding token ``i``."""
        marks = self.commas if commas else self.strong
        k = bisect_right(marks, i)
        return marks[k] if k < len(marks) else len(self.tokens)

    # --- governors ---------------------------------------------------------------------------
    def _govern(self, i: int, ref: Ref) -> None:
        lows, determiners = self.lows, self.g.determiners
        j = ref.first - 1
        while j >= 0 and lows[j] in determiners and lows[j] not in CONTRACTED:
            j -= 1
        if j > 0 and j == ref.first - 1 and self._qualifies(j, ref):
            # « par le président russe », « à l'armée russe »: a nationality qualifies the noun before it
            # and takes that noun's governor
            j -= 1
            while j >= 0 and lows[j] in determiners and lows[j] not in CONTRACTED:
                j -= 1
        if j < 0:
            return
        toks = self.tokens
        low = lows[j]
        if low in self.g.coordinators and i > 0:
            prev = self.refs[i - 1]
            # « par les États-Unis et la Corée du Sud »: the second name shares the first one's role.
            # A comma coordinates only inside a list that ends with « et » / « ou » (« X, Y et Z »),
            # not an apposition or a fronted phrase (« à Pyongyang, Vladimir Poutine a … »).
            if prev.last >= j - 2 and (low != "," or self._list_continues(i)):
                ref.governor, ref.coordinated = prev.governor, True
            return
        prep = CONTRACTED.get(low, low if low in self.g.prepositions else None)
        if prep is None:
            return
        for phrase in self.g.agent_by_last.get(low, ()):
            n = len(phrase)
            if j - n + 1 >= 0 and self.lows[j - n + 1 : j + 1] == phrase:
                prep = "par"
                break
        prep = "par" if prep in ("by", "from") else prep
        # a repeated preposition in a list: « de la part des États-Unis, du Japon et de la Corée »
        if i > 0 and j > 0 and toks[j - 1].low in self.g.coordinators:
            prev = self.refs[i - 1]
            if prev.last >= j - 3 and (prev.governor == prep or prev.governor == "par" and prep == "de"):
                ref.governor, ref.coordinated = prev.governor, True
                return
        ref.governor = prep

    def _qualifies(self, j: int, ref: Ref) -> bool:
        """The name of ``ref`` is a lower-case nationality (« russe ») after a noun of people or
        institutions ``j`` that follows a determiner (« le président »). « des » is left alone: an
        article as often as a preposition (« des soldats nord-coréens »)."""
        before = self.tokens[j - 1].low
        return (self.tokens[j].low in self.g.actor_heads and self.text[ref.mention.start].islower()
                and before in self.g.determiners and before != "des")

    def _list_continues(self, i: int) -> bool:
        """Ref ``i`` (after a comma) is followed by « , name » … then « et|ou name »."""
        toks, refs = self.tokens, self.refs
        while i < len(refs):
            k = refs[i].last + 1
            while k < len(toks) and toks[k].low in self.g.determiners and toks[k].low not in CONTRACTED:
                k += 1
            if k >= len(toks) or i + 1 >= len(refs):
                return False
            nxt = refs[i + 1].first
            between = [t.low for t in toks[k:nxt] if t.low not in self.g.determiners or t.low in CONTRACTED]
            if not between or between[0] not in self.g.coordinators or len(between) > 2:
                return False
            if between[0] != ",":
                return True
            i += 1
        return False

    # --- groups ------------------------------------------------------------------------------
    def _linked(self, a: Ref, b: Ref) -> bool:
        """``b`` follows ``a`` in one noun phrase or one coordination (« le président russe Vladimir Poutine »)."""
        if b.coordinated:
            return True
        gap = self.tokens[a.last + 1 : b.first]
        if gap and (a.last + 1 in self.barriers or self.verbish(a.last + 1)):
            return False  # « les États-Unis accusent Pyongyang »: a verb between two names ends the phrase
        return b.governor is None and len(gap) <= 1 and all(t.kind == "word" and t.low not in self.g.prepositions
                                                            for t in gap)

    def group(self, i: int) -> list[Ref]:
        """Ref ``i`` with the refs of its noun phrase or coordination (shared: do not modify)."""
        hit = self._groups.get(i)
        if hit is None:
            hit = self._groups[i] = self._group(i)
        return hit

    def _group(self, i: int) -> list[Ref]:
        lo = hi = i
        while lo > 0 and self._linked(self.refs[lo - 1], self.refs[lo]):
            lo -= 1
        while hi + 1 < len(self.refs) and self._linked(self.refs[hi], self.refs[hi + 1]):
            hi += 1
        return self.refs[lo : hi + 1]

    def index_of(self, ref: Ref) -> int:
        """``self.refs.index(ref)`` for one of ``self.refs``."""
        return ref.index

    # --- small word tests ---------------------------------------------------------------------
    def verbish(self, i: int) -> bool:
        t = self.tokens[i]
        if t.kind == "word" and len(t.low) > 4 and t.low.endswith(("é", "ée", "és", "ées")) and t.lemma != t.low:
            return True  # a French past participle, whatever simplemma makes of it (« envisagés »)
        return (t.kind == "word" and t.lemma != t.low and t.lemma.endswith(("er", "ir", "re", "oir", "e"))
                and t.low.endswith(VERB_ENDINGS))

    def in_time(self, i: int) -> bool:
        """Token ``i`` lies inside a time expression (« le 19 juin 2024 », "since 2017")."""
        start = self.tokens[i].start
        for s, e in self.times:  # noqa: SIM110 - one or two spans: a loop costs less than a generator
            if s <= start < e:
                return True
        return False

    def phrase_text(self, a: int, b: int) -> str:
        """Source text of tokens a..b inclusive."""
        return self.text[self.tokens[a].start : self.tokens[b].end]
