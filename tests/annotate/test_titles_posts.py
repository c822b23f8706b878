"""Titles of posts at a body: possessive bodies, areas, portfolios joined by 'and', passive verbs
of office, and names the recogniser did not call people."""

from __future__ import annotations

import pytest

from storylens.model import TitleMention


def _titles(annotate, text: str) -> dict[str, TitleMention]:
    return {t.person: t for t in annotate(text).titles}


def _read(title: TitleMention) -> tuple[str, str | None, str]:
    return title.office, title.jurisdiction, title.status


@pytest.mark.parametrize(
    ("text", "person", "read", "title_text"),
    [
        (
            "Dr. Lena Orr, the clinic's former medical director, said staff were tired.",
            "Lena Orr",
            ("medical director", "clinic", "former"),
            "clinic's former medical director",
        ),
        (
            "Dr. Lena Orr, medical director at the clinic, said staff were tired.",
            "Lena Orr",
            ("medical director", "clinic", "current"),
            "medical director at the clinic",
        ),
        (
            "The minister toured the ward with its medical director, Dr. Lena Orr.",
            "Lena Orr",
            ("medical director", None, "current"),
            "medical director",
        ),
    ],
)
def test_a_post_at_a_body_named_by_a_possessive_or_a_preposition(
    annotate, text, person, read, title_text
) -> None:
    title = _titles(annotate, text)[person]
    assert _read(title) == read
    assert title.text == title_text


@pytest.mark.parametrize(
    ("text", "person", "read"),
    [
        (
            "Ada Quist, the Orvel Foundation's representative in Peru, said the food had come.",
            "Ada Quist",
            ("representative for peru", "orvel foundation", "current"),
        ),
        (
            "Ada Quist, the OFA's regional director for Africa, said the food had come.",
            "Ada Quist",
            ("regional director for africa", "ofa", "current"),
        ),
        (
            "The foundation sent food; its representative in Peru, Ada Quist, met officials.",
            "Ada Quist",
            ("representative for peru", None, "current"),
        ),
        (
            "Dr. Ada Quist, who represents the Orvel Foundation in Peru, said the food had come.",
            "Ada Quist",
            ("representative for peru", "orvel foundation", "current"),
        ),
    ],
)
def test_a_place_after_a_bodys_post_is_the_area_of_the_post(annotate, text, person, read) -> None:
    assert _read(_titles(annotate, text)[person]) == read


def test_a_place_after_a_title_of_no_body_stays_its_jurisdiction(annotate) -> None:
    title = _titles(annotate, "Jo Bellamy, minister for Wales, arrived late.")["Jo Bellamy"]
    assert (title.office, title.jurisdiction) == ("minister", "wales")


@pytest.mark.parametrize(
    "text",
    [
        "Industry and Trade Minister Lena Varga said the state would pay.",
        "Trade and Industry Minister Lena Varga said the state would pay.",
        "Lena Varga, the country's minister of industry and trade, said the state would pay.",
        # the recogniser glues the portfolio onto the name: 'Industry and Trade Lena Varga' (ORG)
        "Minister of Industry and Trade Lena Varga said the state would pay.",
    ],
)
def test_portfolios_joined_by_and_are_one_office(annotate, text) -> None:
    title = _titles(annotate, text)["Lena Varga"]
    assert title.office == "industry and trade minister"
    assert title.jurisdiction is None


def test_a_portfolio_before_ministry_names_the_ministry(annotate) -> None:
    titles = _titles(annotate, "Transport ministry spokeswoman Lena Varga said so.")
    assert _read(titles["Lena Varga"]) == ("spokesperson", "transport ministry", "current")


