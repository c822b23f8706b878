"""Families: connected by evidence, one per article, stable ids, the likely original."""

from __future__ import annotations

from storylens.link import link_story
from storylens.link.families import build_families
from storylens.model import Derivation, Story

from .builders import BRIDGE, CHESS, RECIPE, article, paragraphs


def edge(parent: str, child: str, kind: str = "edit", confidence: float = 0.9) -> Derivation:
    return Derivation(parent=parent, child=child, kind=kind, score=0.9, confidence=confidence)


def test_every_article_in_exactly_one_family_with_its_original() -> None:
    families = build_families(["d", "c", "b", "a"], [edge("a", "b"), edge("b", "c")])
    assert [(f.article_ids, f.original) for f in families] == [
        (("a", "b", "c"), "a"),
        (("d",), "d"),
    ]
    assert all(f.id.startswith("f-") for f in families)


def test_family_ids_do_not_depend_on_input_order() -> None:
    edges = [edge("a", "b"), edge("c", "d", "shared-source", 0.0)]
    first = build_families(["a", "b", "c", "d"], edges)
    second = build_families(["d", "c", "b", "a"], list(reversed(edges)))
    assert first == second


def test_shared_source_family_has_no_known_original() -> None:
    families = build_families(["a", "b"], [edge("a", "b", "shared-source", 0.0)])
    assert [(f.article_ids, f.original) for f in families] == [(("a", "b"), None)]


def test_undirected_edges_do_not_name_an_original() -> None:
    families = build_families(["a", "b"], [edge("a", "b", "copy", 0.5)])
    assert families[0].original is None


def test_links_are_not_chained_into_edges() -> None:
    """a shares its bridge half with b, c shares the other half with b: a and c get no edge,
    though all three are one family through b."""
    bridge = paragraphs(BRIDGE)
    a = "\n".join([bridge[0], bridge[1], *paragraphs(CHESS)[:2]])
    c = "\n".join([bridge[2], bridge[3], *paragraphs(RECIPE)])
    result = link_story(
        Story(
            id="s",
            title="t",
            articles=(article("a", a), article("b", BRIDGE), article("c", c)),
        )
    )
    pairs = {frozenset((d.parent, d.child)) for d in result.derivations}
    assert pairs == {frozenset("ab"), frozenset("bc")}
    assert [f.article_ids for f in result.families] == [("a", "b", "c")]
