"""link_story at scale: time and peak memory for stories of 50, 100, 200 and 500 articles.

    python benchmarks/bench_link_scale.py [--sizes 50 100 200 500] [--threads 2]

Stories come from the rewrite generator (benchmarks/link_rewrite.py) over real ECB+ articles:
a fifth of the source articles get rewrite trees (so about half of a story is rewrites), the
rest stay independent.
Each size runs in a fresh process so that its peak resident memory (getrusage) is its own.
"cold" is the first link_story call (embeddings computed), "warm" a second call on the same
story (embeddings cached: the cost of alignment, derivation and families alone). Baseline in
the same run: all-pairs alignment (no candidate-pair pruning), for sizes up to 200.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from link_ecbplus import load_documents
from link_rewrite import Settings, rewrite_tree

from storylens.model import AnnotatedArticle, Article, Source, Story

SIZES = (50, 100, 200, 500)
ALL_PAIRS_LIMIT = 200


def generated_story(size: int, seed: int = 7) -> Story:
    rng = random.Random(seed)
    docs = [d for d in load_documents() if d.text.count("\n") >= 5]
    rng.shuffle(docs)
    texts: dict[str, str] = {}
    donors = [line for d in docs[-20:] for line in d.text.split("\n")]  # never in a story
    settings = Settings(intensity=0.6, children=(1, 3))
    cursor = 0
    while len(texts) < size and cursor < len(docs) - 20:
        doc = docs[cursor]
        cursor += 1
        if rng.random() < 0.2:
            tree = rewrite_tree(doc.id, doc.text, rng, settings, donors)
            for item in tree[: size - len(texts)]:
                texts[item.id] = item.text
        else:
            texts[doc.id] = doc.text
    articles = tuple(
        AnnotatedArticle(article=Article(id=i, source=Source(path=i), text=texts[i]))
        for i in sorted(texts)
    )
    return Story(id=f"scale-{size}", title="", articles=articles)


def measure(size: int, threads: int, all_pairs: bool) -> dict[str, float]:
    from storylens.link import linker
    from storylens.link.embeddings import set_threads

    set_threads(threads)
    if all_pairs:
        linker.ALL_PAIRS_UP_TO = 10**9
    story = generated_story(size)
    sentences = sum(a.article.text.count("\n") + 1 for a in story.articles)
    began = time.perf_counter()
    linked = linker.link_story(story)
    cold = time.perf_counter() - began
    began = time.perf_counter()
    linker.link_story(story)
    warm = time.perf_counter() - began
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "articles": len(story.articles),
        "paragraphs": sentences,
        "cold_s": cold,
        "warm_s": warm,
        "peak_mb": peak_kb / 1024,
        "edges": len(linked.derivations),
        "families": len(linked.families),
        "alignments": len(linked.alignments),
    }


def run_child(size: int, threads: int, all_pairs: bool) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", str(size), "--threads", str(threads)]
    if all_pairs:
        command.append("--all-pairs")
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--all-pairs", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.threads, args.all_pairs)))
        return
    print(f"embedding threads: {args.threads}")
    print(
        f"{'system':18} {'articles':>8} {'paras':>6} {'cold s':>8} {'warm s':>8} "
        f"{'peak MB':>8} {'edges':>6} {'families':>8}"
    )
    for size in args.sizes:
        for system, all_pairs in (("storylens", False), ("all-pairs baseline", True)):
            if all_pairs and size > ALL_PAIRS_LIMIT:
                continue
            row = run_child(size, args.threads, all_pairs)
            print(
                f"{system:18} {row['articles']:8d} {row['paragraphs']:6d} {row['cold_s']:8.1f} "
                f"{row['warm_s']:8.1f} {row['peak_mb']:8.0f} {row['edges']:6d} "
                f"{row['families']:8d}",
                flush=True,
            )


if __name__ == "__main__":
    main()
