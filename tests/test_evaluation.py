"""The answer-key scorer: a wrong scorer would make every quality figure meaningless."""

from __future__ import annotations

from storylens.evaluation import (
    conflict_matches,
    covers_non_conflict,
    pairwise_family_scores,
    score_conflicts,
)


def span(article: str, text: str) -> dict:
    return {"article": article, "start": 0, "end": len(text), "text": text}


KEY = {
    "conflicts": [
        {
            "kind": "place",
            "values": [
                {"text": "in Porto", "articles": ["a2"]},
                {"text": "in Lisbon", "articles": ["a1", "b1"]},
            ],
        }
    ],
    "non_conflicts": [
        {
            "kind": "place",
            "spans": [{"article": "a1", "text": "Lisbon"}, {"article": "c1", "text": "Portugal"}],
        }
    ],
}


def reported(kind: str, *values: list[dict]) -> dict:
    return {"kind": kind, "values": [{"evidence": v} for v in values]}


def test_a_conflict_with_both_values_in_different_reported_values_matches():
    conflict = reported("place", [span("a2", "talks in Porto on")], [span("b1", "in Lisbon")])
    assert conflict_matches(KEY["conflicts"][0], conflict)


def test_kind_and_article_must_agree():
    wrong_kind = reported("date", [span("a2", "in Porto")], [span("b1", "in Lisbon")])
    wrong_article = reported("place", [span("c1", "in Porto")], [span("b1", "in Lisbon")])
    same_value = reported("place", [span("a2", "in Porto"), span("b1", "in Lisbon")])
    assert not conflict_matches(KEY["conflicts"][0], wrong_kind)
    assert not conflict_matches(KEY["conflicts"][0], wrong_article)
    assert not conflict_matches(KEY["conflicts"][0], same_value)


def test_scores_count_misses_and_look_alikes():
    look_alike = reported("place", [span("a1", "Lisbon")], [span("c1", "Portugal")])
    scores = score_conflicts(KEY, [look_alike])
    assert covers_non_conflict(KEY["non_conflicts"][0], look_alike)
    assert scores["place"].false_negatives == 1
    assert scores["place"].false_positives == 1
    assert scores["place"].precision == 0.0 and scores["place"].recall == 0.0


def test_pairwise_family_scores():
    precision, recall = pairwise_family_scores([["a", "b"], ["c"]], [["a", "b", "c"]])
    assert precision == 1.0
    assert recall == 1 / 3


def test_two_wordings_of_one_side_do_not_make_a_match():
    key = {
        "kind": "number",
        "values": [
            {"text": "5-4", "articles": ["a1"], "value": "5-4"},
            {"text": "five votes to four", "articles": ["b1"], "value": "5-4"},
            {"text": "six votes to three", "articles": ["c1"], "value": "6-3"},
        ],
    }
    split_one_side = reported("number", [span("a1", "5-4")], [span("b1", "five votes to four")])
    real = reported("number", [span("a1", "5-4")], [span("c1", "six votes to three")])
    assert not conflict_matches(key, split_one_side)
    assert conflict_matches(key, real)


def test_a_look_alike_on_one_side_of_a_real_conflict_is_not_penalised():
    same_side = reported("place", [span("a1", "Lisbon"), span("c1", "Portugal")], [span("a2", "x")])
    assert not covers_non_conflict(KEY["non_conflicts"][0], same_side)
