"""Event places and dates: one event given incompatible values; two events never clash."""

from __future__ import annotations

from storylens.compare import compare_story

from .builders import Doc, linked

PEOPLE = ("Dara Vell", "Miro Hask")


def _talks(doc_id: str, place: str, when: str, value: str | None, **date_kw) -> Doc:
    doc = Doc(doc_id, f"Dara Vell will hold talks with Miro Hask in {place} on {when}.")
    doc.entity("Dara Vell")
    doc.entity("Miro Hask")
    date = doc.date(when, value, **date_kw)
    doc.event("talks", "talks", PEOPLE, (place,), (date,))
    return doc


def test_the_same_talks_in_two_cities_is_a_place_conflict() -> None:
    a = _talks("a", "Lyon", "Thursday", None, granularity="weekday")
    b = _talks("b", "Marseille", "Thursday", None, granularity="weekday")
    c = _talks("c", "Marseille", "Thursday", None, granularity="weekday")
    findings = compare_story(linked(a, b, c))
    [conflict] = [c for c in findings.conflicts if c.kind == "place"]
    assert [v.value for v in conflict.values] == ["Marseille", "Lyon"]
    assert conflict.values[1].evidence[0].text == "Lyon"
    assert conflict.explanation.startswith("a says the talks between Dara Vell and Miro Hask")
    assert "b and c say Marseille" in conflict.explanation


def test_a_city_and_its_country_agree() -> None:
    a = _talks("a", "Lyon", "Thursday", None, granularity="weekday")
    b = _talks("b", "France", "Thursday", None, granularity="weekday")
    assert compare_story(linked(a, b)).conflicts == ()


def test_meeting_one_person_here_and_another_there_is_not_a_conflict() -> None:
    a = Doc("a", "Dara Vell will meet Ilse Koren in Lyon. Then talks with Miro Hask in Marseille.")
    for name in ("Dara Vell", "Ilse Koren", "Miro Hask"):
        a.entity(name)
    a.event("meet", "meeting", ("Dara Vell", "Ilse Koren"), ("Lyon",))
    a.event("talks", "talks", ("Dara Vell", "Miro Hask"), ("Marseille",))
    b = _talks("b", "Marseille", "Thursday", None, granularity="weekday")
    kinds = [c.kind for c in compare_story(linked(a, b)).conflicts]
    assert "place" not in kinds


def test_a_weekday_and_a_date_on_another_weekday_conflict() -> None:
    a = _talks("a", "Lyon", "Thursday", "2031-03-13", granularity="day", anchored=True)
    a.published = "2031-03-10"
    b = _talks("b", "Lyon", "March 21", "2031-03-21", granularity="day", anchored=False)
    findings = compare_story(linked(a, b))
    [conflict] = [c for c in findings.conflicts if c.kind == "date"]
    assert {v.value for v in conflict.values} == {"Thursday", "March 21"}
    assert "13 March 2031" in conflict.explanation  # Thursday read in a's frame


def test_a_weekday_and_the_date_that_is_that_weekday_agree() -> None:
    a = _talks("a", "Lyon", "Thursday", "2031-03-13", granularity="day", anchored=True)
    a.published = "2031-03-10"
    b = _talks("b", "Lyon", "March 13", "2031-03-13", granularity="day", anchored=False)
    assert compare_story(linked(a, b)).conflicts == ()


def test_an_unanchored_weekday_is_checked_against_the_dates_weekday() -> None:
    a = _talks("a", "Lyon", "Thursday", None, granularity="weekday")
    b = _talks("b", "Lyon", "March 13, 2031", "2031-03-13", granularity="day", anchored=True)
    c = _talks("c", "Lyon", "March 14, 2031", "2031-03-14", granularity="day", anchored=True)
    assert compare_story(linked(a, b)).conflicts == ()
    [conflict] = compare_story(linked(a, c)).conflicts
    assert conflict.kind == "date"


