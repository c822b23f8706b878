"""The view helpers behind the HTML and Markdown: context, rewrite rows, graph layout."""

from __future__ import annotations

import copy

from storylens.model import Analysis
from storylens.report import build_report
from storylens.report.views import (
    ArticleIndex,
    graph_view,
    layer_depths,
    paragraph_bounds,
    rewrite_view,
    split_sentences,
)


def test_context_is_the_sentence_around_the_span(analysis: Analysis) -> None:
    report = build_report(analysis)
    index = ArticleIndex(report["articles"])
    span = report["stories"][0]["conflicts"][0]["values"][0]["evidence"][0]
    context = index.context(span)
    assert (context.before, context.match, context.after) == (
        "Mayor Edda Brannock of Eldmoor will meet the river council in ",
        "Corvel",
        " on Thursday.",
    )


def test_split_sentences_and_paragraph_bounds_are_offsets() -> None:
    text = "One. Two!\n\n  Three?  \nFour"
    assert [text[s:e] for s, e in split_sentences(text)] == ["One.", "Two!", "Three?", "Four"]
    assert [text[s:e] for s, e in paragraph_bounds(text)] == ["One. Two!", "Three?", "Four"]


def test_rewrite_rows_follow_alignments_and_place_typed_changes(analysis: Analysis) -> None:
    report = build_report(analysis)
    story = report["stories"][0]
    rewrite = rewrite_view(story["derivations"][0], story, ArticleIndex(report["articles"]))
    assert rewrite.aligned == 3
    assert len(rewrite.changed_rows) == 2 and len(rewrite.unchanged_rows) == 1
    first = rewrite.changed_rows[0]
    assert first.kinds == ["date", "place"]
    assert [(s.text, s.kind) for s in first.child if s.kind in ("place", "date")] == [
        ("Lannis", "place"),
        ("Friday", "date"),
    ]


def test_changes_without_alignments_still_show_in_their_sentences(analysis: Analysis) -> None:
    report = copy.deepcopy(build_report(analysis))
    story = report["stories"][0]
    story["alignments"] = []
    rewrite = rewrite_view(story["derivations"][0], story, ArticleIndex(report["articles"]))
    assert rewrite.aligned == 0
    shown = {s.text for row in rewrite.rows for s in row.child if s.kind}
    assert shown == {"Lannis", "Friday", "for everyone"}


def test_graph_layers_put_children_right_of_their_deepest_parent() -> None:
    parents = {"a": [], "b": ["a"], "c": ["a", "b"], "d": []}
    assert layer_depths(["a", "b", "c", "d"], parents) == {"a": 0, "b": 1, "c": 2, "d": 0}
    cyclic = {"a": ["b"], "b": ["a"]}
    assert max(layer_depths(["a", "b"], cyclic).values()) < 2  # a cycle cannot loop forever


def test_graph_has_a_node_per_article_and_an_edge_per_derivation(analysis: Analysis) -> None:
    report = build_report(analysis)
    graph = graph_view(report["stories"][0], ArticleIndex(report["articles"]))
    assert [n.id for n in graph.nodes] == ["gazette-brannock", "courier-brannock"]
    assert [n.original for n in graph.nodes] == [True, False]
    assert graph.nodes[1].x > graph.nodes[0].x
    assert [(e.parent, e.child, e.kind) for e in graph.edges] == [
        ("gazette-brannock", "courier-brannock", "edit")
    ]
