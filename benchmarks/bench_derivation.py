"""Derivation and families on generated rewrites of real ECB+ articles, beside a baseline.

    python benchmarks/bench_derivation.py [--events N]

For each ECB+ event, one or two real articles are bases; benchmarks/link_rewrite.py derives
rewrites from them (and rewrites of rewrites); other real articles of the same event, written
independently, stay in the story as negatives (source articles that overlap each other by word
5-grams, or share a near-copied sentence, are skipped so that negatives really are independent:
ECB+ holds several copies of one wire report per event). Inserted sentences come from
articles outside the story (same event when one is left, else another topic), so that no
negative is in fact a source of a rewrite. Every story is linked twice: with publication dates
consistent with the chain (parents earlier; negatives dated at random in the same week) and
with no dates at all.

Scores: pairwise family precision/recall/F1 (two articles in one family, over all pairs of a
story). Direction over gold parent->child pairs: dir-acc = right direction among edges whose
direction was decided (decided = directed edges / edges found; undecided ones are undirected
copies or shared-source), dir-all = right direction among all edges found (undecided count as
wrong), edges = gold pairs that got an edge at all; anc-acc = dir-acc over grandparent and
older ancestor pairs; orig = gold families whose original is named correctly.
Baseline, same run: MinHash (word 3-shingles, 128 permutations) Jaccard >= 0.5, connected
components as families, direction by date else longer article.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from link_ecbplus import EcbDocument, load_documents
from link_rewrite import Generated, Settings, rewrite_tree

from storylens.link import link_story
from storylens.link.embeddings import set_threads
from storylens.link.text import words
from storylens.model import AnnotatedArticle, Article, Derivation, Source, Story

CONFIGS = [(0.3, 1), (0.6, 2), (0.9, 3), (0.6, 4)]  # (intensity, seed)
MIN_SENTENCES = 6
MAX_NEGATIVES = 4


@dataclass
class GoldStory:
    story_id: str
    items: list[Generated]  # bases and rewrites
    negatives: list[EcbDocument]

    @property
    def family_of(self) -> dict[str, str]:
        gold = {g.id: g.root for g in self.items}
        gold.update({d.id: d.id for d in self.negatives})
        return gold


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    direct_total: int = 0
    direct_found: int = 0
    direct_correct: int = 0
    direct_undirected: int = 0
    ancestor_found: int = 0
    ancestor_correct: int = 0
    originals_total: int = 0
    originals_correct: int = 0
    seconds: float = 0.0
    articles: int = 0
    stories: int = 0
    kinds: dict[str, int] = field(default_factory=dict)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0


def shingles(text: str, n: int = 5) -> set[str]:
    tokens = words(text)
    return {" ".join(tokens[k : k + n]) for k in range(max(len(tokens) - n + 1, 0))}


def shares_a_sentence(a: EcbDocument, b: EcbDocument) -> bool:
    """Some sentence of one is a near-copy of a sentence of the other (same wire text)."""
    from rapidfuzz import fuzz, process

    long_a = [s for s in a.text.split("\n") if len(s.split()) >= 8]
    long_b = [s for s in b.text.split("\n") if len(s.split()) >= 8]
    if not long_a or not long_b:
        return False
    return bool((process.cdist(long_a, long_b, scorer=fuzz.ratio) >= 75).any())


def independent_subset(docs: Sequence[EcbDocument], limit: int) -> list[EcbDocument]:
    """Greedy: keep a document only if it shares < 10% of its 5-grams and no near-copied
    sentence with every kept one. ECB+ holds several copies of one wire report per event;
    those are derived from each other, not negatives."""
    kept: list[tuple[EcbDocument, set[str]]] = []
    for doc in docs:
        own = shingles(doc.text)
        if not own:
            continue
        if all(
            len(own & other) / min(len(own), len(other)) < 0.1 and not shares_a_sentence(doc, d)
            for d, other in kept
        ):
            kept.append((doc, own))
        if len(kept) >= limit:
            break
    return [doc for doc, _ in kept]


def build_gold(
    docs: Sequence[EcbDocument], intensity: float, seed: int, events: int
) -> list[GoldStory]:
    by_event: dict[str, list[EcbDocument]] = {}
    for doc in docs:
        by_event.setdefault(doc.event, []).append(doc)
    stories: list[GoldStory] = []
    for event in sorted(by_event)[:events]:
        rng = random.Random(f"{seed}-{event}")
        pool = sorted(by_event[event], key=lambda d: d.id)
        rng.shuffle(pool)
        chosen = independent_subset(pool, 2 + MAX_NEGATIVES)
        long_enough = [d for d in chosen if d.text.count("\n") + 1 >= MIN_SENTENCES]
        if len(chosen) < 3 or not long_enough:
            continue
        base_count = 2 if len(long_enough) >= 2 and rng.random() < 0.5 else 1
        bases = long_enough[:base_count]
        negatives = [d for d in chosen if d not in bases]
        # Insertions come from articles outside the story, one mutually independent donor
        # article per tree: two trees inserting the same text would share a source.
        outside = [d for d in pool if d not in chosen]
        others = [d for d in docs if d.topic != pool[0].topic and d.event.endswith(event[-3:])]
        donor_docs = independent_subset(outside, len(bases)) + others[:3]
        settings = Settings(intensity=intensity)
        items: list[Generated] = []
        for number, base in enumerate(bases):
            own = donor_docs[number].text.split("\n") if number < len(donor_docs) else []
            donors = [line for line in own if len(line.split()) > 6]
            items += rewrite_tree(base.id, base.text, rng, settings, donors)
        stories.append(GoldStory(event, items, negatives))
    return stories


def dated_articles(gold: GoldStory, dated: bool, seed: int) -> list[AnnotatedArticle]:
    rng = random.Random(f"dates-{seed}-{gold.story_id}")
    start = date(2020, 1, 1) + timedelta(days=rng.randrange(1500))
    published: dict[str, str | None] = {}
    for item in gold.items:  # parents come before children in the list
        if not dated:
            published[item.id] = None
        elif item.parent is None:
            published[item.id] = (start + timedelta(days=rng.randint(0, 2))).isoformat()
        else:
            parent_day = date.fromisoformat(published[item.parent] or start.isoformat())
            published[item.id] = (parent_day + timedelta(days=rng.randint(1, 3))).isoformat()
    for doc in gold.negatives:
        published[doc.id] = (
            (start + timedelta(days=rng.randint(0, 6))).isoformat() if dated else None
        )
    texts = {g.id: g.text for g in gold.items} | {d.id: d.text for d in gold.negatives}
    return [
        AnnotatedArticle(
            article=Article(
                id=i,
                source=Source(path=i),
                text=texts[i],
                published=published[i],
                published_from="meta" if published[i] else "none",
            )
        )
        for i in sorted(texts)
    ]


def edge_between(edges: Sequence[Derivation], a: str, b: str) -> Derivation | None:
    for edge in edges:
        if {edge.parent, edge.child} == {a, b}:
            return edge
    return None


def score_story(
    gold: GoldStory,
    families: dict[str, str],
    edges: Sequence[Derivation],
    originals: dict[str, str | None],
    tally: Tally,
) -> None:
    truth = gold.family_of
    ids = sorted(truth)
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            same_gold, same_pred = truth[a] == truth[b], families[a] == families[b]
            tally.tp += same_gold and same_pred
            tally.fp += same_pred and not same_gold
            tally.fn += same_gold and not same_pred
    parent_of = {g.id: g.parent for g in gold.items}
    for item in gold.items:
        ancestor, depth = item.parent, 1
        while ancestor is not None:
            edge = edge_between(edges, ancestor, item.id)
            directed = edge is not None and edge.kind != "shared-source" and edge.confidence > 0.5
            if depth == 1:
                tally.direct_total += 1
                if edge is not None:
                    tally.direct_found += 1
                    tally.direct_undirected += not directed
                    tally.direct_correct += directed and edge.parent == ancestor
            elif edge is not None:
                tally.ancestor_found += 1
                tally.ancestor_correct += directed and edge.parent == ancestor
            ancestor, depth = parent_of.get(ancestor), depth + 1
    for root in {g.root for g in gold.items}:
        members = [g.id for g in gold.items if g.root == root]
        if len(members) > 1:
            tally.originals_total += 1
            tally.originals_correct += originals.get(families[root]) == root
    for edge in edges:
        tally.kinds[edge.kind] = tally.kinds.get(edge.kind, 0) + 1


def ours(articles: list[AnnotatedArticle]) -> tuple[dict[str, str], list[Derivation], dict]:
    linked = link_story(Story(id="s", title="", articles=tuple(articles)))
    families = {a: f.id for f in linked.families for a in f.article_ids}
    originals = {f.id: f.original for f in linked.families}
    return families, list(linked.derivations), originals


def baseline(articles: list[AnnotatedArticle]) -> tuple[dict[str, str], list[Derivation], dict]:
    from datasketch import MinHash

    hashes = {}
    for a in articles:
        minhash = MinHash(num_perm=128, seed=1)
        minhash.update_batch([s.encode() for s in sorted(shingles(a.article.text, 3))])
        hashes[a.id] = minhash
    by_id = {a.id: a for a in articles}
    ids = sorted(hashes)
    parent = {i: i for i in ids}
    edges: list[Derivation] = []
    for x, a in enumerate(ids):
        for b in ids[x + 1 :]:
            if hashes[a].jaccard(hashes[b]) >= 0.5:
                pa, pb = by_id[a].article.published, by_id[b].article.published
                if pa and pb and pa != pb:
                    first = a if pa < pb else b
                else:
                    first = a if len(by_id[a].article.text) >= len(by_id[b].article.text) else b
                second = b if first == a else a
                edges.append(Derivation(first, second, "copy", 1.0, 0.9))
                ra, rb = _find(parent, a), _find(parent, b)
                parent[max(ra, rb)] = min(ra, rb)
    families = {i: _find(parent, i) for i in ids}
    originals = {}
    for fam in set(families.values()):
        members = [i for i in ids if families[i] == fam]
        children = {e.child for e in edges if e.parent in members}
        roots = [m for m in members if m not in children]
        originals[fam] = roots[0] if len(roots) == 1 else None
    return families, edges, originals


def _find(parent: dict[str, str], x: str) -> str:
    while parent[x] != x:
        x = parent[x]
    return x


def run(events: int, threads: int) -> None:
    set_threads(threads)
    docs = load_documents()
    header = (
        f"{'system':10} {'int':>4} {'seed':>4} {'dates':>5} {'stories':>7} {'arts':>5} "
        f"{'famP':>6} {'famR':>6} {'famF1':>6} {'dir-acc':>8} {'decided':>9} {'dir-all':>7} "
        f"{'edges':>9} "
        f"{'anc-acc':>8} {'orig':>7} {'sec':>6}"
    )
    print(header)
    totals: dict[tuple[str, bool], Tally] = {}
    for intensity, seed in CONFIGS:
        gold_stories = build_gold(docs, intensity, seed, events)
        for dated in (True, False):
            for system, func in (("storylens", ours), ("minhash", baseline)):
                tally = Tally()
                for gold in gold_stories:
                    articles = dated_articles(gold, dated, seed)
                    began = time.perf_counter()
                    families, edges, originals = func(articles)
                    tally.seconds += time.perf_counter() - began
                    tally.articles += len(articles)
                    tally.stories += 1
                    score_story(gold, families, edges, originals, tally)
                print_row(system, intensity, seed, dated, tally)
                total = totals.setdefault((system, dated), Tally())
                for name in (
                    "tp",
                    "fp",
                    "fn",
                    "direct_total",
                    "direct_found",
                    "direct_correct",
                    "direct_undirected",
                    "ancestor_found",
                    "ancestor_correct",
                    "originals_total",
                    "originals_correct",
                    "seconds",
                    "articles",
                    "stories",
                ):
                    setattr(total, name, getattr(total, name) + getattr(tally, name))
                for kind, count in tally.kinds.items():
                    total.kinds[kind] = total.kinds.get(kind, 0) + count
    print("\nall settings pooled")
    print(header)
    for (system, dated), tally in sorted(
        totals.items(), key=lambda kv: (kv[0][0] != "storylens", not kv[0][1])
    ):
        print_row(system, None, None, dated, tally)
        if system == "storylens":
            print(f"{'':10} edge kinds: {dict(sorted(tally.kinds.items()))}")


def print_row(
    system: str, intensity: float | None, seed: int | None, dated: bool, t: Tally
) -> None:
    p, r, f1 = t.prf()
    decided = t.direct_found - t.direct_undirected
    acc = t.direct_correct / decided if decided else 0.0
    acc_all = t.direct_correct / t.direct_found if t.direct_found else 0.0
    anc = t.ancestor_correct / t.ancestor_found if t.ancestor_found else 0.0
    orig = t.originals_correct / t.originals_total if t.originals_total else 0.0
    print(
        f"{system:10} {'all' if intensity is None else intensity:>4} "
        f"{'all' if seed is None else seed:>4} {'yes' if dated else 'no':>5} {t.stories:7d} "
        f"{t.articles:5d} {p:6.3f} {r:6.3f} {f1:6.3f} {acc:8.3f} {decided:4d}/{t.direct_found:<4d} "
        f"{acc_all:7.3f} {t.direct_found:4d}/{t.direct_total:<4d} {anc:8.3f} "
        f"{orig:7.3f} {t.seconds:6.1f}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=40, help="ECB+ events to use (max 66)")
    parser.add_argument("--threads", type=int, default=2, help="embedding threads")
    args = parser.parse_args()
    run(args.events, args.threads)


if __name__ == "__main__":
    main()