def test_a_past_meeting_of_the_same_people_is_another_occasion() -> None:
    a = _talks("a", "Lyon", "Thursday", None, granularity="weekday")
    b = Doc("b", "The last time Dara Vell and Miro Hask met was in Marseille in 2024.")
    b.published = "2031-03-10"
    b.entity("Dara Vell")
    b.entity("Miro Hask")
    year = b.date("2024", "2024", granularity="year")
    b.event("met", "meeting", PEOPLE, ("Marseille",), (year,))
    assert compare_story(linked(a, b)).conflicts == ()


def test_the_talks_take_their_participants_from_an_earlier_mention() -> None:
    a = _talks("a", "Lyon", "Thursday", None, granularity="weekday")
    b = Doc("b", "Dara Vell seeks talks with Miro Hask. She wants the talks held in Marseille.")
    b.entity("Dara Vell")
    b.entity("Miro Hask")
    b.event("talks", "talks", PEOPLE)
    b.event("talks", "talks", ("Dara Vell",), ("Marseille",), nth=1)
    [conflict] = compare_story(linked(a, b)).conflicts
    assert conflict.kind == "place"


def test_one_article_naming_two_places_alone_is_not_a_conflict() -> None:
    a = Doc("a", "Dara Vell will hold talks with Miro Hask in Lyon or Marseille.")
    a.entity("Dara Vell")
    a.entity("Miro Hask")
    a.event("talks", "talks", PEOPLE, ("Lyon", "Marseille"))
    assert compare_story(linked(a)).conflicts == ()


def _ruling(doc_id: str, text: str, trigger: str, who: tuple[str, ...], place: str) -> Doc:
    doc = Doc(doc_id, text)
    for name in who:
        doc.entity(name, "ORG" if "Court" in name else "PERSON")
    doc.event(trigger, "ruling", who, (place,))
    return doc


def test_a_ruling_is_one_event_whoever_each_article_names_with_it() -> None:
    a = _ruling(
        "a", "The High Court in Lyon upheld the verdict.", "upheld", ("High Court",), "Lyon"
    )
    b = _ruling(
        "b",
        "The conviction of Ada Pell was confirmed in Nice.",
        "conviction",
        ("Ada Pell",),
        "Nice",
    )
    [conflict] = compare_story(linked(a, b)).conflicts
    assert conflict.kind == "place"
    assert {v.value for v in conflict.values} == {"Lyon", "Nice"}


def test_two_medicals_of_two_players_are_two_events() -> None:
    a = Doc("a", "Ada Pell had a medical in Lyon.")
    a.entity("Ada Pell")
    a.event("medical", "medical", ("Ada Pell",), ("Lyon",))
    b = Doc("b", "Ivo Hart had a medical in Nice.")
    b.entity("Ivo Hart")
    b.event("medical", "medical", ("Ivo Hart",), ("Nice",))
    assert compare_story(linked(a, b)).conflicts == ()


def test_people_named_beside_a_fire_do_not_make_it_another_fire() -> None:
    a = Doc("a", "The fire began near Lyon, fire chief Ada Pell said, with Ivo Hart.")
    a.entity("Ada Pell")
    a.entity("Ivo Hart")
    a.event("fire", "fire", ("Ada Pell", "Ivo Hart"), ("Lyon",))
    b = Doc("b", "The blaze started outside Nice.")
    b.event("blaze", "fire", (), ("Nice",))
    [conflict] = compare_story(linked(a, b)).conflicts
    assert conflict.kind == "place"


def test_a_hearing_and_the_ruling_are_two_events() -> None:
    a = Doc("a", "The court held a hearing on Tuesday.")
    tuesday = a.date("Tuesday", None, granularity="weekday")
    a.event("hearing", "hearing", (), (), (tuesday,))
    b = Doc("b", "The court issued its ruling on Thursday.")
    thursday = b.date("Thursday", None, granularity="weekday")
    b.event("ruling", "ruling", (), (), (thursday,))
    assert compare_story(linked(a, b)).conflicts == ()


