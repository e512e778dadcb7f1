"""HTML pages: main text, metadata and reader comments.

trafilatura finds the main content; this module turns its XML into one block per line (so the cleaning
stage sees headings, list items and paragraphs as such) and adds what a French press page needs and
trafilatura does not give: which rule found the date, bylines in French markup (« par », ``auteurs``),
SPIP-style lead paragraphs (``chapo``), titles without the site-name suffix, comments with their author
and time.

Measured on ../shared/data/trafilatura-fr-dev (see tests/acceptance/test_trafilatura_fr.py): the default
trafilatura settings (neither ``favor_precision`` nor ``favor_recall``) keep the most ``with`` snippets
without letting more ``without`` snippets in; ``favor_precision`` loses one ``with`` snippet, and
``favor_recall`` changes nothing there, so we keep the defaults.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import charset_normalizer
import lxml.html
import trafilatura
from lxml import etree

from veille.errors import SourceError
from veille.sources.html_meta import (
    CREDIT,
    best_title,
    byline_from_markup,
    clean_author,
    declared_language,
    iso_date,
    json_ld,
    ld_name,
    lead_paragraph,
    structured_date,
)
from veille.sources.html_text import clean_space, fold_text, text_of

__all__ = ["HtmlBlock", "HtmlDocument", "SourceError", "decode_html", "extract_html"]

Comment = tuple[str | None, str | None, str]


@dataclass(slots=True)
class HtmlBlock:
    """One block of the main text: ``kind`` is ``paragraph``, ``heading``, ``list_item``, ``quote`` or
    ``table_row``; ``text`` is what the block contributes to ``HtmlDocument.text`` (list items keep their
    ``- `` marker)."""

    kind: str
    text: str


@dataclass(slots=True)
class HtmlDocument:
    """What one HTML page yields. ``text`` has one block per line, in page order."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None
    comments: list[Comment] = field(default_factory=list)
    published_rule: str | None = None
    blocks: list[HtmlBlock] = field(default_factory=list)
    # (text, reason) for what this module took out of trafilatura's main text, so nothing vanishes silently.
    removed: list[tuple[str, str]] = field(default_factory=list)
    description: str | None = None
    encoding: str | None = None


# ---------------------------------------------------------------------------------------------------------
# Decoding

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _declared_charset(data: bytes) -> str | None:
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    # Pages that say latin-1 are in practice windows-1252 (curly quotes, œ, €): the WHATWG rule.
    return "cp1252" if codecs.lookup(name).name in ("latin-1", "iso8859-1", "ascii") else name


