"""Grouping anchored cues by first character and guarding them by required literals must not change
which cue a line gets: the same answer as trying every cue in file order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from veille.clean.cues import REASONS, Cue, _chrome_shaped, default_matcher
from veille.clean.prefilter import ANY_DIGIT, first_chars, literal_prefixes, required_literals


def test_first_characters() -> None:
    assert first_chars(r"(copyright|\(c\)|©)") == {"c", "(", "©"}
    assert first_chars(r"(?:a|b)?cd") == {"a", "b", "c"}
    assert first_chars(r"\bab") == {"a"}
    assert first_chars(r"\d+ avis") == {ANY_DIGIT}
    assert first_chars(r"[^.!?]{1,40} > ") is None  # any character but a few: unknown
    assert first_chars("a*") is None  # may match the empty string
    assert first_chars("(?i)ab") is None


def test_required_literals() -> None:
    breadcrumb = r"[^.!?:;]{1,40}( (>|/|»|›|\|) [^.!?:;]{1,40}){1,6}$"
    assert required_literals(breadcrumb) == {" > ", " / ", " » ", " › ", " | "}
    assert required_literals(r"\d+ avis sur\b") == {" avis sur"}
    assert required_literals("a?bcdef") == {"bcdef"}
    assert required_literals("(?:abc)*x") is None
    assert required_literals("(?i)abcdef") is None
    assert literal_prefixes("(?i)abcdef") is None


def _anchored(cue: Cue) -> bool:
    return cue.match == "prefix" or (cue.match == "regex" and cue.pattern.startswith("^"))


def _every_cue_in_order(folded: str, reasons: frozenset[str]) -> Cue | None:
    matcher = default_matcher()
    exact = matcher.exact.get(folded.rstrip(" .:!"))
    if exact is not None and exact.reason in reasons:
        return exact
    cues = [c for c in matcher.cues if c.reason in reasons and c.match != "exact"]
    anchored = next((c for c in cues if _anchored(c) and c.hits(folded)), None)
    if anchored is not None or not _chrome_shaped(folded):
        return anchored
    return next((c for c in cues if not _anchored(c) and c.hits(folded)), None)


WORDS = ["a", "lire", "aussi", "voir", "copyright", "©", "(c)", "tous", "droits", "reserves", ">", "/", "|", "»",
         "›", "accueil", "monde", "12", "3", "commentaires", "avis", "sur", "reactions", "mis", "jour", "le", "5",
         "updated", "updated:", "tags", ":", "newsletter", "cliquez-ici", "fait", "fondre", "votre", "adresse",
         "email", "ne", "sera", "pas", "publiee", "no", "comments", "sign", "up", "la", "plateforme", "permet",
         "credit", "photo", "publicite", "commentaires.", "!", "?", ".", "«", "x" * 45, "\u0663"]
REASON_SETS = [REASONS, frozenset({"comment_widget"}), frozenset({"metadata", "advert"})]


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14), st.sampled_from(REASON_SETS))
def test_planned_matching_equals_trying_every_cue(words: list[str], reasons: frozenset[str]) -> None:
    line = " ".join(words)
    assert default_matcher().classify(line, reasons) == _every_cue_in_order(line, reasons)
