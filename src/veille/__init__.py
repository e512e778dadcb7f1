"""Veille: a pile of collected news articles in, a sourced dossier out."""

__version__ = "0.1.0"
