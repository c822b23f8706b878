"""Every story we wrote with an answer key (examples/): planted conflicts found, look-alikes not.

Parametrised over story folders; skips while none exists or the pipeline is incomplete.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from storylens.evaluation import (
    conflict_matches,
    covers_non_conflict,
    load_key,
    story_folders,
)
from testdata import EXAMPLES

from ._pipeline import analysis_of, require_pipeline

FOLDERS = story_folders(EXAMPLES) if EXAMPLES.exists() else []
MIN_RECALL = 0.7  # per story, a regression guard; the benchmark tracks the 0.9 goal per kind
# Held-out stories storylens does not reach that on yet (strict: the day it does, this fails
# and the entry goes). Each reason is a known limit in the README.
RECALL_LIMITS = {
    "held-out/data-breach": "6 of 13 (first run 4): missed the city of a news conference and of "
    "a hearing, the days of the disclosure, the discovery and the hearing, a regulator's head "
    "called its spokeswoman, a fine's share of turnover",
    "held-out/earthquake-rescue": "7 of 13: missed the town of a decree and the epicentre, the "
    "day of the state of emergency, a governor called mayor, another person given the civil "
    "defence post, one day's death toll",
}


def _reported(folder: Path) -> list[dict]:
    analysis = analysis_of(str(folder))
    return [dataclasses.asdict(c) for s in analysis.stories for c in s.findings.conflicts]


@pytest.fixture(params=FOLDERS, ids=[str(f.relative_to(EXAMPLES)) for f in FOLDERS])
def story(request) -> tuple[dict, list[dict]]:
    if not FOLDERS:
        pytest.skip("no story with an answer key under examples/ yet")
    require_pipeline()
    return load_key(request.param), _reported(request.param)


def test_planted_conflicts_are_found(story, request) -> None:
    reason = RECALL_LIMITS.get(request.node.callspec.id)
    if reason:
        request.applymarker(pytest.mark.xfail(strict=True, reason=reason))
    key, reported = story
    planted = key.get("conflicts", [])
    found = [c for c in planted if any(conflict_matches(c, r) for r in reported)]
    missing = [c["subject"] for c in planted if c not in found]
    assert len(found) >= MIN_RECALL * len(planted), f"missing: {missing}"


def test_every_reported_conflict_is_in_the_key(story) -> None:
    """Precision: a conflict the key does not plant is a false alarm a journalist would chase."""
    key, reported = story
    planted = key.get("conflicts", [])
    false = [r for r in reported if not any(conflict_matches(c, r) for c in planted)]
    assert not false, [r["explanation"] for r in false]


def test_look_alikes_are_not_reported(story) -> None:
    key, reported = story
    for non_conflict in key.get("non_conflicts", []):
        hits = [r for r in reported if covers_non_conflict(non_conflict, r)]
        assert not hits, f"{non_conflict['note']}: {[h['explanation'] for h in hits]}"
