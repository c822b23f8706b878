"""Organisations given head offices in places that exclude each other."""

from __future__ import annotations

from storylens.compare import compare_story
from storylens.model import LocationMention

from .builders import Doc, linked


def _based(doc_id: str, organization: str, cue: str, place: str) -> Doc:
    doc = Doc(doc_id, f"{organization} will be {cue} in {place} after the merger.")
    mention = doc.entity(place, "GPE")
    start, end = doc.span(f"{cue} in {place}")
    doc.locations.append(LocationMention(start, end, f"{cue} in {place}", organization, mention))
    return doc


def _place_conflicts(*docs: Doc) -> list:
    return [c for c in compare_story(linked(*docs)).conflicts if c.kind == "place"]


def test_one_organisation_in_two_cities_is_a_place_conflict() -> None:
    [conflict] = _place_conflicts(
        _based("a", "Brelvik", "headquartered", "Amsterdam"),
        _based("b", "Brelvik", "based", "Frankfurt"),
    )
    assert conflict.subject == "Brelvik"
    assert {v.evidence[0].text for v in conflict.values} == {
        "headquartered in Amsterdam",
        "based in Frankfurt",
    }


def test_a_city_and_its_country_agree() -> None:
    assert not _place_conflicts(
        _based("a", "Brelvik", "headquartered", "Amsterdam"),
        _based("b", "Brelvik", "based", "the Netherlands"),
    )


def test_two_organisations_in_two_cities_do_not_clash() -> None:
    assert not _place_conflicts(
        _based("a", "Brelvik", "headquartered", "Amsterdam"),
        _based("b", "Kelmar Bank", "based", "Frankfurt"),
    )