def decode_html(data: bytes, source: str = "<bytes>") -> tuple[str, str]:
    """Decode a page: byte-order mark, then the declared charset, then UTF-8, then charset-normalizer.

    Returns (text, encoding). Raises SourceError when the bytes are not text (a binary file).
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, "replace"), name
    if b"\x00" in data[:4096] and data[:4096].count(b"\x00") > 16:
        raise SourceError(
            f"{source}: binary data (NUL bytes), not an HTML page; check that the file is a saved web page"
        )
    tried: list[str] = []
    declared = _declared_charset(data)
    for name in [n for n in (declared, "utf-8") if n]:
        if name not in tried:
            tried.append(name)
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                continue
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), best.encoding
    raise SourceError(
        f"{source}: cannot tell the character encoding (tried {', '.join(tried)} and charset detection); "
        "re-save the page as UTF-8 or declare its charset in a <meta charset> tag"
    )


# ---------------------------------------------------------------------------------------------------------
# trafilatura XML → blocks

_BLOCK_TAGS = {"p", "head", "quote", "code", "list", "table"}


def _inline(el: etree._Element, skip: frozenset[str] = frozenset({"list"})) -> str:
    """The text of ``el`` with <lb/> as newlines, leaving out nested lists (they become their own lines)."""
    parts: list[str] = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag in skip or child.tag == "graphic":
            pass
        else:
            parts.append(_inline(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


def _lines(text: str) -> list[str]:
    return [line for line in (clean_space(part) for part in text.split("\n")) if line]


def _walk(el: etree._Element, out: list[HtmlBlock]) -> None:
    for child in el:
        tag = child.tag
        if tag == "head":
            # A heading broken by <br> is still one heading.
            text = clean_space(_inline(child).replace("\n", " "))
            if text:
                out.append(HtmlBlock("heading", text))
        elif tag in ("p", "quote", "code"):
            # <br> inside a paragraph often separates what the site meant as paragraphs: one line each.
            kind = "quote" if tag == "quote" else "paragraph"
            out.extend(HtmlBlock(kind, line) for line in _lines(_inline(child)))
            # trafilatura sometimes nests blocks (a list in a quote): keep them too.
            _walk_nested(child, out)
        elif tag == "list":
            for item in child:
                if item.tag != "item":
                    continue
                text = clean_space(_inline(item, frozenset({"list", "p"})).replace("\n", " "))
                if text:
                    out.append(HtmlBlock("list_item", "- " + text))
                for sub in item:
                    if sub.tag == "p":
                        out.extend(HtmlBlock("list_item", "- " + line) for line in _lines(_inline(sub)))
                _walk_nested(item, out)
        elif tag == "table":
            for row in child.iter("row"):
                cells = [clean_space(" ".join(cell.itertext())) for cell in row if cell.tag == "cell"]
                cells = [cell for cell in cells if cell]
                if cells:
                    out.append(HtmlBlock("table_row", " | ".join(cells)))
        elif tag in ("graphic", "lb"):
            continue
        elif len(child):
            _walk(child, out)
        else:
            out.extend(HtmlBlock("paragraph", line) for line in _lines(child.text or ""))
        if tag not in _BLOCK_TAGS and child.tail and child.tail.strip():
            out.extend(HtmlBlock("paragraph", line) for line in _lines(child.tail))


def _walk_nested(el: etree._Element, out: list[HtmlBlock]) -> None:
    for sub in el:
        if sub.tag in ("list", "table"):
            _walk(_wrap(sub), out)


def _wrap(el: etree._Element) -> etree._Element:
    # _walk iterates over children; a detached copy under a dummy parent lets us reuse it for one element.
    holder = etree.Element("div")
    holder.append(etree.fromstring(etree.tostring(el)))
    return holder


def _blocks(body: etree._Element | None) -> list[HtmlBlock]:
    out: list[HtmlBlock] = []
    if body is not None:
        _walk(body, out)
    return out


# ---------------------------------------------------------------------------------------------------------
# Comments

_COMMENT_ITEM = (
    '//*[self::li or self::article or self::div][contains(concat(" ", normalize-space(@class), " "),'
    ' " comment ") or contains(@class, "comment-item") or contains(@class, "commentaire")'
    ' or @itemprop="comment" or @typeof="Comment"]'
)


def _comments_from_markup(tree: lxml.html.HtmlElement) -> list[Comment]:
    """Comments from the usual markup (WordPress, SPIP, schema.org): author, time and text of each.
    A reply nested inside its parent's element is its own comment: each part is taken from the nearest item."""
    items = tree.xpath(_COMMENT_ITEM)
    members = {id(item) for item in items}

    def own(item: etree._Element, xpath: str) -> list[etree._Element]:
        result = []
        for el in item.xpath(xpath):
            owner = next((a for a in el.iterancestors() if id(a) in members), None)
            if owner is item:
                result.append(el)
        return result

    found: list[Comment] = []
    for item in items:
        if _in_chrome_except_comments(item):
            continue
        author_el = own(
            item,
            './/*[contains(@class, "author") or contains(@class, "auteur") or '
            'contains(concat(" ", @class, " "), " fn ") or @itemprop="author"]',
        )
        time_el = own(item, ".//time[@datetime]")
        body_el = own(
            item,
            './/*[contains(@class, "comment-content") or contains(@class, "comment-body") or '
            'contains(@class, "comment-text") or @itemprop="text"]',
        )
        author = clean_author(text_of(author_el[0])) if author_el else None
        published = iso_date(time_el[0].get("datetime")) if time_el else None
        if body_el:
            paragraphs = [text_of(p) for p in body_el[0].xpath(".//p")]
            text = "\n".join(p for p in paragraphs if p) or text_of(body_el[0])
        else:
            paragraphs = [text_of(p) for p in own(item, ".//p")]
            text = "\n".join(p for p in paragraphs if p)
        if text:
            found.append((author, published, text))
    return found


def _in_chrome_except_comments(el: etree._Element) -> bool:
    return any(anc.tag in ("nav", "header") for anc in el.iterancestors())


def _comments_from_trafilatura(commentsbody: etree._Element | None) -> list[Comment]:
    if commentsbody is None:
        return []
    return [(None, None, block.text) for block in _blocks(commentsbody)]


