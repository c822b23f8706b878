"""RSS and Atom feeds: each item's page is fetched and keeps the feed's date and title."""

from __future__ import annotations

from pathlib import Path

from ingest_helpers import (  # the fixtures are used by name
    PAGE,
    LocalServer,
    Route,
    net_options_fixture,  # noqa: F401
    read_all,
    server_fixture,  # noqa: F401
    write,
)

from storylens.ingest import IngestOptions

HTML = {"Content-Type": "text/html; charset=utf-8"}


def rss(*items: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        "<title>Marlow Gazette</title><link>https://marlow-gazette.example/</link>"
        + "".join(items)
        + "</channel></rss>"
    )


def item(title: str, link: str | None, date: str, content: str = "") -> str:
    link_tag = f"<link>{link}</link>" if link else ""
    body = f"<description><![CDATA[{content}]]></description>" if content else ""
    return f"<item><title>{title}</title>{link_tag}<pubDate>{date}</pubDate>{body}</item>"


def atom(link: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Tidings</title>'
        "<id>urn:tidings</id><updated>2031-04-03T10:00:00Z</updated>"
        f'<entry><title>Quay reopens</title><link href="{link}"/><id>urn:1</id>'
        "<updated>2031-04-03T09:15:00Z</updated></entry></feed>"
    )


def test_rss_file_items_are_fetched_with_feed_date_and_title(
    server: LocalServer, net_options: IngestOptions, tmp_path: Path
) -> None:
    first = server.add("/a", Route(200, PAGE.encode(), HTML))
    second = server.add("/b", Route(200, PAGE.encode(), HTML))
    feed = write(
        tmp_path / "gazette.rss",
        rss(
            item("Harbour vote", first, "Tue, 01 Apr 2031 17:45:00 GMT"),
            item("Wall repairs", second, "Wed, 02 Apr 2031 08:00:00 +0200"),
        ),
    )
    documents, errors = read_all([str(feed)], net_options)
    assert errors == []
    assert [d.source.url for d in documents] == [first, second]
    assert [d.title_hint for d in documents] == ["Harbour vote", "Wall repairs"]
    assert [(d.container_date, d.container_date_from) for d in documents] == [
        ("2031-04-01T17:45:00+00:00", "feed"),
        ("2031-04-02T06:00:00+00:00", "feed"),
    ]
    assert [(d.source.path, d.source.record) for d in documents] == [
        (str(feed), "item 1"),
        (str(feed), "item 2"),
    ]
    assert documents[0].id.startswith("url-")


def test_feed_served_by_url_is_recognised_by_its_content(
    server: LocalServer, net_options: IngestOptions
) -> None:
    page = server.add("/quay", Route(200, PAGE.encode(), HTML))
    feed = server.add("/feed", Route(200, atom(page).encode(), HTML))  # mislabelled as HTML
    [doc], errors = read_all([feed], net_options)
    assert errors == []
    assert (doc.source.url, doc.title_hint) == (page, "Quay reopens")
    assert doc.container_date == "2031-04-03T09:15:00+00:00"


def test_feed_saved_as_txt_is_sniffed(
    server: LocalServer, net_options: IngestOptions, tmp_path: Path
) -> None:
    page = server.add("/quay", Route(200, PAGE.encode(), HTML))
    feed = write(tmp_path / "saved-feed.txt", atom(page))
    [doc], errors = read_all([str(feed)], net_options)
    assert errors == []
    assert doc.source.url == page


def test_failing_item_names_its_url_and_the_feed(
    server: LocalServer, net_options: IngestOptions, tmp_path: Path
) -> None:
    good = server.add("/good", Route(200, PAGE.encode(), HTML))
    gone = server.url("/gone")
    feed = write(
        tmp_path / "mixed.xml",
        rss(item("Gone", gone, "Tue, 01 Apr 2031 17:45:00 GMT"), item("Good", good, "")),
    )
    documents, [error] = read_all([str(feed)], net_options)
    assert [d.source.url for d in documents] == [good]
    assert documents[0].container_date is None
    assert (error.input, error.error) == (f"{gone} ({feed} item 1)", "HTTP 404 Not Found")


def test_item_without_link_uses_the_content_the_feed_carries(tmp_path: Path) -> None:
    feed = write(
        tmp_path / "inline.rss",
        rss(item("Inline", None, "Tue, 01 Apr 2031 17:45:00 GMT", "<p>All the text.</p>")),
    )
    [doc], errors = read_all([str(feed)])
    assert errors == []
    assert (doc.id, doc.media_type, doc.title_hint) == ("inline-000001", "html", "Inline")
    assert "All the text." in doc.content


def test_xml_that_is_not_a_feed_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "sitemap.xml", '<?xml version="1.0"?><urlset><url/></urlset>')
    documents, [error] = read_all([str(path)])
    assert documents == []
    assert error.input == str(path)
    assert error.error.startswith("not an RSS or Atom feed")


def test_feed_without_items_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "quiet.rss", rss())
    _, [error] = read_all([str(path)])
    assert error.error == "feed has no items"
