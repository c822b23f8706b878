"""Title conflicts (one person, two offices) and role-holder conflicts (one seat, two people)."""

from __future__ import annotations

import pytest

from storylens.compare import compare_story
from storylens.model import Findings, LinkedStory

from .builders import Doc, linked


def _kinds(findings: Findings) -> list[str]:
    return [c.kind for c in findings.conflicts]


def test_former_against_current_office_is_a_title_conflict() -> None:
    a = Doc("a", "Former Ostravian President Dara Vell spoke.")
    a.title("Former Ostravian President", "Dara Vell", "president", "Ostravia", "former")
    b = Doc("b", "President Dara Vell spoke.")
    b.title("President", "Dara Vell", "president", None, "current")
    findings = compare_story(linked(a, b))
    [conflict] = [c for c in findings.conflicts if c.kind == "title"]
    assert conflict.subject == "Dara Vell"
    texts = {v.evidence[0].text for v in conflict.values}
    assert texts == {"Former Ostravian President Dara Vell", "President Dara Vell"}
    assert "a" in conflict.explanation and "b" in conflict.explanation
    assert 0 < conflict.confidence <= 1


def test_a_minister_the_story_says_resigned_may_be_called_former() -> None:
    a = Doc("a", "Trade Minister Oda Brenn resigned on Monday.")
    a.title("Trade Minister", "Oda Brenn", "trade minister", None, "current")
    a.event("resigned", "resignation", participants=("Oda Brenn",))
    b = Doc("b", "Former trade minister Oda Brenn kept her seat.")
    b.title("Former trade minister", "Oda Brenn", "trade minister", None, "former")
    assert "title" not in _kinds(compare_story(linked(a, b)))
    c = Doc("c", "Trade Minister Oda Brenn accepted the resignation of her deputy.")
    c.title("Trade Minister", "Oda Brenn", "trade minister", None, "current")
    c.event("resignation", "resignation", participants=("Oda Brenn",))
    assert "title" in _kinds(compare_story(linked(c, b)))


def test_newly_elected_and_plain_office_agree() -> None:
    a = Doc("a", "Newly-elected Chancellor Fenna Lorit spoke.")
    a.title("Newly-elected Chancellor", "Fenna Lorit", "chancellor", None, "elect")
    b = Doc("b", "Chancellor Fenna Lorit spoke.")
    b.title("Chancellor", "Fenna Lorit", "chancellor", None, "current")
    assert "title" not in _kinds(compare_story(linked(a, b)))


def test_opposition_leader_against_head_of_government_is_a_conflict() -> None:
    a = Doc("a", "Opposition leader Fenna Lorit spoke.")
    a.title("Opposition leader", "Fenna Lorit", "leader", None, "opposition")
    b = Doc("b", "Chancellor Fenna Lorit spoke.")
    b.title("Chancellor", "Fenna Lorit", "chancellor", None, "current")
    assert _kinds(compare_story(linked(a, b))) == ["title"]


def test_different_but_compatible_roles_are_not_a_conflict() -> None:
    a = Doc("a", "Envoy Osk Brandt arrived.")
    a.title("Envoy", "Osk Brandt", "envoy", None, "current")
    b = Doc("b", "Businessman Osk Brandt arrived.")
    b.title("Businessman", "Osk Brandt", "businessman", None, "current")
    assert _kinds(compare_story(linked(a, b))) == []


def test_one_seat_given_to_two_people_is_a_role_holder_conflict() -> None:
    a = Doc("a", "Ostravian President Dara Vell spoke.")
    a.title("Ostravian President", "Dara Vell", "president", "Ostravia")
    b = Doc("b", "Ostravian President Miro Hask spoke.")
    b.title("Ostravian President", "Miro Hask", "president", "Ostravia")
    findings = compare_story(linked(a, b))
    [conflict] = [c for c in findings.conflicts if c.kind == "role-holder"]
    assert {v.value for v in conflict.values} == {"Dara Vell", "Miro Hask"}
    assert {v.article_ids for v in conflict.values} == {("a",), ("b",)}


