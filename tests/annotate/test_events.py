from __future__ import annotations

from storylens.model import EventMention


def _events(annotate, text: str, published: str = "2031-03-11") -> list[EventMention]:
    return list(annotate(text, published).events)


def _one(events: list[EventMention], word: str) -> EventMention:
    return next(e for e in events if e.text == word)


def test_meeting_with_participant_and_place(annotate) -> None:
    events = _events(
        annotate, "Governor Hal Ruddock will meet Mayor Ines Dollar in Marrowby on Friday."
    )
    meet = _one(events, "meet")
    assert meet.kind == "meeting"
    assert set(meet.participants) == {"hal ruddock", "ines dollar"}
    assert [p.text for p in meet.places] == ["Marrowby"]
    assert [t.text for t in meet.times] == ["Friday"]
    assert meet.times[0].value == "2031-03-14"


def test_destination_of_a_journey_is_not_the_place_of_the_talks(annotate) -> None:
    text = (
        "Governor Hal Ruddock plans to travel to Marrowby on Thursday for direct talks "
        "with Mayor Ines Dollar."
    )
    events = _events(annotate, text)
    travel = _one(events, "travel")
    talks = _one(events, "talks")
    assert travel.kind == "visit"
    assert [p.text for p in travel.places] == ["Marrowby"]
    assert "hal ruddock" in travel.participants
    assert talks.kind == "talks"
    assert "ines dollar" in talks.participants
    assert talks.places == ()
    assert [t.text for t in talks.times] == ["Thursday"]


def test_talks_between_two_parties_in_a_place(annotate) -> None:
    text = (
        "Governor Hal Ruddock and Mayor Ines Dollar spoke again. "
        "The last talks between Ruddock and Dollar took place in Port Avel in March 2029."
    )
    talks = _one(_events(annotate, text), "talks")
    assert talks.participants == ("hal ruddock", "ines dollar")
    assert [p.text for p in talks.places] == ["Port Avel"]
    assert [t.value for t in talks.times] == ["2029-03"]


def test_place_modifier_is_a_place_not_a_participant(annotate) -> None:
    text = "Hal Ruddock did not say whether he would attend the Marrowby summit."
    summit = _one(_events(annotate, text), "summit")
    assert [p.text for p in summit.places] == ["Marrowby"]
    assert "marrowby" not in summit.participants


def test_event_sentence_index(annotate) -> None:
    result = annotate("Rain fell all day.\nFloods hit the valley of Port Avel.")
    flood = next(e for e in result.events if e.kind == "flood")
    assert flood.sentence == 1


def test_a_medical_is_an_event_with_its_place_and_day(annotate) -> None:
    text = "Winger Oto Brask completed a medical in Velmora on Tuesday before flying home."
    medical = _one(_events(annotate, text), "medical")
    assert medical.kind == "medical"
    assert [p.text for p in medical.places] == ["Velmora"]
    assert [t.text for t in medical.times] == ["Tuesday"]


def test_a_person_presented_in_the_passive_is_a_presentation(annotate) -> None:
    text = (
        "Striker Oto Brask joined the club on Monday. "
        "He will be presented to the fans at Harrow Lane on Thursday."
    )
    presented = _one(_events(annotate, text), "presented")
    assert presented.kind == "presentation"
    assert [t.text for t in presented.times] == ["Thursday"]


def test_presenting_a_plan_is_not_a_presentation(annotate) -> None:
    text = "The minister presented a budget plan to parliament on Thursday."
    assert all(e.kind != "presentation" for e in _events(annotate, text))


def test_confirming_a_conviction_is_a_ruling_but_confirming_deaths_is_not(annotate) -> None:
    ruling = _events(annotate, "The appeals court confirmed the conviction of Ada Pell.")
    assert _one(ruling, "confirmed").kind == "ruling"
    deaths = _events(annotate, "Officials confirmed the deaths of three climbers on Sunday.")
    assert all(e.text != "confirmed" for e in deaths)


def test_the_seat_of_a_court_is_where_it_ruled(annotate) -> None:
    text = "The Federal Court in Ostrava on Thursday upheld the fine against Dovrik Mining."
    upheld = _one(_events(annotate, text), "upheld")
    assert upheld.kind == "ruling"
    assert [p.text for p in upheld.places] == ["Ostrava"]


