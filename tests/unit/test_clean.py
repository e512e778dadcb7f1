"""Each cleaning rule, on French and English text written for these tests."""

from __future__ import annotations

import pytest

from veille.clean import clean_document
from veille.sources import RawDocument
from veille.types import Article


def clean(text: str, **meta: str) -> Article:
    return clean_document(RawDocument(id="t", source="t.txt", text=text, format="text", **meta))


def body(article: Article) -> str:
    return article.text


def reasons(article: Article) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in article.removed:
        out.setdefault(r.reason, []).append(r.text)
    return out


PARA_FR = ("Le ministre des Affaires étrangères a reçu son homologue brésilien à Paris pour évoquer "
           "la coopération agricole entre les deux pays.")
PARA_FR2 = ("Les deux délégations ont signé trois accords portant sur les semences, l'irrigation et "
            "la formation des ingénieurs agronomes.")
PARA_FR3 = ("Une nouvelle réunion est prévue au printemps à Brasilia, selon un communiqué publié par "
            "le ministère à l'issue de la rencontre.")
PARA_EN = ("The port authority said on Tuesday that container traffic had fallen for a third month "
           "as shipping lines diverted vessels around the cape.")
PARA_EN2 = ("Dock workers' unions warned that further cuts to shifts would follow if the trend "
            "continued into the winter season.")
PARA_EN3 = ("Officials expect volumes to recover next year once insurance premiums for the route "
            "come down from their current record levels.")


class TestTitle:
    def test_first_line_is_the_title(self) -> None:
        a = clean(f"Accord agricole franco-brésilien\n{PARA_FR}\n{PARA_FR2}")
        assert a.title == "Accord agricole franco-brésilien"
        assert "Accord agricole" not in a.text

    def test_title_prefix_is_stripped_and_flagged(self) -> None:
        a = clean(f"Titre : Accord agricole franco-brésilien\n{PARA_FR}")
        assert a.title == "Accord agricole franco-brésilien"
        assert "template_artifact" in a.flags

    def test_site_suffix_needs_corroboration(self) -> None:
        a = clean(f"Accord agricole - Le Courrier Rural\n{PARA_FR}\nCopyright © 2024 www.lecourrierrural.fr")
        assert a.title == "Accord agricole"
        assert a.site == "Le Courrier Rural"

    def test_dash_inside_a_title_is_kept_without_corroboration(self) -> None:
        a = clean(f"Paris - Brasilia : un axe agricole\n{PARA_FR}")
        assert a.title == "Paris - Brasilia : un axe agricole"
        assert a.site is None

    def test_title_repeated_in_the_body_is_removed(self) -> None:
        a = clean(f"Port traffic falls again\nPort traffic falls again\n{PARA_EN}")
        assert a.text == PARA_EN
        assert reasons(a)["repeated"] == ["Port traffic falls again"]

    def test_single_line_has_no_title(self) -> None:
        a = clean(PARA_EN)
        assert a.title is None and a.text == PARA_EN


class TestByline:
    def test_french_byline(self) -> None:
        a = clean(f"Un titre\n> LE COURRIER > - Économie | Par Jeanne Martin | Publié le 05/11/2024 08:30:00\n{PARA_FR}")
        assert (a.author, a.published, a.section) == ("Jeanne Martin", "2024-11-05T08:30:00", "Économie")
        assert a.site == "LE COURRIER"
        assert reasons(a)["metadata"][0].startswith("> LE COURRIER")

    def test_english_byline_with_month_name(self) -> None:
        a = clean(f"A title\nBy John Carter | Published November 5, 2024\n{PARA_EN}")
        assert (a.author, a.published) == ("John Carter", "2024-11-05")

    def test_prose_with_a_date_is_not_a_byline(self) -> None:
        line = "Le sommet, prévu le 05/11/2024 à Genève, réunira les ministres de douze pays de la région."
        a = clean(f"Un titre\n{line}\n{PARA_FR}")
        assert line in a.text and a.published is None