def test_two_directors_of_one_museum_are_a_role_holder_conflict() -> None:
    a = Doc("a", "Museum director Ida Sorn said the alarm went off at 3 a.m.")
    a.title("Museum director", "Ida Sorn", "director", "museum")
    b = Doc("b", "Museum director Per Alm said the alarm went off at 3 a.m.")
    b.title("Museum director", "Per Alm", "director", "museum")
    assert "role-holder" in _kinds(compare_story(linked(a, b)))


def test_an_institution_has_one_director_a_company_many() -> None:
    from storylens.compare.offices import heads_an_institution

    assert heads_an_institution("director", "museum")
    assert heads_an_institution("director", "name:lund city hospital")
    assert not heads_an_institution("director", "company")
    assert not heads_an_institution("deputy director", "museum")


def test_presidents_of_different_countries_are_not_a_role_holder_conflict() -> None:
    a = Doc("a", "Ostravian President Dara Vell met Belmaran President Miro Hask.")
    a.title("Ostravian President", "Dara Vell", "president", "Ostravia")
    a.title("Belmaran President", "Miro Hask", "president", "Belmara")
    b = Doc("b", "President Dara Vell met President Miro Hask.")
    b.title("President", "Dara Vell", "president", None)
    b.title("President", "Miro Hask", "president", None, nth=1)
    assert _kinds(compare_story(linked(a, b))) == []


def test_a_former_holder_and_a_current_one_do_not_clash_over_the_seat() -> None:
    a = Doc("a", "Former Ostravian President Dara Vell met Ostravian President Miro Hask.")
    a.title("Former Ostravian President", "Dara Vell", "president", "Ostravia", "former")
    a.title("Ostravian President", "Miro Hask", "president", "Ostravia", nth=1)
    b = Doc("b", "Ostravian President Miro Hask spoke.")
    b.title("Ostravian President", "Miro Hask", "president", "Ostravia")
    assert _kinds(compare_story(linked(a, b))) == []


def _commission_chairs(*extra_bodies: str) -> list[Doc]:
    a = Doc("a", "Lena Varga spoke for the Coastal Water Commission. Commission chair Lena Varga.")
    a.entity("Coastal Water Commission", "ORG")
    a.title("Commission chair", "Lena Varga", "chair", "Commission")
    b = Doc("b", "The figures came from commission chairman Oskar Pell on Monday.")
    b.title("commission chairman", "Oskar Pell", "chair", "commission")
    for body in extra_bodies:
        b.text += f" The {body} said nothing."
        b.entity(body, "ORG")
    return [a, b]


def test_a_generic_body_is_the_one_body_of_that_kind_the_story_names() -> None:
    findings = compare_story(linked(*_commission_chairs()))
    [conflict] = [c for c in findings.conflicts if c.kind == "role-holder"]
    assert {v.value for v in conflict.values} == {"Lena Varga", "Oskar Pell"}


def test_a_generic_body_is_a_bare_seat_when_the_story_names_two_of_that_kind() -> None:
    resolved = compare_story(linked(*_commission_chairs())).conflicts
    ambiguous = compare_story(linked(*_commission_chairs("Border Trade Commission"))).conflicts
    assert [c.confidence for c in ambiguous] < [c.confidence for c in resolved]


def test_an_organisation_taken_for_a_person_holds_no_title() -> None:
    a = Doc("a", "Chair Brelvik spoke. Brelvik is a shipping company.")
    a.title("Chair", "Brelvik", "chair", None)
    a.entity("Brelvik", "ORG", nth=1)
    b = Doc("b", "Chair Oskar Pell spoke.")
    b.title("Chair", "Oskar Pell", "chair", None)
    assert "role-holder" not in _kinds(compare_story(linked(a, b)))


def test_a_full_name_once_taken_for_an_organisation_keeps_its_title() -> None:
    a = Doc("a", "Chair Lena Varga spoke. Lena Varga said more.")
    a.title("Chair", "Lena Varga", "chair", None)
    a.entity("Lena Varga", "ORG", nth=1)
    b = Doc("b", "Chair Oskar Pell spoke.")
    b.title("Chair", "Oskar Pell", "chair", None)
    assert "role-holder" in _kinds(compare_story(linked(a, b)))


