"""Scorers for the extraction benchmarks, written from the benchmarks' own descriptions.

- article-extraction-benchmark (Scrapinghub): word 4-gram shingles; per document, true
  positives, false positives and false negatives are multiset overlaps of the shingles (their
  normalisation to sum 1 does not change a per-document ratio); precision and recall are averaged
  over documents and F1 is computed from the two averages. Recomputed on the published outputs,
  this gives back the published figures (trafilatura 0.958, rs_trafilatura 0.970).
- wcxb (web-content-extraction-benchmark): bag of lower-cased ``\\w+`` tokens, multiset overlap,
  F1 per page, averaged over pages. Metadata: title and author match when equal after
  normalisation (case, accents, punctuation, spacing; an author list matches when any of its
  names equals the gold author); dates match when they fall on the same calendar day.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    documents: int


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    words = TOKEN.findall(text or "")
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def overlap(true: Counter, predicted: Counter) -> tuple[int, int, int]:
    tp = sum((true & predicted).values())
    return tp, sum((predicted - true).values()), sum((true - predicted).values())


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def f1_from(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def aeb_scores(truth: Mapping[str, str], predicted: Mapping[str, str]) -> Scores:
    """Shingle precision and recall averaged over documents; F1 from the averages."""
    precisions, recalls = [], []
    for key, gold in truth.items():
        tp, fp, fn = overlap(shingles(gold), shingles(predicted.get(key) or ""))
        precisions.append(ratio(tp, tp + fp))
        recalls.append(ratio(tp, tp + fn))
    precision, recall = statistics.fmean(precisions), statistics.fmean(recalls)
    return Scores(precision, recall, f1_from(precision, recall), len(truth))


def bag_of_words(text: str) -> Counter[str]:
    return Counter(TOKEN.findall((text or "").lower()))


def bow_scores(truth: Mapping[str, str], predicted: Mapping[str, str]) -> Scores:
    """Word bag F1 per page, averaged (precision and recall averaged alongside)."""
    precisions, recalls, f1s = [], [], []
    for key, gold in truth.items():
        tp, fp, fn = overlap(bag_of_words(gold), bag_of_words(predicted.get(key) or ""))
        precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
        precisions.append(precision)
        recalls.append(recall)
        f1s.append(f1_from(precision, recall))
    return Scores(
        statistics.fmean(precisions), statistics.fmean(recalls), statistics.fmean(f1s), len(truth)
    )


def normalise_name(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(TOKEN.findall(text.replace("_", " ")))


def same_title(gold: str | None, found: str | None) -> bool:
    return bool(gold) and normalise_name(gold) == normalise_name(found)


def same_author(gold: str | None, found: str | None) -> bool:
    """Equal names; with lists or suffixes ("Name, MD"), one side's first name in the other."""
    if not gold or not found:
        return False
    if normalise_name(gold) == normalise_name(found):
        return True
    split = re.compile(r";|,|\band\b|&|\|")
    gold_names = {normalise_name(part) for part in split.split(gold)} - {""}
    found_names = {normalise_name(part) for part in split.split(found)} - {""}
    gold_first = normalise_name(split.split(gold)[0])
    found_first = normalise_name(split.split(found)[0])
    return gold_first in found_names or found_first in gold_names


def same_day(gold: str | None, found: str | None) -> bool:
    return bool(gold) and bool(found) and str(gold)[:10] == str(found)[:10]


def accuracy(pairs: Iterable[tuple[str | None, str | None]], match) -> tuple[float, int]:
    """Share of pages with a gold value whose found value matches it, and how many had one."""
    judged = [match(gold, found) for gold, found in pairs if gold]
    return (sum(judged) / len(judged) if judged else 0.0), len(judged)