class TestHeadingsAndLists:
    def test_short_unpunctuated_line_before_a_paragraph_is_a_heading(self) -> None:
        a = clean(f"Titre\n{PARA_FR}\nUne coopération ancienne\n{PARA_FR2}")
        assert [a.text[h.start:h.end] for h in a.headings] == ["Une coopération ancienne"]

    def test_bold_markdown_heading_is_unwrapped_and_flagged(self) -> None:
        a = clean(f"Title\n{PARA_EN}\n**Shipping lines change course**\n{PARA_EN2}")
        assert "**" not in a.text
        assert [a.text[h.start:h.end] for h in a.headings] == ["Shipping lines change course"]
        assert "template_artifact" in a.flags

    @pytest.mark.parametrize("marker", ["- ", "• ", "* ", "1. "])
    def test_bullets_are_content(self, marker: str) -> None:
        a = clean(f"Titre\n{PARA_FR}\n{marker}Trois accords signés\n{marker}Une réunion au printemps\n{PARA_FR2}")
        items = [a.text[p.start:p.end] for p in a.paragraphs if p.kind == "list_item"]
        assert items == ["Trois accords signés", "Une réunion au printemps"]

    def test_hard_wrapped_prose_is_rejoined(self) -> None:
        a = clean("Titre\nLe ministre a reçu son homologue brésilien à Paris pour évoquer\n"
                  "la coopération agricole entre les deux pays.")
        assert a.text == PARA_FR.replace("Le ministre des Affaires étrangères", "Le ministre")


class TestRemovedSegments:
    @pytest.mark.parametrize("line", [
        "À lire aussi : La sécheresse menace les récoltes de maïs",
        "Lire aussi Les semences au cœur des négociations",
        "À voir aussi : notre reportage à Brasilia",
        "Read also: Insurers raise premiums for the cape route",
        "Read more: Unions plan a strike",
    ])
    def test_related_links(self, line: str) -> None:
        a = clean(f"Titre\n{PARA_FR}\n{line}\n{PARA_FR2}")
        assert reasons(a)["related_link"] == [line]
        assert line not in a.text and "related_links" in a.flags

    @pytest.mark.parametrize("line", [
        "Ce fruit méconnu fait fondre la graisse du ventre en deux semaines",
        "Les médecins n'en reviennent pas : une astuce de grand-mère contre les rides",
        "Doctors hate this one trick that melts belly fat overnight",
    ])
    def test_adverts_by_cue(self, line: str) -> None:
        a = clean(f"Titre\n{PARA_FR}\n{line}\n{PARA_FR2}\n{PARA_FR3}")
        assert reasons(a)["advert"] == [line]
        assert "advert_inserted" in a.flags

    def test_off_topic_line_without_a_cue_is_an_advert(self) -> None:
        line = "Découvrez nos villas luxueuses climatisées, piscines chauffées, jacuzzis privatifs"
        a = clean(f"Titre\n{PARA_FR}\n{line}\n{PARA_FR2}\n{PARA_FR3}")
        assert reasons(a)["advert"] == [line]

    @pytest.mark.parametrize("line", [
        "Copyright © 2024 Le Courrier Rural", "To Top", "LES PLUS LUS", "Tous droits réservés",
        "Inscrivez-vous à notre newsletter", "Sign up for our newsletter", "All rights reserved.",
    ])
    def test_site_chrome(self, line: str) -> None:
        a = clean(f"Titre\n{PARA_FR}\n{PARA_FR2}\n{line}")
        assert reasons(a)["boilerplate"] == [line]
        assert line not in a.text