def test_a_relative_clause_dates_the_event_it_describes(annotate) -> None:
    text = "A wildfire that broke out on Tuesday in the hills has burned 40 homes."
    fire = _one(_events(annotate, text), "wildfire")
    assert [t.text for t in fire.times] == ["Tuesday"]


def test_a_name_after_near_is_a_place_even_if_taken_for_an_organisation(annotate) -> None:
    text = "The blaze began near Villa Serena, about 40 kilometres south of the capital."
    blaze = _one(_events(annotate, text), "blaze")
    assert [p.text for p in blaze.places] == ["Villa Serena"]


def test_a_dateline_is_neither_time_nor_participant_of_an_event(annotate) -> None:
    text = (
        "MARROWBY, March 9 (Coastal Wire) – Governor Hal Ruddock met Mayor Ines Dollar on Saturday."
    )
    meet = _one(_events(annotate, text), "met")
    assert [t.text for t in meet.times] == ["Saturday"]
    assert "marrowby" not in meet.participants


def test_admitting_defeat_is_a_concession(annotate) -> None:
    events = _events(annotate, "Mayor Tomas Berg admitted defeat late on Sunday in Kellin.")
    assert _one(events, "admitted").kind == "concession"


def test_a_crash_near_the_town_of_a_place_takes_the_town(annotate) -> None:
    text = (
        "A bus collided with a lorry near the town of Port Avel in the Ostravian state of "
        "Coldmarsh early on Monday."
    )
    crash = _one(_events(annotate, text), "collided")
    assert crash.kind == "crash"
    assert "Port Avel" in [p.text for p in crash.places]
    assert "state of Coldmarsh" in [p.text for p in crash.places]


def test_compass_bearings_from_a_place_say_where(annotate) -> None:
    text = "The bus crashed on a mountain road about six kilometres north of Port Avel."
    crash = _one(_events(annotate, text), "crashed")
    assert [p.text for p in crash.places] == ["Port Avel"]


def test_a_when_clause_happens_at_the_time_of_its_main_clause(annotate) -> None:
    text = "Nine people were hurt on March 9 when a bus smashed into a lorry near Port Avel."
    crash = _one(_events(annotate, text), "smashed")
    assert crash.kind == "crash"
    assert [t.text for t in crash.times] == ["March 9"]
    assert "Port Avel" in [p.text for p in crash.places]


def test_slamming_a_decision_is_no_crash(annotate) -> None:
    events = _events(annotate, "Governor Hal Ruddock slammed the decision on Monday.")
    assert not [e for e in events if e.text == "slammed"]


def test_a_date_of_another_clause_is_not_the_events_time(annotate) -> None:
    text = "Nine people were hurt on March 9, and the bus crashed a week later."
    crash = _one(_events(annotate, text), "crashed")
    assert [t.text for t in crash.times] == []


def test_who_in_a_relative_clause_is_the_person_it_describes(annotate) -> None:
    text = "Mayor Ines Dollar, who met Hal Ruddock in Marrowby on Friday, praised the plan."
    meet = _one(_events(annotate, text), "met")
    assert set(meet.participants) == {"hal ruddock", "ines dollar"}


def test_the_date_just_before_when_is_the_time_of_the_when_clause(annotate) -> None:
    text = (
        "Two people were killed and nine were hurt yesterday morning when a bus crashed "
        "near Port Avel, police confirmed."
    )
    crash = _one(_events(annotate, text), "crashed")
    assert [t.text for t in crash.times] == ["yesterday"]


def test_agreeing_is_an_event_with_its_own_day_and_the_deal_starts_later(annotate) -> None:
    text = "Mayor Ines Dollar agreed on Thursday to a ceasefire from 6 a.m. on Monday."
    events = _events(annotate, text, published="2031-03-14")  # a Friday
    agreed = _one(events, "agreed")
    ceasefire = _one(events, "ceasefire")
    assert agreed.kind == "agreement"
    assert [t.text for t in agreed.times] == ["Thursday"]
    assert [t.text for t in ceasefire.times] == ["Monday"]
    assert ceasefire.times[0].value is None  # the Monday gone or the one to come


def test_agreeing_with_an_opinion_is_no_event(annotate) -> None:
    events = _events(annotate, "Analysts agree that the port will need more cranes.")
    assert not any(e.text == "agree" for e in events)


def test_a_deadline_is_not_the_day_of_the_event(annotate) -> None:
    text = "The storm had flooded 300 homes by Sunday, officials said."
    events = _events(annotate, text)
    assert all(t.text != "Sunday" for e in events for t in e.times)