def _signing(doc_id: str, text: str, when: str, value: str | None, granularity: str) -> Doc:
    doc = Doc(doc_id, text)
    doc.entity("Dara Vell")
    doc.entity("Miro Hask")
    date = doc.date(when, value, granularity=granularity)
    doc.event("signed", "signing", PEOPLE, (), (date,))
    return doc


def test_an_undated_pages_dateline_dates_its_weekdays() -> None:
    dated = Doc("d", "x", published="2031-03-12")  # three dated pages give the story's year
    a = _signing(
        "a",
        "LYON, March 20 (Coast Wire) – Dara Vell and Miro Hask signed the pact on Thursday.",
        "Thursday",
        None,
        "weekday",
    )
    b = _signing(
        "b", "Dara Vell and Miro Hask signed the pact on March 27.", "March 27", None, "day"
    )
    c = _signing(
        "c", "Dara Vell and Miro Hask signed the pact on March 20.", "March 20", None, "day"
    )
    [conflict] = compare_story(linked(a, b, dated)).conflicts
    assert conflict.kind == "date"
    assert compare_story(linked(a, c, dated)).conflicts == ()


def test_a_year_lent_by_a_doubtful_date_stamp_does_not_make_a_past_occasion() -> None:
    pages = [Doc(i, "x", published="2031-03-12") for i in ("p", "q", "r")]
    text = "Dara Vell and Miro Hask signed the pact on {}."
    a = Doc("a", text.format("March 6"), published="1998-01-01")  # a stamp years off
    a.entity("Dara Vell")
    a.entity("Miro Hask")
    lent = a.date("March 6", "1998-03-06", granularity="day", anchored=True)
    a.event("signed", "signing", PEOPLE, (), (lent,))
    b = Doc("b", text.format("Thursday"), published="2031-03-14")
    b.entity("Dara Vell")
    b.entity("Miro Hask")
    thursday = b.date("Thursday", "2031-03-13", granularity="weekday", anchored=True)
    b.event("signed", "signing", PEOPLE, (), (thursday,))
    [conflict] = compare_story(linked(a, b, *pages)).conflicts
    assert conflict.kind == "date"  # 6 March against Thursday 13 March, not a 1998 occasion


def test_a_concession_naming_nobody_is_the_storys_one_concession() -> None:
    a = Doc("a", "Ada Pell conceded in Lyon.")
    a.entity("Ada Pell")
    a.event("conceded", "concession", ("Ada Pell",), ("Lyon",))
    b = Doc("b", "The mayor conceded in Nice.")
    b.event("conceded", "concession", (), ("Nice",))
    [conflict] = compare_story(linked(a, b)).conflicts
    assert conflict.kind == "place"


def test_a_weekday_and_a_month_far_from_it_are_two_moments_not_a_conflict() -> None:
    a = _talks("a", "Lyon", "Thursday", "2031-11-13", granularity="day", anchored=True)
    a.published = "2031-11-10"
    b = _talks("b", "Lyon", "May", "2031-05", granularity="month", anchored=True)
    b.published = "2031-11-10"
    c = _talks("c", "Lyon", "November 21", "2031-11-21", granularity="day", anchored=True)
    c.published = "2031-11-10"
    assert compare_story(linked(a, b)).conflicts == ()
    [conflict] = compare_story(linked(a, c)).conflicts  # a week away: the same talks, misdated
    assert conflict.kind == "date"


def test_one_clash_found_through_two_event_words_is_reported_once() -> None:
    def signing(doc_id: str, when: str, value: str, **date_kw) -> Doc:
        doc = Doc(doc_id, f"Dara Vell and Miro Hask signed an agreement in Lyon on {when}.")
        doc.entity("Dara Vell")
        doc.entity("Miro Hask")
        date = doc.date(when, value, **date_kw)
        doc.event("signed", "signing", PEOPLE, ("Lyon",), (date,))
        doc.event("agreement", "agreement", PEOPLE, ("Lyon",), (date,))
        doc.published = "2031-03-10"
        return doc

    a = signing("a", "Thursday", "2031-03-13", granularity="day", anchored=True)
    b = signing("b", "March 21", "2031-03-21", granularity="day", anchored=True)
    [conflict] = compare_story(linked(a, b)).conflicts
    assert conflict.kind == "date"
    assert " takes place on " in conflict.explanation  # "the signing ... takes", not "take"


