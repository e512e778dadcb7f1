"""The knowledge-base loader: shipped data, user folders, and errors that say where and what to fix."""

from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path

import pytest

from veille.kb import KBError, build_kb, load_kb
from veille.kb.forms import french_demonym_forms, slugify, spelling_variants
from veille.types import Mention

COUNTRIES_HEADER = "id\tname\tnames_fr\tnames_en\tdemonyms_fr\tdemonyms_en\tmetonyms_fr\tmetonyms_en\tcombining_fr\n"
PEOPLE_HEADER = "id\tname\tcountry\tnames_fr\tnames_en\tshort\troles\n"


def write(d: Path, name: str, text: str) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    p = d / name
    p.write_text(text, encoding="utf-8")
    return p


def test_shipped_kb_loads_and_is_cached() -> None:
    kb = load_kb()
    assert kb is load_kb()
    assert kb.entity("RUS") is not None and kb.entity("RUS").name == "Russia"  # type: ignore[union-attr]
    assert kb.entity("SUN").name == "Soviet Union"  # type: ignore[union-attr]
    for code in ("TWN", "XKX", "PSE", "ESH", "YUG", "DDR", "CSK"):
        assert kb.entity(code) is not None, code
    countries = [r for r in kb.records.values() if r.kind == "country"]
    assert len(countries) >= 200
    people = [r for r in kb.records.values() if r.kind == "person"]
    assert len(people) >= 300


def test_ids_and_countries() -> None:
    kb = load_kb()
    putin = kb.entity("vladimir-putin")
    assert putin is not None and putin.kind == "person" and putin.country == "RUS"
    assert kb.country_of("vladimir-putin") == "RUS"
    assert kb.country_of("PRK") == "PRK"
    assert kb.country_of("korean-central-news-agency") == "PRK"
    assert kb.country_of("united-nations") is None
    assert kb.country_of("no-such-entity") is None
    assert kb.entity("nikita-khrushchev").country == "SUN"  # type: ignore[union-attr]


def test_roles_at_dates() -> None:
    kb = load_kb()
    assert kb.roles_at("vladimir-putin", "2010-01-01") == ["prime-minister"]
    assert kb.roles_at("vladimir-putin", "2004") == ["president"]
    assert "president" in kb.roles_at("vladimir-putin", None)
    assert kb.roles_at("dmitry-medvedev", None) == []
    assert kb.roles_at("sergei-shoigu", "2020-06-01") == ["defence-minister"]
    assert kb.roles_at("nobody", "2020") == []


def test_describe_known_and_provisional() -> None:
    kb = load_kb()
    text = "Le ministre Jean Dupont et Vladimir Poutine."
    known = kb.describe(Mention(27, 43, "vladimir-putin", "person", "person:fr:Vladimir Poutine"), text)
    assert known.name == "Vladimir Putin" and not known.provisional
    new = kb.describe(Mention(12, 23, "jean-dupont", "person", "provisional:title:ministre", True), text)
    assert new.provisional and new.name == "Jean Dupont" and new.id == "jean-dupont"


def test_forms() -> None:
    assert french_demonym_forms("nord-coréen") == ["nord-coréen", "nord-coréenne", "nord-coréens", "nord-coréennes"]
    assert french_demonym_forms("russe") == ["russe", "russes"]
    assert french_demonym_forms("américain")[-1] == "américaines"
    assert french_demonym_forms("chinois") == ["chinois", "chinoise", "chinoises"]
    assert french_demonym_forms("turc/turque/turcs/turques")[1] == "turque"
    assert slugify("Kim Jong-un") == "kim-jong-un"
    assert slugify("Valéry Giscard d'Estaing") == "valery-giscard-d-estaing"
    assert {"etats-unis", "états-unis"} <= spelling_variants("États-Unis")
    assert "côte d\u2019ivoire" in spelling_variants("Côte d'Ivoire")


def test_user_folder_extends_the_base(tmp_path: Path) -> None:
    write(tmp_path, "people_local.tsv", PEOPLE_HEADER + "jean-dupont\tJean Dupont\tFRA\t\t\tDupont\tmayor:2020..\n")
    kb = load_kb([tmp_path])
    assert kb.entity("jean-dupont") is not None
    assert kb.entity("RUS") is not None
    assert kb.roles_at("jean-dupont", "2021") == ["mayor"]


