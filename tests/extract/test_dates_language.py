"""Date stamps and the English check: the small pieces the classifier leans on."""

from __future__ import annotations

import pytest

from storylens.extract.dates import looks_like_date_stamp, parse_date_stamp, stamp_beside_byline
from storylens.extract.language import guess_language


@pytest.mark.parametrize(
    ("line", "value"),
    [
        (
            "Sun Jun 22 2025 02:27:37 GMT+0300 (Eastern European Summer Time)",
            "2025-06-22T02:27:37+03:00",
        ),
        ("Sat, 21 Jun 2025 21:47:25 GMT", "2025-06-21T21:47:25+00:00"),
        ("2025-05-11T08:00:00Z", "2025-05-11T08:00:00+00:00"),
        ("Published: 11 May 2025", "2025-05-11"),
        ("Updated: May 12, 2025, 10:03 p.m.", "2025-05-12T22:03:00"),
        ("Monday 12 May 2025 14.05 BST", "2025-05-12T14:05:00"),
    ],
)
def test_date_stamps_are_recognised_and_read(line: str, value: str) -> None:
    assert looks_like_date_stamp(line)
    assert parse_date_stamp(line) == value


@pytest.mark.parametrize("line", ["Updated 3 hours ago", "06:45", "Updated at 1:23 p.m."])
def test_time_only_stamps_are_stamps_without_a_date(line: str) -> None:
    assert looks_like_date_stamp(line)
    assert parse_date_stamp(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "The talks begin on 15 May 2025.",
        "By Jane Roe, May 2, 2025",
        "MORE ON THEME",
        "Sunday 14 May: what we know so far",
        "Agreed in 2025 by 12 votes",
        "16 May 2031 | Hospital staff walk out over pay",
    ],
)
def test_lines_that_say_more_than_a_date_are_not_stamps(line: str) -> None:
    assert not looks_like_date_stamp(line)


ENGLISH = (
    "The harbour board voted on Monday to repair the old pier, which was damaged by the storm, "
    "and said that the work would begin in June and would be finished by the end of summer."
)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (ENGLISH, "en"),
        (
            "Le conseil du port a voté lundi pour réparer la vieille jetée, qui a été endommagée "
            "par la tempête, et a dit que les travaux commenceraient en juin pour une durée de "
            "trois mois avec une équipe de la ville.",
            "fr",
        ),
        (
            "Совет порта в понедельник проголосовал за ремонт старого пирса, который был "
            "повреждён штормом, и заявил, что работы начнутся в июне.",
            "ru",
        ),
        ("Too short to tell.", None),
    ],
)
def test_guess_language(text: str, language: str | None) -> None:
    assert guess_language(text) == language


@pytest.mark.parametrize(
    ("line", "value"),
    [
        (
            "Published: 16.10.2031 15:47 CEST | Updated: 16.10.2031 16:20 CEST",
            "2031-10-16T15:47:00",
        ),
        ("20/03/2031 23:10 | Updated 21/03/2031 00:02", "2031-03-20T23:10:00"),
        ("06.11.2031 | 08:20 | Energy & Utilities", "2031-11-06T08:20:00"),
        ("03/25/2031", "2031-03-25"),
        ("Friday, 16 May 2031 | Valley Post staff, with agencies", "2031-05-16"),
        ("May 3, 2031 | Our correspondent", "2031-05-03"),
    ],
)
def test_numeric_stamps_and_stamps_beside_a_section_label(line: str, value: str) -> None:
    assert looks_like_date_stamp(line)
    assert parse_date_stamp(line) == value


@pytest.mark.parametrize(
    "line", ["Kraków | Poland | Europe", "The vote ended 12.5 to 3 | a sentence that goes on."]
)
def test_separated_words_without_a_date_are_not_stamps(line: str) -> None:
    assert not looks_like_date_stamp(line)


def test_a_stamp_with_an_asian_time_zone_is_a_stamp() -> None:
    line = "Published: 18.08.2033 16:40 ICT | Updated: 18.08.2033 18:05 ICT"
    assert looks_like_date_stamp(line)
    assert parse_date_stamp(line) == "2033-08-18T16:40:00"


def test_a_filed_and_updated_stamp_is_a_stamp() -> None:
    line = "Filed 11/12/2030 18:52 BRT · Updated 11/12/2030 20:10 BRT"
    assert looks_like_date_stamp(line)


def test_a_stamp_beside_a_byline_is_a_byline_line() -> None:
    assert stamp_beside_byline("Friday, 19 August 2033 | By Ada Lenk, industry reporter")
    assert not stamp_beside_byline("Friday, 19 August 2033 | Markets rally on chip news")


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Tuesday 20 September 2033, 19:45 · Business · by Ann Lee", "2033-09-20T19:45:00"),
        ("2033.09.20. 16:41", "2033-09-20T16:41:00"),
        ("Objavljeno / Published: 14. 5. 2031. u 21:52 · Autor: ASA", "2031-05-14T21:52:00"),
        ("🗓 16 May 2031 · ⏱ 2 min read · Staff", "2031-05-16"),
        (
            "Posted Mar 14, 2033 2:05 PM EDT · Last updated Mar 14, 2033 3:20 PM EDT · "
            "By Northern Press Agency",
            "2033-03-14T14:05:00",
        ),
    ],
)
def test_a_date_then_short_page_details_is_a_stamp(line: str, value: str) -> None:
    assert looks_like_date_stamp(line)
    assert parse_date_stamp(line) == value


def test_a_long_line_with_a_date_and_a_sentence_is_not_a_stamp() -> None:
    line = (
        "Posted Mar 14, 2033 2:05 PM EDT · The minister resigned after weeks of pressure "
        "over the contract · By Northern Press Agency"
    )
    assert not looks_like_date_stamp(line)