# ---------------------------------------------------------------------------------------------------------
# The entry point


def _parse(html: str, source: str) -> lxml.html.HtmlElement:
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise SourceError(
            f"{source}: not parseable as HTML ({exc}); check that the file is a web page"
        ) from exc
    return tree


def _dedupe_lines(blocks: Iterable[HtmlBlock]) -> Iterator[HtmlBlock]:
    # trafilatura can emit the same list twice when the markup nests it; drop exact consecutive repeats only
    # (repeated paragraphs further apart are the cleaning stage's business: it records them).
    previous: HtmlBlock | None = None
    for block in blocks:
        if previous is None or (block.kind, block.text) != (previous.kind, previous.text):
            yield block
        previous = block


def extract_html(data: bytes, source: str) -> HtmlDocument:
    """Extract the main text, metadata and comments of one HTML page.

    ``source`` is the path or URL the bytes came from (used for messages, and as the URL when it is one).
    Raises SourceError when the bytes are not an HTML page or no main text can be found in it.
    """
    if not data or not data.strip():
        raise SourceError(f"{source}: empty file; nothing to extract")
    html, encoding = decode_html(data, source)
    if "<" not in html:
        raise SourceError(f"{source}: no HTML markup found; give plain text files a .txt extension")
    url = source if re.match(r"^https?://", source) else None
    tree = _parse(html, source)
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=True,
            include_tables=True,
            # original_date: the first publication, not the last update, is what dates an article.
            date_extraction_params={"extensive_search": True, "original_date": True},
        )
    except (ValueError, TypeError, etree.LxmlError) as exc:  # trafilatura on pathological markup
        raise SourceError(
            f"{source}: the HTML could not be processed ({exc}); check the file is a saved web page"
        ) from exc
    if doc is None or isinstance(doc, dict):
        raise SourceError(
            f"{source}: no main text found in the page (it may be an index, a login wall or only scripts); "
            "save the article page itself, or give its text as a .txt file"
        )

    removed: list[tuple[str, str]] = []
    blocks = list(_dedupe_lines(_blocks(doc.body)))
    ld = json_ld(tree)
    site = clean_space(doc.sitename) or None
    if site is None:
        site = next((n for n in (ld_name(o.get("publisher")) for o in ld) if n), None)
    title = best_title(doc.title, tree, site)

    # The page title is metadata; repeated as the first block it would be read twice downstream.
    if blocks and title and blocks[0].kind == "heading" and fold_text(blocks[0].text) == fold_text(title):
        removed.append((blocks.pop(0).text, "title"))

    lead = lead_paragraph(tree)
    if lead and fold_text(lead)[:80] not in fold_text("\n".join(b.text for b in blocks)):
        blocks.insert(0, HtmlBlock("paragraph", lead))

    kept: list[HtmlBlock] = []
    for block in blocks:
        if block.kind == "paragraph" and len(block.text) < 200 and CREDIT.match(block.text):
            removed.append((block.text, "caption"))
        else:
            kept.append(block)
    blocks = kept

    author = clean_author(doc.author)
    if author is None or (site and fold_text(author) == fold_text(site)):
        # An author equal to the site name is usually the publisher put in the author slot (JSON-LD);
        # a person named in the byline is better, when the page has one.
        author = byline_from_markup(tree) or author

    # A byline that trafilatura kept as the first paragraphs ("Par Camille Roux") is metadata, not body.
    if author:
        for index, block in enumerate(blocks[:3]):
            if block.kind == "paragraph" and block.text != author and clean_author(block.text) == author:
                removed.append((blocks.pop(index).text, "byline"))
                break

    if not blocks:
        raise SourceError(
            f"{source}: no main text found in the page (it may be an index, a login wall or only scripts); "
            "save the article page itself, or give its text as a .txt file"
        )

    published, rule = structured_date(tree, ld)
    if published is None and doc.date:
        published, rule = iso_date(doc.date), "htmldate"

    comments = _comments_from_markup(tree) or _comments_from_trafilatura(doc.commentsbody)
    description = clean_space(doc.description) or None
    return HtmlDocument(
        text="\n".join(block.text for block in blocks),
        title=title,
        author=author,
        published=published,
        site=site,
        url=clean_space(doc.url) or url,
        language=declared_language(tree),
        comments=comments,
        published_rule=rule if published else None,
        blocks=blocks,
        removed=removed,
        description=description,
        encoding=encoding,
    )
