"""HTML pages: main text, metadata and where the date came from; bad pages become errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from storylens.extract import extract_article, extract_articles
from storylens.model import Article, Document, InputError, Source

PAGES = Path(__file__).parent / "fixtures" / "html"


def html_document(name: str, **fields) -> Document:
    path = PAGES / f"{name}.html"
    return Document(
        id=name,
        source=Source(path=str(path), url=f"https://news.example/{name}"),
        content=path.read_text(encoding="utf-8"),
        media_type="html",
        **fields,
    )


def article(name: str, **fields) -> Article:
    result = extract_article(html_document(name, **fields))
    assert isinstance(result, Article), result
    return result


def test_wire_story_text_is_one_paragraph_per_line_with_its_subhead() -> None:
    result = article("wire-story")
    lines = result.text.split("\n")
    assert lines[0].startswith("KESTREL BAY (Northwire)")
    assert "Fishermen vow to fight on" in lines
    assert lines[-1].startswith("Dredging is due to start in September")
    assert all(line == line.strip() and line for line in lines)


def test_wire_story_title_is_metadata_not_text() -> None:
    result = article("wire-story")
    assert result.title == "Harbour authority approves dredging plan"
    assert result.title not in result.text.split("\n")


def test_wire_story_menus_related_links_and_footer_are_left_out() -> None:
    text = article("wire-story").text
    for boilerplate in ("Markets", "Ferry operator cancels winter routes", "All rights reserved"):
        assert boilerplate not in text


def test_wire_story_metadata() -> None:
    result = article("wire-story")
    assert result.author == "Mara Quill"
    assert result.site == "Northwire"
    assert result.language == "en"
    assert result.published is not None and result.published.startswith("2024-03-03")
    assert result.published_from == "meta"


@pytest.mark.parametrize("container_from", ["http", "feed", "record"])
def test_page_without_a_date_takes_its_containers_date(container_from: str) -> None:
    result = article(
        "undated-blog",
        container_date="2024-05-01T10:00:00+00:00",
        container_date_from=container_from,
    )
    assert result.published == "2024-05-01T10:00:00+00:00"
    assert result.published_from == "http"


def test_page_without_any_date_says_so() -> None:
    result = article("undated-blog")
    assert result.published is None
    assert result.published_from == "none"


def test_page_with_no_article_is_an_error() -> None:
    result = extract_article(html_document("no-article"))
    assert isinstance(result, InputError)
    assert result.error.startswith("no article text found")
    assert result.input.endswith("no-article.html")


def test_html_without_a_body_is_an_error() -> None:
    result = extract_article(html_document("no-body"))
    assert isinstance(result, InputError)
    assert "no body" in result.error


def test_page_not_in_english_is_an_error_naming_the_language() -> None:
    result = extract_article(html_document("french-story"))
    assert isinstance(result, InputError)
    assert result.error == "not in English (looks like French)"


def test_empty_and_garbage_pages_are_errors_not_exceptions() -> None:
    pages = [
        Document(id="empty", source=Source(path="empty.html"), content="", media_type="html"),
        Document(id="junk", source=Source(path="junk.html"), content="\x00<<<>", media_type="html"),
        Document(id="pdf", source=Source(path="x.pdf"), content="%PDF", media_type="pdf"),
    ]
    results = extract_articles(pages)
    assert [type(r) for r in results] == [InputError, InputError, InputError]
    assert "unsupported media type" in results[2].error


def test_batch_keeps_input_order_with_one_result_per_document() -> None:
    names = ["no-body", "wire-story", "french-story", "undated-blog"]
    results = extract_articles([html_document(name) for name in names])
    assert [type(r) for r in results] == [InputError, Article, InputError, Article]
    assert [r.id for r in results if isinstance(r, Article)] == ["wire-story", "undated-blog"]


def test_extraction_is_deterministic() -> None:
    documents = [html_document(name) for name in ("wire-story", "undated-blog")]
    assert extract_articles(documents) == extract_articles(documents)


def test_declared_publication_date_is_read_even_after_todays_date() -> None:
    html = (
        "<html><head><title>Dam opens</title>"
        '<meta property="article:published_time" content="2031-04-02T08:15:00+02:00">'
        "</head><body><article><h1>Dam opens</h1>"
        + "".join(
            f"<p>The new dam on the upper river opened on Wednesday, sentence {i} of a long "
            "report about water, power and the towns downstream that waited ten years.</p>"
            for i in range(6)
        )
        + "</article></body></html>"
    )
    result = extract_article(Document(id="dam", source=Source(), content=html, media_type="html"))
    assert isinstance(result, Article)
    assert result.published == "2031-04-02"
    assert result.published_from == "meta"


def article_page(table: str) -> str:
    paragraphs = "".join(
        f"<p>The valley relay finished on Sunday after a long day in the hills, report part {i}, "
        "with runners from nine clubs and a crowd along the river path.</p>"
        for i in range(4)
    )
    heading = "<h1>Valley relay results</h1>"
    return f"<html><body><article>{heading}{paragraphs}{table}</article></body></html>"


def test_rows_of_a_data_table_are_article_text_even_when_short() -> None:
    rows = "".join(
        f"<tr><td>{place}</td><td>{club}</td><td>{time}</td></tr>"
        for place, club, time in [(1, "Harrow Hill", "2:01:13"), (2, "Estmere AC", "2:03:40")]
    )
    html = article_page(f"<table><tr><th>Pos</th><th>Club</th><th>Time</th></tr>{rows}</table>")
    result = extract_article(Document(id="relay", source=Source(), content=html, media_type="html"))
    assert isinstance(result, Article)
    assert "Harrow Hill" in result.text
    assert "Estmere AC" in result.text


def test_a_table_of_one_row_of_short_links_is_still_a_menu() -> None:
    links = "".join(f'<td><a href="/{w}">{w}</a></td>' for w in ("Home", "Sport", "Weather"))
    html = article_page(f"<table><tr>{links}</tr></table>")
    result = extract_article(Document(id="relay", source=Source(), content=html, media_type="html"))
    assert isinstance(result, Article)
    assert "Weather" not in result.text
