"""The whole compare stage: evidence, families, determinism, ranking, empty input."""

from __future__ import annotations

from storylens.compare import compare_story
from storylens.model import Findings, LinkedStory, Story

from .builders import Doc, linked

PEOPLE = ("Dara Vell", "Miro Hask")


def _story_docs() -> list[Doc]:
    docs = []
    for doc_id, place, title in [
        ("a", "Lyon", "Former Ostravian President"),
        ("b", "Marseille", "Ostravian President"),
        ("c", "Marseille", "Ostravian President"),
    ]:
        doc = Doc(
            doc_id,
            f"{title} Dara Vell will hold talks with Miro Hask in {place}. "
            "“We will stand by the harbour workers until the strike ends,” Vell said.",
        )
        doc.title(
            title,
            "Dara Vell",
            "president",
            "Ostravia",
            "former" if title.startswith("Former") else "current",
        )
        doc.entity("Miro Hask")
        doc.event("talks", "talks", PEOPLE, (place,))
        doc.quote("We will stand by the harbour workers until the strike ends", "Vell")
        docs.append(doc)
    return docs


def _story(families: list[list[str]] | None = None) -> LinkedStory:
    return linked(*_story_docs(), families=families)


def _all_spans(findings: Findings):
    for claim in findings.claims:
        yield from claim.evidence
    for group in findings.quotes:
        yield from group.evidence
    for conflict in findings.conflicts:
        for value in conflict.values:
            yield from value.evidence
    for flag in findings.flags:
        yield from flag.evidence


def test_every_span_points_at_its_words() -> None:
    story = _story()
    texts = {a.id: a.article.text for a in story.story.articles}
    findings = compare_story(story)
    spans = list(_all_spans(findings))
    assert spans
    for span in spans:
        assert texts[span.article][span.start : span.end] == span.text


def test_same_input_same_output() -> None:
    assert compare_story(_story()) == compare_story(_story())
    reordered = linked(*reversed(_story_docs()))
    assert compare_story(reordered) == compare_story(_story())


def test_support_is_counted_in_families_not_pages() -> None:
    findings = compare_story(_story(families=[["b", "c"], ["a"]]))
    marseille = next(c for c in findings.claims if c.value == "Marseille")
    assert marseille.article_ids == ("b", "c")
    assert marseille.families == 1
    assert marseille.status == "conflicting"
    [quote] = findings.quotes
    assert quote.families == 2 and quote.status == "verbatim"


def test_claims_without_conflict_are_corroborated_or_single_source() -> None:
    findings = compare_story(_story())
    statuses = {(c.kind, c.value): c.status for c in findings.claims}
    assert statuses[("event-place", "Marseille")] == "conflicting"
    assert statuses[("role-holder", "Dara Vell")] == "corroborated"


def test_place_of_the_main_event_ranks_above_a_title() -> None:
    kinds = [c.kind for c in compare_story(_story()).conflicts]
    assert kinds == ["place", "title"]


def test_conflict_ids_are_unique_and_stable() -> None:
    first = [c.id for c in compare_story(_story()).conflicts]
    assert len(set(first)) == len(first)
    assert first == [c.id for c in compare_story(_story()).conflicts]


def test_an_empty_story_has_no_findings() -> None:
    empty = LinkedStory(story=Story(id="s", title="", articles=()))
    assert compare_story(empty) == Findings()


def test_unannotated_articles_give_no_findings_and_no_error() -> None:
    findings = compare_story(linked(Doc("a", "Plain text."), Doc("b", "")))
    assert findings.conflicts == () and findings.claims == ()
