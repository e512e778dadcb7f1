"""Temporal expressions: find them, normalise them to TIMEX3 values, anchor them to the publication date.

``find_times(text, published, lang)`` is the whole public interface; the grammar is built from the word
tables in ``data/`` the first time a language is used.
"""

from veille.times.finder import find_times

__all__ = ["find_times"]
