from __future__ import annotations

import pytest

from storylens.model import TitleMention


def _titles(annotate, text: str) -> dict[str, TitleMention]:
    return {t.person: t for t in annotate(text).titles}


@pytest.mark.parametrize(
    ("text", "person", "office", "jurisdiction", "status", "title_text"),
    [
        (
            "Norwegian Prime Minister Elin Dahl opened the bridge.",
            "Elin Dahl",
            "prime minister",
            "norway",
            "current",
            "Norwegian Prime Minister",
        ),
        (
            "Yesterday former U.S. President Carl Weston spoke at length.",
            "Carl Weston",
            "president",
            "united states",
            "former",
            "former U.S. President",
        ),
        (
            "The proposal came from Deputy Foreign Minister Pavel Orlik on Monday.",
            "Pavel Orlik",
            "deputy foreign minister",
            None,
            "current",
            "Deputy Foreign Minister",
        ),
        (
            "Polish PM Jan Wierzba answered questions.",
            "Jan Wierzba",
            "prime minister",
            "poland",
            "current",
            "Polish PM",
        ),
        (
            "EU foreign policy chief Marta Lind wrote to the ministers.",
            "Marta Lind",
            "foreign policy chief",
            "european union",
            "current",
            "EU foreign policy chief",
        ),
        (
            "Kremlin spokesperson Oleg Varnov declined to comment.",
            "Oleg Varnov",
            "spokesperson",
            "russia",
            "current",
            "Kremlin spokesperson",
        ),
        (
            "The plan was welcomed by newly-elected German Chancellor Hans Brauer yesterday.",
            "Hans Brauer",
            "chancellor",
            "germany",
            "current",
            "newly-elected German Chancellor",
        ),
        (
            "Chancellor-elect Hans Brauer thanked voters.",
            "Hans Brauer",
            "chancellor",
            None,
            "elect",
            "Chancellor-elect",
        ),
        (
            "German opposition leader Hans Brauer criticised the budget.",
            "Hans Brauer",
            "opposition leader",
            "germany",
            "opposition",
            "German opposition leader",
        ),
        (
            "Acting President Lina Sorel signed the decree.",
            "Lina Sorel",
            "president",
            None,
            "acting",
            "Acting President",
        ),
        (
            "The speech by ex-Governor Tom Redd was short.",
            "Tom Redd",
            "governor",
            None,
            "former",
            "ex-Governor",
        ),
        (
            "According to defence analyst Rhys Owen, the drills were routine.",
            "Rhys Owen",
            "defence analyst",
            None,
            "current",
            "defence analyst",
        ),
        (
            "Only President Ivo Marek attended the ceremony.",
            "Ivo Marek",
            "president",
            None,
            "current",
            "President",
        ),
    ],
)
def test_titles_before_the_name(
    annotate, text, person, office, jurisdiction, status, title_text
) -> None:
    title = _titles(annotate, text)[person]
    assert (title.office, title.jurisdiction, title.status) == (office, jurisdiction, status)
    assert title.text == title_text


def test_apposition_titles(annotate) -> None:
    titles = _titles(
        annotate,
        "Jo Bellamy, the country's foreign minister, arrived late. "
        "Ann Corley, a former senator, said little.",
    )
    assert titles["Jo Bellamy"].office == "foreign minister"
    assert titles["Jo Bellamy"].jurisdiction is None
    assert (titles["Ann Corley"].office, titles["Ann Corley"].status) == ("senator", "former")


def test_apposition_with_organisation(annotate) -> None:
    titles = _titles(annotate, "Mira Stone, chief executive of Halden Foods, resigned on Friday.")
    assert titles["Mira Stone"].office == "chief executive"
    assert titles["Mira Stone"].jurisdiction == "halden foods"


def test_possessive_title_takes_the_possessors_jurisdiction(annotate) -> None:
    titles = _titles(
        annotate,
        "Finnish President Aino Lahti flew home. "
        "Lahti’s chief of staff, Petri Vaara, stayed behind.",
    )
    assert titles["Petri Vaara"].office == "chief of staff"
    assert titles["Petri Vaara"].jurisdiction == "finland"


def test_possessive_title_without_known_office_uses_the_possessor(annotate) -> None:
    titles = _titles(annotate, "Rowan Tell’s chief of staff, Petri Vaara, stayed behind.")
    assert titles["Petri Vaara"].jurisdiction == "rowan tell"


def test_plural_title_covers_coordinated_names(annotate) -> None:
    titles = _titles(annotate, "Canada sent senior envoys Lea Moss and Karl Fenn to the talks.")
    assert titles["Lea Moss"].office == titles["Karl Fenn"].office == "envoy"