def test_kb_pickles_without_its_matchers() -> None:
    kb = load_kb()
    kb.cache["probe"] = object()
    clone = pickle.loads(pickle.dumps(kb))
    assert clone.cache == {} and clone.entity("RUS") == kb.entity("RUS")
    kb.cache.pop("probe")


SUCCESSIONS_HEADER = "successor\tpredecessor\tfrom\tuntil\n"


def test_a_successor_stands_for_its_predecessor_during_the_predecessor_s_time() -> None:
    kb = load_kb()
    day = date.fromisoformat
    assert kb.state_during("RUS", day("1961-01-01").toordinal(), day("1961-12-31").toordinal()) == "SUN"
    assert kb.state_during("RUS", day("2024-06-19").toordinal(), day("2024-06-19").toordinal()) == "RUS"
    # a span across the dissolution, or before the Union, keeps the successor
    assert kb.state_during("RUS", day("1991-01-01").toordinal(), day("1992-12-31").toordinal()) == "RUS"
    assert kb.state_during("RUS", day("1905-01-01").toordinal(), day("1905-12-31").toordinal()) == "RUS"
    assert kb.state_during("CZE", day("1970-01-01").toordinal(), day("1970-12-31").toordinal()) == "CSK"


@pytest.mark.parametrize(
    ("name", "text", "line", "fix"),
    [
        ("countries_x.tsv", "id\tname\n", 1, "header must be"),
        ("countries_x.tsv", COUNTRIES_HEADER + "RU\tRussia\t\t\t\t\t\t\t\n", 2, "bad id 'RU'"),
        ("countries_x.tsv", COUNTRIES_HEADER + "AAA\tAaa\t\t\t\t\n", 2, "columns, expected 9"),
        ("countries_x.tsv", COUNTRIES_HEADER + "# c\nRUS\tRussia again\t\t\t\t\t\t\t\n", 3, "duplicate id 'RUS'"),
        ("countries_x.tsv", COUNTRIES_HEADER + "AAA\tAaa\tAaa[zz]\t\t\t\t\t\t\n", 2, "unknown flag"),
        ("people_x.tsv", PEOPLE_HEADER + "jane-doe\tJane Doe\tZZZ\t\t\t\t\n", 2, "unknown country code 'ZZZ'"),
        ("people_x.tsv", PEOPLE_HEADER + "jane-doe\tJane Doe\tFRA\t\t\t\tmayor:2020..2010\n", 2, "ends before"),
        ("people_x.tsv", PEOPLE_HEADER + "jane-doe\tJane Doe\tFRA\t\t\t\tmayor 2020\n", 2, "bad role"),
        ("people_x.tsv", PEOPLE_HEADER + "Jane_Doe\tJane Doe\tFRA\t\t\t\t\n", 2, "bad id"),
        ("organisations_x.tsv", "id\tname\tkind\tcountry\tnames_fr\tnames_en\nfoo\tFoo\tclub\t\t\t\n", 2,
         "unknown organisation kind"),
        ("ambiguous_x.tsv", "alias\tlang\tclass\tcandidates\tdefault\nZed\tfr\tshort\tnobody|noone\t\n", 2,
         "unknown id"),
        ("successions_x.tsv", SUCCESSIONS_HEADER + "RUS\tZZZ\t1922-12-30\t1991-12-26\n", 2,
         "unknown country code 'ZZZ'"),
        ("successions_x.tsv", SUCCESSIONS_HEADER + "RUS\tSUN\t1922\t1991-12-26\n", 2, "YYYY-MM-DD"),
        ("successions_x.tsv", SUCCESSIONS_HEADER + "RUS\tSUN\t1991-12-26\t1922-12-30\n", 2, "must come before"),
        ("misc.tsv", "a\n", None, "unknown data file"),
    ],
)
def test_errors_name_file_line_and_fix(tmp_path: Path, name: str, text: str, line: int | None, fix: str) -> None:
    p = write(tmp_path, name, text)
    with pytest.raises(KBError) as err:
        load_kb([tmp_path])
    msg = str(err.value)
    assert str(p) in msg
    if line is not None:
        assert f"{p}:{line}:" in msg
        assert err.value.line == line
    assert fix in msg


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(KBError, match="not a directory"):
        build_kb([tmp_path / "nope"])