def _crash(doc_id: str, text: str, trigger: str, place: str, when: str, value: str) -> Doc:
    doc = Doc(doc_id, text, published="2031-03-11")
    day = doc.date(when, value, granularity="day", anchored=True)
    doc.event(trigger, "crash", (), (place,), (day,))
    return doc


def test_a_crash_told_in_two_places_and_on_two_days_is_still_one_crash() -> None:
    a = _crash(
        "a", "A bus crashed near Lyon on March 9.", "crashed", "Lyon", "March 9", "2031-03-09"
    )
    b = _crash(
        "b", "A bus crashed near Nice on March 10.", "crashed", "Nice", "March 10", "2031-03-10"
    )
    kinds = sorted(c.kind for c in compare_story(linked(a, b)).conflicts)
    assert kinds == ["date", "place"]


def test_two_meetings_in_two_places_on_two_days_are_still_a_series() -> None:
    a = _talks("a", "Lyon", "March 9", "2031-03-09", granularity="day")
    b = _talks("b", "Marseille", "March 12", "2031-03-12", granularity="day")
    assert compare_story(linked(a, b)).conflicts == ()


def test_yesterday_in_a_trusted_frame_is_a_day() -> None:
    a = _crash(
        "a", "A bus crashed near Lyon on March 9.", "crashed", "Lyon", "March 9", "2031-03-09"
    )
    b = Doc("b", "A bus crashed yesterday near Lyon.", published="2031-03-11")
    b.event(
        "crashed", "crash", (), ("Lyon",), (b.date("yesterday", "2031-03-10", "relative", True),)
    )
    c = _crash(
        "c", "A bus crashed near Lyon on March 9.", "crashed", "Lyon", "March 9", "2031-03-09"
    )
    [conflict] = compare_story(linked(a, b, c)).conflicts
    assert conflict.kind == "date"
    assert {v.value for v in conflict.values} == {"March 9", "yesterday"}


def test_yesterday_that_is_the_same_day_agrees() -> None:
    a = _crash(
        "a", "A bus crashed near Lyon on March 10.", "crashed", "Lyon", "March 10", "2031-03-10"
    )
    b = Doc("b", "A bus crashed yesterday near Lyon.", published="2031-03-11")
    b.event(
        "crashed", "crash", (), ("Lyon",), (b.date("yesterday", "2031-03-10", "relative", True),)
    )
    c = _crash(
        "c", "A bus crashed near Lyon on March 10.", "crashed", "Lyon", "March 10", "2031-03-10"
    )
    assert compare_story(linked(a, b, c)).conflicts == ()


def _bare_talks(doc_id: str, place: str, lead: str = "") -> Doc:
    doc = Doc(doc_id, f"{lead}The two sides reached a deal after talks in {place}.")
    doc.event("talks", "talks", (), (place,))
    return doc


def test_bare_talks_in_a_lede_are_the_storys_main_talks() -> None:
    a = _talks("a", "Lyon", "Thursday", None, granularity="weekday")
    b = _talks("b", "Lyon", "Thursday", None, granularity="weekday")
    c = _bare_talks("c", "Marseille")
    [conflict] = compare_story(linked(a, b, c)).conflicts
    assert conflict.kind == "place"
    assert {v.value for v in conflict.values} == {"Lyon", "Marseille"}


def test_bare_talks_deep_in_a_page_stay_out() -> None:
    a = _talks("a", "Lyon", "Thursday", None, granularity="weekday")
    b = _talks("b", "Lyon", "Thursday", None, granularity="weekday")
    c = _bare_talks("c", "Marseille", lead="It rained. It was cold. Shops shut. ")
    assert compare_story(linked(a, b, c)).conflicts == ()


