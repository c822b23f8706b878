"""Places: aliases, containment from the gazetteer and from the story's own words."""

from __future__ import annotations

from storylens.compare.places import Gazetteer, learn_containment, normalize_place

from .builders import Doc


def test_country_spellings_and_demonyms_are_one_place() -> None:
    ids = {normalize_place(n).id for n in ["U.S.", "US", "United States", "American"]}
    assert len(ids) == 1
    assert normalize_place("Türkiye").id == normalize_place("Turkey").id
    assert normalize_place("Czech Republic").id == normalize_place("Czechia").id


def test_a_city_is_inside_its_country_but_apart_from_another_city() -> None:
    gazetteer = Gazetteer()
    lyon, marseille, france = (normalize_place(n) for n in ["Lyon", "Marseille", "France"])
    assert gazetteer.compatible(lyon, france)
    assert gazetteer.known_apart(lyon, marseille)
    assert gazetteer.known_apart(lyon, normalize_place("Spain"))


def test_unknown_places_may_lie_in_a_known_country() -> None:
    gazetteer = Gazetteer()
    assert not gazetteer.known_apart(normalize_place("Qorvath"), normalize_place("France"))
    assert gazetteer.known_apart(normalize_place("Qorvath"), normalize_place("Belmara Bay"))


def test_the_story_teaches_containment_of_fictional_places() -> None:
    a = Doc("a", "Leaders gathered in Qorvath, Ostravel. Ostravel's capital Dunmere was calm.")
    a.entity("Qorvath", "GPE")
    a.entity("Ostravel", "GPE")
    a.entity("Ostravel", "GPE", nth=1)
    a.entity("Dunmere", "GPE")
    gazetteer = learn_containment([a.build()])
    ostravel, qorvath, dunmere = (normalize_place(n) for n in ["Ostravel", "Qorvath", "Dunmere"])
    assert gazetteer.contains(ostravel, qorvath)
    assert gazetteer.contains(ostravel, dunmere)
    assert gazetteer.known_apart(qorvath, dunmere)


def test_a_venue_or_a_lake_lies_beside_any_town() -> None:
    gazetteer = Gazetteer()
    hotel, lake = normalize_place("the Hotel Sorvane"), normalize_place("Lake Orvel")
    assert hotel.kind == lake.kind == "venue"
    assert not gazetteer.known_apart(hotel, lake)
    assert not gazetteer.known_apart(hotel, normalize_place("Lyon"))
    assert gazetteer.known_apart(normalize_place("Qorvath"), normalize_place("Dunmere"))


def test_a_part_of_a_named_place_is_not_apart_from_it() -> None:
    gazetteer = Gazetteer()
    assert not gazetteer.known_apart(normalize_place("Upper Qorvath"), normalize_place("Qorvath"))
    assert gazetteer.known_apart(normalize_place("Upper Qorvath"), normalize_place("Dunmere"))


def test_the_story_teaches_which_names_are_regions() -> None:
    a = Doc("a", "The bus crashed near Qorvath in the Ostravian state of Varnel. Lyon is calm.")
    gazetteer = learn_containment([a.build()])
    assert gazetteer.regions == frozenset({"varnel"})
    for name in ("Varnel", "Upper Varnel"):
        assert not gazetteer.known_apart(normalize_place(name), normalize_place("Qorvath"))
    assert gazetteer.known_apart(normalize_place("Dunmere"), normalize_place("Qorvath"))


def test_two_provinces_of_different_names_are_apart() -> None:
    gazetteer = Gazetteer()
    north, other = normalize_place("the province of Dan Hoa"), normalize_place("Ben Lac province")
    assert gazetteer.known_apart(north, other)
    assert not gazetteer.known_apart(north, normalize_place("Dan Hoa province"))
    assert not gazetteer.known_apart(north, normalize_place("Ben Lac"))


def test_a_mountain_range_holds_any_town() -> None:
    gazetteer = Gazetteer()
    andes = normalize_place("the Varnish Andes")
    assert andes.kind == "region"
    assert not gazetteer.known_apart(andes, normalize_place("Qorvath"))
