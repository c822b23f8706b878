"""Where organisations are based: headquarters facts, and the people who are based somewhere."""

from __future__ import annotations

import pytest


def _facts(annotate, text: str) -> list[tuple[str | None, str]]:
    return [(m.organization, m.place.text) for m in annotate(text).locations]


@pytest.mark.parametrize(
    ("text", "organization", "place"),
    [
        ("Kelmar Foods, headquartered in Oslo, cut its forecast.", "Kelmar Foods", "Oslo"),
        (
            "Nordvik Energy will be based in Frankfurt after the merger.",
            "Nordvik Energy",
            "Frankfurt",
        ),
        (
            "The new company, Brelvik, will have its headquarters in Vienna.",
            "Brelvik",
            "Vienna",
        ),
    ],
)
def test_an_organisations_head_office(annotate, text, organization, place) -> None:
    assert _facts(annotate, text) == [(organization, place)]


def test_a_fact_box_line_is_kept_without_an_organisation(annotate) -> None:
    facts = _facts(annotate, "WHO RUNS IT\nChair: Lena Varga. Head office: Vienna, for now.")
    assert facts == [(None, "Vienna")]


@pytest.mark.parametrize(
    "text",
    [
        "A Lisbon-based analyst, Mira Tolvanen, who is based in Paris, said so.",
        "Mira Tolvanen will be based in Lisbon from May.",
        "The mayor conceded at his campaign headquarters in Dunmore on Sunday.",
        "A bank based in Frankfurt lent the money.",
        "Analysts based in London were surprised.",
    ],
)
def test_people_and_unnamed_bodies_give_no_fact(annotate, text) -> None:
    assert _facts(annotate, text) == []