def test_bare_talks_still_to_come_in_a_lede_stay_out() -> None:
    a = _talks("a", "Lyon", "Thursday", None, granularity="weekday")
    b = _talks("b", "Lyon", "Thursday", None, granularity="weekday")
    c = Doc("c", "The two sides will hold talks in Marseille.")
    c.event("talks", "talks", (), ("Marseille",))
    assert compare_story(linked(a, b, c)).conflicts == ()


def _deal(doc_id: str, parties: tuple[str, ...], day: str, value: str) -> Doc:
    names = " and ".join(parties) if parties else "The two governments"
    doc = Doc(doc_id, f"{names} agreed on {day} to share the river's water.")
    for party in parties:
        doc.entity(party)
    date = doc.date(day, value)
    doc.event("agreed", "agreement", parties, (), (date,))
    return doc


def test_a_rewrite_of_a_sentence_tells_of_the_same_event_whoever_it_names() -> None:
    named = _deal("a", ("Dara Vell", "Miro Hask"), "May 15", "2031-05-15")
    other = _deal("x", ("Ilse Koren", "Tomas Brek"), "May 15", "2031-05-15")
    rewrite = _deal("b", (), "May 16", "2031-05-16")
    assert compare_story(linked(named, other, rewrite)).conflicts == ()
    aligned = linked(named, other, rewrite, alignments=[("a", 0, "b", 0)])
    [conflict] = compare_story(aligned).conflicts
    assert conflict.kind == "date"
    assert {v.value for v in conflict.values} == {"May 15", "May 16"}


def _plant(doc_id: str, place: str) -> Doc:
    doc = Doc(doc_id, f"Velko Motors will build a battery plant in {place}.")
    doc.event("plant", "facility", (), (place,))
    return doc


def test_a_plant_moved_by_a_rewrite_is_a_place_conflict_but_two_plants_are_not() -> None:
    a, b = _plant("a", "Lyon"), _plant("b", "Marseille")
    assert compare_story(linked(a, b)).conflicts == ()
    [conflict] = compare_story(linked(a, b, alignments=[("a", 0, "b", 0)])).conflicts
    assert conflict.kind == "place"


def test_talks_naming_one_person_are_not_guessed_to_be_a_meeting_told_elsewhere() -> None:
    a = Doc("a", "Dara Vell met Miro Hask in Lyon on Wednesday.")
    a.entity("Dara Vell")
    a.entity("Miro Hask")
    a.event("met", "meeting", PEOPLE, ("Lyon",), (a.date("Wednesday", None, "weekday"),))
    b = Doc("b", "Dara Vell chaired the talks on Thursday.")
    b.entity("Dara Vell")
    b.event("talks", "talks", ("Dara Vell",), (), (b.date("Thursday", None, "weekday"),))
    assert compare_story(linked(a, b)).conflicts == ()


def test_a_summit_is_one_event_whoever_is_named_with_it() -> None:
    a = Doc("a", "Dara Vell hosted the summit in Lyon.")
    a.entity("Dara Vell")
    a.event("summit", "summit", ("Dara Vell",), ("Lyon",))
    b = Doc("b", "Miro Hask attended the summit in Marseille.")
    b.entity("Miro Hask")
    b.event("summit", "summit", ("Miro Hask",), ("Marseille",))
    [conflict] = compare_story(linked(a, b)).conflicts
    assert conflict.kind == "place"


def test_last_weeks_summit_is_this_summit_and_last_years_is_another() -> None:
    a = Doc("a", "Dara Vell hosted the summit in Lyon.")
    a.event("summit", "summit", (), ("Lyon",))
    b = Doc("b", "Last week's summit in Marseille built a fleet.")
    b.event("summit", "summit", (), ("Marseille",))
    c = Doc("c", "The last summit, in Marseille, built nothing.")
    c.event("summit", "summit", (), ("Marseille",))
    assert [x.kind for x in compare_story(linked(a, b)).conflicts] == ["place"]
    assert compare_story(linked(a, c)).conflicts == ()


