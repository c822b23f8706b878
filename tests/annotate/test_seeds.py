"""The five seed pages of ../shared: real text, checked for the annotations later stages need.

The extract stage is not used here: a crude body filter (long lines that end like a sentence)
stands in for it, so these tests only depend on the annotate stage.
"""

from __future__ import annotations

import re

import pytest
from tests.conftest import shared_path

from storylens.model import AnnotatedArticle

PUBLISHED = "2025-05-13"  # a Tuesday, the day these pages were written


def body_text(raw: str) -> str:
    lines = [line.strip() for line in raw.split("MORE ON THEME")[0].splitlines()]
    keep = [ln for ln in lines if len(ln.split()) >= 8 and re.search(r"[.!?”\"]$", ln)]
    return "\n".join(keep)


@pytest.fixture(scope="module")
def seeds(annotate) -> dict[str, AnnotatedArticle]:
    folder = shared_path("seeds")
    out: dict[str, AnnotatedArticle] = {}
    for path in sorted(folder.glob("*.txt")):
        text = body_text(path.read_text(encoding="utf-8"))
        out[path.name[:3]] = annotate(text, PUBLISHED, article_id=path.stem)
    return out


def _title(result: AnnotatedArticle, person: str, office: str):
    return next(t for t in result.titles if t.person == person and t.office == office)


def test_every_span_points_at_its_text(seeds, spans_are_exact) -> None:
    assert all(spans_are_exact(result) for result in seeds.values())


def test_former_president_title(seeds) -> None:
    title = _title(seeds["000"], "Donald Trump", "president")
    assert (title.status, title.text) == ("former", "former President")


def test_country_from_demonym(seeds) -> None:
    title = _title(seeds["000"], "Vladimir Putin", "president")
    assert (title.jurisdiction, title.status) == ("russia", "current")


def test_opposition_and_newly_elected(seeds) -> None:
    opposition = _title(seeds["002"], "Friedrich Merz", "opposition leader")
    assert (opposition.status, opposition.jurisdiction) == ("opposition", "germany")
    chancellor = _title(seeds["004"], "Friedrich Merz", "chancellor")
    assert (chancellor.status, chancellor.jurisdiction) == ("current", "germany")


def test_possessive_chief_of_staff(seeds) -> None:
    title = _title(seeds["000"], "Andriy Yermak", "chief of staff")
    assert title.jurisdiction == "ukraine"


def test_weekdays_resolve_against_the_article_date(seeds) -> None:
    text = seeds["000"].article.text
    values = {(d.text, text[d.start - 3 : d.start]): d.value for d in seeds["000"].dates}
    assert values[("Thursday", "on ")] == "2025-05-15"  # "travel ... on Thursday"
    assert "2025-05-13" in {v for (word, _), v in values.items() if word == "Tuesday"}


def test_explicit_date_without_year(seeds) -> None:
    june = next(d for d in seeds["003"].dates if d.text == "June 1")
    assert (june.value, june.granularity) == ("2025-06-01", "day")


def test_counted_numbers(seeds) -> None:
    numbers = seeds["000"].numbers
    assert any(n.value == 30 and n.unit == "day" and n.counted == "ceasefire" for n in numbers)
    assert any(n.value == 17 and n.ordinal and n.counted == "package" for n in numbers)


def test_quote_speakers(seeds) -> None:
    def speaker(opening: str) -> str | None:
        direct = [q for q in seeds["000"].quotes if q.kind == "direct"]
        return next(q.speaker for q in direct if q.text.startswith(opening))

    assert speaker("He wanted us to ignore it") == "Volodymyr Zelensky"  # "the Ukrainian leader"
    assert speaker("I don’t think he dares") == "Kaja Kallas"  # "she said"
    assert speaker("This is about saving lives") == "Volodymyr Zelensky"  # continuing quote
    multi_line = next(q for q in seeds["004"].quotes if q.text.startswith("We await a full"))
    assert "\n" in multi_line.text and multi_line.text.endswith("excuses.")
    assert multi_line.speaker == "Volodymyr Zelenskyy"


def test_events_keep_journeys_and_talks_apart(seeds) -> None:
    events = seeds["000"].events
    travel = next(e for e in events if e.text == "travel")
    assert [p.text for p in travel.places] == ["Ankara"]
    talks = next(e for e in events if e.kind == "talks" and "vladimir putin" in e.participants)
    assert all(p.text != "Ankara" for p in talks.places)
    meet = next(e for e in events if e.text == "meet" and "vladimir putin" in e.participants)
    assert [p.text for p in meet.places] == ["Istanbul"]
