"""A small hand-made Analysis (fictional town, people and outlets) for the report writers.

Two articles about one story (the Gazette's original and the Courier's rewrite, which moved the
meeting to another town and another day), one off-topic page carrying hostile markup, one input
error. Every span is cut from the article text by ``span_of`` so offsets are right by
construction.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from storylens.model import (
    Analysis,
    AnnotatedArticle,
    Article,
    Change,
    Claim,
    Conflict,
    ConflictValue,
    Derivation,
    Entity,
    EntityTitle,
    Family,
    Findings,
    Flag,
    InputError,
    LinkedStory,
    QuoteGroup,
    Removed,
    Sentence,
    SentenceAlignment,
    Source,
    Span,
    Story,
    StoryResult,
)

GAZETTE_TEXT = (
    "Mayor Edda Brannock of Eldmoor will meet the river council in Corvel on Thursday. "
    "The talks follow a dispute over 12 fishing permits.\n\n"
    "\u201cWe will keep the harbour open,\u201d Brannock said. "
    "Councillor Tamsin Orrle said the council would attend."
)
COURIER_TEXT = (
    "Eldmoor mayor Edda Brannock will meet the river council in Lannis on Friday. "
    "The talks follow a dispute over 12 fishing permits.\n\n"
    "\u201cWe will keep the harbour open for everyone,\u201d Brannock said. "
    "A spokesperson for the council declined to comment."
)
HOSTILE_TEXT = (
    "<script>alert(1)</script> Ten ways to bake <b>bread</b> at home. "
    "Click [here](javascript:alert(2)) & enjoy."
)


def span_of(article: Article, needle: str, occurrence: int = 0) -> Span:
    """The span of the n-th occurrence of ``needle`` in the article (fails loudly if absent)."""
    starts = [m.start() for m in re.finditer(re.escape(needle), article.text)]
    start = starts[occurrence]
    return Span(article=article.id, start=start, end=start + len(needle), text=needle)


def sentences_of(text: str) -> tuple[Sentence, ...]:
    bounds, start = [], 0
    for gap in re.finditer(r"(?<=[.!?\u201d])\s+", text):
        bounds.append(Sentence(start, gap.start()))
        start = gap.end()
    bounds.append(Sentence(start, len(text)))
    return tuple(bounds)


def make_analysis(hostile_title: str = "Bread <script>alert('t')</script>") -> Analysis:
    gazette = Article(
        id="gazette-brannock",
        source=Source(path="pages/gazette-brannock.html", site="harbour-gazette.example"),
        text=GAZETTE_TEXT,
        title="Brannock to meet river council in Corvel",
        published="2031-03-11",
        published_from="meta",
        author="Ivo Pellam",
        site="harbour-gazette.example",
        language="en",
        removed=(Removed("Subscribe to our newsletter", "call to action"),),
    )
    courier = Article(
        id="courier-brannock",
        source=Source(url="https://valley-courier.example/news/brannock", site=None),
        text=COURIER_TEXT,
        title="Eldmoor mayor to meet council in Lannis",
        published="2031-03-12T08:30:00+00:00",
        published_from="text",
        site="valley-courier.example",
        language="en",
        warnings=("date taken from the text, not the page metadata",),
    )
    offtopic = Article(
        id="bread-page",
        source=Source(path="pages/bread.html", site="crumbs.example"),
        text=HOSTILE_TEXT,
        title=hostile_title,
        published=None,
        site="crumbs.example",
    )
    annotated = tuple(
        AnnotatedArticle(article=a, sentences=sentences_of(a.text)) for a in (gazette, courier)
    )
    story = Story(id="story-1", title="Brannock to meet river council", articles=annotated)
    place_g, place_c = span_of(gazette, "Corvel"), span_of(courier, "Lannis")
    day_g, day_c = span_of(gazette, "Thursday"), span_of(courier, "Friday")
    derivation = Derivation(
        parent=gazette.id,
        child=courier.id,
        kind="edit",
        score=0.8123456,
        confidence=0.75,
        evidence=("published earlier",),
        changes=(
            Change("replace", "place", place_g, place_c),
            Change("replace", "date", day_g, day_c),
            Change("insert", "other", None, span_of(courier, "for everyone")),
        ),
    )
    linked = LinkedStory(
        story=story,
        alignments=(
            SentenceAlignment(gazette.id, (0,), courier.id, (0,), 0.71, "edit"),
            SentenceAlignment(gazette.id, (1,), courier.id, (1,), 1.0, "copy"),
            SentenceAlignment(gazette.id, (2,), courier.id, (2,), 0.9, "edit"),
        ),
        derivations=(derivation,),
        families=(Family("family-1", (gazette.id, courier.id), gazette.id),),
    )
    conflict = Conflict(
        id="conflict-1",
        kind="place",
        subject="meeting of Edda Brannock and the river council",
        attribute="place",
        values=(
            ConflictValue("Corvel", "corvel", (gazette.id,), (place_g,), families=1),
            ConflictValue("Lannis", "lannis", (courier.id,), (place_c,), families=1),
        ),
        confidence=0.9,
        explanation="The Courier rewrote the Gazette's report and moved the meeting.",
    )
    claims = (
        Claim(
            id="claim-1",
            kind="number",
            subject="fishing permits",
            attribute="count",
            value="12",
            article_ids=(gazette.id, courier.id),
            families=1,
            status="single-source",
            evidence=(span_of(gazette, "12"), span_of(courier, "12")),
        ),
        Claim(
            id="claim-2",
            kind="event-place",
            subject="meeting",
            attribute="place",
            value="Corvel",
            article_ids=(gazette.id,),
            families=1,
            status="conflicting",
            evidence=(place_g,),
        ),
    )
    quotes = (
        QuoteGroup(
            id="quote-1",
            speaker="Edda Brannock",
            text="We will keep the harbour open",
            article_ids=(gazette.id, courier.id),
            families=1,
            status="variant",
            evidence=(
                span_of(gazette, "We will keep the harbour open"),
                span_of(courier, "We will keep the harbour open for everyone"),
            ),
        ),
    )
    entities = (
        Entity(
            id="entity-1",
            name="Edda Brannock",
            type="PERSON",
            aliases=("Brannock",),
            titles=(EntityTitle("Mayor", (gazette.id, courier.id), "mayor", "eldmoor", "current"),),
            article_ids=(gazette.id, courier.id),
        ),
    )
    flags = (
        Flag(
            id="flag-1",
            kind="date-stamp",
            article_id=courier.id,
            explanation="The page's date stamp is a day after the event it announces.",
            evidence=(day_c,),
        ),
    )
    findings = Findings(
        entities=entities, claims=claims, quotes=quotes, conflicts=(conflict,), flags=flags
    )
    return Analysis(
        articles=(gazette, courier, offtopic),
        stories=(StoryResult(linked=linked, findings=findings),),
        off_topic=(offtopic.id,),
        errors=(InputError("pages/broken.html", "could not decode the page as text"),),
        timings={"extract": 0.25},
    )


@pytest.fixture
def analysis() -> Analysis:
    return make_analysis()


@pytest.fixture
def analysis_factory() -> Callable[..., Analysis]:
    """For tests that change the fixture: a fresh Analysis per call."""
    return make_analysis
