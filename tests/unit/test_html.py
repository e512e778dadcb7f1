"""HTML extraction on small pages written for these tests (French and English)."""

from __future__ import annotations

import pytest

from veille.errors import SourceError
from veille.sources.html import decode_html, extract_html

FILLER_FR = (
    "Le conseil municipal a voté mardi soir le budget de la nouvelle médiathèque, après trois heures de débat "
    "et deux suspensions de séance demandées par l'opposition."
)
FILLER_EN = (
    "The harbour authority said on Tuesday that the new ferry terminal would open in the spring, two years "
    "later than planned, because of delays in the delivery of steel."
)

PAGE_FR = f"""<!DOCTYPE html>
<html lang="fr-FR"><head>
<meta charset="utf-8">
<title>Une médiathèque pour le quartier du port - Le Courrier du Littoral</title>
<meta property="og:site_name" content="Le Courrier du Littoral">
<meta property="og:title" content="Une médiathèque pour le quartier du port">
<meta name="author" content="Claire Dubois">
<meta property="article:published_time" content="2024-11-05T08:30:00">
</head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/politique">Politique</a></li></ul></nav>
<header><div class="logo">Le Courrier du Littoral</div></header>
<article>
<h1>Une médiathèque pour le quartier du port</h1>
<p>{FILLER_FR}</p>
<h2>Un chantier de deux ans</h2>
<p>Les travaux doivent commencer au printemps et durer deux ans, selon l'adjoint chargé de la culture, qui promet une ouverture avant l'été 2027.</p>
<ul><li>Une salle de lecture de quatre cents mètres carrés</li><li>Un auditorium de cent vingt places</li></ul>
<p>Ligne avant le saut<br>Ligne après le saut, qui forme un paragraphe distinct dans la page.</p>
</article>
<aside><h3>À lire aussi</h3><ul><li><a href="/x">Le port change de visage</a></li></ul></aside>
<footer><p>Copyright © 2024 Le Courrier du Littoral. Tous droits réservés.</p></footer>
</body></html>"""

PAGE_EN = f"""<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Ferry terminal delayed again | Harbour News</title>
<script type="application/ld+json">
{{"@context": "https://schema.org", "@graph": [
  {{"@type": "WebSite", "name": "Harbour News"}},
  {{"@type": "NewsArticle", "headline": "Ferry terminal delayed again",
    "datePublished": "2024-10-21T17:05:00+01:00", "dateModified": "2024-10-22T09:00:00+01:00",
    "author": {{"@type": "Person", "name": "Tom Hardy"}},
    "publisher": {{"@type": "Organization", "name": "Harbour News"}}}}]}}
</script>
</head><body>
<div class="content"><h1>Ferry terminal delayed again</h1>
<p class="byline">By Tom Hardy</p>
<p>{FILLER_EN}</p>
<p>Local businesses had counted on the terminal to bring thousands of visitors each summer, and several
of them told the council that they would ask for compensation.</p>
<ol><li>Steel deliveries slipped by six months</li><li>The contractor changed twice</li></ol>
</div>
<div id="comments"><ol class="commentlist">
<li class="comment"><div class="comment-author vcard"><cite class="fn">Sam</cite></div>
<time datetime="2024-10-21T18:40:00">21 Oct</time>
<div class="comment-content"><p>Not surprised at all, this project was late from day one.</p></div></li>
<li class="comment"><div class="comment-author vcard"><cite class="fn">Priya</cite></div>
<time datetime="2024-10-21T19:02:00">21 Oct</time>
<div class="comment-content"><p>Who pays for the delay?</p></div></li>
</ol></div>
</body></html>"""


def test_french_page_metadata_and_blocks() -> None:
    doc = extract_html(PAGE_FR.encode("utf-8"), "courrier.html")
    assert doc.title == "Une médiathèque pour le quartier du port"
    assert doc.author == "Claire Dubois"
    assert doc.published == "2024-11-05T08:30:00"  # no time zone invented
    assert doc.published_rule == "meta:article:published_time"
    assert doc.site == "Le Courrier du Littoral"
    assert doc.language == "fr"
    lines = doc.text.split("\n")
    assert FILLER_FR in lines
    assert "Un chantier de deux ans" in lines
    assert "- Une salle de lecture de quatre cents mètres carrés" in lines
    assert "- Un auditorium de cent vingt places" in lines
    # <br> inside a paragraph: two lines.
    assert "Ligne avant le saut" in lines
    kinds = {block.text: block.kind for block in doc.blocks}
    assert kinds["Un chantier de deux ans"] == "heading"
    assert kinds["- Un auditorium de cent vingt places"] == "list_item"
    # The title is metadata, not the first line of the body; chrome stays out.
    assert lines[0] != doc.title
    assert "Copyright" not in doc.text
    assert "Accueil" not in doc.text


