"""report.html: self-contained, hostile text escaped, the findings a reader needs are on it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from storylens.model import Analysis
from storylens.report import build_report
from storylens.report.html_report import render_html, safe_url
from storylens.report.views import anchor


def html_of(analysis: Analysis) -> str:
    return render_html(build_report(analysis))


def test_page_loads_nothing_from_elsewhere(analysis: Analysis) -> None:
    page = html_of(analysis)
    assert "<script" not in page.lower()
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"\bsrc\s*=", page, re.I)
    assert "@import" not in page
    assert not re.search(r"url\(\s*['\"]?(https?:|//)", page)
    assert "<style>" in page  # the CSS is inline


def test_hostile_article_text_is_escaped(analysis: Analysis) -> None:
    page = html_of(analysis)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;bread&lt;/b&gt;" in page
    assert "<script>" not in page
    assert "alert('t')</script>" not in page  # the hostile title too


def test_hostile_ids_and_urls_cannot_break_out(analysis_factory: Callable[..., Analysis]) -> None:
    analysis = analysis_factory()
    bread = analysis.articles[2]
    evil = replace(
        bread,
        id='x" onmouseover="alert(3)',
        source=replace(bread.source, url="javascript:alert(4)", path=None),
    )
    analysis = replace(analysis, articles=(*analysis.articles[:2], evil), off_topic=(evil.id,))
    page = html_of(analysis)
    assert 'onmouseover="alert(3)' not in page
    assert 'href="javascript:' not in page
    assert "javascript:alert(4)" in page  # shown as text, not as a link
    assert safe_url("https://a.example/x") == "https://a.example/x"
    assert safe_url("javascript:alert(1)") is None


def test_anchor_ids_are_safe_and_distinct() -> None:
    assert anchor("gazette-brannock") == "a-gazette-brannock"
    assert re.fullmatch(r"[A-Za-z0-9_-]+", anchor('a b"<c>'))
    assert anchor("a b") != anchor("a_b") and anchor("a b") != anchor("a-b")


def test_header_counts_and_story_sections(analysis: Analysis) -> None:
    page = html_of(analysis)
    stats = re.search(r'<ul class="stats">(.*?)</ul>', page, re.S).group(1)
    numbers = re.findall(r"<b>(\d+)</b>", stats)
    assert numbers == [
        "3",
        "1",
        "1",
        "1",
        "1",
        "1",
    ]  # articles stories families conflicts errors off-topic
    assert "Brannock to meet river council</h2>" in page


def test_conflict_values_are_shown_with_evidence_in_context(analysis: Analysis) -> None:
    page = html_of(analysis)
    conflict = re.search(r'<article class="conflict".*?</article>', page, re.S).group(0)
    assert '<div class="v">Corvel</div>' in conflict
    assert '<div class="v">Lannis</div>' in conflict
    assert "will meet the river council in <mark>Corvel</mark> on Thursday." in conflict
    assert (
        "Eldmoor mayor Edda Brannock will meet the river council in <mark>Lannis</mark>" in conflict
    )
    assert "confidence 90%" in conflict


def test_original_is_marked_and_rewrite_diff_types_changes(analysis: Analysis) -> None:
    page = html_of(analysis)
    assert (
        '<span class="badge original">original</span> '
        '<span class="site"><a href="#a-gazette-brannock">' in page
    )
    diff = re.search(r'<table class="diff">.*?</table>', page, re.S).group(0)
    assert (
        'class="chg t-place typed" data-type="place" title="place (replace)">Corvel</span>' in diff
    )
    assert (
        'class="chg t-place typed" data-type="place" title="place (replace)">Lannis</span>' in diff
    )
    assert 'data-type="date" title="date (replace)">Friday</span>' in diff
    assert 'data-type="other" title="other (insert)">for everyone</span>' in diff
    # the linker did not type "Mayor ... of Eldmoor" -> "Eldmoor mayor"; the word diff shows it
    assert 'data-type="other" title="other (replace)">Mayor</span>' in diff


def test_claims_quotes_entities_flags_and_errors_are_listed(analysis: Analysis) -> None:
    page = html_of(analysis)
    assert '<span class="badge single-source">single-source</span>' in page
    assert '<span class="badge conflicting">conflicting</span>' in page
    assert '<span class="badge variant">variant</span>' in page
    assert "<b>Edda Brannock</b>" in page and "Mayor <span" in page
    assert '<span class="badge flag">date-stamp</span>' in page
    assert "could not decode the page as text" in page
    assert "Subscribe to our newsletter" in page and "call to action" in page
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page


def test_page_without_stories_says_so(analysis: Analysis) -> None:
    page = html_of(replace(analysis, stories=(), off_topic=tuple(a.id for a in analysis.articles)))
    assert "No story was found" in page


def test_article_text_marks_cited_spans_and_links_to_the_finding(analysis: Analysis) -> None:
    page = html_of(analysis)
    conflict_id = re.search(r'<article class="conflict" id="([^"]+)"', page).group(1)
    assert (
        f'<a class="cited conflict" href="#{conflict_id}" '
        'title="place conflict: meeting of Edda Brannock and the river council">'
        "<mark>Lannis</mark></a>" in page
    )
    flag_id = re.search(r'<div class="flag-item" id="([^"]+)"', page).group(1)
    assert f'<a class="cited flag" href="#{flag_id}"' in page
    assert "<p>Councillor Tamsin Orrle" not in page  # paragraphs split on lines, not sentences


def test_opaque_normalised_keys_are_hidden_readable_ones_shown() -> None:
    from storylens.report.views import readable_normalized

    assert readable_normalized("2031-03-13")
    assert readable_normalized("weekday:friday")
    assert not readable_normalized("person-3fa9c0d2e1")
    assert not readable_normalized("city:2267057")
    assert not readable_normalized(None)
