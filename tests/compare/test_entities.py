"""One entity however the articles spell it; different people stay apart."""

from __future__ import annotations

from storylens.compare.context import build_context
from storylens.model import TitleMention

from .builders import Doc, linked


def _people(*docs: Doc) -> dict[str, tuple[str, ...]]:
    context = build_context(linked(*docs))
    return {e.name: e.aliases for e in context.resolver.entities if e.type == "person"}


def test_transliterated_surnames_with_the_same_first_name_are_one_person() -> None:
    a = Doc("a", "Mykola Varenko spoke on Monday.")
    a.entity("Mykola Varenko")
    b = Doc("b", "Mykola Varenkoy spoke later.")
    b.entity("Mykola Varenkoy")
    c = Doc("c", "Mykola Varenkiy agreed.")
    c.entity("Mykola Varenkiy")
    people = _people(a, b, c)
    assert len(people) == 1
    [(name, aliases)] = people.items()
    assert set(aliases) | {name} == {"Mykola Varenko", "Mykola Varenkoy", "Mykola Varenkiy"}


def test_diacritics_and_surname_only_mentions_join_the_full_name() -> None:
    a = Doc("a", "President Jurek Halvoğlu met reporters. Halvoğlu smiled.")
    a.entity("Jurek Halvoğlu")
    a.entity("Halvoğlu", nth=1)
    b = Doc("b", "Halvoglu said little.")
    b.entity("Halvoglu")
    people = _people(a, b)
    assert list(people) == ["Jurek Halvoğlu"] or list(people) == ["Jurek Halvoglu"]


def test_same_first_name_different_surnames_stay_apart() -> None:
    a = Doc("a", "Anton Krell and Anton Kessler met. Krell left.")
    a.entity("Anton Krell")
    a.entity("Anton Kessler")
    a.entity("Krell", nth=1)
    people = _people(a)
    assert set(people) == {"Anton Krell", "Anton Kessler"}


def test_a_surname_shared_by_two_people_is_not_guessed() -> None:
    a = Doc("a", "Ivo Marsh and Lena Marsh spoke. Marsh left.")
    a.entity("Ivo Marsh")
    a.entity("Lena Marsh")
    a.entity("Marsh", nth=2)
    context = build_context(linked(a))
    ivo, lena = (context.resolver.person(n, "a") for n in ["Ivo Marsh", "Lena Marsh"])
    assert ivo != lena
    assert context.resolver.person("Marsh", "a") not in {ivo, lena}


def test_honorifics_do_not_make_a_new_person() -> None:
    a = Doc("a", "Sir Keldon Rusk arrived. Keldon Rusk spoke.")
    a.entity("Sir Keldon Rusk")
    a.entity("Keldon Rusk", nth=1)
    assert list(_people(a)) == ["Keldon Rusk"]


def test_an_unambiguous_description_resolves_to_the_person() -> None:
    a = Doc("a", "Ukrainian President Petra Oskolova met aides. The Ukrainian leader said no.")
    a.title("Ukrainian President", "Petra Oskolova", "president", "ukraine")
    context = build_context(linked(a))
    person = context.resolver.person("Petra Oskolova", "a")
    assert person is not None
    assert context.resolver.person("the Ukrainian leader", "a") == person
    assert context.resolver.person("the Polish leader", "a") is None


def test_entity_titles_are_listed_with_their_articles() -> None:
    a = Doc("a", "Former Governor Ada Quill spoke.")
    a.title("Former Governor", "Ada Quill", "governor", None, "former")
    b = Doc("b", "Former Governor Ada Quill left.")
    b.title("Former Governor", "Ada Quill", "governor", None, "former")
    context = build_context(linked(a, b))
    [entity] = [e for e in context.resolver.entities if e.type == "person"]
    [title] = entity.titles
    assert title.article_ids == ("a", "b")
    assert (title.office, title.status) == ("governor", "former")


def test_places_are_one_entity_across_spellings() -> None:
    a = Doc("a", "Talks in Côte d'Ivoire.")
    a.entity("Côte d'Ivoire", "GPE")
    b = Doc("b", "Talks in Ivory Coast.")
    b.entity("Ivory Coast", "GPE")
    context = build_context(linked(a, b))
    places = [e for e in context.resolver.entities if e.type == "place"]
    assert len(places) == 1
    assert places[0].article_ids == ("a", "b")


def test_a_name_given_an_office_is_a_person_however_it_is_tagged() -> None:
    docs = []
    for doc_id in "abc":
        doc = Doc(doc_id, "Vesna Kollarik, head of the harbour board, spoke. Kollarik left.")
        doc.entity("Vesna Kollarik", "ORG" if doc_id != "a" else "PERSON")
        docs.append(doc)
    for doc in docs[:2]:
        doc.titles.append(
            TitleMention(
                16,
                41,
                "head of the harbour board",
                0,
                14,
                "Vesna Kollarik",
                "head",
                None,
                "current",
            )
        )
    assert "Vesna Kollarik" in _people(*docs)


def test_a_name_mostly_tagged_as_an_organisation_without_an_office_is_not_a_person() -> None:
    docs = []
    for doc_id in "abc":
        doc = Doc(doc_id, "Brannock Holt reported profits. Brannock Holt grew.")
        doc.entity("Brannock Holt", "ORG" if doc_id != "a" else "PERSON")
        docs.append(doc)
    assert "Brannock Holt" not in _people(*docs)


def test_a_one_word_name_the_story_turns_into_a_demonym_is_no_person() -> None:
    a = Doc("a", "Talks with Velmora ended. Velmoran troops left the border. Ada Lenk spoke.")
    a.entity("Velmora")
    a.entity("Ada Lenk")
    assert set(_people(a)) == {"Ada Lenk"}


def test_transliterated_first_names_with_the_same_surname_are_one_person() -> None:
    a = Doc("a", "Aleksandr Dorn spoke.")
    a.entity("Aleksandr Dorn")
    b = Doc("b", "Alexandr Dorn agreed. Yelena Lask and Elena Lask left.")
    b.entity("Alexandr Dorn")
    b.entity("Yelena Lask")
    b.entity("Elena Lask")
    people = _people(a, b)
    assert len(people) == 2
    assert {len(aliases) for aliases in people.values()} == {1}


def test_a_full_name_tagged_as_an_organisation_is_the_person_named_so_elsewhere() -> None:
    a = Doc("a", "Nadia Orlen spoke. Nadia Orlen left.")
    a.entity("Nadia Orlen")
    a.entity("Nadia Orlen", "PERSON", nth=1)
    b = Doc("b", "Nadia Orlen agreed.")
    b.entity("Nadia Orlen", "ORG")
    context = build_context(linked(a, b))
    assert not [e for e in context.resolver.entities if e.type == "organization"]
    assert context.resolver.key("nadia orlen") == context.resolver.person("Nadia Orlen")
