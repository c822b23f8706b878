"""Derivation edges: direction from dates and containment, typed changes, quotes, independence."""

from __future__ import annotations

from storylens.link import link_story
from storylens.model import Story

from .builders import BRIDGE, BRIDGE_PARAPHRASE, CHESS, RECIPE, article, paragraphs

EDITED = BRIDGE.replace("on Tuesday evening", "on Monday evening").replace(
    "arrived in Varnholt", "arrived in Dunmere"
)


def linked(*articles):
    return link_story(Story(id="s", title="t", articles=tuple(articles)))


def only_edge(result):
    assert len(result.derivations) == 1, result.derivations
    return result.derivations[0]


def test_earlier_publication_is_the_parent() -> None:
    edge = only_edge(linked(article("x", BRIDGE, "2024-03-01"), article("y", EDITED, "2024-03-02")))
    assert (edge.parent, edge.child, edge.kind) == ("x", "y", "edit")
    assert edge.confidence > 0.8
    assert any("published earlier" in why for why in edge.evidence)


def test_swapped_dates_swap_the_direction() -> None:
    edge = only_edge(linked(article("x", BRIDGE, "2024-03-05"), article("y", EDITED, "2024-03-02")))
    assert (edge.parent, edge.child) == ("y", "x")


def test_changes_are_token_spans_typed_by_annotations() -> None:
    edge = only_edge(linked(article("x", BRIDGE, "2024-03-01"), article("y", EDITED, "2024-03-02")))
    typed = {(c.type, c.parent_span.text, c.child_span.text) for c in edge.changes}
    assert typed == {("date", "Tuesday", "Monday"), ("place", "Varnholt", "Dunmere")}
    for change in edge.changes:
        assert change.op == "replace"
        assert EDITED[change.child_span.start : change.child_span.end] == change.child_span.text
        assert BRIDGE[change.parent_span.start : change.parent_span.end] == change.parent_span.text


def test_without_dates_the_contained_article_is_the_child() -> None:
    parts = paragraphs(BRIDGE)
    shortened = "\n".join([parts[0], parts[1], parts[2].split(". ")[0] + "."])
    edge = only_edge(linked(article("a-short", shortened), article("b-full", BRIDGE)))
    assert (edge.parent, edge.child) == ("b-full", "a-short")
    assert edge.confidence > 0.5
    assert edge.score > 0.95  # the child is fully explained by its parent


def test_paraphrase_of_the_whole_text_is_linked() -> None:
    result = linked(article("p", BRIDGE_PARAPHRASE), article("q", BRIDGE))
    edge = only_edge(result)
    assert edge.kind in ("paraphrase", "shared-source")
    assert result.family_of("p") == result.family_of("q")


def test_sharing_quoted_statements_is_not_derivation() -> None:
    quotes = (
        "“We will rebuild the crossing before the winter and nobody will pay a toll,” the mayor "
        "said. “The engineers have my full support and every document will be published,” "
        "she added."
    )
    first = f"{paragraphs(BRIDGE)[0]}\n{quotes}\n{paragraphs(CHESS)[1]}"
    second = f"{paragraphs(RECIPE)[0]}\n{quotes}\n{paragraphs(BRIDGE_PARAPHRASE)[3]}"
    result = linked(article("m", first), article("n", second))
    assert result.derivations == ()
    assert result.family_of("m") != result.family_of("n")


def test_unrelated_articles_get_no_edge_and_alignment_records_are_sorted() -> None:
    result = linked(article("c", CHESS), article("b", BRIDGE), article("b2", BRIDGE))
    assert [(d.parent, d.child, d.kind) for d in result.derivations] == [("b", "b2", "copy")]
    assert all(a.article_a < a.article_b for a in result.alignments)


def test_a_scraped_date_line_is_no_direction_evidence() -> None:
    import dataclasses

    older = article("x", BRIDGE, "2024-03-01")
    scraped = article("y", EDITED, "2024-02-01")
    scraped = dataclasses.replace(
        scraped, article=dataclasses.replace(scraped.article, published_from="text")
    )
    edge = only_edge(linked(older, scraped))
    assert not any("published earlier" in why for why in edge.evidence)
