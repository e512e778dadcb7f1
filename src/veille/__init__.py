"""Veille: a pile of collected news articles in, a sourced dossier out."""

from veille.api import analyse_corpus, annotate, brief, run

__version__ = "0.1.0"
__all__ = ["analyse_corpus", "annotate", "brief", "run", "__version__"]
