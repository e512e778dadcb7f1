"""Metadata read from the page itself (lxml), where trafilatura's is missing or unsure.

JSON-LD and meta-tag dates (with the rule that found them), French bylines (« par », ``auteurs``),
titles without the site-name suffix, SPIP-style lead paragraphs (``chapo``), photo credits.
"""

from __future__ import annotations

import json
import re
from typing import Any

import lxml.html
from lxml import etree

from veille.sources.html_text import clean_space, css_classes, fold_text, text_of


def json_ld(tree: lxml.html.HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page, @graph flattened; broken JSON-LD is skipped, not fatal."""
    objects: list[dict[str, Any]] = []

    def add(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                add(item)
        elif isinstance(node, dict):
            objects.append(node)
            if "@graph" in node:
                add(node["@graph"])

    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            add(json.loads(raw))
        except ValueError:
            # Sites often leave control characters or trailing commas in JSON-LD; strict=False covers the first.
            try:
                add(json.loads(raw, strict=False))
            except ValueError:
                continue
    return objects


_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "blogposting",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "report",
    "scholarlyarticle",
    "webpage",
}


def _ld_types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return {str(v).lower() for v in values if v}


def ld_name(value: Any) -> str | None:
    if isinstance(value, list):
        names = [n for n in (ld_name(v) for v in value) if n]
        return ", ".join(names) if names else None
    if isinstance(value, dict):
        value = value.get("name")
    return clean_space(str(value)) or None if isinstance(value, str) else None


_ISO = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})(?:[T ](?P<time>\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(?P<tz>Z|[+-]\d{2}:?\d{2})?)?$"
)


def iso_date(value: str | None) -> str | None:
    """An ISO 8601 date or date-time as the page gives it; a time zone is kept only when the page states one."""
    if not value:
        return None
    match = _ISO.match(value.strip())
    if not match:
        return None
    date = match.group("date")
    year, month, day = (int(x) for x in date.split("-"))
    if not (1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    time = match.group("time")
    if not time:
        return date
    if len(time) == 5:
        time += ":00"
    tz = match.group("tz") or ""
    if tz and tz != "Z" and ":" not in tz:
        tz = tz[:3] + ":" + tz[3:]
    return f"{date}T{time}{tz}"


_META_DATE_NAMES = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
)


def structured_date(tree: lxml.html.HtmlElement, ld: list[dict[str, Any]]) -> tuple[str | None, str | None]:
    """The publication date the page declares for machines, with the rule that found it."""
    for obj in ld:
        if _ld_types(obj) & _ARTICLE_TYPES:
            value = iso_date(str(obj.get("datePublished") or ""))
            if value:
                return value, "json-ld:datePublished"
    metas: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key and key not in metas:
            metas[key] = meta.get("content") or ""
    for name in _META_DATE_NAMES:
        value = iso_date(metas.get(name))
        if value:
            return value, f"meta:{name}"
    for el in tree.xpath('//*[@itemprop="datePublished"][@datetime or @content]'):
        value = iso_date(el.get("datetime") or el.get("content"))
        if value:
            return value, "itemprop:datePublished"
    return None, None


def declared_language(tree: lxml.html.HtmlElement) -> str | None:
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += tree.xpath(
        '//meta[translate(@http-equiv,"CONTENT-LANGUAGE","content-language")="content-language"]/@content'
    )
    candidates += tree.xpath('//meta[@property="og:locale"]/@content')
    for value in candidates:
        if value and re.match(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]+)*$", value.strip()):
            return value.strip().replace("_", "-").split("-")[0].lower()
    return None


_BYLINE_PREFIX = re.compile(
    r"^(?:(?:un|une) (?:documentaire|reportage|article|chronique|podcast|texte) de|par|by|de|écrit par|ecrit par"
    r"|written by|auteur|author)\s*:?\s+",
    re.I,
)
_BYLINE_TAIL = re.compile(r"\s*(?:[,|–—-]\s*)?(?:le\s+)?\d{1,2}[\s/.-].*$|\s*[|,]\s*$", re.I)
_AUTHOR_CLASS = re.compile(r"author|auteur|byline|signature|contributor|writer|journalist", re.I)
_NOT_BYLINE = re.compile(r"comment|avatar|snippet|related|share|partage|bio|description|list", re.I)


def clean_author(value: str | None) -> str | None:
    if not value:
        return None
    text = _BYLINE_PREFIX.sub("", clean_space(value).lstrip(" ,;:|–—-"))
    text = _BYLINE_TAIL.sub("", text).strip(" ,;|")
    return text or None


def _plausible_name(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= 6
        and len(text) <= 80
        and not re.search(r"\d|https?:|@|[|©]", text)
        and any(w[:1].isupper() for w in words)
    )


_CHROME_WORDS = {
    "comment",
    "comments",
    "commentaire",
    "commentaires",
    "related",
    "sidebar",
    "footer",
    "menu",
    "teaser",
    "teasers",
    "snippet",
    "snippets",
    "breadcrumb",
    "breadcrumbs",
    "navbar",
}


def _chrome_marker(el: etree._Element) -> bool:
    """A class token or id whose first or last part (split on - and _) names page furniture: ``sidebar``,
    ``comment-list``, ``article-snippet``. Middle parts are left alone: ``zen-one-sidebar-second`` is a
    layout name, not a sidebar."""
    for token in [*css_classes(el), (el.get("id") or "").lower()]:
        parts = [p for p in re.split(r"[-_]+", token) if p]
        if parts and (parts[0] in _CHROME_WORDS or parts[-1] in _CHROME_WORDS):
            return True
    return False


def _in_chrome(el: etree._Element) -> bool:
    """Inside navigation, footer, aside, a sidebar or a comment section: not the article's own byline."""
    for anc in el.iterancestors():
        if anc.tag in ("body", "html"):
            break
        if anc.tag in ("nav", "footer", "aside") or _chrome_marker(anc):
            return True
    return False


def byline_from_markup(tree: lxml.html.HtmlElement) -> str | None:
    """The first author named by the page's markup, in document order: rel/itemprop author, a class that
    says author/auteur/byline/signature/contributor, or a link to an author page (``/auteur/…``)."""
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in (
            "meta",
            "script",
            "style",
            "link",
            "img",
            "body",
            "html",
        ):
            continue
        cls = " ".join(css_classes(el))
        href = el.get("href") or ""
        hit = (
            el.get("rel") == "author"
            or el.get("itemprop") == "author"
            or (_AUTHOR_CLASS.search(cls) is not None and _NOT_BYLINE.search(cls) is None)
            or (el.tag == "a" and re.search(r"/(?:auteurs?|authors?|journalistes?)/[^/]", href) is not None)
        )
        if not hit or _in_chrome(el) or _chrome_marker(el):
            continue
        named = el.xpath('.//*[@itemprop="name"]')
        candidate = clean_author(text_of(named[0]) if named else text_of(el))
        if candidate and _plausible_name(candidate):
            return candidate
    return None


_TITLE_SEPARATORS = re.compile(r"\s+[|–—:·•-]\s+|\s+-\s*|\s*\|\s*")


def best_title(raw: str | None, tree: lxml.html.HtmlElement, site: str | None) -> str | None:
    """The article's title: the visible <h1> when it is the metadata title (keeps the page's typography)
    or its first part (``Titre | Site``); otherwise the metadata title without a trailing site name."""
    title = clean_space(raw)
    if not title:
        return None
    for h1 in tree.xpath("//h1"):
        if _in_chrome(h1):
            continue
        text = clean_space(" ".join(h1.itertext()))
        if not text:
            continue
        if fold_text(text) == fold_text(title):
            return text
        folded_title, folded_h1 = fold_text(title), fold_text(text)
        if folded_title.startswith(folded_h1) and _TITLE_SEPARATORS.match(
            folded_title[len(folded_h1) :] + " "
        ):
            return text
    if site:
        for sep in (" | ", " - ", " – ", " — ", " :: ", " · "):
            head, found, tail = title.rpartition(sep)
            if found and head and fold_text(tail) == fold_text(site):
                return head.strip()
    return title


_LEAD_CLASSES = {
    "chapo",
    "chapeau",
    "standfirst",
    "article-chapo",
    "article-chapeau",
    "article-lead",
    "article__lead",
    "article__chapo",
    "article__standfirst",
    "lede",
}


def lead_paragraph(tree: lxml.html.HtmlElement) -> str | None:
    """A lead paragraph (SPIP ``chapo``, ``standfirst``): trafilatura tends to drop it as page furniture."""
    for el in tree.iter():
        if isinstance(el.tag, str) and _LEAD_CLASSES.intersection(css_classes(el)) and not _in_chrome(el):
            text = text_of(el)
            if len(text) >= 80:
                return text
    return None


CREDIT = re.compile(r"^(?:image illustrative|illustration|cr[ée]dits? photos?|photo|cr[ée]dit)\s*:", re.I)