def test_a_minister_is_not_at_the_same_time_deputy_of_another_ministry() -> None:
    a = Doc("a", "Ostravia's defence minister, Tomas Reyl, signed.")
    a.title("Ostravia's defence minister", "Tomas Reyl", "defence minister", "Ostravia")
    b = Doc("b", "Deputy foreign minister Tomas Reyl signed.")
    b.title("Deputy foreign minister", "Tomas Reyl", "deputy foreign minister", None)
    assert _kinds(compare_story(linked(a, b))) == ["title"]


def test_two_deputy_ministers_of_one_person_are_not_read_as_a_clash() -> None:
    a = Doc("a", "Deputy foreign minister Tomas Reyl signed.")
    a.title("Deputy foreign minister", "Tomas Reyl", "deputy foreign minister", None)
    b = Doc("b", "Chief negotiator Tomas Reyl signed.")
    b.title("Chief negotiator", "Tomas Reyl", "chief negotiator", None)
    assert _kinds(compare_story(linked(a, b))) == []


def test_a_demonym_of_a_country_no_gazetteer_knows_names_that_country() -> None:
    a = Doc("a", "Belmara's foreign minister, Ivo Sant, spoke. Belmara agreed.")
    a.title("Belmara's foreign minister", "Ivo Sant", "foreign minister", "Belmara")
    a.entity("Belmara", "GPE", nth=1)
    b = Doc("b", "Belmaran Foreign Minister Ada Koll spoke.")
    b.title("Belmaran Foreign Minister", "Ada Koll", "foreign minister", "Belmaran")
    c = Doc("c", "Ostravian Foreign Minister Rena Dob spoke.")
    c.title("Ostravian Foreign Minister", "Rena Dob", "foreign minister", "Ostravian")
    [conflict] = [x for x in compare_story(linked(a, b, c)).conflicts if x.kind == "role-holder"]
    assert {v.value for v in conflict.values} == {"Ivo Sant", "Ada Koll"}


def _foundation_posts(second: str, second_office: str, jurisdiction: str = "OFA") -> list[Doc]:
    a = Doc("a", "The OFA's representative in Peru, Ada Quist, spoke.")
    a.title("OFA's representative in Peru", "Ada Quist", "representative for peru", "OFA")
    b = Doc("b", f"The {jurisdiction}'s {second}, Ada Quist, spoke.")
    b.title(f"{jurisdiction}'s {second}", "Ada Quist", second_office, jurisdiction)
    return [a, b]


def test_two_posts_of_one_body_for_two_areas_are_a_title_conflict() -> None:
    docs = _foundation_posts("regional director for Africa", "regional director for africa")
    [conflict] = compare_story(linked(*docs)).conflicts
    assert conflict.kind == "title"
    assert {v.evidence[0].article for v in conflict.values} == {"a", "b"}


def test_one_post_for_two_areas_clashes_only_when_the_places_are_apart() -> None:
    apart = _foundation_posts("representative in Chile", "representative for chile")
    assert _kinds(compare_story(linked(*apart))) == ["title"]
    city = _foundation_posts("representative in Lima", "representative for lima")
    assert _kinds(compare_story(linked(*city))) == []


def test_a_post_with_and_without_its_area_agree() -> None:
    docs = _foundation_posts("former regional director", "regional director")
    assert _kinds(compare_story(linked(*docs))) == []
    plain = _foundation_posts("representative", "representative")
    assert _kinds(compare_story(linked(*plain))) == []


def test_two_areas_at_two_bodies_are_no_conflict() -> None:
    docs = _foundation_posts("regional director for Africa", "regional director for africa", "UNX")
    assert _kinds(compare_story(linked(*docs))) == []


def test_a_bodys_initials_name_that_body() -> None:
    a = Doc("a", "The OFA's regional director for Africa, Ada Quist, spoke.")
    a.title(
        "OFA's regional director for Africa", "Ada Quist", "regional director for africa", "OFA"
    )
    b = Doc("b", "Who represents the Orvel Foundation for Africa in Peru? Ada Quist does.")
    b.entity("Orvel Foundation for Africa", "ORG")
    b.title(
        "represents the Orvel Foundation for Africa in Peru",
        "Ada Quist",
        "representative for peru",
        "Orvel Foundation for Africa",
    )
    assert _kinds(compare_story(linked(a, b))) == ["title"]