def test_declaring_a_state_of_emergency_is_a_declaration(annotate) -> None:
    events = _events(annotate, "The governor declared a state of emergency on Tuesday.")
    declared = _one(events, "declared")
    assert declared.kind == "declaration"
    assert [t.text for t in declared.times] == ["Tuesday"]


def test_the_province_of_a_name_is_a_place_whatever_the_tagger_says(annotate) -> None:
    text = "Velko Motors will build a battery plant in the northern province of Dan Hoa."
    plant = _one(_events(annotate, text), "plant")
    assert plant.kind == "facility"
    assert [p.text for p in plant.places] == ["province of Dan Hoa"]


def test_a_day_told_against_an_event_is_not_its_day(annotate) -> None:
    text = "Streets in the old town reopened on Friday after the summit at the castle."
    summit = _one(_events(annotate, text), "summit")
    assert summit.times == ()


def test_walking_out_is_a_strike_where_the_strikers_work(annotate) -> None:
    text = "Dockworkers at the port of Velmar walked out on Monday after talks failed."
    walked = _one(_events(annotate, text), "walked")
    assert walked.kind == "strike"
    assert [p.text for p in walked.places] == ["Velmar"]
    assert [t.text for t in walked.times] == ["Monday"]


def test_the_day_a_strike_ended_is_not_its_day(annotate) -> None:
    text = "Crews went back to work after a six-day strike that ended on Saturday."
    strike = _one(_events(annotate, text), "strike")
    assert strike.times == ()


def test_a_judge_hearing_a_request_is_a_hearing(annotate) -> None:
    events = _events(annotate, "A judge will hear the port's request on Wednesday.")
    hear = _one(events, "hear")
    assert hear.kind == "hearing"
    assert [t.text for t in hear.times] == ["Wednesday"]


def test_beginning_to_patrol_tomorrow_dates_the_patrols(annotate) -> None:
    events = _events(annotate, "Its first ships begin patrolling tomorrow.")
    patrolling = _one(events, "patrolling")
    assert patrolling.kind == "patrol"
    assert [t.text for t in patrolling.times] == ["tomorrow"]


def test_raising_the_base_rate_is_a_rate_rise_and_its_next_meeting_is_another(annotate) -> None:
    text = (
        "The central bank raised its base rate to 6.75% on Tuesday, its first rise since "
        "November 2029, and may act again at its next meeting, on 18 October."
    )
    events = _events(annotate, text)
    raised = _one(events, "raised")
    assert raised.kind == "rate rise"
    assert [t.text for t in raised.times] == ["Tuesday"]
    meeting = _one(events, "meeting")
    assert meeting.kind == "next meeting"
    assert [t.text for t in meeting.times] == ["18 October"]


def test_telling_reporters_is_a_press_conference(annotate) -> None:
    events = _events(annotate, "The governor told reporters in Marrowby that prices would fall.")
    told = _one(events, "told")
    assert told.kind == "press conference"
    assert [p.text for p in told.places] == ["Marrowby"]


def test_breaking_into_a_building_is_a_theft_where_the_building_stands(annotate) -> None:
    text = "Thieves broke into the Corrin Maritime Museum in Dunmore early on Monday."
    theft = _one(_events(annotate, text), "broke")
    assert theft.kind == "theft"
    assert [p.text for p in theft.places] == ["Dunmore"]
    assert [t.text for t in theft.times] == ["Monday"]


def test_an_arrest_over_a_theft_lends_the_theft_neither_its_place_nor_its_day(annotate) -> None:
    text = "Police arrested two men in Brackley on Thursday over Monday's theft of the paintings."
    theft = _one(_events(annotate, text), "theft")
    assert theft.places == ()
    assert [t.text for t in theft.times] == ["Monday"]


def test_an_approval_measured_in_per_cent_is_no_event(annotate) -> None:
    text = (
        "A poll published on Sunday put approval of the Varne government at 34 per cent, "
        "down from 41 per cent in January."
    )
    assert not [e for e in _events(annotate, text) if e.kind == "approval"]


def test_speaking_to_the_media_is_a_press_conference(annotate) -> None:
    events = _events(annotate, "Director Ana Holm will speak to the media on Wednesday.")
    speak = _one(events, "speak")
    assert speak.kind == "press conference"
    assert [t.text for t in speak.times] == ["Wednesday"]
    assert not [e for e in _events(annotate, "Ana Holm will speak to the minister.") if e.kind]
