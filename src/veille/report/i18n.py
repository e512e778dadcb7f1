"""The briefing's words, in French (default) and English."""

from __future__ import annotations

from typing import Any

CERTAINTY_ORDER = ["asserted", "reported", "alleged", "denied", "speculative", "negated"]

_STRINGS: dict[str, tuple[str, str]] = {
    "heading": ("Veille — note de synthèse", "Veille — briefing"),
    "corpus": ("{articles} analysés{span} : {facts}, {stories}, {copies}.",
               "{articles} analysed{span}: {facts}, {stories}, {copies}."),
    "span": (" (publiés du {start} au {end})", " (published {start} to {end})"),
    "copy_of": ("copie de {ref}", "copy of {ref}"),
    "key_facts": ("Faits clés", "Key facts"),
    "key_facts_note": ("Classés par nombre de sources indépendantes puis par certitude ; chaque source est citée "
                       "avec sa phrase.",
                       "Ranked by independent sources, then certainty; each source is cited with its sentence."),
    "more_facts": ("{n} autres faits, moins étayés ou sans acteur identifié, sont dans facts.jsonl.",
                   "{n} more facts, less supported or without an identified actor, are in facts.jsonl."),
    "more_sources": ("et {n} autres sources dans facts.jsonl", "and {n} more sources in facts.jsonl"),
    "span_one": (" (publiés le {start})", " (published {start})"),
    "contested": ("Affirmations contestées", "Contested claims"),
    "timeline": ("Chronologie", "Timeline"),
    "timeline_note": ("Faits datés, confirmés par une source au moins, dont un acteur au moins est identifié ; "
                      "la chronologie complète est dans timeline.jsonl.",
                      "Dated facts confirmed by at least one source, with at least one identified actor; the full "
                      "timeline is in timeline.jsonl."),
    "actors": ("Acteurs", "Actors"),
    "actors_note": ("* : nom absent de la base de connaissances (identifiant provisoire).",
                    "*: name not in the knowledge base (provisional id)."),
    "stories": ("Histoires et copies", "Stories and copies"),
    "copies": ("Copies d'un même texte", "Copies of one text"),
    "sources": ("Sources", "Sources"),
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
    "f_repeated_content": ("texte répété", "repeated text"),
    "f_advert_inserted": ("publicité insérée", "advert inserted"),
    "f_template_artifact": ("artefacts de gabarit", "template artefacts"),
    "f_related_links": ("liens « à lire »", "related links"),
    "f_site_chrome": ("habillage du site", "site chrome"),
    "f_comments_separated": ("commentaires séparés", "comments split out"),
    "f_comment_widget": ("module de commentaires", "comment widget"),
    "f_metadata_in_body": ("métadonnées dans le texte", "metadata in the text"),
    "f_encoding_guessed": ("encodage deviné", "encoding guessed"),
    "f_empty_after_cleaning": ("vide après nettoyage", "empty after cleaning"),
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
    "chairman": ("président(e)", "chairman"),
    "chief-of-army-staff": ("chef d'état-major de l'armée de terre", "chief of army staff"),
    "chief-of-general-staff": ("chef d'état-major général", "chief of the general staff"),
    "commander-in-chief": ("commandant en chef", "commander-in-chief"),
    "commission-president": ("président(e) de la Commission européenne", "European Commission president"),
    "council-president": ("président(e) du Conseil européen", "European Council president"),
    "duma-chair": ("président(e) de la Douma", "Duma chair"),
    "ecb-president": ("président(e) de la BCE", "ECB president"),
    "emperor": ("empereur", "emperor"),
    "eu-high-representative": ("haut représentant de l'UE", "EU high representative"),
    "federation-council-chair": ("président(e) du Conseil de la Fédération", "Federation Council chair"),
    "iaea-director-general": ("directeur général de l'AIEA", "IAEA director general"),
    "imf-managing-director": ("directeur général du FMI", "IMF managing director"),
    "national-security-adviser": ("conseiller à la sécurité nationale", "national security adviser"),
    "nato-secretary-general": ("secrétaire général de l'OTAN", "NATO secretary general"),
    "paramount-leader": ("dirigeant suprême", "paramount leader"),
    "parliament-president": ("président(e) du Parlement", "parliament president"),
    "pope": ("pape", "pope"),
    "security-council-secretary": ("secrétaire du Conseil de sécurité", "security council secretary"),
    "un-secretary-general": ("secrétaire général de l'ONU", "UN secretary general"),
    "who-director-general": ("directeur général de l'OMS", "WHO director general"),
    # kinds of organisations
    "intergovernmental": ("organisation intergouvernementale", "intergovernmental organisation"),
    "un-body": ("organe de l'ONU", "UN body"),
    "media": ("média", "media"),
    "research": ("centre de recherche", "research body"),
    "intelligence": ("renseignement", "intelligence service"),
    "armed-group": ("groupe armé", "armed group"),
    "eu-institution": ("institution de l'UE", "EU institution"),
    "ngo": ("ONG", "NGO"),
    "party": ("parti politique", "political party"),
    "court": ("juridiction", "court"),
    "alliance": ("alliance", "alliance"),
    "sport": ("organisation sportive", "sports body"),
    "government": ("gouvernement", "government"),
}


def role_label(role: str, lang: str = "fr") -> str:
    pair = _ROLES.get(role)
    if pair is None:
        return role.replace("-", " ")
    return pair[1] if lang == "en" else pair[0]


_PLURALS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "article": (("article", "articles"), ("article", "articles")),
    "fact": (("fait", "faits"), ("fact", "facts")),
    "story": (("histoire", "histoires"), ("story", "stories")),
    "copies": (("groupe de copies", "groupes de copies"), ("group of copies", "groups of copies")),
    "independent": (("source indépendante", "sources indépendantes"), ("independent source", "independent sources")),
}


def count(n: int, noun: str, lang: str = "fr") -> str:
    """« 1 source indépendante », « 0 fait », « 3 faits » (French takes the singular for 0 and 1)."""
    forms = _PLURALS[noun][1 if lang == "en" else 0]
    singular = n == 1 if lang == "en" else n < 2
    return f"{n} {forms[0] if singular else forms[1]}"


_MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
              "novembre", "décembre"]
_MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]
_SEASONS = {"SP": ("printemps", "spring"), "SU": ("été", "summer"), "FA": ("automne", "autumn"),
            "WI": ("hiver", "winter")}


def format_timex(value: str, lang: str = "fr") -> str:
    """A TIMEX3 value as a reader writes it (« 19 juin 2024 », « juin 2024 », « été 2023 »); values of
    other shapes are shown as they are."""
    import re

    months = _MONTHS_EN if lang == "en" else _MONTHS_FR
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", value):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
        if lang == "en":
            return f"{day} {months[month - 1]} {year}"
        return f"{'1er' if day == 1 else day} {months[month - 1]} {year}"
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        return f"{months[int(m[2]) - 1]} {m[1]}"
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        season = _SEASONS[m[2]][1 if lang == "en" else 0]
        return f"{season} {m[1]}"
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        return f"week {int(m[2])} of {m[1]}" if lang == "en" else f"semaine {int(m[2])} de {m[1]}"
    if m := re.fullmatch(r"(\d{3})", value):
        return f"the {m[1]}0s" if lang == "en" else f"années {m[1]}0"
    return value
