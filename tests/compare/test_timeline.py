"""Timeline flags: dated after the event it calls upcoming; a date stamp that does not fit."""

from __future__ import annotations

from storylens.compare import compare_story

from .builders import Doc, linked

PEOPLE = ("Dara Vell", "Miro Hask")


def _doc(doc_id: str, sentence: str, when: str, value: str | None, **date_kw) -> Doc:
    doc = Doc(doc_id, sentence)
    doc.entity("Dara Vell")
    doc.entity("Miro Hask")
    date = doc.date(when, value, **date_kw)
    doc.event("talks", "talks", PEOPLE, (), (date,))
    return doc


def test_an_article_dated_after_the_event_it_calls_upcoming_is_flagged() -> None:
    a = _doc(
        "a",
        "Dara Vell and Miro Hask will hold talks on March 13, 2031.",
        "March 13, 2031",
        "2031-03-13",
        anchored=True,
    )
    late = _doc(
        "late",
        "Dara Vell prepares for upcoming talks with Miro Hask on Thursday.",
        "Thursday",
        "2031-04-24",
        anchored=True,
    )
    late.published = "2031-04-20"
    findings = compare_story(linked(a, late))
    kinds = {(f.kind, f.article_id) for f in findings.flags}
    assert ("timeline", "late") in kinds
    assert ("date-stamp", "late") in kinds
    timeline = next(f for f in findings.flags if f.kind == "timeline")
    assert "20 April 2031" in timeline.explanation and "13 March 2031" in timeline.explanation
    assert all(s.text for s in timeline.evidence)


def test_an_article_dated_before_the_event_is_not_flagged() -> None:
    a = _doc(
        "a",
        "Dara Vell and Miro Hask will hold talks on March 13, 2031.",
        "March 13, 2031",
        "2031-03-13",
        anchored=True,
    )
    early = _doc(
        "early",
        "Dara Vell prepares for upcoming talks with Miro Hask on Thursday.",
        "Thursday",
        "2031-03-13",
        anchored=True,
    )
    early.published = "2031-03-10"
    assert compare_story(linked(a, early)).flags == ()
