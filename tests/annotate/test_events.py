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
