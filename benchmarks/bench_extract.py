"""Extraction benchmarks, all in one run: python benchmarks/bench_extract.py [--limit N]

a) article-extraction-benchmark (181 news pages): shingle F1 of storylens, of trafilatura alone
   (default settings) in the same run, and of the published outputs in output/*.json.
b) wcxb-dev-articles (793 article pages): word-bag F1, title / author / date accuracy, for
   storylens and trafilatura alone.
c) throughput of storylens extraction, pages per CPU second of one process (per core; CPU time
   rather than wall time because these machines are shared). The whole extract_articles call
   is timed, metadata included; storylens empties its own caches at the start of each batch,
   so no mode reuses another's work. The libraries' own one-time set-up and caches (htmldate's,
   dateparser's: it compiles every locale the first time a string fits none, ~1.8 s here, met
   on the wcxb pages) go to the first timed run that meets them, the default storylens mode.
d) the labelled line set in tests/extract/fixtures/lines: precision and recall of removed lines.

Data is read from ../shared/data (see its README); nothing is downloaded.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_lines import labelled_line_scores
from extract_scoring import (
    Scores,
    accuracy,
    aeb_scores,
    bow_scores,
    same_author,
    same_day,
    same_title,
)

from storylens.extract import ExtractOptions, extract_articles
from storylens.model import Article, Document, Source

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("STORYLENS_SHARED", REPO.parent / "shared"))
AEB = SHARED / "data" / "article-extraction-benchmark"
WCXB = SHARED / "data" / "wcxb-dev-articles"
# The benchmarks hold pages in any language: the English check is off for them.
MODES = {
    "storylens": ExtractOptions(english_only=False),
    "storylens --fast": ExtractOptions(english_only=False, fast=True),
}
BASELINE = "trafilatura 2.3.1 alone (this run)"


def read_gz(path: Path) -> str:
    with gzip.open(path, "rb") as handle:
        raw = handle.read()
    return raw.decode("utf-8", errors="replace")


Pages = dict[str, tuple[str, str | None]]  # id -> (html, url)
Found = dict[str, dict]  # id -> {"text", "title", "author", "date"}


def storylens_run(pages: Pages, options: ExtractOptions) -> tuple[Found, float]:
    """Our extraction over a batch of pages, and the CPU seconds it took in this process (CPU
    time, not wall time: the machines these run on are shared)."""
    documents = [
        Document(id=key, source=Source(url=url), content=html, media_type="html")
        for key, (html, url) in pages.items()
    ]
    began = time.process_time()
    results = extract_articles(documents, options)
    seconds = time.process_time() - began
    found = {
        a.id: {"text": a.text, "title": a.title, "author": a.author, "date": a.published}
        for a in results
        if isinstance(a, Article)
    }
    return found, seconds


def trafilatura_run(pages: Pages) -> tuple[Found, float]:
    """trafilatura alone with its default settings: text and metadata, and its CPU seconds."""
    from trafilatura import bare_extraction

    found = {}
    began = time.process_time()
    for key, (html, url) in pages.items():
        result = bare_extraction(html, url=url, with_metadata=True)
        found[key] = {
            "text": (result.text or "") if result else "",
            "title": result.title if result else None,
            "author": result.author if result else None,
            "date": result.date if result else None,
        }
    return found, time.process_time() - began


def load_published_outputs() -> dict[str, dict[str, str]]:
    outputs = {}
    for path in sorted((AEB / "output").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data.get("output"), dict):
            data = data["output"]
        outputs[path.stem] = {
            key: (item or {}).get("articleBody") or "" for key, item in data.items()
        }
    return outputs


Timings = dict[str, float]  # system -> CPU seconds


def run_systems(pages: Pages) -> tuple[dict[str, Found], Timings]:
    """Every system over the same pages, each after one warm-up page (imports, caches)."""
    first = dict(list(pages.items())[:1])
    for options in MODES.values():
        storylens_run(first, options)
    trafilatura_run(first)
    found: dict[str, Found] = {}
    seconds: Timings = {}
    for name, options in MODES.items():
        found[name], seconds[name] = storylens_run(pages, options)
    found[BASELINE], seconds[BASELINE] = trafilatura_run(pages)
    return found, seconds


def bench_aeb(limit: int | None) -> tuple[list[tuple[str, Scores]], int, Timings]:
    truth_items = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth_items)[:limit] if limit else sorted(truth_items)
    truth = {key: truth_items[key]["articleBody"] for key in keys}
    pages = {
        key: (read_gz(AEB / "html" / f"{key}.html.gz"), truth_items[key]["url"]) for key in keys
    }
    found, seconds = run_systems(pages)
    rows = [
        (name, aeb_scores(truth, {k: v["text"] for k, v in texts.items()}))
        for name, texts in found.items()
    ]
    for name, output in load_published_outputs().items():
        rows.append((f"published: {name}", aeb_scores(truth, output)))
    return rows, len(pages), seconds


def bench_wcxb(limit: int | None) -> tuple[list[tuple[str, Scores, dict]], int, Timings]:
    paths = sorted((WCXB / "ground-truth").glob("*.json"))
    paths = paths[:limit] if limit else paths
    gold = {}
    pages = {}
    for path in paths:
        record = json.loads(path.read_text(encoding="utf-8"))
        gold[path.stem] = record["ground_truth"]
        pages[path.stem] = (read_gz(WCXB / "html" / f"{path.stem}.html.gz"), record.get("url"))
    truth = {key: g.get("main_content") or "" for key, g in gold.items()}
    found_by_system, seconds = run_systems(pages)
    rows = []
    for name, found in found_by_system.items():
        scores = bow_scores(truth, {k: v["text"] for k, v in found.items()})
        rows.append((name, scores, metadata_accuracy(gold, found)))
    return rows, len(pages), seconds


def metadata_accuracy(gold: dict[str, dict], found: Found) -> dict[str, tuple[float, int]]:
    def pairs(gold_field: str, found_field: str):
        return ((g.get(gold_field), found.get(k, {}).get(found_field)) for k, g in gold.items())

    return {
        "title": accuracy(pairs("title", "title"), same_title),
        "author": accuracy(pairs("author", "author"), same_author),
        "date": accuracy(pairs("publish_date", "date"), same_day),
    }


def print_table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print(f"\n## {title}")
    print(" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("-+-".join("-" * w for w in widths))
    for row in rows:
        print(" | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))


def timed(label: str, step: Callable):
    began = time.perf_counter()
    result = step()
    print(f"[{label}: {time.perf_counter() - began:.1f} s]", file=sys.stderr)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="pages per data set (quick runs)")
    args = parser.parse_args()
    if not AEB.exists() or not WCXB.exists():
        sys.exit(f"evaluation data is absent: {SHARED / 'data'}")

    aeb_rows, aeb_pages, aeb_seconds = timed(
        "article-extraction-benchmark", lambda: bench_aeb(args.limit)
    )
    print_table(
        f"a) article-extraction-benchmark ({aeb_pages} pages): word 4-gram shingles, "
        "P and R averaged per document",
        ["system", "F1", "precision", "recall"],
        [[name, f"{s.f1:.4f}", f"{s.precision:.4f}", f"{s.recall:.4f}"] for name, s in aeb_rows],
    )
    wcxb_rows, wcxb_pages, wcxb_seconds = timed("wcxb", lambda: bench_wcxb(args.limit))
    print_table(
        f"b) wcxb-dev-articles ({wcxb_pages} pages): word-bag F1 per page; "
        "metadata accuracy over pages with a gold value",
        ["system", "F1", "precision", "recall", "title", "author", "date (same day)"],
        [
            [
                name,
                f"{s.f1:.4f}",
                f"{s.precision:.4f}",
                f"{s.recall:.4f}",
                *(f"{meta[k][0]:.3f} (n={meta[k][1]})" for k in ("title", "author", "date")),
            ]
            for name, s, meta in wcxb_rows
        ],
    )
    print_table(
        "c) throughput (one process, CPU seconds; goal for storylens: >= 40 pages/s per core)",
        ["system", "AEB pages/s", "WCXB pages/s", "all pages/s per core"],
        [
            [
                name,
                f"{aeb_pages / aeb_seconds[name]:.1f}",
                f"{wcxb_pages / wcxb_seconds[name]:.1f}",
                f"{(aeb_pages + wcxb_pages) / (aeb_seconds[name] + wcxb_seconds[name]):.1f}",
            ]
            for name in aeb_seconds
        ],
    )
    line_scores = labelled_line_scores()
    print_table(
        "d) labelled line set (tests/extract/fixtures/lines): removed lines",
        ["pages", "lines", "precision", "recall", "article lines removed", "goal"],
        [
            [
                str(line_scores.pages),
                str(line_scores.lines),
                f"{line_scores.precision:.3f}",
                f"{line_scores.recall:.3f}",
                str(line_scores.kept_lines_removed),
                "recall >= 0.9, 0 article lines removed",
            ]
        ],
    )


if __name__ == "__main__":
    main()
