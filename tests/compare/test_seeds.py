"""The five real seed pages (../shared/seeds) through the whole pipeline: the planted conflicts.

Article ids are the seed file names; the tests name them by their three-digit prefix.
"""

from __future__ import annotations

import dataclasses

import pytest

from storylens.evaluation import conflict_matches
from storylens.model import Conflict, Findings
from testdata import shared_path

from ._pipeline import analysis_of, require_pipeline

# What the seeds plant, as answer-key entries (article ids by prefix, expanded below).
PLANTED = {
    "talks date": {
        "kind": "date",
        "values": [
            {"text": "June 1", "articles": ["003"]},
            {"text": "Thursday", "articles": ["000", "001", "002", "004"]},
        ],
    },
    "talks place": {
        "kind": "place",
        "values": [
            {"text": "Ankara", "articles": ["000"]},
            {"text": "Istanbul", "articles": ["000", "001", "002", "003", "004"]},
        ],
    },
    "Trump's office": {
        "kind": "title",
        "values": [
            {"text": "former President Donald Trump", "articles": ["000"]},
            {"text": "former U.S. President Donald Trump", "articles": ["002"]},
            {"text": "Former U.S. President Donald Trump", "articles": ["004"]},
            {"text": "US President Donald Trump", "articles": ["001"]},
            {"text": "U.S. President Donald Trump", "articles": ["003"]},
        ],
    },
    "U.S. President": {
        "kind": "role-holder",
        "values": [
            {"text": "U.S. President Joe Biden", "articles": ["002"]},
            {"text": "President Donald Trump", "articles": ["001", "003"]},
        ],
    },
    "Merz's office": {
        "kind": "title",
        "values": [
            {"text": "opposition leader Friedrich Merz", "articles": ["002"]},
            {"text": "Chancellor Friedrich Merz", "articles": ["004"]},
        ],
    },
    "Trump's words": {
        "kind": "quote",
        "values": [
            {"text": "If I think things can happen, I’ll go", "articles": ["000"]},
            {"text": "if I see potential for progress", "articles": ["001"]},
        ],
    },
}


@pytest.fixture(scope="module")
def seeds() -> tuple[Findings, dict[str, str]]:
    require_pipeline()
    folder = shared_path("seeds")
    paths = sorted(str(p) for p in folder.glob("*.txt"))
    analysis = analysis_of(*paths)
    ids = {a.id[:3]: a.id for a in analysis.articles}
    stories = [s for s in analysis.stories if len(s.linked.story.articles) >= 4]
    assert stories, "the seeds should form one story"
    return stories[0].findings, ids


def _key(entry: dict, ids: dict[str, str]) -> dict:
    values = [
        {"text": v["text"], "articles": [ids[a] for a in v["articles"] if a in ids]}
        for v in entry["values"]
    ]
    return {"kind": entry["kind"], "values": values}


def _reported(conflict: Conflict) -> dict:
    return dataclasses.asdict(conflict)


@pytest.mark.parametrize("planted", sorted(PLANTED))
def test_planted_conflict_is_reported(seeds, planted: str) -> None:
    findings, ids = seeds
    key = _key(PLANTED[planted], ids)
    assert any(conflict_matches(key, _reported(c)) for c in findings.conflicts), [
        c.explanation for c in findings.conflicts
    ]


def test_no_false_conflict_among_the_first_ten(seeds) -> None:
    findings, ids = seeds
    keys = [_key(entry, ids) for entry in PLANTED.values()]
    for conflict in findings.conflicts[:10]:
        assert any(conflict_matches(k, _reported(conflict)) for k in keys), conflict.explanation


def test_meeting_one_leader_in_ankara_is_not_a_conflict_with_talks_in_istanbul(seeds) -> None:
    findings, ids = seeds
    for conflict in findings.conflicts:
        for value in conflict.values:
            for span in value.evidence:
                assert not (span.text == "Ankara" and span.article in {ids["001"], ids["003"]}), (
                    conflict.explanation
                )


def test_spellings_of_one_name_are_one_person(seeds) -> None:
    findings, _ids = seeds
    people = [e for e in findings.entities if e.type == "person"]
    holders = [
        e for e in people if {"Volodymyr Zelensky", "Volodymyr Zelenskyy"} & {e.name, *e.aliases}
    ]
    assert len(holders) == 1
    assert {"Volodymyr Zelensky", "Volodymyr Zelenskyy"} <= {holders[0].name, *holders[0].aliases}
