"""The briefing's words, in French (default) and English."""

from __future__ import annotations

from typing import Any

CERTAINTY_ORDER = ["asserted", "reported", "alleged", "denied", "speculative", "negated"]

_STRINGS: dict[str, tuple[str, str]] = {
    "heading": ("Veille — note de synthèse", "Veille — briefing"),
    "corpus": ("{n} articles analysés, {f} faits, {s} histoires, {d} groupes de copies.",
               "{n} articles analysed, {f} facts, {s} stories, {d} groups of copies."),
    "key_facts": ("Faits clés", "Key facts"),
    "key_facts_note": ("Classés par nombre de sources indépendantes puis par certitude ; chaque source est citée "
                       "avec sa phrase.",
                       "Ranked by independent sources, then certainty; each source is cited with its sentence."),
    "contested": ("Affirmations contestées", "Contested claims"),
    "timeline": ("Chronologie", "Timeline"),
    "actors": ("Acteurs", "Actors"),
    "actors_note": ("* : nom absent de la base de connaissances (identifiant provisoire).",
                    "*: name not in the knowledge base (provisional id)."),
    "stories": ("Histoires et copies", "Stories and copies"),
    "copies": ("Copies d'un même texte", "Copies of one text"),
    "sources": ("Sources", "Sources"),
    "independent": ("{n} source(s) indépendante(s)", "{n} independent source(s)"),
    "quantity": ("quantité", "quantity"),
    "per": ("selon", "according to"),
    "denied_by": ("démenti par", "denied by"),
    "before": ("avant le {date}", "before {date}"),
    "undated": ("non daté", "undated"),
    "actor": ("Acteur", "Actor"),
    "kind": ("Type", "Kind"),
    "country": ("Pays", "Country"),
    "role": ("Rôle", "Role"),
    "mentions": ("Mentions", "Mentions"),
    "articles": ("Articles", "Articles"),
    "ref": ("Réf.", "Ref."),
    "title": ("Titre", "Title"),
    "site": ("Site", "Site"),
    "date": ("Date", "Date"),
    "language": ("Langue", "Language"),
    "flags": ("Signalements", "Quality flags"),
    "removed": ("Retiré", "Removed"),
    "c_asserted": ("affirmé", "asserted"),
    "c_reported": ("rapporté", "reported"),
    "c_alleged": ("allégué", "alleged"),
    "c_denied": ("démenti", "denied"),
    "c_speculative": ("hypothétique", "speculative"),
    "c_negated": ("nié (négation)", "negated"),
    "k_country": ("pays", "country"),
    "k_person": ("personne", "person"),
    "k_organisation": ("organisation", "organisation"),
    "k_place": ("lieu", "place"),
    "k_other": ("autre", "other"),
    "r_metadata": ("métadonnées", "metadata"),
    "r_related_link": ("liens « à lire »", "related links"),
    "r_advert": ("publicité", "adverts"),
    "r_boilerplate": ("habillage du site", "site chrome"),
    "r_comment_widget": ("module de commentaires", "comment widget"),
    "r_repeated": ("texte répété", "repeated text"),
}


def t(key: str, lang: str = "fr", **kwargs: Any) -> str:
    pair = _STRINGS.get(key)
    if pair is None:
        return key.split("_", 1)[-1].replace("_", " ")
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**kwargs) if kwargs else text


_ROLES: dict[str, tuple[str, str]] = {
    "president": ("président(e)", "president"),
    "prime-minister": ("Premier ministre", "prime minister"),
    "foreign-minister": ("ministre des Affaires étrangères", "foreign minister"),
    "defence-minister": ("ministre de la Défense", "defence minister"),
    "head-of-state": ("chef de l'État", "head of state"),
    "head-of-government": ("chef du gouvernement", "head of government"),
    "general-secretary": ("secrétaire général", "general secretary"),
    "vice-president": ("vice-président(e)", "vice president"),
    "chancellor": ("chancelier(ère)", "chancellor"),
    "supreme-leader": ("dirigeant suprême", "supreme leader"),
    "king": ("roi", "king"),
    "queen": ("reine", "queen"),
    "spokesperson": ("porte-parole", "spokesperson"),
    "news-agency": ("agence de presse", "news agency"),
    "parliament": ("parlement", "parliament"),
    "ministry": ("ministère", "ministry"),
    "armed-forces": ("forces armées", "armed forces"),
}


def role_label(role: str, lang: str = "fr") -> str:
    pair = _ROLES.get(role)
    if pair is None:
        return role.replace("-", " ")
    return pair[1] if lang == "en" else pair[0]