def test_english_page_json_ld_and_comments() -> None:
    doc = extract_html(PAGE_EN.encode("utf-8"), "https://harbour.example/ferry")
    assert doc.title == "Ferry terminal delayed again"
    assert doc.author == "Tom Hardy"
    # datePublished, not dateModified; the stated offset is kept.
    assert doc.published == "2024-10-21T17:05:00+01:00"
    assert doc.published_rule == "json-ld:datePublished"
    assert doc.site == "Harbour News"
    assert doc.url == "https://harbour.example/ferry"
    assert "- Steel deliveries slipped by six months" in doc.text.split("\n")
    assert (
        "Sam",
        "2024-10-21T18:40:00",
        "Not surprised at all, this project was late from day one.",
    ) in doc.comments
    assert ("Priya", "2024-10-21T19:02:00", "Who pays for the delay?") in doc.comments
    assert "Who pays for the delay?" not in doc.text
    # The byline is metadata, not body text.
    assert "By Tom Hardy" not in doc.text


def test_title_suffix_removed_and_byline_with_par() -> None:
    page = f"""<html lang="fr"><head><meta charset="utf-8">
    <title>Le port attend ses grues | Gazette du Nord</title>
    <meta property="og:site_name" content="Gazette du Nord"></head><body>
    <div class="article"><div class="signature">Par Marc Lefort, le 3 octobre 2024</div>
    <p>{FILLER_FR}</p><p>{FILLER_FR.replace("mardi", "jeudi")}</p></div></body></html>"""
    doc = extract_html(page.encode("utf-8"), "gazette.html")
    assert doc.title == "Le port attend ses grues"
    assert doc.author == "Marc Lefort"


def test_byline_paragraph_leaves_the_body() -> None:
    page = f"""<html lang="fr"><head><meta charset="utf-8"><meta name="author" content="Camille Roux">
    <title>Écluse</title></head><body><article><h1>Écluse</h1><p>Par Camille Roux</p>
    <p>{FILLER_FR}</p><p>{FILLER_FR.replace("mardi", "jeudi")}</p></article></body></html>"""
    doc = extract_html(page.encode("utf-8"), "ecluse.html")
    assert doc.author == "Camille Roux"
    assert "Par Camille Roux" not in doc.text
    assert ("Par Camille Roux", "byline") in doc.removed


def test_declared_latin1_charset() -> None:
    page = f"""<html><head><meta charset="iso-8859-1"><title>Écluse fermée</title></head>
    <body><article><p>{FILLER_FR} L’écluse restera fermée.</p></article></body></html>"""
    data = page.encode("cp1252")  # what "latin-1" pages really are: the curly quote is cp1252
    text, encoding = decode_html(data)
    assert encoding == "cp1252"
    assert "L’écluse" in text
    doc = extract_html(data, "ecluse.html")
    assert "L’écluse restera fermée." in doc.text
    assert doc.title == "Écluse fermée"


def test_undeclared_charset_is_detected() -> None:
    page = f"<html><body><article><p>{FILLER_FR} Élus, sénateurs et député ont été reçus.</p></article></body></html>"
    doc = extract_html(page.encode("cp1252"), "nodecl.html")
    assert "Élus, sénateurs et député" in doc.text


def test_broken_html_does_not_crash() -> None:
    page = f"<html><body><div><p>{FILLER_EN}<p>{FILLER_EN.replace('Tuesday', 'Friday')}</div></span></b><table><tr><td>"
    doc = extract_html(page.encode("utf-8"), "broken.html")
    assert "The harbour authority said on Friday" in doc.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"<html><head><title>x</title></head><body></body></html>", "no main text"),
        (b"<html><body><script>var a = 1;</script></body></html>", "no main text"),
        (b"\x00\x01\x02\x00" * 200, "binary"),
        (b"just some words, no markup", "no HTML markup"),
    ],
)
def test_nothing_to_extract_raises_source_error(data: bytes, message: str) -> None:
    with pytest.raises(SourceError) as info:
        extract_html(data, "page.html")
    assert message in info.value.reason
    assert "page.html" in info.value.reason


def test_undecodable_bytes_are_read_not_crashed() -> None:
    # Invalid UTF-8 under a UTF-8 declaration: charset detection takes over rather than failing.
    data = (
        b'<html><head><meta charset="utf-8"></head><body><article><p>'
        + FILLER_EN.encode()
        + b" \xff\xfe\xfa.</p></article></body></html>"
    )
    doc = extract_html(data, "bad.html")
    assert "ferry terminal" in doc.text