def _spokeswoman_and(title_words: str, office: str, jurisdiction: str | None) -> list[Doc]:
    a = Doc("a", "Transport ministry spokeswoman Ina Roth spoke.")
    a.title("Transport ministry spokeswoman", "Ina Roth", "spokesperson", "transport ministry")
    b = Doc("b", f"The {title_words}, Ina Roth, spoke.")
    b.title(title_words, "Ina Roth", office, jurisdiction)
    return [a, b]


def test_a_ministrys_spokesperson_does_not_head_another_body() -> None:
    docs = _spokeswoman_and("head of the Harbour Safety Board", "head", "Harbour Safety Board")
    assert _kinds(compare_story(linked(*docs))) == ["title"]


def test_leading_a_body_is_heading_it() -> None:
    a = Doc("a", "The Harbour Safety Board, led by Ina Roth, met.")
    a.title("The Harbour Safety Board, led by", "Ina Roth", "leader", "Harbour Safety Board")
    b = Doc("b", "The former head of the Harbour Safety Board, Ina Roth, spoke.")
    b.title(
        "former head of the Harbour Safety Board",
        "Ina Roth",
        "head",
        "Harbour Safety Board",
        "former",
    )
    assert _kinds(compare_story(linked(a, b))) == ["title"]


@pytest.mark.parametrize(
    ("title_words", "office", "jurisdiction"),
    [
        ("transport minister", "transport minister", None),  # a minister may speak for it too
        ("chair of the Harbour Safety Board", "chair", "Harbour Safety Board"),  # part-time
        ("head of the ministry's rail department", "head", "rail department"),  # its own unit
        ("head of the transport ministry", "head", "transport ministry"),
    ],
)
def test_a_spokesperson_with_a_post_that_may_go_with_it_is_no_conflict(
    title_words, office, jurisdiction
) -> None:
    docs = _spokeswoman_and(title_words, office, jurisdiction)
    assert _kinds(compare_story(linked(*docs))) == []


def test_a_shortened_portfolio_is_the_same_office() -> None:
    a = Doc("a", "Industry and Trade Minister Lan Vo spoke.")
    a.title("Industry and Trade Minister", "Lan Vo", "industry and trade minister", None)
    b = Doc("b", "Trade Minister Lan Vo spoke.")
    b.title("Trade Minister", "Lan Vo", "trade minister", None)
    assert _kinds(compare_story(linked(a, b))) == []


def test_a_minister_of_joined_portfolios_holds_one_seat() -> None:
    a = Doc("a", "Industry and Trade Minister Lan Vo spoke.")
    a.title("Industry and Trade Minister", "Lan Vo", "industry and trade minister", None)
    b = Doc("b", "Minister of Industry and Trade Kim Dao spoke.")
    b.title("Minister of Industry and Trade", "Kim Dao", "industry and trade minister", None)
    [conflict] = compare_story(linked(a, b)).conflicts
    assert conflict.kind == "role-holder"
    assert {v.value for v in conflict.values} == {"Lan Vo", "Kim Dao"}


def _chief_executives(first: str, status: str) -> list[Doc]:
    a = Doc("a", f"{first} Ilse Koren of Harbour Trust spoke.")
    a.title(first, "Ilse Koren", "chief executive", "Harbour Trust", status)
    b = Doc("b", "Chief executive Ilse Koren of Harbour Trust spoke.")
    b.title("Chief executive", "Ilse Koren", "chief executive", "Harbour Trust", "current")
    return [a, b]


def test_an_acting_holder_against_the_plain_title_is_a_title_conflict() -> None:
    [conflict] = compare_story(
        linked(*_chief_executives("Acting chief executive", "acting"))
    ).conflicts
    assert conflict.kind == "title"
    assert {v.normalized.split("|")[0] for v in conflict.values} == {"acting", "current"}


def test_a_page_that_shortens_an_acting_title_itself_makes_no_conflict() -> None:
    a, b = _chief_executives("Acting chief executive", "acting")
    a.text += " The chief executive Ilse Koren left."
    a.title("chief executive", "Ilse Koren", "chief executive", "Harbour Trust", "current", nth=1)
    assert _kinds(compare_story(linked(a, b))) == []