def test_of_country_after_the_name(annotate) -> None:
    titles = _titles(annotate, "The letter said President Ivo Marek of Croatia would come.")
    assert titles["Ivo Marek"].jurisdiction == "croatia"


def test_title_spans_point_at_text(annotate) -> None:
    result = annotate("Former Irish Taoiseach aside, Swiss President Nora Keller spoke.")
    for title in result.titles:
        assert result.article.text[title.start : title.end] == title.text
        assert result.article.text[title.person_start : title.person_end] == title.person


def test_a_two_word_title_is_not_cut_into_a_title_and_a_name(annotate) -> None:
    titles = _titles(annotate, "Chief Justice Olga Marren read the opinion on Thursday.")
    assert titles["Olga Marren"].office == "chief justice"
    assert titles["Olga Marren"].text == "Chief Justice"


def test_a_commissioners_portfolio_is_part_of_the_office(annotate) -> None:
    titles = _titles(annotate, "Competition commissioner Ilse Varga approved the deal.")
    assert titles["Ilse Varga"].office == "competition commissioner"


@pytest.mark.parametrize(
    ("text", "person", "office", "jurisdiction"),
    [
        (
            "Lena Varga, who chairs the Coastal Water Commission, signed the letter.",
            "Lena Varga",
            "chair",
            "coastal water commission",
        ),
        ("Lena Varga, who heads the agency, signed the letter.", "Lena Varga", "head", "agency"),
        ("Oskar Pell has led the union since 2029.", "Oskar Pell", "leader", "union"),
    ],
)
def test_an_office_said_with_a_verb_is_a_title(
    annotate, text, person, office, jurisdiction
) -> None:
    title = _titles(annotate, text)[person]
    assert (title.office, title.jurisdiction, title.status) == (office, jurisdiction, "current")


@pytest.mark.parametrize(
    "text",
    [
        "Lena Varga chaired the committee until 2029, her colleagues said.",
        "Lena Varga will chair the committee from May, her colleagues said.",
        "Lena Varga leads the talks with the neighbours, her colleagues said.",
    ],
)
def test_a_past_future_or_non_body_verb_of_office_is_no_title(annotate, text) -> None:
    assert "Lena Varga" not in _titles(annotate, text)


def test_a_generic_body_before_the_title_is_its_jurisdiction(annotate) -> None:
    titles = _titles(annotate, "The figures came from commission chairman Oskar Pell on Monday.")
    assert (titles["Oskar Pell"].office, titles["Oskar Pell"].jurisdiction) == (
        "chair",
        "commission",
    )


def test_a_name_before_the_title_is_its_jurisdiction(annotate) -> None:
    titles = _titles(annotate, "The report was welcomed by Dunmore chairman Oskar Pell today.")
    assert titles["Oskar Pell"].jurisdiction == "dunmore"


def test_a_generic_body_after_the_title_is_its_jurisdiction(annotate) -> None:
    titles = _titles(annotate, "Mira Tolvanen, chairwoman of the harbour board, said so.")
    assert titles["Mira Tolvanen"].jurisdiction == "harbour board"


def test_a_verb_of_office_before_a_name_is_no_title_of_that_name(annotate) -> None:
    result = annotate("Dunmore chairman Oskar Pell will chair Brelvik's board next year.")
    assert {t.person for t in result.titles} == {"Oskar Pell"}


def test_a_minister_of_a_portfolio_tagged_as_a_body_is_a_title(annotate) -> None:
    text = "Canada's Minister of Public Services and Procurement, Ada Morrow, resigned on Monday."
    title = _titles(annotate, text)["Ada Morrow"]
    assert (title.office, title.jurisdiction) == ("procurement minister", "canada")


@pytest.mark.parametrize(
    ("text", "person", "office", "status"),
    [
        (
            "Anna Kowalski was named the new trade minister on Wednesday.",
            "Anna Kowalski",
            "trade minister",
            "current",
        ),
        (
            "Tomas Berent was sworn in as Minister of Health at the palace on Tuesday.",
            "Tomas Berent",
            "health minister",
            "current",
        ),
    ],
)
def test_a_post_given_by_a_verb_is_a_title(annotate, text, person, office, status) -> None:
    title = _titles(annotate, text)[person]
    assert (title.office, title.status) == (office, status)


def test_a_post_given_by_a_verb_reads_the_body_after_it(annotate) -> None:
    text = "Mayor Hal Brenner became chief executive of Norcom in 2029."
    titles = {(t.person, t.office, t.jurisdiction) for t in annotate(text).titles}
    assert ("Hal Brenner", "chief executive", "norcom") in titles


def test_a_chief_information_security_officer_is_a_title(annotate) -> None:
    text = "Chief information security officer Anna Kowalski said the intrusion began in May."
    title = _titles(annotate, text)["Anna Kowalski"]
    assert title.office == "chief information security officer"
