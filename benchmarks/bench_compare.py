"""Conflict finding on every story with an answer key, beside a string-equality baseline.

    python benchmarks/bench_compare.py [--no-large] [--repeat N]

Runs the whole pipeline on each story folder under examples/ (sample-story, stories/<name> and
held-out/<name>) and scores the compare stage's conflicts with storylens.evaluation (rules in
examples/ANSWER-KEY.md): precision and recall per conflict kind, false conflicts per story. The
held-out stories were written by people who had not read the rules; they are scored apart, as
the better guess of how storylens does on stories nobody has seen.
The baseline compares the same observations (titles, event places and dates, numbers, quotes)
by their words only: no gazetteer, no weekday reading, no office status rules, no rounding.

Timings of the compare stage alone: the five seed pages in ../shared/seeds, warm (the goal is
under 0.3 s), and a 200-article story built by cloning the sample story's annotated pages under
new ids with varied subsets of their annotations (the goal is under 30 s on 2 cores).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
SEEDS = Path(os.environ.get("STORYLENS_SHARED", REPO.parent / "shared")) / "seeds"
KINDS = ("place", "date", "title", "role-holder", "number", "quote", "attribution")


def conflict_dicts(conflicts) -> list[dict]:
    return [dataclasses.asdict(c) for c in conflicts]


def baseline_conflicts(linked) -> list[dict]:
    """Same observations as ours, compared by their folded words: what normalising buys us."""
    from storylens.compare.context import build_context
    from storylens.compare.events import event_findings
    from storylens.compare.numbers import number_findings
    from storylens.compare.quotes import _uses as quote_uses
    from storylens.compare.text import fold
    from storylens.compare.titles import role_holder_observations, title_observations

    context = build_context(linked)
    titles = title_observations(context)
    _events, event_observations, _drafts = event_findings(context)
    number_observations, _number_drafts = number_findings(context)
    kinds = {
        "title": "title",
        "role-holder": "role-holder",
        "event-place": "place",
        "event-date": "date",
        "number": "number",
    }
    grouped: dict[tuple[str, str, str], dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for o in [
        *titles,
        *role_holder_observations(context, titles),
        *event_observations,
        *number_observations,
    ]:
        raw = fold(" ".join(s.text for s in o.evidence))
        grouped[(kinds[o.kind], o.subject_id, o.attribute)][raw].extend(o.evidence)
    for use in quote_uses(context):
        if use.speaker:
            grouped[("quote", use.speaker, "wording")][use.tokens].append(use.span)
    reported = []
    for (kind, _subject, _attribute), values in grouped.items():
        if len(values) > 1:
            reported.append(
                {
                    "kind": kind,
                    "values": [
                        {"evidence": [dataclasses.asdict(s) for s in spans]}
                        for spans in values.values()
                    ],
                }
            )
    return reported


HELD_OUT = "held-out"  # stories written by people who had not read the rules, scored apart


def story_group(folder: Path) -> str:
    return HELD_OUT if HELD_OUT in folder.relative_to(EXAMPLES).parts else "tuned"


Totals = dict[str, list[int]]  # kind -> [true positives, false positives, false negatives]


def score_stories() -> None:
    from storylens.evaluation import load_key, score_conflicts, story_folders
    from storylens.pipeline import analyze

    folders = story_folders(EXAMPLES)
    if not folders:
        print("no story with an answer key under examples/")
        return
    # (group, system) -> totals per kind
    totals: dict[tuple[str, str], Totals] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    rows = []
    for folder in folders:
        key = load_key(folder)
        began = time.perf_counter()
        analysis = analyze([str(folder)])
        seconds = time.perf_counter() - began
        ours, base = [], []
        for result in analysis.stories:
            ours.extend(conflict_dicts(result.findings.conflicts))
            base.extend(baseline_conflicts(result.linked))
        for name, reported in (("storylens", ours), ("baseline", base)):
            for kind, score in score_conflicts(key, reported, KINDS).items():
                for group in (story_group(folder), "all"):
                    total = totals[(group, name)][kind]
                    total[0] += score.true_positives
                    total[1] += score.false_positives
                    total[2] += score.false_negatives
        ours_scores = score_conflicts(key, ours, KINDS)
        found = sum(s.true_positives for s in ours_scores.values())
        false = sum(s.false_positives for s in ours_scores.values())
        wanted = len(key.get("conflicts", []))
        base_false = sum(s.false_positives for s in score_conflicts(key, base, KINDS).values())
        rows.append(
            (
                str(folder.relative_to(EXAMPLES)),
                wanted,
                found,
                false,
                base_false,
                analysis.timings.get("compare", 0.0),
                seconds,
            )
        )

    print("\nConflicts per story (storylens; baseline false conflicts beside)")
    print(
        f"{'story':28} {'key':>4} {'found':>6} {'false':>6} {'base false':>11} "
        f"{'compare s':>10} {'pipeline s':>11}"
    )
    for name, wanted, found, false, base_false, compare_s, total_s in rows:
        print(
            f"{name:28} {wanted:>4} {found:>6} {false:>6} {base_false:>11} "
            f"{compare_s:>10.3f} {total_s:>11.1f}"
        )
    groups = sorted({story_group(folder) for folder in folders}, reverse=True)
    for group in [*groups, "all"] if len(groups) > 1 else groups:
        print_kind_table(group, totals[(group, "storylens")], totals[(group, "baseline")])


def print_kind_table(group: str, ours: Totals, baseline: Totals) -> None:
    what = {
        "tuned": "stories the rules were developed on",
        HELD_OUT: "held-out stories, written without reading the rules",
        "all": "all stories",
    }[group]
    print(f"\nPer kind, {what} (precision / recall; goal >= 0.9 each)")
    print(
        f"{'kind':12} {'storylens P':>12} {'R':>6} {'TP/FP/FN':>10}   {'baseline P':>11} {'R':>6}"
    )
    for kind in KINDS:
        line = f"{kind:12}"
        for name, totals in (("storylens", ours), ("baseline", baseline)):
            tp, fp, fn = totals[kind]
            precision = tp / (tp + fp) if tp + fp else 1.0
            recall = tp / (tp + fn) if tp + fn else 1.0
            if name == "storylens":
                line += f" {precision:>12.2f} {recall:>6.2f} {f'{tp}/{fp}/{fn}':>10}"
            else:
                line += f"   {precision:>11.2f} {recall:>6.2f}"
        print(line)


def time_seeds(repeat: int) -> None:
    from storylens.compare import compare_story
    from storylens.pipeline import analyze

    if not SEEDS.exists():
        print(f"\n{SEEDS} is absent: no seed timing")
        return
    analysis = analyze([str(p) for p in sorted(SEEDS.glob("*.txt"))])
    stories = [r.linked for r in analysis.stories]
    for linked in stories:
        compare_story(linked)  # warm the gazetteer and caches
    runs = []
    for _ in range(repeat):
        began = time.perf_counter()
        for linked in stories:
            compare_story(linked)
        runs.append(time.perf_counter() - began)
    articles = sum(len(s.story.articles) for s in stories)
    print(
        f"\nSeeds: compare on {articles} articles in {len(stories)} stories, warm: "
        f"median {statistics.median(runs):.3f} s over {repeat} runs (goal < 0.3 s); "
        f"cold (first run, in the pipeline) {analysis.timings.get('compare', 0.0):.3f} s"
    )


def large_story(size: int):
    """The sample story's annotated pages cloned under new ids, each clone missing some notes.

    Clones of one page form one family (they are copies), so support still counts sources.
    """
    from storylens.model import Family, LinkedStory, Story
    from storylens.pipeline import analyze

    analysis = analyze([str(EXAMPLES / "sample-story")])
    base = [a for r in analysis.stories for a in r.linked.story.articles]
    clones = []
    families: dict[str, list[str]] = defaultdict(list)
    for index in range(size):
        source = base[index % len(base)]
        offset = index % 5  # drop every 5th item of each annotation list, at a varying offset
        thin = {
            name: tuple(x for i, x in enumerate(getattr(source, name)) if (i + offset) % 5)
            for name in ("titles", "dates", "numbers", "quotes", "events")
        }
        article = dataclasses.replace(source.article, id=f"{source.id}-{index:03d}")
        clones.append(dataclasses.replace(source, article=article, **thin))
        families[source.id].append(article.id)
    story = Story(id="large", title="large", articles=tuple(clones))
    return LinkedStory(
        story=story,
        families=tuple(
            Family(id=k, article_ids=tuple(v), original=v[0]) for k, v in sorted(families.items())
        ),
    )


def time_large(size: int) -> None:
    from storylens.compare import compare_story

    linked = large_story(size)
    began = time.perf_counter()
    findings = compare_story(linked)
    seconds = time.perf_counter() - began
    print(
        f"\nLarge story: {len(linked.story.articles)} articles: "
        f"compare {seconds:.2f} s (goal < 30 s on 2 cores), {len(findings.conflicts)} conflicts, "
        f"{len(findings.claims)} claims, {len(findings.quotes)} quote groups"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-large", action="store_true", help="skip the 200-article timing")
    parser.add_argument("--repeat", type=int, default=20, help="warm runs on the seeds")
    parser.add_argument("--size", type=int, default=200, help="articles in the large story")
    args = parser.parse_args()
    sys.setrecursionlimit(10000)
    score_stories()
    time_seeds(args.repeat)
    if not args.no_large:
        time_large(args.size)


if __name__ == "__main__":
    main()
