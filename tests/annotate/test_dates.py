from __future__ import annotations

from datetime import date

import pytest

from storylens.annotate.dates import classify, resolve_explicit, resolve_weekday
from storylens.model import DateMention

TUESDAY = "2031-03-11"  # a Tuesday


def _dates(annotate, text: str, published: str | None = TUESDAY) -> dict[str, DateMention]:
    return {d.text: d for d in annotate(text, published).dates}


def test_resolve_weekday_forward_and_backward() -> None:
    tuesday = date(2031, 3, 11)
    assert resolve_weekday("Thursday", tuesday, "future") == "2031-03-13"
    assert resolve_weekday("Tuesday", tuesday, "future") == "2031-03-18"
    assert resolve_weekday("Tuesday", tuesday, "future", same_day_ok=True) == "2031-03-11"
    assert resolve_weekday("Sunday", tuesday, "past") == "2031-03-09"
    assert resolve_weekday("Tuesday", tuesday, "past") == "2031-03-11"
    assert resolve_weekday("Wednesday", tuesday, None) == "2031-03-12"
    assert resolve_weekday("Monday", tuesday, None) == "2031-03-10"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The mayor will travel to Port Avel on Thursday.", "Thursday", "2031-03-13"),
        ("Talks are due on Friday, officials said.", "Friday", "2031-03-14"),
        ("She plans to visit the harbour on Saturday.", "Saturday", "2031-03-15"),
        ("The council said on Monday that it would wait.", "Monday", "2031-03-10"),
        ("In a statement posted late Sunday, the club apologised.", "late Sunday", "2031-03-09"),
        ("On Saturday, the minister announced a new budget.", "Saturday", "2031-03-08"),
        ("A ceasefire starting Monday was agreed.", "Monday", "2031-03-17"),
        ("There is a long way between now and Thursday.", "Thursday", "2031-03-13"),
    ],
)
def test_weekdays_follow_the_tense_of_their_clause(annotate, text, span, value) -> None:
    mention = _dates(annotate, text)[span]
    assert (mention.value, mention.granularity, mention.anchored) == (value, "weekday", True)


def test_explicit_dates_take_the_nearest_year() -> None:
    assert resolve_explicit("June 1", date(2031, 3, 11)) == ("2031-06-01", "day", True)
    assert resolve_explicit("January 5", date(2031, 12, 20))[0] == "2032-01-05"
    assert resolve_explicit("December 28", date(2031, 1, 3))[0] == "2030-12-28"
    assert resolve_explicit("March 2022", date(2031, 3, 11)) == ("2022-03", "month", False)


def test_explicit_dates_in_text(annotate) -> None:
    dates = _dates(annotate, "They last met in December 2019 and will meet again on June 1.")
    assert (dates["December 2019"].value, dates["December 2019"].granularity) == (
        "2019-12",
        "month",
    )
    assert dates["June 1"].value == "2031-06-01"


def test_relative_dates(annotate) -> None:
    dates = _dates(annotate, "The vote is tomorrow. Prices fell last month. Fans left yesterday.")
    assert dates["tomorrow"].value == "2031-03-12"
    assert dates["last month"].value == "2031-02"
    assert dates["yesterday"].value == "2031-03-10"
    assert all(d.granularity == "relative" for d in dates.values())


def test_durations_are_not_dates(annotate) -> None:
    dates = _dates(annotate, "They agreed a 30-day truce after five years of fighting.")
    assert not any("30" in d.text or "five" in d.text for d in dates.values())
    assert classify("30-day") is None
    assert classify("three-year-old") is None
    assert classify("over five years") is None


def test_weekend_is_relative_without_value(annotate) -> None:
    dates = _dates(annotate, "Leaders visited Port Avel over the weekend.")
    mention = next(d for d in dates.values() if "weekend" in d.text)
    assert (mention.value, mention.granularity) == (None, "relative")


def test_without_article_date_nothing_relative_is_resolved(annotate) -> None:
    dates = _dates(annotate, "He will arrive on Thursday, after talks in March 2022.", None)
    assert (dates["Thursday"].value, dates["Thursday"].anchored) == (None, False)
    assert dates["Thursday"].granularity == "weekday"
    assert (dates["March 2022"].value, dates["March 2022"].anchored) == ("2022-03", False)


def test_month_named_relative_to_the_article() -> None:
    tuesday = date(2031, 3, 11)
    assert resolve_explicit("last May", tuesday) == ("2030-05", "month", True)
    assert resolve_explicit("next February", tuesday) == ("2032-02", "month", True)
    assert resolve_explicit("the spring of 2029", tuesday) == ("2029", "year", False)


def test_a_possessive_weekday_in_the_present_is_the_nearest_one(annotate) -> None:
    dates = _dates(annotate, "Survivors of Monday's crash describe the impact.")
    assert dates["Monday"].value == "2031-03-10"  # the day before, not next week


def test_a_possessive_weekday_with_a_modal_still_looks_ahead(annotate) -> None:
    dates = _dates(annotate, "Friday's vote will decide the matter.")
    assert dates["Friday"].value == "2031-03-14"


def test_a_day_from_which_something_starts_lies_ahead(annotate) -> None:
    text = "The ferry strike runs from 6 a.m. on Monday."
    assert _dates(annotate, text)["Monday"].value == "2031-03-17"


def test_a_day_opening_a_range_keeps_the_tense_of_its_clause(annotate) -> None:
    text = "The ferry crews stayed on strike from Monday until the council met them."
    assert _dates(annotate, text)["Monday"].value == "2031-03-10"


def test_a_weekday_written_before_its_date_is_that_date(annotate) -> None:
    dates = _dates(annotate, "- Thursday, 20 March: the crews return to work.")
    assert dates["Thursday"].value == "2031-03-20"


def test_a_weekday_and_day_number_take_the_month_after_them(annotate) -> None:
    dates = _dates(annotate, "- Tuesday 18 March: the council votes on the ferry budget.")
    assert dates["Tuesday 18 March"].value == "2031-03-18"


def test_an_ordinal_day_is_that_day_of_the_nearest_month_its_tense_allows(annotate) -> None:
    assert _dates(annotate, "The crews walked out on the 9th.")["the 9th"].value == "2031-03-09"
    text = "The crews will walk out on the 3rd."
    assert _dates(annotate, text)["the 3rd"].value == "2031-04-03"


def test_the_start_of_something_told_in_the_past_is_left_unresolved(annotate) -> None:
    text = "The union called the ferry strike from Monday after talks failed."
    assert _dates(annotate, text)["Monday"].value is None


def test_a_day_of_talks_someone_was_called_to_may_lie_either_way(annotate) -> None:
    text = "The minister invited the unions to a meeting on Friday."
    assert _dates(annotate, text)["Friday"].value is None


def test_a_weekday_followed_by_the_day_and_month_the_tagger_left_out_is_that_day(annotate) -> None:
    text = (
        "- Tuesday 20 September: the council raises the rate to 6.75% by seven votes to two "
        "and says it will stop buying government bonds at the end of the month."
    )
    dates = _dates(annotate, text, published="2033-09-23")
    assert dates["Tuesday 20 September"].value == "2033-09-20"
