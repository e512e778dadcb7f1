"""The knowledge base: countries, people, organisations and name cues, from reviewable TSV files.

>>> kb = load_kb()
>>> kb.entity("RUS").name
'Russia'
"""

from veille.kb.loader import DATA_DIR, KBError, build_kb, load_kb
from veille.kb.model import Alias, KnowledgeBase, Role

__all__ = ["DATA_DIR", "Alias", "KBError", "KnowledgeBase", "Role", "build_kb", "load_kb"]
