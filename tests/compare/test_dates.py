from __future__ import annotations

from storylens.compare.dates import read_date
from storylens.model import DateMention


def _mention(text: str) -> DateMention:
    return DateMention(0, len(text), text, None, "weekday", False)


def test_a_weekday_is_read_as_that_weekday() -> None:
    reading = read_date(_mention("Monday"))
    assert reading is not None and (reading.kind, reading.weekday) == ("weekday", 0)


def test_a_night_between_two_weekdays_is_no_one_day() -> None:
    assert read_date(_mention("Sunday to Monday")) is None