@pytest.mark.parametrize(
    ("text", "jurisdiction"),
    [
        (
            "The Harbour Safety Board, led by Brigitte Hollwein, has published its report.",
            "harbour safety board",
        ),
        (
            "The Harbour Safety Board is led by Brigitte Hollwein, its staff said.",
            "harbour safety board",
        ),
        (
            "The Harbour Safety Board has been led by Brigitte Hollwein since 2029.",
            "harbour safety board",
        ),
    ],
)
def test_a_body_led_by_a_person_gives_that_person_a_title(annotate, text, jurisdiction) -> None:
    title = _titles(annotate, text)["Brigitte Hollwein"]
    assert _read(title) == ("leader", jurisdiction, "current")
    assert title.text.startswith("The Harbour Safety Board") and title.text.endswith("by")


@pytest.mark.parametrize(
    "text",
    [
        "The Harbour Safety Board was led by Brigitte Hollwein until 2029.",
        "The Harbour Safety Board will be led by Brigitte Hollwein from May.",
        "The talks, led by Brigitte Hollwein, went on all night.",
    ],
)
def test_a_past_future_or_non_body_passive_is_no_title(annotate, text) -> None:
    assert "Brigitte Hollwein" not in _titles(annotate, text)


def test_a_name_tagged_as_an_organisation_holds_a_post_only_people_hold(annotate) -> None:
    # the recogniser calls both 'Gerlinde Pruckner' and 'Halden Capital' organisations
    led = _titles(annotate, "The Coastal Water Commission, led by Gerlinde Pruckner, met.")
    assert _read(led["Gerlinde Pruckner"]) == ("leader", "coastal water commission", "current")
    assert "Halden Capital" not in _titles(annotate, "Its owner, Halden Capital, said nothing.")
    for text in (
        "The fund, led by Halden Capital, said nothing.",
        "The Harbour Safety Board, run by Halden Capital, said nothing.",
    ):
        assert "Halden Capital" not in _titles(annotate, text)


def test_a_title_before_a_possessor_is_the_possessors_not_the_next_names(annotate) -> None:
    # 'Harbour Forward' reads like a name, but the title words belong to Lena Varga
    titles = _titles(annotate, "Mayor-elect Lena Varga's Harbour Forward movement won 24 seats.")
    assert "Harbour Forward" not in titles
    assert titles["Lena Varga"].office == "mayor"


@pytest.mark.parametrize(
    ("text", "read", "title_text"),
    [
        (
            "The Harbour Board, whose acting chairman is Jo Bloggs, said the talks failed.",
            ("chair", "harbour board", "acting"),
            "acting chairman",
        ),
        (
            "The board met. Its chief executive is Jo Bloggs.",
            ("chief executive", None, "current"),
            "chief executive",
        ),
    ],
)
def test_a_title_that_is_the_subject_of_is_before_a_name_is_that_persons(
    annotate, text, read, title_text
) -> None:
    title = _titles(annotate, text)["Jo Bloggs"]
    assert _read(title) == read
    assert title.text == title_text


@pytest.mark.parametrize(
    "text",
    [
        "The problem for the minister is Jo Bloggs.",
        "The board met. Its chief executive was Jo Bloggs.",
        "The Harbour Board, whose chairman is not Jo Bloggs, said the talks failed.",
    ],
)
def test_a_copula_with_another_subject_a_past_or_a_negation_gives_no_title(annotate, text) -> None:
    assert "Jo Bloggs" not in _titles(annotate, text)


def test_a_plural_title_followed_by_a_verb_is_the_next_clauses_subject(annotate) -> None:
    assert "Jo Bloggs" not in _titles(annotate, "The visit was led by Jo Bloggs, officials said.")
    envoys = _titles(annotate, "Jo Bloggs and Ann Roe, the envoys, said little.")
    assert envoys["Ann Roe"].office == "envoy"


@pytest.mark.parametrize(
    "text",
    [
        "Korvik sporting director Lina Voss thanked the fans.",
        "Lina Voss, Korvik's sporting director, thanked the fans.",
    ],
)
def test_a_sporting_director_is_a_post_of_the_club_named_with_it(annotate, text) -> None:
    assert _read(_titles(annotate, text)["Lina Voss"]) == ("sport director", "korvik", "current")
