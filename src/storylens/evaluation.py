"""Scoring a report against an answer key (examples/ANSWER-KEY.md), for tests and benchmarks.

Lives in the package so the test suite and the benchmarks score with one implementation.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

KEY_FILE = "answer-key.json"


def story_folders(root: Path) -> list[Path]:
    """Every folder under ``root`` (itself included) that holds an answer key, sorted."""
    return sorted(path.parent for path in root.rglob(KEY_FILE))


def load_key(folder: Path) -> dict:
    return json.loads((folder / KEY_FILE).read_text(encoding="utf-8"))


def _value_matches(key_value: dict, report_value: dict) -> bool:
    """The key's exact text sits inside (or contains) one evidence span of a listed article."""
    wanted = key_value["text"]
    articles = set(key_value.get("articles") or [])
    for span in report_value.get("evidence", []):
        if articles and span["article"] not in articles:
            continue
        if wanted in span["text"] or (span["text"] and span["text"] in wanted):
            return True
    return False


def conflict_matches(key_conflict: dict, reported: dict) -> bool:
    """Kinds agree and two key values are found in two different reported values."""
    if key_conflict["kind"] != reported["kind"]:
        return False
    values = reported.get("values", [])
    hits = [
        {i for i, value in enumerate(values) if _value_matches(key_value, value)}
        for key_value in key_conflict["values"]
    ]
    for (i, first), (j, second) in combinations(enumerate(hits), 2):
        if _same_key_value(key_conflict["values"][i], key_conflict["values"][j]):
            continue  # two wordings of one side ("5-4", "five votes to four") are not a conflict
        if any(a != b for a in first for b in second):
            return True
    return False


def _same_key_value(first: dict, second: dict) -> bool:
    return "value" in first and first.get("value") == second.get("value")


def covers_non_conflict(non_conflict: dict, reported: dict) -> bool:
    """A reported conflict that sets the spans of a look-alike against each other."""

    def holders(wanted: dict) -> set[int]:
        return {
            i
            for i, value in enumerate(reported.get("values", []))
            for span in value.get("evidence", [])
            if span["article"] == wanted["article"]
            and (wanted["text"] in span["text"] or span["text"] in wanted["text"])
        }

    found = [holders(wanted) for wanted in non_conflict["spans"]]
    if not all(found):
        return False
    return any(a != b for first, second in combinations(found, 2) for a in first for b in second)


@dataclass
class KindScore:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0


def score_conflicts(
    key: dict, reported: Sequence[dict], kinds: Iterable[str] | None = None
) -> dict[str, KindScore]:
    """Per-kind precision and recall of reported conflicts against a key's conflicts.

    A reported conflict that matches no key conflict is a false positive of its own kind;
    one covering a planted look-alike counts as a false positive too, even if it matched.
    """
    scores: dict[str, KindScore] = {kind: KindScore() for kind in (kinds or [])}
    for key_conflict in key.get("conflicts", []):
        score = scores.setdefault(key_conflict["kind"], KindScore())
        if any(conflict_matches(key_conflict, r) for r in reported):
            score.true_positives += 1
        else:
            score.false_negatives += 1
    for conflict in reported:
        matched = any(conflict_matches(k, conflict) for k in key.get("conflicts", []))
        look_alike = any(covers_non_conflict(n, conflict) for n in key.get("non_conflicts", []))
        if not matched or look_alike:
            scores.setdefault(conflict["kind"], KindScore()).false_positives += 1
    return scores


def pairwise_family_scores(
    predicted: Sequence[Sequence[str]], expected: Sequence[Sequence[str]]
) -> tuple[float, float]:
    """Precision and recall of same-family article pairs."""

    def pairs(groups: Sequence[Sequence[str]]) -> set[tuple[str, str]]:
        return {tuple(sorted(p)) for group in groups for p in combinations(group, 2)}

    got, want = pairs(predicted), pairs(expected)
    precision = len(got & want) / len(got) if got else 1.0
    recall = len(got & want) / len(want) if want else 1.0
    return precision, recall
