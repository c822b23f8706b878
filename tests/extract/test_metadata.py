"""Page metadata read field by field: the date search only runs when no field declares one."""

from __future__ import annotations

import pytest

from storylens.extract import metadata
from storylens.extract.metadata import read_metadata


def page(
    head: str, body: str = "<p>The harbour board met on Tuesday.</p>", lang: str = ""
) -> object:
    from trafilatura.utils import load_html

    attribute = f' lang="{lang}"' if lang else ""
    return load_html(f"<html{attribute}><head>{head}</head><body>{body}</body></html>")


def test_declared_day_spares_the_date_search(monkeypatch: pytest.MonkeyPatch) -> None:
    def forbidden(*_args: object) -> None:
        raise AssertionError("htmldate ran although the page declared its date")

    monkeypatch.setattr(metadata, "searched_day", forbidden)
    found = read_metadata(page("<title>Harbour board meets</title>"), None, "2031-05-06")
    assert found.published == "2031-05-06"


def test_date_is_searched_in_the_page_when_none_is_declared() -> None:
    body = '<p class="date">Published 12 March 2024</p><p>The harbour board met on Tuesday.</p>'
    found = read_metadata(page("<title>Harbour board</title>", body), None, None)
    assert found.published == "2024-03-12"


def test_title_author_and_site_come_from_meta_tags() -> None:
    head = (
        '<meta property="og:title" content="Harbour board  votes to dredge">'
        '<meta name="author" content="Mira Kostova">'
        '<meta property="og:site_name" content="@valley post">'
    )
    found = read_metadata(page(head), "https://www.valleypost.example/a/1", None)
    assert found.title == "Harbour board votes to dredge"
    assert found.author == "Mira Kostova"
    assert found.site == "Valley Post"


def test_one_word_author_is_not_a_byline_and_site_falls_back_to_the_host() -> None:
    head = '<meta name="author" content="admin">'
    found = read_metadata(page(head), "https://www.valleypost.example/a/1", None)
    assert found.author is None
    assert found.site == "valleypost.example"


@pytest.mark.parametrize(("lang", "expected"), [("en-GB", "en"), ("pt_BR", "pt"), ("", None)])
def test_declared_language_is_the_primary_subtag(lang: str, expected: str | None) -> None:
    assert read_metadata(page("", lang=lang), None, None).language == expected


def test_a_stamp_printed_in_its_own_block_dates_a_page_without_meta_dates() -> None:
    from lxml import html

    from storylens.extract.metadata import stamped_day

    page = (
        "<html><body><header><a href='/'>Home</a></header><main><h1>Pier to reopen</h1>"
        "<div class='stamp'>Mon Nov 11 2030 21:03:27 GMT-0300 (Brasilia Standard Time)</div>"
        "<p>The pier reopens on Friday after two years of repairs, the council said.</p>"
        "</main></body></html>"
    )
    assert stamped_day(html.fromstring(page)) == "2030-11-11"


@pytest.mark.parametrize(
    ("block", "day"),
    [
        ("<p>Dec 26, 2031 <span>&bull; 6 min read</span></p>", "2031-12-26"),
        ("<div><svg><use href='#calendar'></use></svg> Dec 12, 2031 </div>", "2031-12-12"),
        ("<h3><span>blog | </span> February 01, 2032</h3>", "2032-02-01"),
    ],
)
def test_a_stamp_beside_an_icon_or_a_label_dates_the_page(block: str, day: str) -> None:
    from lxml import html

    from storylens.extract.metadata import stamped_day

    page = (
        f"<html><body><main><h1>Harbour dredging starts</h1>{block}"
        "<p>Work began.</p></main></body></html>"
    )
    assert stamped_day(html.fromstring(page)) == day


def test_a_long_block_that_mentions_a_date_is_not_a_stamp() -> None:
    from lxml import html

    from storylens.extract.metadata import stamped_day

    page = (
        "<html><body><main><div><p>The harbour closed on Dec 26, 2031 after the storm, and "
        "<b>crews</b> worked for weeks to clear the channel before ships could return.</p>"
        "</div></main></body></html>"
    )
    assert stamped_day(html.fromstring(page)) is None