def test_a_generic_body_word_is_the_body_not_a_town_of_that_name() -> None:
    a = Doc("a", "Union president Tam Orlov spoke.")
    a.title("Union president", "Tam Orlov", "president", "union")
    b = Doc("b", "The union's president, Bea Lind, spoke.")
    b.title("union's president", "Bea Lind", "president", "union")
    [conflict] = compare_story(linked(a, b)).conflicts
    assert conflict.kind == "role-holder"
    assert conflict.subject == "president of union"


def _club_posts(office: str, words: str, jurisdiction: str | None = "Korvik") -> LinkedStory:
    a = Doc("a", "Korvik president Lina Voss thanked the fans.")
    a.title("Korvik president", "Lina Voss", "president", "Korvik")
    b = Doc("b", f"{words} Lina Voss thanked the fans.")
    b.title(words, "Lina Voss", office, jurisdiction)
    return linked(a, b)


def test_a_bodys_top_post_and_a_department_director_are_a_title_conflict() -> None:
    findings = compare_story(_club_posts("sport director", "Korvik sporting director"))
    [conflict] = findings.conflicts
    assert conflict.kind == "title"
    assert {v.evidence[0].text for v in conflict.values} == {
        "Korvik president Lina Voss",
        "Korvik sporting director Lina Voss",
    }


@pytest.mark.parametrize(
    ("office", "words", "jurisdiction"),
    [
        ("sport director", "Sporting director", None),  # whose post is not said
        ("managing director", "Korvik managing director", "Korvik"),  # may be the top post
        ("director", "Korvik director", "Korvik"),  # a board member, say
    ],
)
def test_a_director_that_may_be_the_top_post_or_of_another_body_is_no_conflict(
    office: str, words: str, jurisdiction: str | None
) -> None:
    assert _kinds(compare_story(_club_posts(office, words, jurisdiction))) == []


def test_a_one_word_body_name_is_not_the_tail_of_a_name_glued_to_a_person() -> None:
    a = Doc("a", "Korvik coach Ari Holm spoke. Later Voss, Korvik said no.")
    a.title("Korvik coach", "Ari Holm", "coach", "Korvik")
    a.entity("Voss, Korvik", "ORG")
    b = Doc("b", "Korvik coach Tam Orlov spoke.")
    b.title("Korvik coach", "Tam Orlov", "coach", "Korvik")
    [conflict] = compare_story(linked(a, b)).conflicts
    assert conflict.subject == "coach of korvik"


def _coaches(former_pages: int) -> list[Doc]:
    """Ari Holm coaches Korvik; page 'w' makes the former coach Tam Orlov its coach, and
    ``former_pages`` pages call Orlov the former coach."""
    docs = []
    for doc_id in ("a", "b"):
        doc = Doc(doc_id, "Korvik coach Ari Holm praised the side.")
        doc.title("Korvik coach", "Ari Holm", "coach", "Korvik")
        docs.append(doc)
    wrong = Doc("w", "Korvik coach Tam Orlov praised the side.")
    wrong.title("Korvik coach", "Tam Orlov", "coach", "Korvik")
    docs.append(wrong)
    for n in range(former_pages):
        doc = Doc(f"f{n}", "Former Korvik coach Tam Orlov watched.")
        doc.title("Former Korvik coach", "Tam Orlov", "coach", "Korvik", "former")
        docs.append(doc)
    return docs


def test_a_former_holder_called_the_holder_is_one_role_holder_conflict() -> None:
    findings = compare_story(linked(*_coaches(1)))
    assert _kinds(findings) == ["role-holder"]


def test_a_holder_wrongly_called_former_stays_a_title_conflict_beside_a_seat_conflict() -> None:
    docs = _coaches(0)
    doc = Doc("f", "Former Korvik coach Ari Holm watched.")
    doc.title("Former Korvik coach", "Ari Holm", "coach", "Korvik", "former")
    findings = compare_story(linked(*docs, doc))
    assert sorted(_kinds(findings)) == ["role-holder", "title"]
