"""Language identification from function words: fast, deterministic, no model to download.

Function words are the most reliable cheap signal for news prose; a text needs a handful of them
before a verdict is given, otherwise the language is left unknown (None) rather than guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import filterfalse

_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset("le la les un une des du de et est sont dans pour par sur avec qui que ne pas au aux "
                    "ce cette ces il elle ils nous vous leur plus mais ou été être a ont selon".split()),
    "en": frozenset("the a an of and is are was were in for on with by that which who not to at this these "
                    "it he she they we you their has have had be been from or but as".split()),
    "de": frozenset("der die das und ist sind in für mit von den dem nicht ein eine auf zu auch sich des "
                    "im wird wurde bei nach aus".split()),
    "es": frozenset("el la los las un una y es son en por para con que del al se no su sus como pero "
                    "fue ha han más".split()),
    "it": frozenset("il lo la gli le un una e è sono in per con che del della di non si al come ma "
                    "anche più ha hanno".split()),
    "pt": frozenset("o a os as um uma e é são em por para com que do da dos das não se ao como mas "
                    "foi tem mais".split()),
    "nl": frozenset("de het een en is zijn in voor met van op dat die niet te ook aan door om bij "
                    "maar was werd".split()),
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MIN_HITS = 3

_LANGS = tuple(_FUNCTION_WORDS)
_FR = _LANGS.index("fr")
# Each function word once, with the languages that list it: one lookup per distinct token.
_LANGS_OF: dict[str, tuple[int, ...]] = {
    word: tuple(i for i, lang in enumerate(_LANGS) if word in _FUNCTION_WORDS[lang])
    for word in sorted(set().union(*_FUNCTION_WORDS.values()))
}
# Frequent characters that are never part of a word (digits, punctuation), turned into spaces before
# the text is split: that leaves the words _WORD would find, and most tokens are then words already.
_SEPARATORS = "0123456789,.'\u2019-:;()\u00ab\u00bb\"\u201c\u201d"


def detect_language(text: str, sample: int = 4000) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little evidence."""
    low = text[:sample].lower()
    for sep in _SEPARATORS:
        low = low.replace(sep, " ")
    # White space never belongs to a word either, so the words of the text are the words of its
    # white-space tokens: split and count them in C, then look up only the distinct tokens that
    # are function words, and take apart the few that are not plain words (« 5% », « ½ »).
    tokens = Counter(low.split())
    counts = [0] * len(_LANGS)
    langs_of = _LANGS_OF
    for word in tokens.keys() & langs_of.keys():
        n = tokens[word]
        for i in langs_of[word]:
            counts[i] += n
    for token in filterfalse(str.isalpha, tokens):
        n = tokens[token]
        for word in _WORD.findall(token):
            for i in langs_of.get(word, ()):
                counts[i] += n
    best = max(range(len(_LANGS)), key=lambda i: (counts[i], i == _FR))
    return _LANGS[best] if counts[best] >= _MIN_HITS else None
