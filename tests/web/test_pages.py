"""The pure helpers behind the pages: highlights, graph labels, timeline, limits, search."""

from __future__ import annotations

from datetime import UTC, datetime

from storylens.model import AnnotatedArticle, Article, DateMention, EntityMention, QuoteMention
from storylens.report import views
from storylens.store.queries import HIT_CLOSE, HIT_OPEN, snippet_pieces
from storylens.web import pages
from storylens.web.security import (
    UploadLimits,
    cross_site,
    file_problem,
    parse_urls,
    safe_filename,
    url_problem,
)

TEXT = 'Mayor Ida Vance said "we open on Friday" in Quenby.\n\nA second paragraph.'


def annotated() -> AnnotatedArticle:
    def at(word: str) -> tuple[int, int]:
        start = TEXT.index(word)
        return start, start + len(word)

    quote = at("we open on Friday")
    return AnnotatedArticle(
        article=Article(id="a", source=None, text=TEXT),  # type: ignore[arg-type]
        entities=(
            EntityMention(*at("Ida Vance"), "Ida Vance", "PERSON", "ida vance"),
            EntityMention(*at("Quenby"), "Quenby", "GPE", "quenby"),
        ),
        dates=(DateMention(*at("Friday"), "Friday", None, "weekday", False),),
        quotes=(QuoteMention(*quote, "we open on Friday", "direct", "Ida Vance"),),
    )


def test_overlapping_spans_become_pieces_that_carry_every_kind():
    paragraphs = pages.highlighted_paragraphs(TEXT, pages.annotation_highlights(annotated()))
    assert len(paragraphs) == 2
    assert "".join(p.text for p in paragraphs[0]) == TEXT.split("\n")[0]
    friday = next(p for p in paragraphs[0] if p.text == "Friday")
    assert friday.kinds == ("date", "quote")
    assert "weekday" in friday.tip and "direct quote" in friday.tip
    assert next(p for p in paragraphs[0] if p.text == "we open on ").kinds == ("quote",)
    assert paragraphs[1][0].kinds == ()


def test_a_cited_span_links_to_its_finding_and_has_an_anchor():
    story = {
        "conflicts": [
            {
                "id": "conflict-1",
                "kind": "place",
                "subject": "the opening",
                "values": [{"evidence": [{"article": "a", "start": 44, "end": 50}]}],
            }
        ],
        "flags": [],
    }
    marks = pages.cited_highlights(story, "a", "/stories/s")
    pieces = pages.highlighted_paragraphs(TEXT, marks)[0]
    cited = next(p for p in pieces if p.target)
    assert cited.text == "Quenby" and cited.anchor == "at-44"
    assert cited.target == "/stories/s#" + pages.conflict_anchor(story["conflicts"][0])


def test_spans_outside_the_text_are_ignored():
    marks = [pages.Highlight(5, 10_000, "entity", "x"), pages.Highlight(-1, 3, "date", "y")]
    pieces = [p for para in pages.highlighted_paragraphs(TEXT, marks) for p in para]
    assert all(p.kinds == () for p in pieces)


def test_edge_labels_sit_on_the_curve():
    assert pages.curve_midpoint("M0,0 C0,8 8,8 8,0") == (4.0, 6.0)
    assert pages.curve_midpoint("M0,0 L8,8") is None
    graph = views.Graph(
        width=400,
        height=60,
        nodes=[
            views.Node("p", "P", "", 10, 10, "#fff", True),
            views.Node("c", "C", "", 264, 10, "#fff", False),
        ],
        edges=[views.Edge("p", "c", "edit", "M200,30 C232,30 232,30 260,30")],
    )
    [label] = pages.edge_labels(graph)
    assert (label.x, label.text) == (232, "edit") and label.y < 30


def test_publication_dates_are_read_leniently():
    assert pages.parse_published("2031-03-21") == datetime(2031, 3, 21, tzinfo=UTC)
    assert pages.parse_published("2031-03") == datetime(2031, 3, 1, tzinfo=UTC)
    assert pages.parse_published("2031-03-21T08:00:00+02:00").utcoffset().seconds == 7200
    assert pages.parse_published("last Tuesday") is None
    assert pages.parse_published(None) is None


def test_the_timeline_orders_articles_and_keeps_undated_ones_apart():
    articles = [
        {"id": "late", "published": "2031-03-25", "source": {}},
        {"id": "early", "published": "2031-03-20T10:00:00+00:00", "source": {}},
        {"id": "nodate", "published": None, "source": {}},
    ]
    story = {"article_ids": ["late", "early", "nodate"], "families": []}
    timeline = pages.timeline_view(story, views.ArticleIndex(articles))
    assert [r.article_id for r in timeline.rows] == ["early", "late"]
    assert timeline.rows[0].x == timeline.left and timeline.rows[1].x == timeline.right
    assert timeline.undated == ["nodate"]
    assert timeline.ticks[0].label == "20 Mar 2031"


def test_uploaded_names_lose_their_path_and_odd_characters():
    taken: set[str] = set()
    assert safe_filename("../../etc/pass wd.HTML", taken) == "pass-wd.html"
    assert safe_filename("C:\\x\\pass wd.html", taken) == "pass-wd-2.html"
    assert safe_filename("....txt", taken) == "upload.txt"


def test_file_limits():
    limits = UploadLimits(max_file_bytes=100)
    assert file_problem("a.html", 10, limits) is None
    assert "not accepted" in file_problem("a.exe", 10, limits)
    assert "allowed for one file" in file_problem("a.txt", 101, limits)
    assert "empty" in file_problem("a.txt", 0, limits)


def test_urls_are_read_one_per_line_and_checked():
    assert parse_urls("https://a.example/x\n\n# note\nhttps://a.example/x\n b ") == [
        "https://a.example/x",
        "b",
    ]
    limits = UploadLimits()
    assert url_problem("https://news.example/a", limits, allow_private=False) is None
    assert "refused" in url_problem("http://127.0.0.2/", limits, allow_private=False)
    assert url_problem("http://127.0.0.2/", limits, allow_private=True) is None
    assert "longer than" in url_problem("https://a.example/" + "x" * 3000, limits, False)


def test_cross_site_requests_are_told_apart():
    assert not cross_site({}, "127.0.0.1:8765")
    assert not cross_site({"origin": "http://127.0.0.1:8765"}, "127.0.0.1:8765")
    assert cross_site({"origin": "http://evil.example"}, "127.0.0.1:8765")
    assert cross_site({"origin": "null"}, "127.0.0.1:8765")
    assert not cross_site({"origin": "null", "sec-fetch-site": "same-origin"}, "127.0.0.1:8765")
    assert cross_site({"sec-fetch-site": "cross-site"}, "127.0.0.1:8765")


def test_search_snippets_split_on_the_private_markers_only():
    snippet = f"a [b] {HIT_OPEN}cable{HIT_CLOSE} c"
    assert snippet_pieces(snippet) == [("a [b] ", False), ("cable", True), (" c", False)]
    assert snippet_pieces(f"{HIT_OPEN}x") == [("x", True)]