def _opening_deal(doc_id: str, text: str, day: str, value: str) -> Doc:
    doc = Doc(doc_id, text)
    doc.event("agreed", "agreement", (), (), (doc.date(day, value),))
    return doc


def test_unnamed_deals_in_openings_are_the_storys_deal_not_a_side_deal_told_later() -> None:
    a = _opening_deal(
        "a", "The leaders agreed on May 15 to build a bridge.", "May 15", "2031-05-15"
    )
    b = _opening_deal(
        "b", "The leaders agreed on May 16 to build a bridge.", "May 16", "2031-05-16"
    )
    side = Doc(
        "c", "The port grew. Later, Dara Vell and Miro Hask agreed on May 14 to share ships."
    )
    side.entity("Dara Vell")
    side.entity("Miro Hask")
    side.event("agreed", "agreement", PEOPLE, (), (side.date("May 14", "2031-05-14"),))
    [conflict] = compare_story(linked(a, b, side)).conflicts
    assert conflict.kind == "date"
    assert {v.value for v in conflict.values} == {"May 15", "May 16"}


def _briefing(doc_id: str, place: str) -> Doc:
    doc = Doc(doc_id, f"The governor told a news conference in {place} that prices would fall.")
    doc.event("conference", "press conference", (), (place,))
    return doc


def test_two_tellings_of_one_sentence_name_one_press_conference() -> None:
    a, b = _briefing("a", "Lyon"), _briefing("b", "Marseille")
    assert compare_story(linked(a, b)).conflicts == ()
    [conflict] = compare_story(linked(a, b, alignments=[("a", 0, "b", 0)])).conflicts
    assert conflict.kind == "place"


def test_a_quay_written_with_the_is_no_town_of_that_name() -> None:
    a = Doc("a", "The team paraded the cup on the Marina on Thursday.")
    a.event("paraded", "ceremony", (), ("Marina",))
    b = Doc("b", "The team paraded the cup in Lyon on Thursday.")
    b.event("paraded", "ceremony", (), ("Lyon",))
    assert compare_story(linked(a, b)).conflicts == ()


def test_an_unnamed_rescue_is_not_the_one_named_rescue_of_the_story() -> None:
    date = {"granularity": "weekday"}
    a = Doc(
        "a", "On Wednesday, firefighters rescued Ana Vell. Her parents were rescued on Tuesday."
    )
    a.entity("Ana Vell")
    wed = a.date("Wednesday", None, **date)
    tue = a.date("Tuesday", None, **date)
    a.event("rescued", "rescue", ("Ana Vell",), (), (wed,))
    a.event("rescued", "rescue", (), (), (tue,), nth=1)
    b = Doc("b", "On Wednesday, firefighters rescued Ana Vell alive from the ruins.")
    b.entity("Ana Vell")
    b.event("rescued", "rescue", ("Ana Vell",), (), (b.date("Wednesday", None, **date),))
    assert [c.kind for c in compare_story(linked(a, b)).conflicts] == []


def _quake(doc_id: str, published: str, when: str, value: str, granularity: str) -> Doc:
    doc = Doc(doc_id, f"The earthquake struck {when}, the institute said.", published=published)
    date = doc.date(when.removeprefix("on "), value, granularity, anchored=True)
    doc.event("earthquake", "earthquake", times=(date,))
    return doc


def test_a_weekday_and_yesterday_that_name_one_day_are_one_value() -> None:
    a = _quake("a", "2031-03-13", "on Tuesday", "2031-03-11", "weekday")
    b = _quake("b", "2031-03-12", "yesterday", "2031-03-11", "relative")
    c = _quake("c", "2031-03-13", "on Wednesday", "2031-03-12", "weekday")
    [conflict] = compare_story(linked(a, b, c)).conflicts
    assert sorted(v.article_ids for v in conflict.values) == [("a", "b"), ("c",)]