class TestComments:
    THREAD = ("Réagir à cet article\nVotre adresse e-mail ne sera pas publiée.\n2 commentaires\n"
              "Paul\nTrès bon article, merci.\nLe 2024-11-05 14:12:37\n"
              "Marie Dubois\nJe ne suis pas d'accord\navec cette analyse.\nLe 2024-11-05 15:03:00\n")

    def test_comments_are_split_out_with_author_and_time(self) -> None:
        a = clean(f"Titre\n{PARA_FR}\n{PARA_FR2}\n{self.THREAD}")
        assert [(c.author, c.published, c.text) for c in a.comments] == [
            ("Paul", "2024-11-05T14:12:37", "Très bon article, merci."),
            ("Marie Dubois", "2024-11-05T15:03:00", "Je ne suis pas d'accord avec cette analyse."),
        ]
        assert "merci" not in a.text
        assert sorted(set(reasons(a))) == ["comment_widget"]

    def test_a_thread_pasted_twice_keeps_one_copy(self) -> None:
        a = clean(f"Titre\n{PARA_FR}\n{self.THREAD}{self.THREAD}")
        assert len(a.comments) == 2
        assert len(reasons(a)["repeated"]) == 2

    def test_english_comment_widget(self) -> None:
        a = clean(f"Title\n{PARA_EN}\nLeave a comment\nYour email address will not be published.\n"
                  "Sam\nGreat piece.\n2024-11-05 09:00")
        assert [(c.author, c.text) for c in a.comments] == [("Sam", "Great piece.")]
        assert "Great piece" not in a.text


class TestRepeatedText:
    def test_repeated_paragraphs_keep_the_first_copy(self) -> None:
        a = clean(f"Titre\n{PARA_FR}\n{PARA_FR2}\n{PARA_FR3}\n{PARA_FR}\n{PARA_FR2}")
        assert a.text.count(PARA_FR) == 1 and a.text.count(PARA_FR2) == 1
        assert "repeated_content" in a.flags
        assert len(reasons(a)["repeated"]) == 2

    def test_repeated_text_merged_into_one_paragraph_is_found(self) -> None:
        a = clean(f"Title\n{PARA_EN}\n{PARA_EN2}\n{PARA_EN3}\n{PARA_EN} {PARA_EN2}")
        assert a.text.count(PARA_EN) == 1 and a.text.count(PARA_EN2) == 1
        assert reasons(a)["repeated"] == [f"{PARA_EN} {PARA_EN2}"]

    def test_partly_repeated_paragraph_keeps_its_new_sentence(self) -> None:
        new = "Ce dernier point reste toutefois à confirmer par les deux gouvernements."
        a = clean(f"Titre\n{PARA_FR}\n{PARA_FR2} {new}")
        assert new in a.text and a.text.count(PARA_FR2) == 1

    def test_short_sentences_may_recur(self) -> None:
        a = clean("Title\nIt rained. The talks went on all night in the capital.\nIt rained. Then it stopped.")
        assert a.text.count("It rained.") == 2


def test_nothing_is_silently_dropped() -> None:
    text = (f"Titre : Accord\nÀ lire aussi : autre chose\n{PARA_FR}\nTo Top\n{PARA_FR2}\n{PARA_FR}\n"
            "Réagir à cet article\nPaul\nBravo.\nLe 2024-11-05 14:12:37")
    a = clean(text)
    kept = a.text + " " + " ".join(r.text for r in a.removed) + " " + " ".join(c.text for c in a.comments)
    for line in text.splitlines()[1:]:
        if not line.startswith("Le 2024") and line != "Paul":
            assert line in kept, line


def test_clean_false_keeps_the_text_unchanged() -> None:
    text = "Titre : pas un titre\nÀ lire aussi : gardé tel quel\n"
    a = clean_document(RawDocument(id="x", source="x", text=text, format="annotate", clean=False))
    assert a.text == text and not a.removed


def test_corroborated_title_suffix_names_the_site_over_a_section_crumb() -> None:
    a = clean(f"Port traffic falls again - The Harbour Post\nBusiness | Europe | By Ann Lee | March 3, 2024\n"
              f"{PARA_EN}\n© 2024 The Harbour Post")
    assert (a.site, a.section, a.author) == ("The Harbour Post", "Europe", "Ann Lee")


def test_bold_markup_around_nothing_is_removed_not_a_heading() -> None:
    article = clean(f"Titre\n{PARA_FR}\n** **\n{PARA_FR2}\n{PARA_FR3}")
    assert body(article).split("\n") == [PARA_FR, PARA_FR2, PARA_FR3]
    assert reasons(article)["boilerplate"] == ["** **"] and "template_artifact" in article.flags
