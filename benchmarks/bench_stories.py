"""Story grouping on ECB+ (../shared/data/ecbplus-dev): storylens beside a TF-IDF baseline.

    python benchmarks/bench_stories.py [--no-annotate] [--sweep]

Input: every ECB+ document mixed together (772 articles, 33 topics, 66 events: each topic's
``ecb`` and ``ecbplus`` halves are two different real events of the same kind). Scores: adjusted
Rand index, V-measure and B-cubed F1 against topic labels and event labels. Off-topic articles
(groups smaller than two) count as singleton clusters.

Both systems use one global distance threshold. Thresholds were chosen on topics 1-18 (the
"tune" half) and are also reported on topics 19-35 alone (the "held-out" half), which played no
part in choosing them. ``--sweep`` prints the threshold sweep on the tune half.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from link_ecbplus import EcbDocument, load_documents, to_annotated

from storylens.link.stories import (
    DISTANCE_THRESHOLD,
    article_similarity,
    cluster_labels,
    group_stories,
)

BASELINE_THRESHOLD = 0.84  # TF-IDF cosine distance, tuned on topics 1-18 like ours
TUNE_MAX_TOPIC = 18


def bcubed_f1(gold: Sequence[str], predicted: Sequence[int]) -> float:
    """B-cubed F1: per item precision/recall of its cluster against its gold class."""
    n = len(gold)
    gold_arr, pred_arr = np.array(gold), np.array(predicted)
    precision = recall = 0.0
    for i in range(n):
        same_pred = pred_arr == pred_arr[i]
        same_gold = gold_arr == gold_arr[i]
        both = float(np.sum(same_pred & same_gold))
        precision += both / float(np.sum(same_pred))
        recall += both / float(np.sum(same_gold))
    precision, recall = precision / n, recall / n
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def scores(gold: Sequence[str], predicted: Sequence[int]) -> tuple[float, float, float]:
    from sklearn.metrics import adjusted_rand_score, v_measure_score

    return (
        adjusted_rand_score(gold, predicted),
        v_measure_score(gold, predicted),
        bcubed_f1(gold, predicted),
    )


def baseline_similarity(docs: Sequence[EcbDocument]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(
        [d.text for d in docs]
    )
    return np.asarray((matrix @ matrix.T).todense())


def labels_from_stories(articles, min_size: int = 2) -> list[int]:
    """Cluster labels per article (input order) from group_stories, off-topic as singletons."""
    stories, off_topic = group_stories(articles, min_size=min_size)
    label_of: dict[str, int] = {}
    for number, story in enumerate(stories):
        for article in story.articles:
            label_of[article.id] = number
    for number, article_id in enumerate(off_topic, start=len(stories)):
        label_of[article_id] = number
    return [label_of[a.id] for a in articles]


def subset(items: Sequence, docs: Sequence[EcbDocument], keep) -> list:
    return [item for item, doc in zip(items, docs, strict=True) if keep(doc)]


def run(annotate: bool, sweep: bool) -> None:
    started = time.perf_counter()
    docs = load_documents()
    articles = [to_annotated(d, annotate=annotate) for d in docs]
    has_entities = any(a.entities for a in articles)
    print(
        f"ECB+ dev: {len(docs)} documents, {len({d.topic for d in docs})} topics, "
        f"{len({d.event for d in docs})} events; entities from annotate: {has_entities}; "
        f"load {time.perf_counter() - started:.1f}s"
    )
    halves = {
        "all": lambda d: True,
        "tune (1-18)": lambda d: int(d.topic) <= TUNE_MAX_TOPIC,
        "held-out (19-35)": lambda d: int(d.topic) > TUNE_MAX_TOPIC,
    }
    if sweep:
        tune_docs = subset(docs, docs, halves["tune (1-18)"])
        tune_articles = subset(articles, docs, halves["tune (1-18)"])
        ours = article_similarity(tune_articles)
        base = baseline_similarity(tune_docs)
        gold = [d.event for d in tune_docs]
        print("threshold  ours-event-B3  baseline-event-B3")
        for threshold in np.arange(0.40, 0.96, 0.02):
            print(
                f"{threshold:9.2f}  {bcubed_f1(gold, cluster_labels(ours, threshold)):13.3f}"
                f"  {bcubed_f1(gold, cluster_labels(base, threshold)):17.3f}"
            )
    rows = []
    for name, keep in halves.items():
        part_docs = subset(docs, docs, keep)
        part_articles = subset(articles, docs, keep)
        began = time.perf_counter()
        ours = labels_from_stories(part_articles)
        seconds = time.perf_counter() - began
        base = cluster_labels(baseline_similarity(part_docs), BASELINE_THRESHOLD)
        for level in ("topic", "event"):
            gold = [d.topic if level == "topic" else d.event for d in part_docs]
            rows.append((name, level, "storylens", *scores(gold, ours), len(set(ours)), seconds))
            rows.append((name, level, "tfidf+agglo", *scores(gold, base), len(set(base)), None))
    print(
        f"\nthresholds: storylens {DISTANCE_THRESHOLD}, baseline {BASELINE_THRESHOLD} "
        f"(both chosen on topics 1-{TUNE_MAX_TOPIC})"
    )
    print(
        f"{'split':18} {'level':6} {'system':12} {'ARI':>6} {'V':>6} {'B3-F1':>6} "
        f"{'clusters':>8} {'seconds':>8}"
    )
    for split, level, system, ari, v, b3, k, secs in rows:
        secs_text = f"{secs:8.1f}" if secs is not None else " " * 8
        print(f"{split:18} {level:6} {system:12} {ari:6.3f} {v:6.3f} {b3:6.3f} {k:8d} {secs_text}")
    print(f"\ntotal {time.perf_counter() - started:.1f}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-annotate", action="store_true", help="skip the annotate stage")
    parser.add_argument("--sweep", action="store_true", help="print the threshold sweep")
    args = parser.parse_args()
    run(annotate=not args.no_annotate, sweep=args.sweep)


if __name__ == "__main__":
    main()
